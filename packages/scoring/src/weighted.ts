import { ScoringError } from './errors.js';
import { roundTo } from './precision.js';
import type { Methodology } from './types.js';
import { assertInRange } from './validate.js';

export interface WeightedTotal {
  /** Total at full precision: aggregations downstream (means of lokus) use this. */
  readonly exact: number;
  /** Total at the methodology's published precision. */
  readonly total: number;
  /** Each component's contribution in total points, as the Ombudsman publishes them. */
  readonly points: Readonly<Record<string, number>>;
}

/**
 * The total of an assessment from its component scores, weighted as the methodology says.
 * Every component must be present, known and within its scale; errors name the component.
 */
export function weightedTotal(
  methodology: Methodology,
  scores: Readonly<Record<string, number>>,
): WeightedTotal {
  const components = methodology.components;
  if (!components) {
    throw new ScoringError(
      'UNKNOWN_COMPONENT',
      'components',
      `${methodology.id} publishes totals only; its components cannot be combined`,
    );
  }
  const known = new Set(components.map((c) => c.key));
  for (const key of Object.keys(scores)) {
    if (!known.has(key)) {
      throw new ScoringError(
        'UNKNOWN_COMPONENT',
        key,
        `${key} is not a ${methodology.componentKind} of ${methodology.id}; expected one of ${[...known].join(', ')}`,
      );
    }
  }
  const weightSum = components.reduce((sum, c) => sum + c.weight, 0);
  const points: Record<string, number> = {};
  let exact = 0;
  for (const c of components) {
    const score = scores[c.key];
    if (score === undefined) {
      throw new ScoringError(
        'MISSING_COMPONENT',
        c.key,
        `${methodology.componentKind} ${c.key} (${c.name}) is missing`,
      );
    }
    assertInRange(score, c.scale, c.key);
    const contribution = ((score * c.weight) / weightSum) * methodology.totalFactor;
    points[c.key] = contribution;
    exact += contribution;
  }
  return { exact, total: roundTo(exact, methodology.precision), points };
}
