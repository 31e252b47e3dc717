import { type CollectionStatus } from '../domain/collection-status';
import { type Skill } from '../domain/skills';

/**
 * The demo catalogue: eight collections of jewellery as a Nairobi brand makes it, each design
 * with its technique and the labour one unit takes. Piece rates are derived from the labour
 * minutes and prices from the piece rates (see generate-catalogue.ts).
 */
export interface DesignTemplate {
  name: string;
  skill: Skill;
  minutes: number;
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

const design = (name: string, skill: Skill, minutes: number, goldPlated = false): DesignTemplate => ({
  name,
  skill,
  minutes,
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
      design('Jua Hoops', 'brass-casting', 55, true),
      design('Jua Sunburst Studs', 'brass-casting', 40, true),
      design('Jua Pendant', 'brass-casting', 70, true),
      design('Jua Signet Ring', 'brass-casting', 60, true),
      design('Jua Collar', 'brass-forming', 120, true),
      design('Jua Drop Earrings', 'brass-forming', 65, true),
      design('Jua Stacking Rings (set of 3)', 'brass-forming', 75, true),
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
      design('Pwani Wave Cuff', 'brass-forming', 90),
      design('Pwani Shell Earrings', 'recycled-brass-finishing', 50),
      design('Pwani Tide Necklace', 'recycled-brass-finishing', 80),
      design('Pwani Beaded Anklet', 'beading-wire-work', 70),
      design('Pwani Dhow Pendant', 'brass-casting', 65),
      design('Pwani Ring', 'recycled-brass-finishing', 45),
      design('Pwani Threader Earrings', 'beading-wire-work', 55),
      design('Pwani Bangle Set', 'brass-forming', 85),
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
      design('Udongo Kazuri Strand', 'ceramic-beads', 150),
      design('Udongo Bead Earrings', 'ceramic-beads', 60),
      design('Udongo Statement Necklace', 'ceramic-beads', 210),
      design('Udongo Bracelet', 'ceramic-beads', 75),
      design('Udongo Brass & Clay Drops', 'beading-wire-work', 70),
      design('Udongo Lariat', 'ceramic-beads', 120),
      design('Udongo Wrap Bracelet', 'beading-wire-work', 80),
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
      design('Pembe Horn Cuff', 'horn-carving', 140),
      design('Pembe Horn Hoops', 'horn-carving', 95),
      design('Pembe Horn & Brass Pendant', 'horn-carving', 110),
      design('Pembe Bone Studs', 'bone-carving', 70),
      design('Pembe Bone Bangle', 'bone-carving', 130),
      design('Pembe Carved Ring', 'horn-carving', 80),
      design('Pembe Bone Drop Earrings', 'bone-carving', 85),
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
      design('Msitu Wooden Bead Necklace', 'wood-turning', 100),
      design('Msitu Turned Bangle', 'wood-turning', 90),
      design('Msitu Wood & Brass Earrings', 'wood-turning', 60),
      design('Msitu Leaf Pendant', 'brass-casting', 60, true),
      design('Msitu Twig Ring', 'brass-casting', 50, true),
      design('Msitu Beaded Lariat', 'beading-wire-work', 110),
      design('Msitu Seed Studs', 'wood-turning', 45),
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
      design('Mwezi Crescent Hoops', 'recycled-brass-finishing', 55),
      design('Mwezi Moon Pendant', 'recycled-brass-finishing', 65),
      design('Mwezi Bone Crescent Earrings', 'bone-carving', 80),
      design('Mwezi Star Studs', 'brass-casting', 40, true),
      design('Mwezi Phase Necklace', 'brass-forming', 110, true),
      design('Mwezi Ear Climbers', 'brass-forming', 60, true),
      design('Mwezi Silver Cuff', 'recycled-brass-finishing', 95),
      design('Mwezi Horn Moon Drops', 'horn-carving', 90),
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
      design('Waya Wire Hoops', 'beading-wire-work', 50),
      design('Waya Coil Bracelet', 'beading-wire-work', 65),
      design('Waya Beaded Collar', 'beading-wire-work', 180),
      design('Waya Spiral Ring', 'brass-forming', 45, true),
      design('Waya Kazuri Drops', 'ceramic-beads', 70),
      design('Waya Fan Earrings', 'brass-forming', 70, true),
      design('Waya Chain Necklace', 'brass-casting', 85, true),
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
      design('Mvua Raindrop Earrings', 'brass-casting', 50, true),
      design('Mvua Droplet Necklace', 'brass-casting', 80, true),
      design('Mvua Horn Rain Cuff', 'horn-carving', 130),
      design('Mvua Silver Drizzle Studs', 'recycled-brass-finishing', 40),
      design('Mvua Cloud Ring', 'brass-forming', 55, true),
      design('Mvua Beaded Storm Bracelet', 'beading-wire-work', 75),
      design('Mvua Clay Rain Strand', 'ceramic-beads', 140),
    ],
  },
];
