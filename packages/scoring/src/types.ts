/** The assessment frameworks Mutu records. Names are part of the graph contract. */
export const FRAMEWORKS = ['OMBUDSMAN_COMPLIANCE', 'IPP', 'SKM', 'SPBE'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** What each framework is, for every schema that names one. */
export const FRAMEWORK_DESCRIPTIONS: Readonly<Record<Framework, string>> = {
  OMBUDSMAN_COMPLIANCE:
    'Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik by Ombudsman RI, 0-100: zones to 2021, opinion grades A-E since 2022.',
  IPP: 'Indeks Pelayanan Publik by KemenPAN-RB (PEKPPP), 0-5, categories A to F.',
  SKM: 'Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017): the converted IKM, 25-100, mutu pelayanan A to D.',
  SPBE: 'Indeks SPBE (e-government maturity, PermenPAN-RB 59/2020), 1-5, predikat only.',
};

/** Traffic-light zone of the Ombudsman's compliance method; other frameworks have none. */
export type Zone = 'GREEN' | 'YELLOW' | 'RED';

export interface Range {
  readonly min: number;
  readonly max: number;
}

/**
 * One band of a methodology. `min` and `max` are inclusive and written at the precision the
 * source publishes, so the next band starts one step (0.01) above this band's `max`.
 */
export interface Band extends Range {
  /** Letter grade, or null where the methodology publishes zones or predikat only. */
  readonly grade: string | null;
  /** The official Indonesian label (predikat, opini, mutu pelayanan, kategori). */
  readonly label: string;
  readonly zone: Zone | null;
}

/** A scored part of an assessment: an Ombudsman dimension, an IPP aspect, an SKM element. */
export interface Component {
  readonly key: string;
  readonly name: string;
  /** Relative weight; totals divide by the sum of weights, so percents and plain 1s both work. */
  readonly weight: number;
  readonly scale: Range;
}

export interface Methodology {
  /** Stable identifier stored with every computed score, e.g. `ombudsman-2022`. */
  readonly id: string;
  readonly framework: Framework;
  readonly name: string;
  /** First and last assessment year the methodology applies to, inclusive; null is open. */
  readonly fromYear: number | null;
  readonly untilYear: number | null;
  /** The range a total score may take. */
  readonly scale: Range;
  /** Decimal places the source publishes; scores are compared at this precision. */
  readonly precision: number;
  readonly bands: readonly Band[];
  /** What the components are called in this methodology (dimension, aspect, element, domain). */
  readonly componentKind: string;
  /** Null where the source does not say how components combine into the total. */
  readonly components: readonly Component[] | null;
  /**
   * How the totals of an assessment's lokus (the sampled service units) make its total: MEAN is
   * the plain mean of the units' unrounded totals; null where the source does not say, so an
   * assessment may score one unit only.
   */
  readonly lokusTotal: 'MEAN' | null;
  /** Multiplier from the weighted component mean to the total (SKM converts 1-4 to 25-100). */
  readonly totalFactor: number;
  /** False where the bands or weights are the best current reading, not a seen regulation. */
  readonly confirmed: boolean;
  readonly source: string;
}
