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
});
