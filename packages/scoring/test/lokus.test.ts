import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lokusPlanOf,
  lokusTotal,
  METHODOLOGIES,
  methodologyFor,
  roundTo,
  ScoringError,
} from '../src/index.js';

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

  it('every methodology says how lokus combine, or that it scores one unit', () => {
    for (const m of METHODOLOGIES)
      expect(['MEAN', 'WHOLE', 'UNPUBLISHED']).toContain(m.aggregation.rule);
    expect(methodologyFor('OMBUDSMAN_COMPLIANCE', 2021).aggregation.rule).toBe('UNPUBLISHED');
  });

  it('Ombudsman 2024 truncates the mean: Kota Bengkulu 90.7457 was published 90.74 (Ombudsman RI Perwakilan Bengkulu, 29 Jul 2025)', () => {
    const units = [93.57, 93.34, 91.4, 91.4, 90.28, 88.74, 86.49];
    expect(lokusTotal(methodologyFor('OMBUDSMAN_COMPLIANCE', 2024), units).total).toBe(90.74);
    // The 2022-2023 rule, half up, would have given 90.75.
    expect(lokusTotal(ombudsman2023, units).total).toBe(90.75);
  });

  it('Ombudsman 2025 rounds the mean: Pemprov Gorontalo 76.8167 was published 76.82 (berinti.id, Feb 2026)', () => {
    const units = [68.79, 77.55, 84.11];
    expect(lokusTotal(methodologyFor('OMBUDSMAN_COMPLIANCE', 2025), units).total).toBe(76.82);
  });

  it('Rejang Lebong 2024: seven units averaging exactly 93.07 (Antara Bengkulu)', () => {
    const units = [97.59, 95.94, 94.68, 93.26, 92.2, 90.7, 87.12];
    expect(lokusTotal(methodologyFor('OMBUDSMAN_COMPLIANCE', 2024), units).total).toBe(93.07);
  });
});

describe('the lokus each government samples, by year and peer group', () => {
  it('IPP 2024: a province samples Dinas Sosial, RSUD and Samsat/Bapenda, not Disdukcapil', () => {
    const plan = lokusPlanOf(ipp2024, 2024, 'PROVINCE');
    expect(plan?.units).toEqual([
      'Dinas Sosial',
      'Rumah Sakit Umum Daerah (RSUD)',
      'Samsat / Badan Pendapatan Daerah',
    ]);
    expect(plan?.source).toContain('31 December 2024');
    expect(lokusPlanOf(ipp2024, 2024, 'CITY')?.units).toContain(
      'Dinas Kependudukan dan Pencatatan Sipil',
    );
  });

  it('Ombudsman 2021: four or five sectors, varying by government (Luwu Utara had five)', () => {
    const m = methodologyFor('OMBUDSMAN_COMPLIANCE', 2021);
    expect(lokusPlanOf(m, 2021, 'REGENCY')).toMatchObject({
      count: { min: 4, max: 5 },
      units: ['Dinas Pendidikan', 'Puskesmas'],
      confirmed: false,
    });
  });

  it('no plan where none was published, and none for a year or group outside it', () => {
    expect(lokusPlanOf(ipp2024, 2023, 'PROVINCE')).toBeNull();
    expect(lokusPlanOf(ipp2024, 2024, 'MINISTRY')).toBeNull();
    expect(lokusPlanOf(ombudsman2023, 2023, 'REGENCY')).toBeNull();
  });

  it('every plan lies within its method years and names no more units than it samples', () => {
    for (const m of METHODOLOGIES) {
      for (const plan of m.lokusPlans) {
        for (const year of plan.years) {
          expect(year).toBeGreaterThanOrEqual(m.fromYear ?? -Infinity);
          expect(year).toBeLessThanOrEqual(m.untilYear ?? Infinity);
        }
        expect(plan.units.length).toBeLessThanOrEqual(plan.count.max);
        expect(plan.count.min).toBeLessThanOrEqual(plan.count.max);
      }
    }
  });
});
