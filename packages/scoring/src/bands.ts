import { methodologyFor } from './methodology.js';
import { toSteps } from './precision.js';
import type { Band, Framework, Methodology } from './types.js';
import { assertInRange } from './validate.js';

export interface BandResult {
  readonly grade: string | null;
  readonly label: string;
  readonly zone: Band['zone'];
  readonly methodology: Methodology;
}

/**
 * The band of a score under one methodology, compared at the published precision: a score
 * exactly on a published bound belongs to the band whose range includes it.
 */
export function bandOf(methodology: Methodology, score: number, field = 'score'): BandResult {
  assertInRange(score, methodology.scale, field);
  const steps = toSteps(score, methodology.precision);
  const band = methodology.bands.find(
    (b) =>
      toSteps(b.min, methodology.precision) <= steps &&
      steps <= toSteps(b.max, methodology.precision),
  );
  // Unreachable while the band tables partition their scale, which the tests prove for each one.
  if (!band) throw new Error(`${methodology.id} has no band for ${score}`);
  return { grade: band.grade, label: band.label, zone: band.zone, methodology };
}

/** `scoreBand(framework, score, year?)` of the graph contract. */
export function classify(framework: Framework, score: number, year?: number): BandResult {
  return bandOf(methodologyFor(framework, year), score);
}
