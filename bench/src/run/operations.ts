import { mulberry32 } from '../national/random.js';

/**
 * The operations of the benchmark, with realistic arguments: organisations are drawn from a
 * Zipf-like distribution over the regency and city governments (a few popular ones asked far
 * more often than the rest, as in real traffic), years from the recent ones.
 */
export interface Operation {
  readonly name: string;
  /** Whether a peer gateway can serve it: it needs no signed-in identity. */
  readonly public: boolean;
  /** A request body for the next call; `random` is the run's seeded generator. */
  body(random: () => number): string;
}

export interface BenchData {
  /** Regency and city governments, in a fixed order (the popularity ranking). */
  readonly governments: readonly string[];
  readonly provinces: readonly string[];
  /** The years with published IPP results, newest first. */
  readonly years: readonly number[];
}

/** Seeded so that every gateway is sent the same sequence. */
export const seeded = mulberry32;

/** Index i of n with probability proportional to 1/(i+1)^s: rank 1 asked most. */
export function zipf(n: number, s = 1.1): (random: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    total += 1 / (i + 1) ** s;
    cumulative.push(total);
  }
  return (random) => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const body = (query: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query, variables });

/** The contract's organisation query (../shared/design/graph-contract.md), whole. */
export const CONTRACT_QUERY = `query Contract($id: ID!) { organisation(id: $id) {
  name kind
  regency { code name province { code name } }
  results(framework: IPP) { cycle { year framework } score band { grade label zone } change { previousScore delta } }
  awards { title cycle { year } }
  agreements { title signedOn parties { name } }
  events { title kind startsOn }
} }`;

const RANKING = `query Ranking($year: Int!, $province: String) {
  ranking(framework: IPP, year: $year, provinceCode: $province) { rank organisation { id name } score band { grade label } } }`;

const PAGE = `query Page($province: String!) {
  organisations(filter: { provinceCode: $province }, first: 100) { totalCount edges { node {
    id name kind
    results(framework: OMBUDSMAN_COMPLIANCE) { cycle { year } score band { grade label } }
    awards { title cycle { year } }
  } } } }`;

// An assessor works one cycle at a time: the newest, in one province.
const WORKLIST = `query Worklist($cycle: ID!, $province: String!) {
  assessments(filter: { cycleId: $cycle, provinceCode: $province }, first: 50) { totalCount edges { node { id status subject { name } } } } }`;

export function operations(data: BenchData): Record<string, Operation> {
  const government = zipf(data.governments.length);
  const province = zipf(data.provinces.length, 0.8);
  const pick = <T>(list: readonly T[], index: number) => list[index] as T;
  const year = (random: () => number) =>
    pick(data.years, random() < 0.7 ? 0 : 1 % data.years.length);
  return {
    contract: {
      name: "the contract's organisation query",
      public: true,
      body: (r) => body(CONTRACT_QUERY, { id: pick(data.governments, government(r)) }),
    },
    provinceRanking: {
      name: 'a province ranking (IPP)',
      public: true,
      body: (r) => body(RANKING, { year: year(r), province: pick(data.provinces, province(r)) }),
    },
    nationalRanking: {
      name: 'the national ranking (IPP, 514 governments)',
      public: true,
      body: (r) => body(RANKING, { year: year(r), province: null }),
    },
    page: {
      name: 'a 100-row organisation page with results and awards',
      public: true,
      body: (r) => body(PAGE, { province: pick(data.provinces, province(r)) }),
    },
    worklist: {
      name: "an assessor's worklist page",
      public: false,
      body: (r) =>
        body(WORKLIST, {
          cycle: `ipp-${data.years[0]}`,
          province: pick(data.provinces, province(r)),
        }),
    },
  };
}

/** The skewed read mix of the issue: 70% contract query, 20% province, 10% national ranking. */
export function mix(ops: Record<string, Operation>): Operation {
  const contract = ops.contract as Operation;
  const province = ops.provinceRanking as Operation;
  const national = ops.nationalRanking as Operation;
  return {
    name: 'the read mix (70% contract, 20% province ranking, 10% national ranking)',
    public: true,
    body: (r) => {
      const x = r();
      return (x < 0.7 ? contract : x < 0.9 ? province : national).body(r);
    },
  };
}
