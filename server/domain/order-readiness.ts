/**
 * When an order is ready to ship: every unit of every line it is to make has passed inspection.
 * The status webhook `order.ready_to_ship`, the "Mark shipped" action and the order page all
 * read this one rule. Safe to import from the browser.
 */
export interface LineProgress {
  quantity: number;
  /** Units of the line passed at QC, over the jobs that hold work (declined and cancelled hold none). */
  passedUnits: number;
}

/** Units still to pass inspection, over all lines (over-made units of one line never cover another). */
export function unitsAwaitingPass(lines: readonly LineProgress[]): number {
  return lines.reduce((sum, line) => sum + Math.max(0, line.quantity - line.passedUnits), 0);
}

export function allUnitsPassed(lines: readonly LineProgress[]): boolean {
  return lines.length > 0 && unitsAwaitingPass(lines) === 0;
}
