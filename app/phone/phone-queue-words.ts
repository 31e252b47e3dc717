/**
 * The phone's words about its action queue and about how fresh a page is, in English and
 * Kiswahili (part of PHONE_WORDS, app/phone/phone-words.ts). A queued action is named on its
 * job's card as what was done, then "waiting to send", until the server answers it.
 */
type Field = (name: string) => string;

const ENGLISH = {
  waiting: (count: number) => `${count} action${count === 1 ? '' : 's'} waiting to be sent`,
  offline: 'No network. You can still work: actions are sent when the network is back.',
  /** Beside a mark that already says the phone is offline. */
  offlineWork: 'You can still work: actions are sent when the network is back.',
  savedOffline: 'Saved on this phone. It will be sent when the network is back.',
  pending: (kind: string, field: Field): string => {
    const done: Record<string, string> = {
      accept: 'Accepted',
      decline: 'Declined',
      progress: `${field('madeQuantity')} pieces made`,
      ready: 'Ready for inspection',
      share: 'Given',
      inspection: `Inspection: ${field('passedQuantity')} passed, ${field('failedQuantity')} failed`,
    };
    return `${done[kind] ?? kind} — waiting to send`;
  },
  refused: (error: string) => `Not done: ${error}`,
  signOut: {
    warning: (count: number) => `${count} action${count === 1 ? '' : 's'} still waiting to be sent — sign out anyway?`,
    explain: 'They stay on this phone and are sent when you sign in again.',
    anyway: 'Sign out anyway',
    stay: 'Stay signed in',
  },
  freshness: {
    updated: (time: string) => `Updated ${time}`,
    updating: (time: string) => `Saved at ${time} — updating…`,
    saved: (time: string) => `Offline — showing what was saved at ${time}`,
  },
};

export type QueueWords = typeof ENGLISH;

const KISWAHILI: QueueWords = {
  waiting: (count) => `Vitendo ${count} vinasubiri kutumwa`,
  offline: 'Hakuna mtandao. Endelea kufanya kazi: vitendo vitatumwa mtandao ukirudi.',
  offlineWork: 'Endelea kufanya kazi: vitendo vitatumwa mtandao ukirudi.',
  savedOffline: 'Imehifadhiwa kwenye simu. Itatumwa mtandao ukirudi.',
  pending: (kind, field) => {
    const done: Record<string, string> = {
      accept: 'Umekubali',
      decline: 'Umekataa',
      progress: `Vipande ${field('madeQuantity')} vimetengenezwa`,
      ready: 'Tayari kukaguliwa',
      share: 'Imetolewa',
      inspection: `Ukaguzi: ${field('passedQuantity')} vimepita, ${field('failedQuantity')} vimeshindwa`,
    };
    return `${done[kind] ?? kind} — inasubiri kutumwa`;
  },
  refused: (error) => `Haikufanyika: ${error}`,
  signOut: {
    warning: (count) => `Vitendo ${count} bado vinasubiri kutumwa — utoke hata hivyo?`,
    explain: 'Vitabaki kwenye simu hii na vitatumwa ukiingia tena.',
    anyway: 'Toka hata hivyo',
    stay: 'Usitoke',
  },
  freshness: {
    updated: (time) => `Imesasishwa ${time}`,
    updating: (time) => `Imehifadhiwa ${time} — inasasishwa…`,
    saved: (time) => `Hakuna mtandao — inaonyesha kilichohifadhiwa ${time}`,
  },
};

export const QUEUE_WORDS = { en: ENGLISH, sw: KISWAHILI };
