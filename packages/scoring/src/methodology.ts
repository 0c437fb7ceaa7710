import { ScoringError } from './errors.js';
import { METHODOLOGIES } from './methodologies/index.js';
import type { Framework, Methodology } from './types.js';

export function methodologiesOf(framework: Framework): readonly Methodology[] {
  return METHODOLOGIES.filter((m) => m.framework === framework);
}

export function methodologyById(id: string): Methodology | undefined {
  return METHODOLOGIES.find((m) => m.id === id);
}

function appliesTo(m: Methodology, year: number): boolean {
  return (
    (m.fromYear === null || m.fromYear <= year) && (m.untilYear === null || year <= m.untilYear)
  );
}

/**
 * The methodology in force for an assessment year; without a year, the newest one. A score is
 * always banded by the method of its own cycle (../shared/domain/bands.md).
 */
export function methodologyFor(framework: Framework, year?: number): Methodology {
  const candidates = methodologiesOf(framework);
  if (year === undefined) {
    const newest = candidates.find((m) => m.untilYear === null);
    if (newest) return newest;
  } else {
    const match = candidates.find((m) => appliesTo(m, year));
    if (match) return match;
  }
  throw new ScoringError(
    'NO_METHODOLOGY',
    'year',
    `No ${framework} methodology applies to ${year === undefined ? 'the present' : `year ${year}`}`,
  );
}
