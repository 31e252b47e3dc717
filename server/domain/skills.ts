/**
 * The techniques and materials of the network, as kebab-case ids shared by the models, the
 * capacity service, the seed and the optimizer. Safe to import from the browser (no Node APIs).
 *
 * NOTE: 24K gold plating happens at HQ, after the workshops' work and QC; it is not a workshop
 * skill and takes no workshop capacity. Products carry `goldPlated` to say they pass through it.
 */
export const SKILLS = [
  'brass-casting',
  'brass-forming',
  'recycled-brass-finishing',
  'horn-carving',
  'bone-carving',
  'wood-turning',
  'ceramic-beads',
  'beading-wire-work',
] as const;

export type Skill = (typeof SKILLS)[number];

export const SKILL_LABELS: Record<Skill, string> = {
  'brass-casting': 'Brass casting',
  'brass-forming': 'Brass forming',
  'recycled-brass-finishing': 'Recycled-brass "silver" finishing',
  'horn-carving': 'Horn carving',
  'bone-carving': 'Bone carving',
  'wood-turning': 'Wood turning',
  'ceramic-beads': 'Ceramic beads (Kazuri)',
  'beading-wire-work': 'Beading and wire work',
};
