import { startTestSubgraph as startOrganisations } from '@mutu/organisations/testing';
import { IDENTITY_HEADER } from '@mutu/server';
import { graphql, testCallToken } from '@mutu/server/testing';
import type { TestService } from '@mutu/service/testing';
import { parse } from 'csv-parse/sync';
import { getRegencies } from 'idn-area-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../src/import/commands.js';
import { startTestSubgraph, type TestSubgraph, tableCounts } from '../src/testing.js';

let organisations: TestService;
let subgraph: TestSubgraph;
beforeAll(async () => {
  organisations = await startOrganisations();
  subgraph = await startTestSubgraph({ services: { organisations: organisations.url } });
}, 60_000);
afterAll(async () => {
  await subgraph?.close();
  await organisations?.close();
});

async function importCsv(
  csv: string,
  flags: { dryRun?: boolean; skipBadRows?: boolean; createCycles?: boolean } = {},
) {
  const params = new URLSearchParams({ fileName: 'test.csv' });
  for (const [flag, value] of Object.entries(flags)) params.set(flag, String(value));
  const response = await fetch(new URL(`/imports/results?${params}`, subgraph.url), {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      [IDENTITY_HEADER]: await testCallToken(subgraph.url),
    },
    body: csv,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ImportReport;
}

const ASPECTS = ['kebijakan', 'sdm', 'sarpras', 'sipp', 'pengaduan', 'inovasi'];

describe('CSV import of published results', () => {
  it('round-trips 10,000 rows: import, export the same rows, import again without a change', async () => {
    const codes = (await getRegencies({ transform: true }))
      .map((r) => r.code)
      .sort()
      .slice(0, 500);
    expect(codes).toHaveLength(500);
    // Years the demo does not use, all under the PEKPPP method (2022 on).
    const years = Array.from({ length: 20 }, (_, i) => 2030 + i);
    const lines = [['framework', 'year', 'region_code', 'score', ...ASPECTS].join(',')];
    const expected = new Set<string>();
    let n = 0;
    for (const year of years) {
      for (const code of codes) {
        n += 1;
        // Scores 1.00-5.00 in 0.01 steps; every seventh row also gives its six aspects, all
        // equal, so the weighted total equals the score whatever the weights.
        const score = (100 + ((n * 37) % 401)) / 100;
        const withAspects = n % 7 === 0;
        lines.push(
          [
            'ipp',
            year,
            code,
            score.toFixed(2),
            ...ASPECTS.map(() => (withAspects ? score : '')),
          ].join(','),
        );
        expected.add(`${year},${code},${score}${withAspects ? `,${score}` : ''}`);
      }
    }
    const csv = `${lines.join('\n')}\n`;
    expect(lines.length - 1).toBe(10_000);

    const first = await importCsv(csv, { createCycles: true });
    expect(first).toMatchObject({
      rows: 10_000,
      created: 10_000,
      corrected: 0,
      unchanged: 0,
      problems: [],
      committed: true,
    });
    expect(first.cyclesCreated).toHaveLength(20);

    // Exported back, the rows are the same results (the export names governments by id, which
    // is their region code).
    const { data } = await graphql<{ publishedResultsCsv: string }>(
      subgraph.url,
      'query { publishedResultsCsv(framework: IPP) }',
    );
    const [header, ...rows] = (data?.publishedResultsCsv ?? '').trim().split('\n');
    const columns = header?.split(',') ?? [];
    const exported = new Set(
      rows
        .map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])))
        .filter((r) => Number(r.year) >= 2030)
        .map(
          (r) =>
            `${r.year},${r.organisation_id},${Number(r.score)}${r.kebijakan ? `,${Number(r.kebijakan)}` : ''}`,
        ),
    );
    expect(exported).toEqual(expected);

    const before = await tableCounts();
    const again = await importCsv(csv, { createCycles: true });
    expect(again).toMatchObject({ created: 0, corrected: 0, unchanged: 10_000, committed: true });
    expect(await tableCounts()).toEqual(before);

    // The imported results answer the graph's questions: a league table of the kabupaten
    // among them (the kota are a peer group of their own).
    const ranking = await graphql<{ ranking: unknown[] }>(
      subgraph.url,
      'query { ranking(framework: IPP, year: 2040) { rank score } }',
    );
    expect(ranking.data?.ranking).toHaveLength(codes.filter((c) => Number(c.slice(3)) < 71).length);
  }, 180_000);

  it('reports every bad row with its line and column, and writes nothing', async () => {
    const before = await tableCounts();
    const csv = [
      'framework,year,organisation_id,score,kebijakan,sdm,sarpras,sipp,pengaduan,inovasi',
      'IPP,2024,15.02,3.40,,,,,,',
      'IPX,2024,15.03,3.40,,,,,,',
      'IPP,20x4,15.03,3.40,,,,,,',
      'IPP,2024,15.99,3.40,,,,,,',
      'IPP,2024,15.04,5.40,,,,,,',
      'IPP,2024,15.05,"3,40",,,,,,',
      'IPP,2024,15.06,3.40,4,4,4,4,4,4',
      'IPP,2024,15.07,4.00,4,4,4,4,4,',
      'IPP,2024,15.02,3.50,,,,,,',
      'IPP,2060,15.08,3.40,,,,,,',
      'IPP,2024,15.71,3.45,,,,,,',
    ].join('\n');
    const report = await importCsv(csv);
    expect(report.problems).toEqual([
      { row: 3, column: 'framework', reason: expect.stringContaining('"IPX" is not one of') },
      { row: 4, column: 'year', reason: expect.stringContaining('between 1990 and 2100') },
      { row: 5, column: 'organisation_id', reason: 'no organisation has id "15.99"' },
      { row: 6, column: 'score', reason: expect.stringContaining('between 0 and 5') },
      { row: 7, column: 'score', reason: expect.stringContaining('decimals with a dot') },
      { row: 8, column: 'score', reason: expect.stringContaining('components give 4.00') },
      { row: 9, column: 'inovasi', reason: expect.stringContaining('inovasi') },
      { row: 10, column: 'organisation_id', reason: 'the same result as row 2' },
      { row: 11, column: 'year', reason: expect.stringContaining('no IPP cycle for 2060') },
    ]);
    expect(report).toMatchObject({ rows: 11, created: 0, committed: false });
    expect(await tableCounts()).toEqual(before);
  });

  it('commits only the good rows with --skip-bad-rows, and a dry run commits nothing', async () => {
    const csv = [
      'framework,year,region_code,score,source',
      'IPP,2024,15.02,3.40,Bulletin',
      'IPP,2024,15.99,3.40,Bulletin',
      'IPP,2024,15.03,2.80,Bulletin',
    ].join('\n');
    const before = await tableCounts();
    expect(await importCsv(csv, { dryRun: true, skipBadRows: true })).toMatchObject({
      created: 2,
      skipped: 1,
      dryRun: true,
      committed: false,
    });
    expect(await tableCounts()).toEqual(before);

    const report = await importCsv(csv, { skipBadRows: true });
    expect(report).toMatchObject({ created: 2, skipped: 1, committed: true });
    expect(report.problems).toEqual([
      { row: 3, column: 'region_code', reason: 'no organisation has id "15.99"' },
    ]);
    const counts = await tableCounts();
    expect(counts.assessments).toBe(before.assessments + 2);
  });

  it('records a changed published value as a new revision with the file as its reason', async () => {
    const report = await importCsv('framework,year,region_code,score\nIPP,2024,15.01,3.70\n');
    expect(report).toMatchObject({ created: 0, corrected: 1, committed: true });
    const { data } = await graphql<{ assessment: Record<string, unknown> }>(
      subgraph.url,
      'query { assessment(id: "ipp-2024.15.01") { revisions { revision current score correctionReason } } }',
    );
    expect(data?.assessment.revisions).toEqual([
      { revision: 1, current: false, score: 3.66, correctionReason: null },
      { revision: 2, current: true, score: 3.7, correctionReason: 'Imported from test.csv, row 2' },
    ]);
  });

  it('refuses a file whose header is wrong before reading any row', async () => {
    const report = await importCsv('framework,year,organisation_id,nilai\nIPP,2024,15.01,3.70\n');
    expect(report.problems).toEqual([
      { row: 1, column: 'score', reason: 'required column is missing' },
      { row: 1, column: 'nilai', reason: expect.stringContaining('unknown column') },
    ]);
    expect(report.committed).toBe(false);
  });

  it('takes files from administrators only, on its own route, up to 12 MiB', async () => {
    const url = new URL('/imports/results', subgraph.url);
    const csv = 'framework,year,region_code,score\nIPP,2024,15.05,3.10\n';
    const before = await tableCounts();
    const send = async (token: string | null, body: string | Buffer = csv) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...(token ? { [IDENTITY_HEADER]: token } : {}) },
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect((await send(null)).status).toBe(401);
    const analyst = await send(
      await testCallToken(subgraph.url, { sub: 'a', role: 'analyst', regions: [] }),
    );
    expect(analyst).toMatchObject({
      status: 403,
      body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] },
    });
    const huge = await send(await testCallToken(subgraph.url), Buffer.alloc(13 * 1024 * 1024, 'a'));
    expect(huge).toMatchObject({
      status: 413,
      body: { errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    });
    const badFlag = await fetch(`${url}?dryRun=yes`, {
      method: 'POST',
      headers: { [IDENTITY_HEADER]: await testCallToken(subgraph.url) },
      body: csv,
    });
    expect(badFlag.status).toBe(400);
    expect(await badFlag.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', argument: 'dryRun' } }],
    });
    expect(await tableCounts()).toEqual(before);
  });

  it('exports each change with whether it compares, the finding where stated, and imports back unchanged', async () => {
    const { data } = await graphql<{ publishedResultsCsv: string }>(
      subgraph.url,
      'query { publishedResultsCsv(framework: OMBUDSMAN_COMPLIANCE) }',
    );
    const csv = data?.publishedResultsCsv ?? '';
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining(['finding', 'previous_year', 'change', 'comparable']),
    );
    const at = (year: string, id: string) =>
      rows.find((r) => r.year === year && r.organisation_id === id);
    // Kota Bengkulu: 2021 zones -> 2023 grades is a change of method; 2023 -> 2024 is not.
    expect(at('2023', '17.71')).toMatchObject({
      previous_year: '2021',
      change: '',
      comparable: 'false',
    });
    expect(at('2024', '17.71')).toMatchObject({
      previous_year: '2023',
      change: '6.54',
      comparable: 'true',
    });
    expect(at('2025', '82')).toMatchObject({ finding: 'TANPA_MALADMINISTRASI' });
    const before = await tableCounts();
    const report = await importCsv(csv);
    expect(report).toMatchObject({ created: 0, corrected: 0, problems: [], committed: true });
    expect(report.unchanged).toBe(rows.length);
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a year no method covers, more decimals than the method publishes, and a finding the method lacks', async () => {
    const before = await tableCounts();
    const report = await importCsv(
      [
        'framework,year,region_code,score,finding',
        'IPP,2015,15.02,3.40,',
        'OMBUDSMAN_COMPLIANCE,2020,15.02,80.00,',
        'OMBUDSMAN_COMPLIANCE,2019,15.02,76.405,',
        'OMBUDSMAN_COMPLIANCE,2024,15.02,80.00,TANPA_MALADMINISTRASI',
      ].join('\n'),
      { createCycles: true },
    );
    expect(report.problems).toEqual([
      {
        row: 2,
        column: 'year',
        reason: expect.stringContaining('No IPP method applies to year 2015'),
      },
      {
        row: 3,
        column: 'year',
        reason: expect.stringContaining('No OMBUDSMAN_COMPLIANCE method applies to year 2020'),
      },
      { row: 4, column: 'score', reason: expect.stringContaining('more than the 2 decimals') },
      { row: 5, column: 'finding', reason: expect.stringContaining('has no findings') },
    ]);
    expect(await tableCounts()).toEqual(before);
  });
});
