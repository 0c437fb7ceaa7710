import { ScoringError } from './errors.js';
import type { PeerGroup } from './peer-groups.js';
import { roundTo, truncateTo } from './precision.js';
import type { LokusPlan, Methodology } from './types.js';

/**
 * An assessment's total from the unrounded totals of its lokus, as the methodology's
 * aggregation says: the mean of the units, rounded half up or truncated to the published
 * precision once (units are averaged at full precision); one unit where the method scores the
 * subject as a whole or does not publish how its units combine.
 */
export function lokusTotal(
  methodology: Methodology,
  unitTotals: readonly number[],
): { exact: number; total: number } {
  if (unitTotals.length === 0) {
    throw new ScoringError('NO_LOKUS', 'lokus', `an assessment needs at least one scored lokus`);
  }
  const { aggregation } = methodology;
  if (aggregation.rule !== 'MEAN' && unitTotals.length > 1) {
    throw new ScoringError(
      'TOO_MANY_LOKUS',
      'lokus',
      aggregation.rule === 'WHOLE'
        ? `${methodology.id} scores the subject as a whole: one unit per assessment; got ${unitTotals.length}`
        : `${methodology.id} does not publish how its lokus combine: record the published total; got ${unitTotals.length} lokus`,
    );
  }
  const exact = unitTotals.reduce((sum, t) => sum + t, 0) / unitTotals.length;
  const round =
    aggregation.rule === 'MEAN' && aggregation.rounding === 'TRUNCATE' ? truncateTo : roundTo;
  return { exact, total: round(exact, methodology.precision) };
}

/** The units a government of `group` had sampled in `year` under the method, where published. */
export function lokusPlanOf(
  methodology: Methodology,
  year: number,
  group: PeerGroup,
): LokusPlan | null {
  return (
    methodology.lokusPlans.find((p) => p.years.includes(year) && p.groups.includes(group)) ?? null
  );
}
