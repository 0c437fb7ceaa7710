export { type BandResult, bandOf, classify, findingOf, publishedRange } from './bands.js';
export { bandColour, GRADE_COLOURS, inkOn, NO_BAND_COLOUR, ZONE_COLOURS } from './colours.js';
export { ScoringError, type ScoringErrorCode } from './errors.js';
export {
  checkedIndicatorScore,
  componentScoresOf,
  type IndicatorRollUp,
  instrumentById,
  instrumentOf,
} from './instrument.js';
export { INSTRUMENTS } from './instruments/index.js';
export { lokusPlanOf, lokusTotal } from './lokus.js';
export { METHODOLOGIES } from './methodologies/index.js';
export {
  assertComparable,
  type Comparability,
  comparability,
  methodologiesOf,
  methodologyById,
  methodologyFor,
} from './methodology.js';
export { PEER_GROUP_DESCRIPTIONS, PEER_GROUPS, type PeerGroup } from './peer-groups.js';
export { roundTo, toSteps, truncateTo } from './precision.js';
export {
  type Change,
  type Ranked,
  rankWithTies,
  withYearOverYearChange,
  type YearScore,
} from './ranking.js';
export { requiredSample } from './sample-size.js';
export { type ElementMean, type SkmResult, type SkmWeighting, skmFromAnswers } from './skm.js';
export {
  type Aggregation,
  type Band,
  type Component,
  type Finding,
  FRAMEWORK_DESCRIPTIONS,
  FRAMEWORKS,
  type Framework,
  type Indicator,
  type Instrument,
  type LokusPlan,
  type Methodology,
  type Outline,
  type Range,
  type Zone,
} from './types.js';
export { assertInRange } from './validate.js';
export { type WeightedTotal, weightedTotal } from './weighted.js';
