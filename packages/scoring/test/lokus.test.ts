import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lokusTotal, METHODOLOGIES, methodologyFor, roundTo, ScoringError } from '../src/index.js';

const ombudsman2023 = methodologyFor('OMBUDSMAN_COMPLIANCE', 2023);
const ipp2024 = methodologyFor('IPP', 2024);

describe('lokus totals', () => {
  it('the Ombudsman 2022-2024 government score is the plain mean of its lokus', () => {
    // Seven lokus as in 2022-2023: five OPDs and two puskesmas.
    const units = [62.1, 58.4, 71.25, 49.9, 66.0, 55.55, 62.4];
    const { exact, total } = lokusTotal(ombudsman2023, units);
    expect(exact).toBeCloseTo(425.6 / 7, 10);
    expect(total).toBe(60.8);
  });

  it('averages unrounded unit totals and rounds once (Kota Madiun IPP 2024 -> 4.67, not 4.66)', () => {
    // Published unit scores 4.73, 4.63 and 4.63 average 4.66 when rounded first; the published
    // 4.67 is what unrounded units that print as those give.
    expect(lokusTotal(ipp2024, [4.734, 4.634, 4.634]).total).toBe(4.67);
    expect(lokusTotal(ipp2024, [4.73, 4.63, 4.63]).total).toBe(4.66);
  });

  it('lies between the lowest and highest unit, at the published precision', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (units) => {
          const { exact, total } = lokusTotal(ombudsman2023, units);
          expect(exact).toBeGreaterThanOrEqual(Math.min(...units) - 1e-9);
          expect(exact).toBeLessThanOrEqual(Math.max(...units) + 1e-9);
          expect(total).toBe(roundTo(exact, 2));
        },
      ),
    );
  });

  it('needs at least one lokus', () => {
    expect(() => lokusTotal(ipp2024, [])).toThrow(
      expect.objectContaining({ code: 'NO_LOKUS', field: 'lokus' }),
    );
  });

  it('refuses several lokus where the method does not say how to combine them', () => {
    const skm = methodologyFor('SKM', 2024);
    expect(lokusTotal(skm, [80]).total).toBe(80);
    const error = (() => {
      try {
        lokusTotal(skm, [80, 90]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ScoringError);
    expect(error).toMatchObject({ code: 'TOO_MANY_LOKUS', field: 'lokus' });
  });

  it('every methodology with components says how lokus combine, or that it scores one unit', () => {
    for (const m of METHODOLOGIES) expect([null, 'MEAN']).toContain(m.lokusTotal);
    expect(methodologyFor('OMBUDSMAN_COMPLIANCE', 2021).lokusTotal).toBeNull();
  });
});
