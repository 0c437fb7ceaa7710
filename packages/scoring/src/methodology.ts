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
  const covered = candidates
    .map((m) => `${m.fromYear ?? '...'}-${m.untilYear ?? 'today'}`)
    .join(', ');
  throw new ScoringError(
    'NO_METHODOLOGY',
    'year',
    `No ${framework} method applies to ${year === undefined ? 'the present' : `year ${year}`}: Mutu knows ${framework} for ${covered}`,
  );
}

/** Whether two methods' scores compare, and if not, what changed between them. */
export interface Comparability {
  readonly comparable: boolean;
  /** The methodology break between them ("ombudsman-2021 -> ombudsman-2022: ..."); null when comparable. */
  readonly methodologyBreak: string | null;
}

/**
 * Scores compare year over year within one series of a framework's methods; across a change of
 * method (Ombudsman 2019 -> 2021, 2021 -> 2022, 2024 -> 2025; IPP 2021 -> 2022; SPBE 2019 ->
 * 2020) the figures measure different things, and a plain delta would mislead.
 */
export function comparability(earlier: Methodology, later: Methodology): Comparability {
  if (earlier.framework === later.framework && earlier.series === later.series) {
    return { comparable: true, methodologyBreak: null };
  }
  return {
    comparable: false,
    methodologyBreak: `${earlier.id} (${earlier.name}) -> ${later.id} (${later.name}): a change of method, the scores do not compare`,
  };
}

/** A comparison asked across a change of method is refused, naming `field`. */
export function assertComparable(earlier: Methodology, later: Methodology, field: string): void {
  const { comparable, methodologyBreak } = comparability(earlier, later);
  if (!comparable) throw new ScoringError('INCOMPARABLE', field, `${methodologyBreak}`);
}
