import { type CollectionStatus } from '../domain/collection-status';
import { type Skill } from '../domain/skills';

/**
 * The demo catalogue: eight collections of jewellery as a Nairobi brand makes it, each design
 * with its technique, the labour one unit takes and its retail price in KES. Piece rates and
 * wholesale prices are derived from these (see generate-catalogue.ts).
 */
export interface DesignTemplate {
  name: string;
  skill: Skill;
  minutes: number;
  retailKes: number;
  goldPlated: boolean;
}

export interface CollectionTemplate {
  name: string;
  code: string;
  season: string;
  designer: string;
  /** Weeks before the reference date it launched (negative: launches later). */
  launchedWeeksAgo: number;
  status: CollectionStatus;
  designs: DesignTemplate[];
}

const design = (
  name: string,
  skill: Skill,
  minutes: number,
  retailKes: number,
  goldPlated = false,
): DesignTemplate => ({
  name,
  skill,
  minutes,
  retailKes,
  goldPlated,
});

export const COLLECTION_TEMPLATES: CollectionTemplate[] = [
  {
    name: 'Jua',
    code: 'JUA',
    season: 'AW24',
    designer: 'Wanjiru Kamau',
    launchedWeeksAgo: 70,
    status: 'launched',
    designs: [
      design('Jua Hoops', 'brass-casting', 55, 6_500, true),
      design('Jua Sunburst Studs', 'brass-casting', 40, 4_800, true),
      design('Jua Pendant', 'brass-casting', 70, 7_800, true),
      design('Jua Signet Ring', 'brass-casting', 60, 5_900, true),
      design('Jua Collar', 'brass-forming', 120, 12_500, true),
      design('Jua Drop Earrings', 'brass-forming', 65, 6_900, true),
      design('Jua Stacking Rings (set of 3)', 'brass-forming', 75, 6_200, true),
    ],
  },
  {
    name: 'Pwani',
    code: 'PWA',
    season: 'SS25',
    designer: 'Achieng Odhiambo',
    launchedWeeksAgo: 50,
    status: 'launched',
    designs: [
      design('Pwani Wave Cuff', 'brass-forming', 90, 8_900),
      design('Pwani Shell Earrings', 'recycled-brass-finishing', 50, 5_200),
      design('Pwani Tide Necklace', 'recycled-brass-finishing', 80, 8_200),
      design('Pwani Beaded Anklet', 'beading-wire-work', 70, 3_900),
      design('Pwani Dhow Pendant', 'brass-casting', 65, 6_400),
      design('Pwani Ring', 'recycled-brass-finishing', 45, 4_600),
      design('Pwani Threader Earrings', 'beading-wire-work', 55, 4_200),
      design('Pwani Bangle Set', 'brass-forming', 85, 7_400),
    ],
  },
  {
    name: 'Udongo',
    code: 'UDO',
    season: 'SS25',
    designer: 'Leah Njoki',
    launchedWeeksAgo: 44,
    status: 'launched',
    designs: [
      design('Udongo Kazuri Strand', 'ceramic-beads', 150, 7_600),
      design('Udongo Bead Earrings', 'ceramic-beads', 60, 3_800),
      design('Udongo Statement Necklace', 'ceramic-beads', 210, 11_400),
      design('Udongo Bracelet', 'ceramic-beads', 75, 3_600),
      design('Udongo Brass & Clay Drops', 'beading-wire-work', 70, 5_400),
      design('Udongo Lariat', 'ceramic-beads', 120, 6_900),
      design('Udongo Wrap Bracelet', 'beading-wire-work', 80, 4_300),
    ],
  },
  {
    name: 'Pembe',
    code: 'PEM',
    season: 'AW25',
    designer: 'Wanjiru Kamau',
    launchedWeeksAgo: 30,
    status: 'launched',
    designs: [
      design('Pembe Horn Cuff', 'horn-carving', 140, 9_800),
      design('Pembe Horn Hoops', 'horn-carving', 95, 6_800),
      design('Pembe Horn & Brass Pendant', 'horn-carving', 110, 8_400),
      design('Pembe Bone Studs', 'bone-carving', 70, 4_400),
      design('Pembe Bone Bangle', 'bone-carving', 130, 7_900),
      design('Pembe Carved Ring', 'horn-carving', 80, 5_600),
      design('Pembe Bone Drop Earrings', 'bone-carving', 85, 5_800),
    ],
  },
  {
    name: 'Msitu',
    code: 'MSI',
    season: 'AW25',
    designer: 'Achieng Odhiambo',
    launchedWeeksAgo: 26,
    status: 'launched',
    designs: [
      design('Msitu Wooden Bead Necklace', 'wood-turning', 100, 5_900),
      design('Msitu Turned Bangle', 'wood-turning', 90, 5_200),
      design('Msitu Wood & Brass Earrings', 'wood-turning', 60, 4_700),
      design('Msitu Leaf Pendant', 'brass-casting', 60, 6_100, true),
      design('Msitu Twig Ring', 'brass-casting', 50, 4_900, true),
      design('Msitu Beaded Lariat', 'beading-wire-work', 110, 6_600),
      design('Msitu Seed Studs', 'wood-turning', 45, 3_400),
    ],
  },
  {
    name: 'Mwezi',
    code: 'MWE',
    season: 'HOL25',
    designer: 'Leah Njoki',
    launchedWeeksAgo: 14,
    status: 'launched',
    designs: [
      design('Mwezi Crescent Hoops', 'recycled-brass-finishing', 55, 5_900),
      design('Mwezi Moon Pendant', 'recycled-brass-finishing', 65, 6_800),
      design('Mwezi Bone Crescent Earrings', 'bone-carving', 80, 5_500),
      design('Mwezi Star Studs', 'brass-casting', 40, 4_200, true),
      design('Mwezi Phase Necklace', 'brass-forming', 110, 10_900, true),
      design('Mwezi Ear Climbers', 'brass-forming', 60, 5_700, true),
      design('Mwezi Silver Cuff', 'recycled-brass-finishing', 95, 8_600),
      design('Mwezi Horn Moon Drops', 'horn-carving', 90, 6_400),
    ],
  },
  {
    name: 'Waya',
    code: 'WAY',
    season: 'SS26',
    designer: 'Wanjiru Kamau',
    launchedWeeksAgo: 6,
    status: 'launched',
    designs: [
      design('Waya Wire Hoops', 'beading-wire-work', 50, 4_400),
      design('Waya Coil Bracelet', 'beading-wire-work', 65, 4_600),
      design('Waya Beaded Collar', 'beading-wire-work', 180, 10_200),
      design('Waya Spiral Ring', 'brass-forming', 45, 4_100, true),
      design('Waya Kazuri Drops', 'ceramic-beads', 70, 4_500),
      design('Waya Fan Earrings', 'brass-forming', 70, 6_600, true),
      design('Waya Chain Necklace', 'brass-casting', 85, 7_900, true),
    ],
  },
  {
    name: 'Mvua',
    code: 'MVU',
    season: 'SS26',
    designer: 'Achieng Odhiambo',
    launchedWeeksAgo: -3,
    status: 'checked',
    designs: [
      design('Mvua Raindrop Earrings', 'brass-casting', 50, 5_600, true),
      design('Mvua Droplet Necklace', 'brass-casting', 80, 8_400, true),
      design('Mvua Horn Rain Cuff', 'horn-carving', 130, 9_600),
      design('Mvua Silver Drizzle Studs', 'recycled-brass-finishing', 40, 4_300),
      design('Mvua Cloud Ring', 'brass-forming', 55, 5_200, true),
      design('Mvua Beaded Storm Bracelet', 'beading-wire-work', 75, 4_800),
      design('Mvua Clay Rain Strand', 'ceramic-beads', 140, 7_200),
    ],
  },
];
