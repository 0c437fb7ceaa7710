import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  METHODOLOGIES,
  methodologyById,
  methodologyFor,
  ScoringError,
  weightedTotal,
} from '../src/index.js';

const ipp2022 = methodologyFor('IPP', 2024);
const allAspects = (value: number) =>
  Object.fromEntries((ipp2022.components ?? []).map((c) => [c.key, value]));

describe('weighted totals', () => {
  it('weighs IPP aspects with the PEKPPP weights (24/25/18/11/10/12)', () => {
    const result = weightedTotal(ipp2022, {
      kebijakan: 4,
      sdm: 3,
      sarpras: 5,
      sipp: 2,
      pengaduan: 4,
      inovasi: 1,
    });
    // 0.24*4 + 0.25*3 + 0.18*5 + 0.11*2 + 0.10*4 + 0.12*1 = 3.35
    expect(result.total).toBe(3.35);
    expect(result.points.kebijakan).toBeCloseTo(0.96, 10);
  });

  it('weighs Ombudsman dimensions into points that add up to the total', () => {
    const m = methodologyFor('OMBUDSMAN_COMPLIANCE', 2023);
    const result = weightedTotal(m, { input: 90, proses: 80, output: 70, pengaduan: 100 });
    // 21.85*0.9 + 32.37*0.8 + 24.24*0.7 + 21.54*1.0 = 19.665 + 25.896 + 16.968 + 21.54 = 84.069
    expect(result.total).toBe(84.07);
    const sum = Object.values(result.points).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(result.exact, 10);
  });

  it('the 2025 Ombudsman method gives public trust 30% of the total', () => {
    const m = methodologyFor('OMBUDSMAN_COMPLIANCE', 2025);
    const result = weightedTotal(m, {
      input: 100,
      proses: 100,
      output: 100,
      pengaduan: 100,
      kepercayaan: 0,
    });
    expect(result.total).toBe(70);
  });

  it('converts SKM element means to the 25-100 scale', () => {
    const m = methodologyFor('SKM');
    const all = Object.fromEntries((m.components ?? []).map((c) => [c.key, 3]));
    expect(weightedTotal(m, all).total).toBe(75);
  });

  it('names a missing component', () => {
    const { inovasi: _, ...rest } = allAspects(4);
    expect(() => weightedTotal(ipp2022, rest)).toThrow(
      expect.objectContaining({ code: 'MISSING_COMPONENT', field: 'inovasi' }),
    );
  });

  it('names an unknown component', () => {
    expect(() => weightedTotal(ipp2022, { ...allAspects(4), anggaran: 3 })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_COMPONENT', field: 'anggaran' }),
    );
  });

  it('names an out-of-range or non-numeric component', () => {
    expect(() => weightedTotal(ipp2022, { ...allAspects(4), sdm: 5.5 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'sdm' }),
    );
    expect(() => weightedTotal(ipp2022, { ...allAspects(4), sipp: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'NOT_A_NUMBER', field: 'sipp' }),
    );
  });

  it('refuses components where the methodology publishes totals only', () => {
    const m2021 = methodologyById('ombudsman-2021');
    if (!m2021) throw new Error('missing methodology');
    expect(() => weightedTotal(m2021, { input: 50 })).toThrow(ScoringError);
  });

  it('percent weights of every methodology add up to 100', () => {
    for (const m of METHODOLOGIES) {
      if (!m.components || m.framework === 'SKM') continue;
      const sum = m.components.reduce((s, c) => s + c.weight, 0);
      expect(sum, m.id).toBeCloseTo(100, 9);
    }
  });

  it('a total lies between the lowest and highest component (times the factor), on the scale', () => {
    for (const m of METHODOLOGIES) {
      const components = m.components;
      if (!components) continue;
      fc.assert(
        fc.property(
          fc.tuple(
            ...components.map((c) =>
              fc.double({ min: c.scale.min, max: c.scale.max, noNaN: true }),
            ),
          ),
          (values) => {
            const scores = Object.fromEntries(
              components.map((c, i) => [c.key, values[i] as number]),
            );
            const { exact } = weightedTotal(m, scores);
            expect(exact).toBeGreaterThanOrEqual(Math.min(...values) * m.totalFactor - 1e-9);
            expect(exact).toBeLessThanOrEqual(Math.max(...values) * m.totalFactor + 1e-9);
          },
        ),
      );
    }
  });
});
