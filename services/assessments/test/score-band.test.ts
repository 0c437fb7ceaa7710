import { describe, expect, it } from 'vitest';
import { createApollo } from '../src/app.js';

const apollo = createApollo();

async function run(query: string, variables?: Record<string, unknown>) {
  const response = await apollo.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('scoreBand', () => {
  it('bands the contract example: Ombudsman 86.6 in 2023 is B, Kualitas Tinggi, green', async () => {
    const result = await run(
      '{ scoreBand(framework: OMBUDSMAN_COMPLIANCE, score: 86.6, year: 2023) { grade label zone methodology confirmed } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      scoreBand: {
        grade: 'B',
        label: 'Kualitas Tinggi',
        zone: 'GREEN',
        methodology: 'ombudsman-2022',
        confirmed: true,
      },
    });
  });

  it('IPP 3.66 is B, Baik, with no zone', async () => {
    const result = await run('{ scoreBand(framework: IPP, score: 3.66) { grade label zone } }');
    expect(result.data).toEqual({ scoreBand: { grade: 'B', label: 'Baik', zone: null } });
  });

  it('the 2021 Ombudsman method has zones only', async () => {
    const result = await run(
      '{ scoreBand(framework: OMBUDSMAN_COMPLIANCE, score: 86.6, year: 2021) { grade label zone } }',
    );
    expect(result.data).toEqual({
      scoreBand: { grade: null, label: 'Kepatuhan Tinggi', zone: 'GREEN' },
    });
  });

  it('a score outside the scale is BAD_USER_INPUT naming score', async () => {
    const result = await run('{ scoreBand(framework: IPP, score: 5.5) { grade } }');
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'score',
    });
    expect(result.errors?.[0]?.message).toMatch(/score must be between 0 and 5/);
  });

  it('NaN sent as a variable is BAD_USER_INPUT naming $score', async () => {
    const result = await run(
      'query($s: Float!) { scoreBand(framework: SKM, score: $s) { grade } }',
      { s: 'NaN' },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(result.errors?.[0]?.message).toContain('$s');
  });

  it('an implausible year is BAD_USER_INPUT naming year', async () => {
    const result = await run('{ scoreBand(framework: IPP, score: 3, year: 20240) { grade } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'year',
    });
  });

  it('the 2025 opinion has two parts: the grade, and the maladministration finding given with it', async () => {
    const result = await run(
      '{ scoreBand(framework: OMBUDSMAN_COMPLIANCE, score: 76.82, year: 2025, finding: TANPA_MALADMINISTRASI) { grade label finding opinion methodology confirmed } }',
    );
    expect(result.data).toEqual({
      scoreBand: {
        grade: 'C',
        label: 'Kualitas Sedang',
        finding: 'TANPA_MALADMINISTRASI',
        opinion: 'Kualitas Sedang Tanpa Maladministrasi',
        methodology: 'ombudsman-2025',
        confirmed: false,
      },
    });
    const without = await run(
      '{ scoreBand(framework: OMBUDSMAN_COMPLIANCE, score: 53.38, year: 2025, finding: BELUM_TANPA_MALADMINISTRASI) { opinion } }',
    );
    expect(without.data).toEqual({ scoreBand: { opinion: 'Kualitas Rendah' } });
  });

  it.each([
    // A finding where the method has none.
    ['score: 86.6, year: 2024, finding: TANPA_MALADMINISTRASI', 'finding', /has no findings/],
    // No assessment was held in 2020.
    ['score: 86.6, year: 2020', 'year', /No OMBUDSMAN_COMPLIANCE method applies to year 2020/],
    ['score: 100.01, year: 2024', 'score', /between 0 and 100/],
  ])('%s is a BAD_USER_INPUT naming %s, never a guessed band', async (args, argument, message) => {
    const result = await run(`{ scoreBand(framework: OMBUDSMAN_COMPLIANCE, ${args}) { grade } }`);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it('2013-2019 product surveys: zones only, two decimals (Luwu Utara 96.73 in 2019), 80.99 yellow and 81 green', async () => {
    const band = async (score: number) =>
      (
        await run(
          `{ scoreBand(framework: OMBUDSMAN_COMPLIANCE, score: ${score}, year: 2018) { grade zone methodology } }`,
        )
      ).data;
    expect(await band(80.99)).toEqual({
      scoreBand: { grade: null, zone: 'YELLOW', methodology: 'ombudsman-2013' },
    });
    expect(await band(81)).toEqual({
      scoreBand: { grade: null, zone: 'GREEN', methodology: 'ombudsman-2013' },
    });
    expect((await band(96.73))?.scoreBand).toMatchObject({ zone: 'GREEN' });
  });
});
