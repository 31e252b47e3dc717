import { type DeclineReason } from '../domain/decline-reasons';
import { type JobStatus } from '../domain/job-status';
import { type Language } from '../domain/languages';

/**
 * Every word the USSD menu says, in English and Kiswahili. Shorter than the phone pages' words:
 * a USSD screen holds about 182 characters, and plain ASCII only, since the networks cannot show
 * other characters on every handset.
 */
const ENGLISH = {
  hello: (name: string) => `Kiwanda: ${name}`,
  menu: { offers: 'New offers', work: 'My work', pay: 'My pay' },
  more: 'More',
  back: 'Back',
  invalid: 'Invalid choice.',
  offersTitle: 'New offers',
  noOffers: 'No new offers now.',
  workTitle: 'My work',
  noWork: 'No work in hand.',
  gone: 'gone',
  pays: 'Pays',
  each: 'each',
  due: 'Due',
  hours: (hours: number) => (hours <= 1 ? 'About 1 hour of work' : `About ${hours} hours of work`),
  accept: 'Accept',
  decline: 'Decline',
  declineWhy: 'Why decline?',
  declineReasons: {
    'no-time': 'No time this week',
    'no-materials': 'No materials',
    'not-our-skill': 'Not our skill',
    'rate-too-low': 'Pay is too low',
    away: 'I will be away',
  } satisfies Record<DeclineReason, string>,
  madeOf: (made: number, of: number) => `${made} of ${of} made`,
  rework: (failed: number) => `${failed} failed inspection: redo them.`,
  markReady: 'All made: ready for inspection',
  status: {
    offered: 'offered',
    accepted: 'not started',
    in_progress: 'making',
    ready_for_qc: 'waiting for inspection',
    passed: 'passed',
    failed: 'rework needed',
    paid: 'paid',
    declined: 'declined',
    cancelled: 'cancelled',
  } satisfies Record<JobStatus, string>,
  /** How a job stands now, said of a job that is no longer where the artisan saw it. */
  now: {
    offered: 'still offered',
    accepted: 'already accepted',
    in_progress: 'being made',
    ready_for_qc: 'waiting for inspection',
    passed: 'passed',
    failed: 'failed inspection',
    paid: 'paid',
    declined: 'declined',
    cancelled: 'cancelled',
  } satisfies Record<JobStatus, string>,
  offerGone: (status: string) => `This offer is no longer open (${status}).`,
  jobGone: (status: string) => `This job is no longer in your work (${status}).`,
  pay: {
    title: 'My pay',
    paidThisMonth: 'Paid this month',
    waiting: 'Waiting for inspection',
    due: 'Due to you',
    next: 'Next payout',
    awaitingApproval: 'waiting for approval',
    sending: 'being sent by M-Pesa',
    nextRun: 'in the next payout run',
    nothingDue: 'nothing due yet',
  },
  done: {
    accept: 'Offer accepted. Dial again and choose My work to see it.',
    decline: 'Offer declined. Thank you for telling us why.',
    ready: 'Sent for inspection. A field officer will come to check it.',
  },
  refused: {
    changed: (status: string) => `Not done: this job is now ${status}.`,
    taken: 'Not done: this job is with another artisan or workshop.',
    missing: 'Not done: this job no longer exists.',
    other: 'Not done: please call your workshop lead.',
  },
  failed: 'Sorry, something went wrong. Please dial again later.',
  notArtisan: 'This number has no artisan account on Kiwanda. Ask your field officer.',
};

export type UssdWords = typeof ENGLISH;

const KISWAHILI: UssdWords = {
  hello: (name) => `Kiwanda: ${name}`,
  menu: { offers: 'Kazi mpya', work: 'Kazi yangu', pay: 'Malipo yangu' },
  more: 'Zaidi',
  back: 'Rudi',
  invalid: 'Chaguo si sahihi.',
  offersTitle: 'Kazi mpya',
  noOffers: 'Hakuna kazi mpya sasa.',
  workTitle: 'Kazi yangu',
  noWork: 'Huna kazi sasa.',
  gone: 'imeondoka',
  pays: 'Malipo',
  each: 'kila kipande',
  due: 'Mwisho',
  hours: (hours) => (hours <= 1 ? 'Karibu saa 1 ya kazi' : `Karibu saa ${hours} za kazi`),
  accept: 'Kubali',
  decline: 'Kataa',
  declineWhy: 'Kwa nini unakataa?',
  declineReasons: {
    'no-time': 'Sina muda wiki hii',
    'no-materials': 'Sina vifaa',
    'not-our-skill': 'Si ujuzi wetu',
    'rate-too-low': 'Malipo ni kidogo',
    away: 'Nitakuwa mbali',
  },
  madeOf: (made, of) => `${made} kati ya ${of} vimetengenezwa`,
  rework: (failed) => `${failed} havikupita ukaguzi: virudie.`,
  markReady: 'Nimemaliza: ikaguliwe',
  status: {
    offered: 'inatolewa',
    accepted: 'bado kuanza',
    in_progress: 'inatengenezwa',
    ready_for_qc: 'inasubiri ukaguzi',
    passed: 'imepita',
    failed: 'irudiwe',
    paid: 'imelipwa',
    declined: 'imekataliwa',
    cancelled: 'imefutwa',
  },
  now: {
    offered: 'bado inatolewa',
    accepted: 'imeshakubaliwa',
    in_progress: 'inatengenezwa',
    ready_for_qc: 'inasubiri ukaguzi',
    passed: 'imepita',
    failed: 'haikupita ukaguzi',
    paid: 'imelipwa',
    declined: 'imekataliwa',
    cancelled: 'imefutwa',
  },
  offerGone: (status) => `Kazi hii haipatikani tena (${status}).`,
  jobGone: (status) => `Kazi hii si yako tena (${status}).`,
  pay: {
    title: 'Malipo yangu',
    paidThisMonth: 'Imelipwa mwezi huu',
    waiting: 'Inasubiri ukaguzi',
    due: 'Unadai',
    next: 'Malipo yajayo',
    awaitingApproval: 'yanasubiri idhini',
    sending: 'yanatumwa kwa M-Pesa',
    nextRun: 'katika malipo yajayo',
    nothingDue: 'hakuna deni bado',
  },
  done: {
    accept: 'Umekubali kazi. Piga tena uchague Kazi yangu kuiona.',
    decline: 'Umekataa kazi. Asante kwa kutueleza sababu.',
    ready: 'Imetumwa kwa ukaguzi. Mkaguzi atakuja kuikagua.',
  },
  refused: {
    changed: (status) => `Haikufanyika: kazi hii sasa ${status}.`,
    taken: 'Haikufanyika: kazi hii iko na fundi au karakana nyingine.',
    missing: 'Haikufanyika: kazi hii haipo tena.',
    other: 'Haikufanyika: tafadhali mpigie kiongozi wa karakana.',
  },
  failed: 'Samahani, hitilafu imetokea. Tafadhali piga tena baadaye.',
  notArtisan: 'Nambari hii haina akaunti ya fundi Kiwanda. Muulize mkaguzi wako.',
};

export const USSD_WORDS: Record<Language, UssdWords> = { en: ENGLISH, sw: KISWAHILI };

/** For a number Kiwanda does not know, whose language it cannot know either: both languages. */
export const UNKNOWN_NUMBER_TEXT =
  'This number is not registered with Kiwanda. Nambari hii haijasajiliwa na Kiwanda. Ask your field officer.';
