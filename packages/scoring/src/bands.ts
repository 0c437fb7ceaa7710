import { ScoringError } from './errors.js';
import { methodologyFor } from './methodology.js';
import { toSteps } from './precision.js';
import type { Band, Finding, Framework, Methodology, Range } from './types.js';
import { assertInRange } from './validate.js';

export interface BandResult {
  readonly grade: string | null;
  readonly label: string;
  readonly zone: Band['zone'];
  /** The opinion's second part, where the method has one and it was given. */
  readonly finding: Finding | null;
  /** The whole opinion as published: the label and the finding's words ("Kualitas Sedang Tanpa Maladministrasi"). */
  readonly opinion: string;
  readonly methodology: Methodology;
}

/** The range a published total of the method may take: its scale, or its reach where wider. */
export function publishedRange(methodology: Methodology): Range {
  return methodology.reach ?? methodology.scale;
}

/** The finding of a method by its key; an error names `field` when the method has no such one. */
export function findingOf(methodology: Methodology, key: string, field = 'finding'): Finding {
  const finding = methodology.findings?.find((f) => f.key === key);
  if (!finding) {
    throw new ScoringError(
      'UNKNOWN_FINDING',
      field,
      methodology.findings
        ? `${field} of ${methodology.id} is one of ${methodology.findings.map((f) => f.key).join(', ')}, got ${key}`
        : `${methodology.id} has no findings beside its grade; leave ${field} out`,
    );
  }
  return finding;
}

/**
 * The band of a score under one methodology, compared at the published precision: a score
 * exactly on a published bound belongs to the band whose range includes it. A method published
 * in whole numbers takes whole numbers only. Where the method's opinion has a second part (the
 * 2025 maladministration finding), `finding` adds it; it is recorded with a result, never read
 * from the score.
 */
export function bandOf(
  methodology: Methodology,
  score: number,
  options: { field?: string; finding?: string | null } = {},
): BandResult {
  const field = options.field ?? 'score';
  assertInRange(score, publishedRange(methodology), field);
  if (methodology.precision === 0 && !Number.isInteger(score)) {
    throw new ScoringError(
      'TOO_PRECISE',
      field,
      `${methodology.id} publishes whole numbers; ${field} ${score} is not one`,
    );
  }
  const { scale } = methodology;
  const steps = toSteps(Math.min(Math.max(score, scale.min), scale.max), methodology.precision);
  const band = methodology.bands.find(
    (b) =>
      toSteps(b.min, methodology.precision) <= steps &&
      steps <= toSteps(b.max, methodology.precision),
  );
  // Unreachable while the band tables partition their scale, which the tests prove for each one.
  if (!band) throw new Error(`${methodology.id} has no band for ${score}`);
  const finding =
    options.finding == null ? null : findingOf(methodology, options.finding, 'finding');
  return {
    grade: band.grade,
    label: band.label,
    zone: band.zone,
    finding,
    opinion: finding?.label ? `${band.label} ${finding.label}` : band.label,
    methodology,
  };
}

/** `scoreBand(framework, score, year?, finding?)` of the graph contract. */
export function classify(
  framework: Framework,
  score: number,
  year?: number,
  finding?: string | null,
): BandResult {
  return bandOf(methodologyFor(framework, year), score, { finding });
}
