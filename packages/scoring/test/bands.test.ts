import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  classify,
  METHODOLOGIES,
  type Methodology,
  methodologyFor,
  ScoringError,
  toSteps,
} from '../src/index.js';

const fromSteps = (steps: number, m: Methodology) => steps / 10 ** m.precision;

describe('published data points land in the published band', () => {
  it.each([
    ['IPP', 1.12, 2023, 'E', 'Sangat Buruk'],
    ['IPP', 3.66, 2024, 'B', 'Baik'],
    ['IPP', 3.85, 2024, 'B', 'Baik'],
    ['IPP', 4.67, 2024, 'A', 'Pelayanan Prima'],
    ['OMBUDSMAN_COMPLIANCE', 86.6, 2023, 'B', 'Kualitas Tinggi'],
    ['OMBUDSMAN_COMPLIANCE', 87.05, 2023, 'B', 'Kualitas Tinggi'],
    ['OMBUDSMAN_COMPLIANCE', 58.99, 2022, 'C', 'Kualitas Sedang'],
    ['OMBUDSMAN_COMPLIANCE', 51.89, 2023, 'D', 'Kualitas Rendah'],
  ] as const)('%s %d in %d is %s (%s)', (framework, score, year, grade, label) => {
    const band = classify(framework, score, year);
    expect(band.grade).toBe(grade);
    expect(band.label).toBe(label);
  });

  it('Ombudsman zones follow the scores of Maluku Tenggara 2023 (52.86 red, 55.09 yellow)', () => {
    expect(classify('OMBUDSMAN_COMPLIANCE', 52.86, 2023).zone).toBe('RED');
    expect(classify('OMBUDSMAN_COMPLIANCE', 55.09, 2023).zone).toBe('YELLOW');
    expect(classify('OMBUDSMAN_COMPLIANCE', 87.05, 2023).zone).toBe('GREEN');
  });

  it('the 2021 Ombudsman method has zones only: no grade', () => {
    const band = classify('OMBUDSMAN_COMPLIANCE', 86.6, 2021);
    expect(band).toMatchObject({ grade: null, label: 'Kepatuhan Tinggi', zone: 'GREEN' });
    expect(band.methodology.id).toBe('ombudsman-2021');
    // The same score is a yellow 2021 zone but a red 2022 grade at 51.5.
    expect(classify('OMBUDSMAN_COMPLIANCE', 51.5, 2021).zone).toBe('YELLOW');
    expect(classify('OMBUDSMAN_COMPLIANCE', 51.5, 2022).zone).toBe('RED');
  });

  it.each([
    [2.61, 'Baik'],
    [2.93, 'Baik'],
    [2.55, 'Cukup'],
    [2.59, 'Cukup'],
    [1.55, 'Kurang'],
  ])('SPBE %d is %s, with no grade and no zone', (score, label) => {
    expect(classify('SPBE', score)).toMatchObject({ grade: null, label, zone: null });
  });

  it('IPP and SKM have no zones', () => {
    expect(classify('IPP', 3.66).zone).toBeNull();
    expect(classify('SKM', 90).zone).toBeNull();
  });
});

describe('every band boundary, on both sides', () => {
  for (const m of METHODOLOGIES) {
    describe(m.id, () => {
      const sorted = [...m.bands].sort((a, b) => a.min - b.min);
      sorted.forEach((band, i) => {
        const below = sorted[i - 1];
        const above = sorted[i + 1];
        it(`${band.grade ?? band.label}: ${band.min} and ${band.max} are inside`, () => {
          expect(bandOf(m, band.min).label).toBe(band.label);
          expect(bandOf(m, band.max).label).toBe(band.label);
          expect(bandOf(m, band.min).grade).toBe(band.grade);
        });
        it(`${band.grade ?? band.label}: one step below ${band.min} is ${below ? below.label : 'outside the scale'}`, () => {
          const x = fromSteps(toSteps(band.min, m.precision) - 1, m);
          if (below) expect(bandOf(m, x).label).toBe(below.label);
          else if (m.reach && x >= m.reach.min) expect(bandOf(m, x).label).toBe(band.label);
          else expect(() => bandOf(m, x)).toThrow(ScoringError);
        });
        it(`${band.grade ?? band.label}: one step above ${band.max} is ${above ? above.label : 'outside the scale'}`, () => {
          const x = fromSteps(toSteps(band.max, m.precision) + 1, m);
          if (above) expect(bandOf(m, x).label).toBe(above.label);
          else expect(() => bandOf(m, x)).toThrow(ScoringError);
        });
      });
    });
  }
});

describe("a method's reach beyond its band table", () => {
  const skm = methodologyFor('SKM', 2024);
  it('SKM weighed by 0.111 publishes down to 24.98: band D, and 24.97 is outside', () => {
    expect(bandOf(skm, 24.98)).toMatchObject({ grade: 'D', label: 'Tidak Baik' });
    expect(bandOf(skm, 24.99).grade).toBe('D');
    expect(() => bandOf(skm, 24.97)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'score' }),
    );
  });
  it('no other method reaches beyond its table', () => {
    expect(METHODOLOGIES.filter((m) => m.reach).map((m) => m.id)).toEqual(['skm-2017']);
  });
});

describe('bands partition each scale with no gaps or overlaps', () => {
  for (const m of METHODOLOGIES) {
    it(`${m.id}: the table is contiguous from the scale's minimum to its maximum`, () => {
      const sorted = [...m.bands].sort((a, b) => a.min - b.min);
      expect(toSteps(sorted[0]?.min ?? Number.NaN, m.precision)).toBe(
        toSteps(m.scale.min, m.precision),
      );
      expect(toSteps(sorted.at(-1)?.max ?? Number.NaN, m.precision)).toBe(
        toSteps(m.scale.max, m.precision),
      );
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1];
        const cur = sorted[i];
        if (!prev || !cur) throw new Error('unreachable');
        expect(toSteps(cur.min, m.precision)).toBe(toSteps(prev.max, m.precision) + 1);
      }
    });

    it(`${m.id}: any score on the scale falls in exactly one band`, () => {
      const scores =
        m.precision === 0
          ? fc.integer({ min: m.scale.min, max: m.scale.max })
          : fc.double({ min: m.scale.min, max: m.scale.max, noNaN: true });
      fc.assert(
        fc.property(scores, (score) => {
          const steps = toSteps(score, m.precision);
          const containing = m.bands.filter(
            (b) => toSteps(b.min, m.precision) <= steps && steps <= toSteps(b.max, m.precision),
          );
          expect(containing).toHaveLength(1);
          expect(bandOf(m, score).label).toBe(containing[0]?.label);
        }),
      );
    });

    it(`${m.id}: bands are ordered: a higher score never gets a lower band`, () => {
      const order = [...m.bands].sort((a, b) => a.min - b.min).map((b) => b.label);
      const scores =
        m.precision === 0
          ? fc.integer({ min: m.scale.min, max: m.scale.max })
          : fc.double({ min: m.scale.min, max: m.scale.max, noNaN: true });
      fc.assert(
        fc.property(scores, scores, (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(order.indexOf(bandOf(m, lo).label)).toBeLessThanOrEqual(
            order.indexOf(bandOf(m, hi).label),
          );
        }),
      );
    });
  }
});

describe('precision', () => {
  it('compares at the published two decimals: 80.995 rounds into the green zone of 2021', () => {
    expect(classify('OMBUDSMAN_COMPLIANCE', 80.995, 2021).zone).toBe('GREEN');
    expect(classify('OMBUDSMAN_COMPLIANCE', 80.994, 2021).zone).toBe('YELLOW');
  });

  it('3.505 is an IPP B, 3.504 a B-', () => {
    expect(classify('IPP', 3.505).grade).toBe('B');
    expect(classify('IPP', 3.504).grade).toBe('B-');
  });
});

describe('bad scores', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    '%d is not a number',
    (score) => {
      expect(() => classify('IPP', score)).toThrow(
        expect.objectContaining({ code: 'NOT_A_NUMBER', field: 'score' }),
      );
    },
  );

  it.each([
    ['IPP', 5.01],
    ['IPP', -0.01],
    ['OMBUDSMAN_COMPLIANCE', 100.5],
    ['SKM', 24.97],
    ['SPBE', 0.99],
  ] as const)('%s %d is outside the scale', (framework, score) => {
    expect(() => classify(framework, score)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'score' }),
    );
  });
});

describe('methodology by year', () => {
  it.each([
    ['OMBUDSMAN_COMPLIANCE', 2013, 'ombudsman-2013'],
    ['OMBUDSMAN_COMPLIANCE', 2019, 'ombudsman-2013'],
    ['OMBUDSMAN_COMPLIANCE', 2021, 'ombudsman-2021'],
    ['OMBUDSMAN_COMPLIANCE', 2022, 'ombudsman-2022'],
    ['OMBUDSMAN_COMPLIANCE', 2023, 'ombudsman-2022'],
    ['OMBUDSMAN_COMPLIANCE', 2024, 'ombudsman-2024'],
    ['OMBUDSMAN_COMPLIANCE', 2025, 'ombudsman-2025'],
    ['IPP', 2017, 'ipp-2017'],
    ['IPP', 2021, 'ipp-2017'],
    ['IPP', 2022, 'ipp-2022'],
    ['SPBE', 2018, 'spbe-2018'],
    ['SPBE', 2019, 'spbe-2018'],
    ['SPBE', 2020, 'spbe-2020'],
    ['SKM', 2017, 'skm-2017'],
  ] as const)('%s in %d uses %s', (framework, year, id) => {
    expect(methodologyFor(framework, year).id).toBe(id);
  });

  it('without a year the newest methodology applies', () => {
    expect(methodologyFor('OMBUDSMAN_COMPLIANCE').id).toBe('ombudsman-2025');
    expect(methodologyFor('IPP').id).toBe('ipp-2022');
  });

  it('each framework has one methodology for every year it ran, none for the years it did not', () => {
    const firstYear = { OMBUDSMAN_COMPLIANCE: 2013, IPP: 2017, SKM: 2017, SPBE: 2018 } as const;
    for (const framework of ['OMBUDSMAN_COMPLIANCE', 'IPP', 'SKM', 'SPBE'] as const) {
      for (let year = 2000; year <= 2040; year++) {
        const applying = METHODOLOGIES.filter(
          (m) =>
            m.framework === framework &&
            (m.fromYear === null || m.fromYear <= year) &&
            (m.untilYear === null || year <= m.untilYear),
        );
        // The Ombudsman held no assessment in 2020 (Covid-19, sonora.id, 3 June 2021).
        const ran =
          year >= firstYear[framework] && !(framework === 'OMBUDSMAN_COMPLIANCE' && year === 2020);
        expect(applying, `${framework} ${year}`).toHaveLength(ran ? 1 : 0);
      }
    }
  });

  it('a year with no method is a typed error naming the year, never a guessed band', () => {
    for (const [framework, year] of [
      ['OMBUDSMAN_COMPLIANCE', 2020],
      ['OMBUDSMAN_COMPLIANCE', 2012],
      ['IPP', 2016],
      ['SPBE', 2017],
    ] as const) {
      expect(() => classify(framework, 60, year)).toThrow(
        expect.objectContaining({ code: 'NO_METHODOLOGY', field: 'year' }),
      );
    }
  });
});

describe('the methods of every year', () => {
  it('2013-2019 scores carry two decimals (Kabupaten Gorontalo 30.76 in 2016, Luwu Utara 96.73 in 2019): between whole bounds, the lower zone', () => {
    expect(classify('OMBUDSMAN_COMPLIANCE', 30.76, 2016).zone).toBe('RED');
    expect(classify('OMBUDSMAN_COMPLIANCE', 96.73, 2019).zone).toBe('GREEN');
    const m = methodologyFor('OMBUDSMAN_COMPLIANCE', 2018);
    expect(m.confirmed).toBe(false);
    expect([50, 50.99, 51, 80, 80.99, 81].map((x) => bandOf(m, x).zone)).toEqual([
      'RED',
      'RED',
      'YELLOW',
      'YELLOW',
      'YELLOW',
      'GREEN',
    ]);
    // Compared at the published two decimals, as every method is.
    expect(bandOf(m, 80.995).zone).toBe('GREEN');
  });

  it('2022 results carry grades too (Pemprov Sumatera Utara 90.54 A; Kendari 58.99 C)', () => {
    expect(classify('OMBUDSMAN_COMPLIANCE', 90.54, 2022)).toMatchObject({
      grade: 'A',
      zone: 'GREEN',
    });
    expect(classify('OMBUDSMAN_COMPLIANCE', 58.99, 2022)).toMatchObject({
      grade: 'C',
      zone: 'YELLOW',
    });
  });

  it('2023 bounds seen published: 88.01 A, 84.47 B, 78.05 B, 77.13 C, 52.77 D', () => {
    for (const [score, grade] of [
      [88.01, 'A'],
      [84.47, 'B'],
      [78.05, 'B'],
      [77.13, 'C'],
      [52.77, 'D'],
    ] as const) {
      expect(classify('OMBUDSMAN_COMPLIANCE', score, 2023).grade).toBe(grade);
    }
  });

  it('2025: the grade from the score, the maladministration finding only as given', () => {
    const m = methodologyFor('OMBUDSMAN_COMPLIANCE', 2025);
    expect(bandOf(m, 76.82)).toMatchObject({
      grade: 'C',
      finding: null,
      opinion: 'Kualitas Sedang',
    });
    expect(bandOf(m, 76.82, { finding: 'TANPA_MALADMINISTRASI' })).toMatchObject({
      opinion: 'Kualitas Sedang Tanpa Maladministrasi',
    });
    expect(() => bandOf(m, 76.82, { finding: 'DENGAN_MALADMINISTRASI' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FINDING', field: 'finding' }),
    );
    expect(() =>
      bandOf(methodologyFor('OMBUDSMAN_COMPLIANCE', 2024), 76.82, {
        finding: 'TANPA_MALADMINISTRASI',
      }),
    ).toThrow(expect.objectContaining({ code: 'UNKNOWN_FINDING' }));
    expect(m.confirmed).toBe(false);
  });

  it('SPBE: 3 domains, 7 aspects and 35 indicators under 5/2018; 4, 8 and 47 under 59/2020', () => {
    const s2019 = methodologyFor('SPBE', 2019);
    const s2020 = methodologyFor('SPBE', 2020);
    expect(s2019.outline).toMatchObject({
      domains: ['Kebijakan Internal SPBE', 'Tata Kelola SPBE', 'Layanan SPBE'],
      aspects: 7,
      indicators: 35,
    });
    expect(s2020.outline).toMatchObject({
      domains: ['Kebijakan Internal SPBE', 'Tata Kelola SPBE', 'Manajemen SPBE', 'Layanan SPBE'],
      aspects: 8,
      indicators: 47,
    });
  });

  it('SPBE: 0-5 under PermenPAN-RB 5/2018 (2.6 is Baik), 1-5 under 59/2020', () => {
    expect(classify('SPBE', 2.6, 2019)).toMatchObject({ label: 'Baik' });
    expect(classify('SPBE', 0.5, 2018)).toMatchObject({ label: 'Kurang' });
    expect(() => classify('SPBE', 0.5, 2020)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
    // Published: Pemprov Kalimantan Tengah 2.75 and 2.87 Baik (2023, 2024), Kutai Timur 3.20 Baik (2023).
    for (const score of [2.75, 2.87, 3.2]) expect(classify('SPBE', score, 2023).label).toBe('Baik');
  });

  it('every methodology names its series, and the breaks fall where the methods changed', () => {
    const seriesByYear = (framework: 'OMBUDSMAN_COMPLIANCE' | 'IPP' | 'SPBE', years: number[]) =>
      years.map((y) => methodologyFor(framework, y).series);
    const [o2019, o2021, o2022, o2024, o2025] = seriesByYear(
      'OMBUDSMAN_COMPLIANCE',
      [2019, 2021, 2022, 2024, 2025],
    );
    expect(new Set([o2019, o2021, o2022, o2025]).size).toBe(4);
    expect(o2024).toBe(o2022);
    const [i2021, i2022] = seriesByYear('IPP', [2021, 2022]);
    expect(i2021).not.toBe(i2022);
    const [s2019, s2020] = seriesByYear('SPBE', [2019, 2020]);
    expect(s2019).not.toBe(s2020);
  });
});
