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

export interface SkmResult {
  readonly respondents: number;
  readonly elementMeans: readonly ElementMean[];
  /** IKM on the 1-4 scale: the mean of the element means. */
  readonly ikm: number;
  /** Converted IKM (IKM x 25) at two decimals, the figure units publish. */
  readonly converted: number;
  readonly band: BandResult;
  readonly methodologyId: string;
}

/**
 * SKM from raw questionnaire answers (PermenPAN-RB 14/2017): each response holds one answer
 * (1-4) per element, in the methodology's element order.
 */
export function skmFromAnswers(
  responses: readonly (readonly number[])[],
  year?: number,
): SkmResult {
  const methodology = methodologyFor('SKM', year);
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
  const ikm = elementMeans.reduce((s, e) => s + e.mean, 0) / elementMeans.length;
  const converted = roundTo(ikm * methodology.totalFactor, methodology.precision);
  return {
    respondents: responses.length,
    elementMeans,
    ikm,
    converted,
    band: bandOf(methodology, converted),
    methodologyId: methodology.id,
  };
}
