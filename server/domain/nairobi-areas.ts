/**
 * The Nairobi neighbourhoods where the network's workshops are, with an approximate centre
 * (latitude, longitude) used to place workshops on a map.
 */
export const NAIROBI_AREAS = {
  Kibera: { lat: -1.3133, lng: 36.7879 },
  Mathare: { lat: -1.2597, lng: 36.8587 },
  Kawangware: { lat: -1.2818, lng: 36.7459 },
  Korogocho: { lat: -1.2476, lng: 36.8838 },
  Dandora: { lat: -1.2505, lng: 36.9008 },
  Kayole: { lat: -1.2766, lng: 36.9155 },
  Githurai: { lat: -1.1975, lng: 36.9142 },
  Kariobangi: { lat: -1.2545, lng: 36.8801 },
  Huruma: { lat: -1.2555, lng: 36.8721 },
  Kangemi: { lat: -1.2664, lng: 36.7476 },
  'Mukuru kwa Njenga': { lat: -1.3148, lng: 36.8829 },
  Eastleigh: { lat: -1.2749, lng: 36.8488 },
  Kasarani: { lat: -1.2213, lng: 36.8979 },
  Umoja: { lat: -1.2838, lng: 36.8957 },
  Embakasi: { lat: -1.3208, lng: 36.9003 },
  Ruaraka: { lat: -1.2399, lng: 36.8709 },
} as const satisfies Record<string, { lat: number; lng: number }>;

export type NairobiArea = keyof typeof NAIROBI_AREAS;

export const NAIROBI_AREA_NAMES = Object.keys(NAIROBI_AREAS) as NairobiArea[];

/** Kenyan mobile numbers in international form, as mobile-money providers want them. */
export const KENYAN_MOBILE_PATTERN = /^\+254(7\d|1[01])\d{7}$/;
