import { hashSeed } from './random.js';

export const DEFAULT_SEED = 20_261_214;

export interface Plan {
  readonly seed: number;
  /** 1 is the national data set: every government populated, about 50,000 organisations. */
  readonly scale: number;
  /** What every synthetic source and note field says. */
  readonly marker: string;
  /** The first and last assessment year generated. */
  readonly fromYear: number;
  readonly toYear: number;
}

export function planOf(options: { seed?: number; scale?: number }): Plan {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number ≥ 0`);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be in (0, 1], got ${scale}`);
  return {
    seed,
    scale,
    marker: `synthetic: pnpm data:national, seed ${seed}`,
    fromYear: 2016,
    toYear: 2025,
  };
}

/** The prefix every marker starts with, whatever the seed: how a re-run finds the last one. */
export const MARKER_PREFIX = 'synthetic: pnpm data:national';

/** The register's regional governments, as the organisations seed wrote them. */
export interface Government {
  readonly id: string;
  readonly kind: 'PROVINCIAL_GOVERNMENT' | 'REGENCY_GOVERNMENT' | 'CITY_GOVERNMENT';
  /** "Kabupaten Kerinci", "Provinsi Jambi": the name without "Pemerintah". */
  readonly region: string;
  readonly provinceCode: string;
  readonly regencyCode: string | null;
}

/**
 * The governments that get units, assessments and events. At scale 1, all 552; below it a
 * seeded sample of provinces and of regencies alike (at least one of each), so every count
 * scales with `scale` while each populated government stays as full as a real one.
 */
export function populatedGovernments(plan: Plan, all: readonly Government[]): Government[] {
  const provinces = all.filter((g) => g.kind === 'PROVINCIAL_GOVERNMENT');
  const regencies = all.filter((g) => g.kind !== 'PROVINCIAL_GOVERNMENT');
  const take = (group: readonly Government[]) => {
    if (plan.scale >= 1) return [...group];
    const count = Math.max(1, Math.round(group.length * plan.scale));
    return [...group]
      .sort((a, b) => hashSeed(plan.seed, a.id) - hashSeed(plan.seed, b.id))
      .slice(0, count);
  };
  return [...take(provinces), ...take(regencies)].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A fixed instant in a year: generated rows never carry the time they were generated. */
export const dayIn = (year: number, dayOfYear: number, hour = 9) =>
  new Date(Date.UTC(year, 0, 1 + Math.max(0, Math.min(364, dayOfYear)), hour));
