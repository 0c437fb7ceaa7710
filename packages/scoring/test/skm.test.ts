import { describe, expect, it } from 'vitest';
import { skmFromAnswers } from '../src/index.js';

const respond = (...answers: number[]) => answers;

describe('SKM from raw answers', () => {
  it('computes element means, IKM and the converted value', () => {
    const result = skmFromAnswers([
      respond(4, 4, 3, 4, 3, 4, 4, 3, 3),
      respond(3, 4, 3, 4, 3, 3, 4, 3, 2),
      respond(4, 3, 3, 4, 4, 4, 4, 2, 3),
      respond(3, 3, 2, 4, 3, 4, 3, 3, 3),
    ]);
    expect(result.respondents).toBe(4);
    expect(result.elementMeans.map((e) => e.mean)).toEqual([
      3.5, 3.5, 2.75, 4, 3.25, 3.75, 3.75, 2.75, 2.75,
    ]);
    expect(result.elementMeans[0]?.name).toBe('Persyaratan');
    // mean of element means = 30 / 9 = 3.3333; x 25 = 83.33, mutu pelayanan B (Baik)
    expect(result.ikm).toBeCloseTo(3.3333, 4);
    expect(result.converted).toBe(83.33);
    expect(result.band).toMatchObject({ grade: 'B', label: 'Baik' });
  });

  it('all 4s is 100 (A, Sangat Baik); all 1s is 25 (D, Tidak Baik)', () => {
    expect(skmFromAnswers([Array(9).fill(4)])).toMatchObject({
      converted: 100,
      band: { grade: 'A' },
    });
    expect(skmFromAnswers([Array(9).fill(1)])).toMatchObject({
      converted: 25,
      band: { grade: 'D' },
    });
  });

  it('the converted value decides the band at two decimals (3.0644 x 25 = 76.61 is B)', () => {
    // Eight elements at 3 and one at 3.58 make an IKM of 3.0644.
    const answers = Array.from({ length: 50 }, (_, r) => [3, 3, 3, 3, 3, 3, 3, 3, r < 29 ? 4 : 3]);
    const result = skmFromAnswers(answers);
    expect(result.converted).toBe(76.61);
    expect(result.band.grade).toBe('B');
  });

  it('names the response and element of a bad answer', () => {
    expect(() =>
      skmFromAnswers([respond(4, 4, 4, 4, 4, 4, 4, 4, 4), respond(4, 4, 5, 4, 4, 4, 4, 4, 4)]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ANSWER', field: 'responses[1][2]' }));
    expect(() => skmFromAnswers([respond(4, 4, 2.5, 4, 4, 4, 4, 4, 4)])).toThrow(
      expect.objectContaining({ field: 'responses[0][2]' }),
    );
  });

  it('rejects a response with the wrong number of answers, and an empty survey', () => {
    expect(() => skmFromAnswers([respond(4, 4, 4)])).toThrow(
      expect.objectContaining({ field: 'responses[0]' }),
    );
    expect(() => skmFromAnswers([])).toThrow(
      expect.objectContaining({ code: 'NO_RESPONSES', field: 'responses' }),
    );
  });
});

describe('SKM weighting: exact 1/9 or the annex 0.111, as the unit reports', () => {
  it('all 4s are 100 by 1/9 and 99.90 by 0.111', () => {
    expect(skmFromAnswers([Array(9).fill(4)], { weighting: 'EXACT' }).converted).toBe(100);
    expect(skmFromAnswers([Array(9).fill(4)], { weighting: 'ANNEX' }).converted).toBe(99.9);
  });

  it('near a bound the two rules differ, and the result says so: 88.35 (A) by 1/9, 88.26 (B) by 0.111', () => {
    // Element means summing to 31.806 (an IKM of 3.534 by 1/9).
    const answers = Array.from({ length: 1000 }, (_, r) =>
      Array.from({ length: 9 }, (_, e) => (e * 1000 + r < 4194 ? 3 : 4)),
    );
    const exact = skmFromAnswers(answers, { weighting: 'EXACT' });
    expect(exact.converted).toBe(88.35);
    expect(exact.band.grade).toBe('A');
    expect(exact.otherWeighting).toMatchObject({
      weighting: 'ANNEX',
      converted: 88.26,
      band: { grade: 'B' },
    });
    const annex = skmFromAnswers(answers, { weighting: 'ANNEX' });
    expect(annex).toMatchObject({ converted: 88.26, band: { grade: 'B' }, weighting: 'ANNEX' });
    expect(annex.otherWeighting?.band.grade).toBe('A');
  });

  it('away from a bound the rules agree on the band and the result has no note', () => {
    expect(skmFromAnswers([Array(9).fill(3)]).otherWeighting).toBeNull();
  });

  it('all 1s by 0.111 is 24.98, below the table: still its D band', () => {
    expect(skmFromAnswers([Array(9).fill(1)], { weighting: 'ANNEX' })).toMatchObject({
      converted: 24.98,
      band: { grade: 'D' },
    });
  });
});
