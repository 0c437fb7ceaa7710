import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertComparable,
  comparability,
  methodologyFor,
  rankWithTies,
  withYearOverYearChange,
} from '../src/index.js';

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
      { year: 2023, score: 1.12, methodologyId: 'ipp-2022' },
      { year: 2024, score: 3.66, methodologyId: 'ipp-2022' },
    ]);
    expect(series.map((r) => [r.year, r.change])).toEqual([
      [
        2024,
        {
          previousYear: 2023,
          previousScore: 1.12,
          delta: 2.54,
          comparable: true,
          methodologyBreak: null,
        },
      ],
      [2023, null],
    ]);
  });

  it('skips missing years and rounds the delta to two decimals', () => {
    const [latest] = withYearOverYearChange([
      { year: 2022, score: 70.1, methodologyId: 'ombudsman-2022' },
      { year: 2024, score: 86.6, methodologyId: 'ombudsman-2024' },
    ]);
    expect(latest?.change).toMatchObject({ previousYear: 2022, delta: 16.5, comparable: true });
  });

  it('a drop is negative', () => {
    const [latest] = withYearOverYearChange([
      { year: 2023, score: 4.1, methodologyId: 'ipp-2022' },
      { year: 2024, score: 3.85, methodologyId: 'ipp-2022' },
    ]);
    expect(latest?.change?.delta).toBe(-0.25);
  });

  it.each([
    ['Ombudsman 2019 -> 2021', 2019, 2021],
    ['Ombudsman 2021 -> 2022', 2021, 2022],
    ['Ombudsman 2024 -> 2025', 2024, 2025],
  ] as const)('flags %s as a change of method, with no delta', (_, from, to) => {
    const earlier = methodologyFor('OMBUDSMAN_COMPLIANCE', from);
    const later = methodologyFor('OMBUDSMAN_COMPLIANCE', to);
    const [latest] = withYearOverYearChange([
      { year: from, score: 80, methodologyId: earlier.id },
      { year: to, score: 85, methodologyId: later.id },
    ]);
    expect(latest?.change).toMatchObject({ comparable: false, delta: null });
    expect(latest?.change?.methodologyBreak).toContain(`${earlier.id} (`);
    expect(latest?.change?.methodologyBreak).toContain(`-> ${later.id} (`);
  });

  it.each([
    ['IPP', 2021, 2022],
    ['SPBE', 2019, 2020],
  ] as const)('flags %s %d -> %d as a change of method', (framework, from, to) => {
    expect(
      comparability(methodologyFor(framework, from), methodologyFor(framework, to)).comparable,
    ).toBe(false);
  });

  it('compares within a method: Ombudsman 2022 -> 2024, IPP 2022 -> 2024, SPBE 2020 -> 2024', () => {
    for (const [framework, from, to] of [
      ['OMBUDSMAN_COMPLIANCE', 2022, 2024],
      ['IPP', 2022, 2024],
      ['SPBE', 2020, 2024],
      ['OMBUDSMAN_COMPLIANCE', 2013, 2019],
    ] as const) {
      expect(comparability(methodologyFor(framework, from), methodologyFor(framework, to))).toEqual(
        { comparable: true, methodologyBreak: null },
      );
    }
  });

  it('refuses a comparison asked across a change of method, naming the argument', () => {
    expect(() =>
      assertComparable(methodologyFor('IPP', 2021), methodologyFor('IPP', 2022), 'fromYear'),
    ).toThrow(expect.objectContaining({ code: 'INCOMPARABLE', field: 'fromYear' }));
  });
});
