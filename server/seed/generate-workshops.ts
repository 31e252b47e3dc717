import { type ArtisanStatus } from '../domain/artisan-status';
import { NAIROBI_AREAS, type NairobiArea } from '../domain/nairobi-areas';
import { type Skill } from '../domain/skills';
import { shiftInNairobi } from '../domain/weeks';
import { type ArtisanDoc, type Gender } from '../models/artisan';
import { type WorkshopDoc } from '../models/workshop';
import { personName, workshopName } from './kenyan-names';
import { type Random } from './random';
import { type SeededObjectId } from './seeded-ids';

/** Where the workshops are: more in the big settlements, as in the real network. */
const AREA_WEIGHTS: [NairobiArea, number][] = [
  ['Kibera', 16],
  ['Mathare', 11],
  ['Kawangware', 9],
  ['Korogocho', 8],
  ['Dandora', 7],
  ['Kayole', 7],
  ['Githurai', 6],
  ['Kariobangi', 6],
  ['Huruma', 5],
  ['Kangemi', 5],
  ['Mukuru kwa Njenga', 6],
  ['Eastleigh', 3],
  ['Kasarani', 3],
  ['Umoja', 3],
  ['Embakasi', 3],
  ['Ruaraka', 2],
];

/** A workshop's main technique, and the ones that usually come with it. */
const PRIMARY_SKILL_WEIGHTS: [Skill, number][] = [
  ['brass-casting', 18],
  ['brass-forming', 17],
  ['recycled-brass-finishing', 12],
  ['horn-carving', 12],
  ['bone-carving', 8],
  ['wood-turning', 8],
  ['ceramic-beads', 11],
  ['beading-wire-work', 14],
];
const RELATED_SKILLS: Record<Skill, Skill[]> = {
  'brass-casting': ['brass-forming', 'recycled-brass-finishing'],
  'brass-forming': ['brass-casting', 'recycled-brass-finishing'],
  'recycled-brass-finishing': ['brass-forming', 'brass-casting'],
  'horn-carving': ['bone-carving', 'wood-turning'],
  'bone-carving': ['horn-carving', 'wood-turning'],
  'wood-turning': ['horn-carving', 'bone-carving'],
  'ceramic-beads': ['beading-wire-work'],
  'beading-wire-work': ['ceramic-beads', 'brass-forming'],
};

const AREA_CODES: Record<NairobiArea, string> = {
  Kibera: 'KIB',
  Mathare: 'MAT',
  Kawangware: 'KAW',
  Korogocho: 'KOR',
  Dandora: 'DAN',
  Kayole: 'KAY',
  Githurai: 'GIT',
  Kariobangi: 'KRB',
  Huruma: 'HUR',
  Kangemi: 'KAN',
  'Mukuru kwa Njenga': 'MUK',
  Eastleigh: 'EAS',
  Kasarani: 'KAS',
  Umoja: 'UMO',
  Embakasi: 'EMB',
  Ruaraka: 'RUA',
};

export interface GeneratedWorkforce {
  workshops: WorkshopDoc[];
  artisans: ArtisanDoc[];
}

function uniquePhone(random: Random, taken: Set<string>): string {
  for (;;) {
    const prefix = random.weighted([
      ['7', 8],
      ['1', 2],
    ] as const);
    const second = prefix === '7' ? String(random.int(0, 9)) : random.pick(['0', '1']);
    const phone = `+254${prefix}${second}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

/** Splits `total` artisans over workshops of 3 to 10 people, averaging about six. */
function workshopSizes(random: Random, total: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    const size = Math.min(left, Math.round(random.normal(6, 1.8, 3, 10)));
    sizes.push(left - size > 0 && left - size < 3 ? left : size);
    left -= sizes[sizes.length - 1];
  }
  return sizes;
}

export function generateWorkforce({
  random,
  ids,
  referenceDate,
  artisanCount,
}: {
  random: Random;
  ids: SeededObjectId;
  referenceDate: Date;
  artisanCount: number;
}): GeneratedWorkforce {
  const workshops: WorkshopDoc[] = [];
  const artisans: ArtisanDoc[] = [];
  const phones = new Set<string>();
  const perArea = new Map<NairobiArea, number>();

  for (const size of workshopSizes(random, artisanCount)) {
    const area = random.weighted(AREA_WEIGHTS);
    const sequence = (perArea.get(area) ?? 0) + 1;
    perArea.set(area, sequence);
    const primary = random.weighted(PRIMARY_SKILL_WEIGHTS);
    const extra = random.shuffle(RELATED_SKILLS[primary]).slice(
      0,
      random.weighted([
        [0, 5],
        [1, 4],
        [2, 1],
      ] as const),
    );
    const skills = [primary, ...extra];
    const daysOpen = random.int(120, 3_000);
    const foundedAt = shiftInNairobi({ from: referenceDate, days: -daysOpen });
    const workshopId = ids('workshop', workshops.length, foundedAt);
    const centre = NAIROBI_AREAS[area];

    const members: ArtisanDoc[] = Array.from({ length: size }, (_, memberIndex) => {
      const gender: Gender = random.weighted([
        ['female', 82],
        ['male', 17.5],
        ['other', 0.5],
      ] as const);
      const isLead = memberIndex === 0;
      const joinedAt = isLead ? foundedAt : shiftInNairobi({ from: foundedAt, days: random.int(0, daysOpen - 14) });
      const status: ArtisanStatus = isLead
        ? 'active'
        : random.weighted([
            ['active', 94],
            ['paused', 4],
            ['left', 2],
          ] as const);
      const ownSkills = random.chance(0.7) || skills.length === 1 ? [primary] : [primary, random.pick(skills.slice(1))];
      return {
        _id: ids('artisan', artisans.length + memberIndex, joinedAt),
        name: personName({ random, gender }),
        gender,
        phone: uniquePhone(random, phones),
        workshop: workshopId,
        skills: ownSkills,
        weeklyHours: Math.round(random.normal(isLead ? 30 : 24, 6, 10, 45)),
        joinedAt,
        status,
        createdAt: joinedAt,
        updatedAt: joinedAt,
      };
    });
    artisans.push(...members);
    workshops.push({
      _id: workshopId,
      code: `${AREA_CODES[area]}-${String(sequence).padStart(3, '0')}`,
      name: workshopName({ random, area }),
      area,
      location: {
        lat: Number((centre.lat + random.between(-0.008, 0.008)).toFixed(5)),
        lng: Number((centre.lng + random.between(-0.008, 0.008)).toFixed(5)),
      },
      skills,
      leadArtisan: members[0]._id,
      phone: members[0].phone,
      active: true,
      createdAt: foundedAt,
      updatedAt: foundedAt,
    });
  }
  return { workshops, artisans };
}
