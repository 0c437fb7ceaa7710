import type { PeerGroup } from './peer-groups.js';

/** The assessment frameworks Mutu records. Names are part of the graph contract. */
export const FRAMEWORKS = ['OMBUDSMAN_COMPLIANCE', 'IPP', 'SKM', 'SPBE'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** What each framework is, for every schema that names one. */
export const FRAMEWORK_DESCRIPTIONS: Readonly<Record<Framework, string>> = {
  OMBUDSMAN_COMPLIANCE:
    "Ombudsman RI's assessment of public service providers, 0-100: product surveys with zones 2013-2019, zones in 2021 (none in 2020), opinion grades A-E 2022-2024 (Penilaian Kepatuhan), and from 2025 the Penilaian Maladministrasi, whose Opini Ombudsman adds a maladministration finding to the grade.",
  IPP: 'Indeks Pelayanan Publik by KemenPAN-RB, 0-5, categories A to F: PermenPAN-RB 17/2017 to 2021, PEKPPP (PermenPAN-RB 29/2022) from 2022.',
  SKM: 'Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017): the converted IKM, 25-100, mutu pelayanan A to D.',
  SPBE: 'Indeks SPBE (e-government maturity), predikat only: PermenPAN-RB 5/2018 for 2018-2019, 59/2020 from 2020.',
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

/**
 * How the totals of a subject's lokus make its total:
 * - MEAN: the plain mean of the units' unrounded totals, then rounded half up or truncated to the
 *   published precision, as the source's figures show;
 * - WHOLE: the method scores the subject as a whole (one survey, one instansi): one unit;
 * - UNPUBLISHED: the units were assessed but how they combine is not published: one unit, the
 *   subject's published total.
 */
export type Aggregation =
  | {
      readonly rule: 'MEAN';
      readonly rounding: 'HALF_UP' | 'TRUNCATE';
      readonly confirmed: boolean;
      /** The published figures that show the rule. */
      readonly source: string;
    }
  | { readonly rule: 'WHOLE' }
  | { readonly rule: 'UNPUBLISHED' };

/**
 * The service units (lokus) an assessment samples in each government of some peer groups in some
 * years, as the sources name them. How many varied between governments in some rounds (four or
 * five sectors in the Ombudsman's 2021), so a plan gives a range, and it may name fewer units
 * than it samples where a source names only some.
 */
export interface LokusPlan {
  readonly years: readonly number[];
  readonly groups: readonly PeerGroup[];
  /** The units as the sources name them. */
  readonly units: readonly string[];
  /** How many units one government's assessment samples. */
  readonly count: Range;
  readonly confirmed: boolean;
  readonly source: string;
}

/** The domains, and how many aspects and indicators a method's instrument has. */
export interface Outline {
  readonly domains: readonly string[];
  readonly aspects: number;
  readonly indicators: number;
  readonly source: string;
}

/** One possible second part of an opinion (e.g. "Tanpa Maladministrasi"). */
export interface Finding {
  /** Stable key, e.g. TANPA_MALADMINISTRASI. */
  readonly key: string;
  /** The words the opinion adds to the grade's label; null where it adds none. */
  readonly label: string | null;
  readonly description: string;
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
  /** The range the band table covers. */
  readonly scale: Range;
  /**
   * The range published totals reach, where the method's own arithmetic leaves the band table's
   * scale; such a total takes the nearest band. Only SKM has one: weighed by the annex's 0.111,
   * nine answers of 1 give 24.98, below the table's 25.00, and still band D.
   */
  readonly reach?: Range;
  /** Decimal places the source publishes; scores are compared at this precision. */
  readonly precision: number;
  readonly bands: readonly Band[];
  /** What the components are called in this methodology (dimension, aspect, element, domain). */
  readonly componentKind: string;
  /** Null where the source does not say how components combine into the total. */
  readonly components: readonly Component[] | null;
  /**
   * Scores of the same series compare year over year; between two series the method changed
   * (a methodology break), and a plain delta would mislead.
   */
  readonly series: string;
  /** How the totals of an assessment's lokus (the sampled service units) make its total. */
  readonly aggregation: Aggregation;
  /**
   * How the method's instrument is built, where the source says and its weights are not all
   * published (SPBE 5/2018: 3 domains, 7 aspects, 35 indicators); null elsewhere.
   */
  readonly outline: Outline | null;
  /** The lokus each government's assessment samples, by year and peer group, where published. */
  readonly lokusPlans: readonly LokusPlan[];
  /**
   * The second part of the opinion, where the method has one (the Ombudsman's Penilaian
   * Maladministrasi from 2025): findings recorded with a result, not read from its score.
   */
  readonly findings: readonly Finding[] | null;
  /** Multiplier from the weighted component mean to the total (SKM converts 1-4 to 25-100). */
  readonly totalFactor: number;
  /** False where the bands or weights are the best current reading, not a seen regulation. */
  readonly confirmed: boolean;
  readonly source: string;
}

/** One indicator of an instrument: what an assessor scores, with its evidence, for one lokus. */
export interface Indicator {
  /** Stable key within the instrument, e.g. "1". */
  readonly key: string;
  /** The official code where the form has one, e.g. "1.a.Ak" (PEKPPP: number, aspect, prinsip). */
  readonly code: string | null;
  /** The methodology's component it scores into, e.g. "kebijakan". */
  readonly component: string;
  readonly name: string;
  /** Weight within its component; a component's indicators divide by the sum of theirs. */
  readonly weight: number;
  /** The levels it takes: whole numbers from min to max, each described on the form. */
  readonly scale: Range;
  /** False where the wording or weight rests on secondary sources, not a seen regulation. */
  readonly confirmed: boolean;
}

/**
 * The instrument of a methodology version: the indicators under each of its components.
 * WEIGHTED_MEAN: a component's score is its indicators' scores weighed by their weights, on the
 * component's own scale (the indicators share it).
 */
export interface Instrument {
  /** Stable id, e.g. `pekppp-2023`. */
  readonly id: string;
  /** The methodology it scores: its components are the instrument's. */
  readonly methodologyId: string;
  readonly name: string;
  readonly componentRollUp: 'WEIGHTED_MEAN';
  readonly indicators: readonly Indicator[];
  readonly confirmed: boolean;
  readonly source: string;
}
