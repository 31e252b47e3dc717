/**
 * Why units fail QC: the fixed list field officers choose from, so defects can be counted and
 * compared across workshops. Safe to import from the browser.
 */
export const DEFECT_REASONS = [
  'casting-porosity',
  'uneven-finish',
  'scratches',
  'wrong-dimensions',
  'weak-joint',
  'cracked-material',
  'bead-defect',
  'colour-mismatch',
  'incomplete',
] as const;
export type DefectReason = (typeof DEFECT_REASONS)[number];
