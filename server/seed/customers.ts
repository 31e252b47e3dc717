import { type Random } from './random';

/** Who buys: retail partners (wholesale purchase orders) and people on the web shop. */
export const RETAIL_PARTNERS: { name: string; country: string; code: string; weight: number }[] = [
  { name: 'Anthropologie', country: 'US', code: 'ANT', weight: 30 },
  { name: 'Madewell', country: 'US', code: 'MDW', weight: 22 },
  { name: 'Shopbop', country: 'US', code: 'SHB', weight: 18 },
  { name: 'Nomad Boutique', country: 'KE', code: 'NMD', weight: 6 },
  { name: 'The Jewel Room', country: 'GB', code: 'TJR', weight: 7 },
  { name: 'Maison Sable', country: 'FR', code: 'MSB', weight: 5 },
  { name: 'Kazi Concept Store', country: 'NL', code: 'KAZ', weight: 6 },
  { name: 'Lulu & Co.', country: 'CA', code: 'LUL', weight: 6 },
];

const WEB_COUNTRIES: [string, number][] = [
  ['US', 50],
  ['GB', 14],
  ['KE', 12],
  ['DE', 6],
  ['NL', 5],
  ['CA', 6],
  ['AU', 4],
  ['FR', 3],
];

const WEB_FIRST_NAMES = [
  'Emma',
  'Olivia',
  'Ava',
  'Sophia',
  'Mia',
  'Amelia',
  'Harper',
  'Chloe',
  'Ella',
  'Zoe',
  'Wanjiru',
  'Aisha',
  'Nadia',
  'Laura',
  'Hannah',
  'Julia',
  'Sara',
  'Noah',
  'Liam',
  'Maya',
];
const WEB_LAST_NAMES = [
  'Smith',
  'Johnson',
  'Brown',
  'Taylor',
  'Wilson',
  'Martin',
  'Clarke',
  'Walker',
  'Young',
  'King',
  'Müller',
  'de Vries',
  'Dubois',
  'Njoroge',
  'Otieno',
  'Patel',
  'Garcia',
  'Nguyen',
  'Cohen',
  'Rossi',
];

export function pickPartner(random: Random) {
  return random.weighted(RETAIL_PARTNERS.map((partner) => [partner, partner.weight] as const));
}

export function webCustomer(random: Random, index: number): { name: string; email: string; country: string } {
  const first = random.pick(WEB_FIRST_NAMES);
  const last = random.pick(WEB_LAST_NAMES);
  const handle = `${first}.${last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  // NOTE: example.com is reserved for documentation, so no real mailbox is ever named.
  return {
    name: `${first} ${last}`,
    email: `${handle}${index % 997}@example.com`,
    country: random.weighted(WEB_COUNTRIES),
  };
}
