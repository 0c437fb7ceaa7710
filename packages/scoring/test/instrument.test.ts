import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  componentScoresOf,
  INSTRUMENTS,
  instrumentOf,
  METHODOLOGIES,
  methodologyById,
  methodologyFor,
  ScoringError,
  weightedTotal,
} from '../src/index.js';

const ipp2024 = methodologyFor('IPP', 2024);
const pekppp = instrumentOf(ipp2024);
if (!pekppp) throw new Error('ipp-2022 has an instrument');
const every = (level: number) => Object.fromEntries(pekppp.indicators.map((i) => [i.key, level]));

function thrown(f: () => unknown): ScoringError {
  try {
    f();
  } catch (e) {
    if (e instanceof ScoringError) return e;
    throw e;
  }
  throw new Error('expected a ScoringError');
}

describe('instruments', () => {
  it('score exactly the components of their methodology, each weighing 100 within its component', () => {
    for (const instrument of INSTRUMENTS) {
      const methodology = methodologyById(instrument.methodologyId);
      const keys = new Set(instrument.indicators.map((i) => i.component));
      expect([...keys].sort()).toEqual((methodology?.components ?? []).map((c) => c.key).sort());
      for (const component of keys) {
        const weights = instrument.indicators
          .filter((i) => i.component === component)
          .reduce((sum, i) => sum + i.weight, 0);
        expect(weights, `${instrument.id} ${component}`).toBeCloseTo(100, 9);
      }
      expect(new Set(instrument.indicators.map((i) => i.key)).size).toBe(
        instrument.indicators.length,
      );
    }
  });

  it('PEKPPP has the 30 scored F-02 indicators: 9, 5, 6, 4, 4 and 2 per aspect', () => {
    const count = (aspect: string) =>
      pekppp.indicators.filter((i) => i.component === aspect).length;
    expect(pekppp.indicators).toHaveLength(30);
    expect(['kebijakan', 'sdm', 'sarpras', 'sipp', 'pengaduan', 'inovasi'].map(count)).toEqual([
      9, 5, 6, 4, 4, 2,
    ]);
    // Only the Kebijakan Pelayanan weights were seen in KemenPAN-RB's own material.
    expect(pekppp.indicators.filter((i) => i.confirmed).map((i) => i.component)).toEqual(
      Array(9).fill('kebijakan'),
    );
  });

  it('has none for methods whose indicators are not published (Ombudsman, SKM, SPBE)', () => {
    const without = METHODOLOGIES.filter((m) => !instrumentOf(m)).map((m) => m.id);
    expect(without).toContain('ombudsman-2024');
    expect(without).toContain('ipp-2017');
  });

  it('rolls indicator levels up to aspect scores and the IPP', () => {
    // Kebijakan at level 4 except the two 17% indicators (1 and 6) at 2; every other aspect 3.
    const scores = {
      ...every(3),
      ...Object.fromEntries(
        pekppp.indicators.filter((i) => i.component === 'kebijakan').map((i) => [i.key, 4]),
      ),
      1: 2,
      6: 2,
    };
    const { components, missing } = componentScoresOf(pekppp, scores);
    expect(missing).toEqual([]);
    // (2*17 + 4*14 + 4*7 + 4*14 + 4*10 + 2*17 + 4*7 + 4*7 + 4*7) / 100 = 3.32
    expect(components.kebijakan).toBeCloseTo(3.32, 10);
    expect(components.sdm).toBe(3);
    // 0.24*3.32 + 0.76*3 = 3.0768
    expect(weightedTotal(ipp2024, components).total).toBe(3.08);
    expect(
      bandOf(ipp2024, weightedTotal(ipp2024, componentScoresOf(pekppp, every(5)).components).total)
        .label,
    ).toBe('Pelayanan Prima');
  });

  it('leaves a component unscored until every one of its indicators is', () => {
    const partial = { ...every(4) } as Record<string, number>;
    delete partial['29'];
    const { components, missing } = componentScoresOf(pekppp, partial);
    expect(missing).toEqual(['29']);
    expect(components.inovasi).toBeUndefined();
    expect(components.kebijakan).toBe(4);
  });

  it('refuses an indicator the instrument lacks, a level off the scale and a fraction', () => {
    expect(thrown(() => componentScoresOf(pekppp, { 31: 3 }))).toMatchObject({
      code: 'UNKNOWN_INDICATOR',
      field: '31',
    });
    expect(thrown(() => componentScoresOf(pekppp, { 1: 6 }))).toMatchObject({
      code: 'OUT_OF_RANGE',
    });
    expect(thrown(() => componentScoresOf(pekppp, { 1: 2.5 }))).toMatchObject({
      code: 'NOT_A_LEVEL',
    });
  });

  it('keeps every component score within the levels of its indicators', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 30, maxLength: 30 }),
        (levels) => {
          const scores = Object.fromEntries(
            pekppp.indicators.map((i, n) => [i.key, levels[n] ?? 0]),
          );
          const { components } = componentScoresOf(pekppp, scores);
          for (const value of Object.values(components)) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(5 + 1e-12);
          }
          const total = weightedTotal(ipp2024, components).total;
          expect(total).toBeGreaterThanOrEqual(Math.min(...levels));
          expect(total).toBeLessThanOrEqual(Math.max(...levels));
        },
      ),
    );
  });
});
