import { roundTo, toSteps } from './precision.js';

export interface Ranked<T> {
  readonly item: T;
  /** Standard competition ranking: equal scores share a rank and the next rank skips (1,2,2,4). */
  readonly rank: number;
  readonly score: number;
}

/**
 * Ranks items by score, highest first. Scores tie when equal at the published precision;
 * `tieBreak` only orders tied items for display, it never changes their rank.
 */
export function rankWithTies<T>(
  items: readonly T[],
  scoreOf: (item: T) => number,
  options: { precision?: number; tieBreak?: (a: T, b: T) => number } = {},
): Ranked<T>[] {
  const precision = options.precision ?? 2;
  const rows = items.map((item) => ({
    item,
    score: scoreOf(item),
    steps: toSteps(scoreOf(item), precision),
  }));
  rows.sort(
    (a, b) => b.steps - a.steps || (options.tieBreak ? options.tieBreak(a.item, b.item) : 0),
  );
  let rank = 0;
  return rows.map((row, i) => {
    if (i === 0 || row.steps !== rows[i - 1]?.steps) rank = i + 1;
    return { item: row.item, rank, score: row.score };
  });
}

export interface Change {
  readonly previousYear: number;
  readonly previousScore: number;
  /** Current minus previous, at the published precision. */
  readonly delta: number;
}

export interface YearScore {
  readonly year: number;
  readonly score: number;
}

/**
 * A series of one subject's results in one framework, newest first, each with its change
 * against the closest earlier year (null for the oldest).
 */
export function withYearOverYearChange<T extends YearScore>(
  series: readonly T[],
  precision = 2,
): (T & { change: Change | null })[] {
  const sorted = [...series].sort((a, b) => b.year - a.year);
  return sorted.map((current, i) => {
    const previous = sorted[i + 1];
    return {
      ...current,
      change: previous
        ? {
            previousYear: previous.year,
            previousScore: previous.score,
            delta: roundTo(current.score - previous.score, precision) || 0,
          }
        : null,
    };
  });
}
