export { type BandResult, bandOf, classify } from './bands.js';
export { ScoringError, type ScoringErrorCode } from './errors.js';
export { lokusTotal } from './lokus.js';
export { METHODOLOGIES } from './methodologies/index.js';
export { methodologiesOf, methodologyById, methodologyFor } from './methodology.js';
export { roundTo, toSteps } from './precision.js';
export {
  type Change,
  type Ranked,
  rankWithTies,
  withYearOverYearChange,
  type YearScore,
} from './ranking.js';
export { type ElementMean, type SkmResult, skmFromAnswers } from './skm.js';
export {
  type Band,
  type Component,
  FRAMEWORK_DESCRIPTIONS,
  FRAMEWORKS,
  type Framework,
  type Methodology,
  type Range,
  type Zone,
} from './types.js';
export { assertInRange } from './validate.js';
export { type WeightedTotal, weightedTotal } from './weighted.js';
