import { type BandResult, bandOf } from './bands.js';
import { ScoringError } from './errors.js';
import { methodologyFor } from './methodology.js';
import { roundTo } from './precision.js';

export interface ElementMean {
  readonly key: string;
  readonly name: string;
  /** Nilai rata-rata (NRR) of the element over all respondents, 1-4. */
  readonly mean: number;
}

/**
 * How the nine element means are weighted (PermenPAN-RB 14/2017): each weighs 1/9, which the
 * regulation's annex prints as 0.111 and many units' reports multiply by ("NRR tertimbang per
 * unsur = NRR per unsur x 0,111", e.g. Kabupaten Tulang Bawang Barat). EXACT uses 1/9 (all 4s
 * give 100); ANNEX uses 0.111 (all 4s give 99.90). A survey follows its unit's report.
 */
export type SkmWeighting = 'EXACT' | 'ANNEX';
const WEIGHT: Record<SkmWeighting, (elements: number) => number> = {
  EXACT: (elements) => 1 / elements,
  ANNEX: () => 0.111,
};

export interface SkmResult {
  readonly respondents: number;
  readonly weighting: SkmWeighting;
  readonly elementMeans: readonly ElementMean[];
  /** IKM on the 1-4 scale: the mean of the element means. */
  readonly ikm: number;
  /** Converted IKM (IKM x 25) at two decimals, the figure units publish. */
  readonly converted: number;
  readonly band: BandResult;
  readonly methodologyId: string;
  /**
   * Where the other weighting would put the result in another band (near a bound), what it
   * would give: the result is published by the unit's rule, and this says it stands near one.
   */
  readonly otherWeighting: { weighting: SkmWeighting; converted: number; band: BandResult } | null;
}

/**
 * SKM from raw questionnaire answers (PermenPAN-RB 14/2017): each response holds one answer
 * (1-4) per element, in the methodology's element order.
 */
export function skmFromAnswers(
  responses: readonly (readonly number[])[],
  options: { year?: number; weighting?: SkmWeighting } = {},
): SkmResult {
  const methodology = methodologyFor('SKM', options.year);
  const weighting = options.weighting ?? 'EXACT';
  const elements = methodology.components ?? [];
  if (responses.length === 0) {
    throw new ScoringError('NO_RESPONSES', 'responses', 'SKM needs at least one response');
  }
  const sums = elements.map(() => 0);
  responses.forEach((response, r) => {
    if (response.length !== elements.length) {
      throw new ScoringError(
        'INVALID_ANSWER',
        `responses[${r}]`,
        `response ${r + 1} has ${response.length} answers; SKM has ${elements.length} elements`,
      );
    }
    response.forEach((answer, e) => {
      if (!Number.isInteger(answer) || answer < 1 || answer > 4) {
        throw new ScoringError(
          'INVALID_ANSWER',
          `responses[${r}][${e}]`,
          `response ${r + 1}, element ${elements[e]?.key}: answers are whole numbers 1-4, got ${answer}`,
        );
      }
      sums[e] = (sums[e] ?? 0) + answer;
    });
  });
  const elementMeans = elements.map((el, i) => ({
    key: el.key,
    name: el.name,
    mean: (sums[i] ?? 0) / responses.length,
  }));
  const sumOfMeans = elementMeans.reduce((s, e) => s + e.mean, 0);
  const score = (rule: SkmWeighting) => {
    const ikm = sumOfMeans * WEIGHT[rule](elementMeans.length);
    const converted = roundTo(ikm * methodology.totalFactor, methodology.precision);
    return { ikm, converted, band: bandOf(methodology, converted) };
  };
  const chosen = score(weighting);
  const otherRule: SkmWeighting = weighting === 'EXACT' ? 'ANNEX' : 'EXACT';
  const other = score(otherRule);
  return {
    respondents: responses.length,
    weighting,
    elementMeans,
    ikm: chosen.ikm,
    converted: chosen.converted,
    band: chosen.band,
    methodologyId: methodology.id,
    otherWeighting:
      other.band.label === chosen.band.label
        ? null
        : { weighting: otherRule, converted: other.converted, band: other.band },
  };
}
