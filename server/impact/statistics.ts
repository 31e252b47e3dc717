/**
 * The summary statistics the impact report uses, kept in one place so every figure that says
 * "median" or "Gini" means the same computation. Pure functions over plain numbers.
 */

/** Ascending; a typed array sorts numbers natively, several times faster than a compare function. */
const ascending = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();

function quantileOfSorted(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * Rearranges `values` so that the value of rank `k` (from 0, ascending) sits at `k`, every value
 * before it is no larger and every value after it no smaller (Wirth's selection; equal values
 * split evenly, so long runs of one value stay linear).
 */
function selectRank(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    do {
      while (values[i] < pivot) i++;
      while (pivot < values[j]) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) left = i;
    if (k < i) right = j;
  }
  return values[k];
}

/**
 * Linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC); null for no values.
 * The two ranks are selected, not sorted for: the report takes medians of every payout's days to
 * money for many groups, and a full sort each time was most of that work.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const copy = Float64Array.from(values);
  const position = (copy.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = selectRank(copy, below);
  let high = low;
  if (above !== below) {
    // Everything after rank `below` is no smaller: the next rank is the least of them.
    high = copy[above];
    for (let index = above + 1; index < copy.length; index++) if (copy[index] < high) high = copy[index];
  }
  return low + (high - low) * (position - below);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Population standard deviation ÷ mean; null when there is nothing to compare or the mean is 0. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  const average = mean(values);
  if (average === null || average === 0 || values.length < 2) return null;
  const variance = values.reduce((total, value) => total + (value - average) ** 2, 0) / values.length;
  return Math.sqrt(variance) / average;
}

/** Gini coefficient: mean absolute difference between every pair ÷ twice the mean (0 equal, →1 unequal). */
export function gini(values: readonly number[]): number | null {
  const average = mean(values);
  if (average === null || average === 0) return null;
  const sorted = ascending(values);
  const n = sorted.length;
  // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n + 1) x_i over the sorted values (i from 0).
  const weighted = sorted.reduce((total, value, index) => total + (2 * index - n + 1) * value, 0);
  return weighted / (n * n * average);
}

export interface Spread {
  p10: number | null;
  median: number | null;
  p90: number | null;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = ascending(values);
  return {
    p10: quantileOfSorted(sorted, 0.1),
    median: quantileOfSorted(sorted, 0.5),
    p90: quantileOfSorted(sorted, 0.9),
  };
}

/** P90 ÷ P10; null when P10 is 0 or missing. */
export function p90OverP10({ p10, p90 }: Spread): number | null {
  return p10 && p90 !== null ? p90 / p10 : null;
}

/** part ÷ whole, null when the whole is 0 (a share of nothing is not 0 %). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
