import { describe, expect, it } from 'vitest';
import { mix, operations, seeded, zipf } from '../src/run/operations.js';

const data = {
  governments: Array.from({ length: 514 }, (_, i) => `g${i}`),
  provinces: Array.from({ length: 38 }, (_, i) => `p${i}`),
  years: [2024, 2023],
};
const draw = (n: number, seed = 1) => {
  const random = seeded(seed);
  const op = mix(operations(data));
  return Array.from(
    { length: n },
    () => JSON.parse(op.body(random)) as { query: string; variables: Record<string, unknown> },
  );
};

describe('the benchmark mix', () => {
  it('sends every gateway the same sequence for a seed, another for another seed', () => {
    expect(draw(200)).toEqual(draw(200));
    expect(draw(200, 2)).not.toEqual(draw(200));
  });

  it('is 70% contract query, 20% province ranking, 10% national ranking', () => {
    const bodies = draw(20_000);
    const contract = bodies.filter((b) => b.query.startsWith('query Contract')).length;
    const national = bodies.filter(
      (b) => b.query.startsWith('query Ranking') && b.variables.province === null,
    ).length;
    expect(contract / bodies.length).toBeCloseTo(0.7, 1);
    expect(national / bodies.length).toBeCloseTo(0.1, 1);
    expect((bodies.length - contract - national) / bodies.length).toBeCloseTo(0.2, 1);
  });

  it('asks popular governments far more often than the rest, and still reaches the tail', () => {
    const pick = zipf(514);
    const random = seeded(3);
    const counts = new Array(514).fill(0);
    for (let i = 0; i < 50_000; i += 1) counts[pick(random)] += 1;
    // The first ten of 514 get about a third of the requests; most governments are asked.
    const top = counts.slice(0, 10).reduce((s, c) => s + c, 0);
    expect(top / 50_000).toBeGreaterThan(0.25);
    expect(counts.filter((c) => c > 0).length).toBeGreaterThan(400);
  });
});
