import { ScoringError } from './errors.js';
import { roundTo } from './precision.js';
import type { Methodology } from './types.js';

/**
 * An assessment's total from the unrounded totals of its lokus, as the methodology combines
 * them (`lokusTotal`). Rounding happens once, here: units are averaged at full precision.
 */
export function lokusTotal(
  methodology: Methodology,
  unitTotals: readonly number[],
): { exact: number; total: number } {
  if (unitTotals.length === 0) {
    throw new ScoringError('NO_LOKUS', 'lokus', `an assessment needs at least one scored lokus`);
  }
  if (methodology.lokusTotal === null && unitTotals.length > 1) {
    throw new ScoringError(
      'TOO_MANY_LOKUS',
      'lokus',
      `${methodology.id} scores one unit per assessment (how it combines lokus is not published); got ${unitTotals.length}`,
    );
  }
  const exact = unitTotals.reduce((sum, t) => sum + t, 0) / unitTotals.length;
  return { exact, total: roundTo(exact, methodology.precision) };
}
