import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankWithTies, withYearOverYearChange } from '../src/index.js';

describe('ranking with ties', () => {
  it('uses standard competition ranking (1, 2, 2, 4)', () => {
    const ranked = rankWithTies(
      [
        { id: 'c', score: 3.5 },
        { id: 'a', score: 4.76 },
        { id: 'b2', score: 4.53 },
        { id: 'b1', score: 4.53 },
      ],
      (r) => r.score,
      { tieBreak: (x, y) => x.id.localeCompare(y.id) },
    );
    expect(ranked.map((r) => [r.item.id, r.rank])).toEqual([
      ['a', 1],
      ['b1', 2],
      ['b2', 2],
      ['c', 4],
    ]);
  });

  it('scores equal at the published precision tie', () => {
    const ranked = rankWithTies([4.671, 4.669, 4.6], (s) => s);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  it('an empty list ranks to an empty list', () => {
    expect(rankWithTies([], (s: number) => s)).toEqual([]);
  });

  it('a rank is one more than the number of strictly better scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }).map((n) => n / 100)), (scores) => {
        const ranked = rankWithTies(scores, (s) => s);
        for (const r of ranked) {
          expect(r.rank).toBe(1 + scores.filter((s) => s > r.score).length);
        }
        expect(ranked.map((r) => r.rank)).toEqual(
          [...ranked.map((r) => r.rank)].sort((a, b) => a - b),
        );
      }),
    );
  });
});

describe('year-over-year change', () => {
  it('gives each result its change against the closest earlier year, newest first', () => {
    const series = withYearOverYearChange([
      { year: 2023, score: 1.12 },
      { year: 2024, score: 3.66 },
    ]);
    expect(series).toEqual([
      { year: 2024, score: 3.66, change: { previousYear: 2023, previousScore: 1.12, delta: 2.54 } },
      { year: 2023, score: 1.12, change: null },
    ]);
  });

  it('skips missing years and rounds the delta to two decimals', () => {
    const [latest] = withYearOverYearChange([
      { year: 2020, score: 70.1 },
      { year: 2023, score: 86.6 },
    ]);
    expect(latest?.change).toEqual({ previousYear: 2020, previousScore: 70.1, delta: 16.5 });
  });

  it('a drop is negative', () => {
    const [latest] = withYearOverYearChange([
      { year: 2023, score: 4.1 },
      { year: 2024, score: 3.85 },
    ]);
    expect(latest?.change?.delta).toBe(-0.25);
  });
});
