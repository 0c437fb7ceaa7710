import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, pdfText, renderFirstPage } from './browser.js';
import { type Person, type Platform, startPlatform } from './platform.js';

/**
 * League tables and worklists as files, as a Kepala Bagian Organisasi or an assessor downloads
 * them: the figures are the graph's for the same caller, the headers speak Indonesian first,
 * and a bad parameter is refused with the parameter named.
 */
let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
}, 240_000);
afterAll(async () => {
  await platform?.close();
});

const ANALYST: Person = { sub: 'analis@bappenas.test', role: 'analyst' };
const origin = () => new URL(platform.gateway.url).origin;
const download = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${origin()}${path}`, { headers });

async function sheetRows(response: Response, sheet = 1) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  const rows: unknown[][] = [];
  book.worksheets[sheet - 1]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

async function graph<T>(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const { data } = (await response.json()) as { data: T };
  return data;
}

describe('a league table as a file', () => {
  it("holds the graph's ranking of Jambi's regencies in IPP 2024, Kerinci 3.66 (B) in it", async () => {
    const response = await download(
      '/reports/league-table.xlsx?framework=IPP&year=2024&provinceCode=15',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="peringkat-ipp-2024-15.xlsx"',
    );
    const [header, ...rows] = await sheetRows(response);
    expect(header).toEqual([
      'Peringkat',
      'Kode',
      'Nama',
      'Nilai',
      'Predikat',
      'Kategori',
      'Kelompok',
    ]);
    const { ranking } = await graph<{
      ranking: {
        rank: number;
        score: number;
        band: { grade: string };
        organisation: { id: string; name: string };
      }[];
    }>(
      '{ ranking(framework: IPP, year: 2024, provinceCode: "15") { rank score band { grade } organisation { id name } } }',
    );
    expect(ranking.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual(
      ranking.map((e) => [e.rank, e.organisation.id, e.organisation.name, e.score, e.band.grade]),
    );
    expect(rows.find((r) => r[1] === '15.01')).toEqual([
      expect.any(Number),
      '15.01',
      'Pemerintah Kabupaten Kerinci',
      3.66,
      'B',
      expect.any(String),
      'REGENCY',
    ]);
    const about = await sheetRows(
      await download('/reports/league-table.xlsx?framework=IPP&year=2024&provinceCode=15'),
      2,
    );
    expect(about).toContainEqual(['Tahun / year', '2024']);
  });

  it('comes as CSV too, with English headers on request', async () => {
    const response = await download(
      '/reports/league-table.csv?framework=IPP&year=2024&provinceCode=15&lang=en',
    );
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = parse(await response.text()) as string[][];
    expect(header).toEqual(['Rank', 'Code', 'Name', 'Score', 'Grade', 'Category', 'Peer group']);
    expect(rows.find((r) => r[1] === '15.01')?.slice(2, 5)).toEqual([
      'Pemerintah Kabupaten Kerinci',
      '3.66',
      'B',
    ]);
  });

  it('refuses a bad parameter with its name, as the graph does', async () => {
    for (const [query, argument] of [
      ['framework=IPP', 'year'],
      ['framework=IPP&year=twenty', 'year'],
      ['year=2024', 'framework'],
      ['framework=IPP&year=1850', 'year'],
    ] as const) {
      const response = await download(`/reports/league-table.xlsx?${query}`);
      expect(response.status, query).toBe(400);
      const { errors } = (await response.json()) as {
        errors: { extensions: { code: string; argument?: string } }[];
      };
      expect(errors[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    expect((await fetch(`${origin()}/reports/league-table.csv`, { method: 'POST' })).status).toBe(
      405,
    );
  });
});

describe('the download links the graph gives', () => {
  it('lead to the file, under the name the graph says', async () => {
    const { raporFile, leagueTableFile, worklistFile } = await graph<{
      raporFile: { path: string; filename: string; mediaType: string };
      leagueTableFile: { path: string; filename: string; mediaType: string };
      worklistFile: { path: string; filename: string; mediaType: string };
    }>(`{
      raporFile(organisationId: "15.01") { path filename mediaType }
      leagueTableFile(framework: IPP, year: 2024, provinceCode: "15") { path filename mediaType }
      worklistFile(cycleId: "ipp-2024", provinceCode: "15", format: CSV) { path filename mediaType }
    }`);
    for (const file of [raporFile, leagueTableFile, worklistFile]) {
      const response = await download(file.path);
      expect(response.status, file.path).toBe(200);
      expect(response.headers.get('content-type')).toBe(file.mediaType);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="${file.filename}"`,
      );
    }
    expect(raporFile.filename).toBe('rapor-15.01.pdf');
    expect(leagueTableFile.filename).toBe('peringkat-ipp-2024-15.xlsx');
    expect(worklistFile.filename).toBe('daftar-kerja-ipp-2024-15.csv');
  });

  it('refuse a bad argument with its name', async () => {
    const response = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ leagueTableFile(framework: IPP, year: 1850, provinceCode: "15") { path } }',
      }),
    });
    const { errors } = (await response.json()) as {
      errors: { extensions: { code: string; argument?: string } }[];
    };
    expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });
});

describe('a worklist as a file', () => {
  it('holds what the same caller reads in the graph', async () => {
    const analyst = await platform.bearer(ANALYST);
    const QUERY = `{ assessments(filter: { cycleId: "ipp-2024", provinceCode: "15" }, first: 100) {
      edges { node { id status score subject { id name } } } } }`;
    for (const headers of [{}, analyst]) {
      const response = await download(
        '/reports/worklist.xlsx?cycleId=ipp-2024&provinceCode=15',
        headers,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const [header, ...rows] = await sheetRows(response);
      expect(header).toEqual(['Penilaian', 'Kode', 'Nama', 'Status', 'Nilai', 'Predikat']);
      const { assessments } = await graph<{
        assessments: {
          edges: {
            node: {
              id: string;
              status: string;
              score: number;
              subject: { id: string; name: string };
            };
          }[];
        };
      }>(QUERY, headers);
      expect(assessments.edges.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.slice(0, 5))).toEqual(
        assessments.edges.map(({ node }) => [
          node.id,
          node.subject.id,
          node.subject.name,
          node.status,
          node.score,
        ]),
      );
    }
  });

  it('is refused with a token that is not one, before anything is read', async () => {
    const response = await download('/reports/worklist.xlsx?cycleId=ipp-2024', {
      authorization: 'Bearer not-a-token',
    });
    expect(response.status).toBe(401);
  });

  it('names the cycle when it is missing', async () => {
    const response = await download('/reports/worklist.csv?provinceCode=15');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', argument: 'cycleId' } }],
    });
  });
});

describe('the rapor of a government as a PDF', () => {
  it("holds Kerinci's IPP across the years, 1.12 (E) to 3.66 (B), with the sources", async () => {
    const response = await download('/reports/rapor.pdf?organisationId=15.01');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="rapor-15.01.pdf"',
    );
    const { pages, text } = await pdfText(response);
    expect(pages).toBeGreaterThan(0);
    expect(text).toContain('Rapor Pelayanan Publik');
    expect(text).toContain('Pemerintah Kabupaten Kerinci');
    expect(text).toContain('Indeks Pelayanan Publik');
    const { organisation } = await graph<{
      organisation: {
        results: { score: number; band: { grade: string }; assessment: { source: string } }[];
      };
    }>(
      '{ organisation(id: "15.01") { results(framework: IPP) { score band { grade } assessment { source } } } }',
    );
    const scores = organisation.results.map((r) => r.score);
    expect(scores).toEqual(expect.arrayContaining([1.12, 3.66]));
    for (const result of organisation.results) {
      expect(text).toContain(String(result.score));
      expect(text).toContain(result.assessment.source.slice(0, 20));
    }
    expect(text).toMatch(/Dibuat \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  });

  it('speaks English on request, and names a missing or unknown government', async () => {
    const { text } = await pdfText(
      await download('/reports/rapor.pdf?organisationId=15.01&lang=en'),
    );
    expect(text).toContain('Public Service Scorecard');
    for (const query of ['', '?organisationId=99.99']) {
      const response = await download(`/reports/rapor.pdf${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({
        errors: [{ extensions: { code: 'BAD_USER_INPUT', argument: 'organisationId' } }],
      });
    }
  });
});

describe('the rapor of a province as a PDF', () => {
  it("ranks Kalimantan Timur's regencies in Ombudsman 2024 as the graph does, Kutai Timur in it", async () => {
    const { provinceRaporFile } = await graph<{ provinceRaporFile: { path: string } }>(
      '{ provinceRaporFile(provinceCode: "64", framework: OMBUDSMAN_COMPLIANCE, year: 2024) { path } }',
    );
    const response = await download(provinceRaporFile.path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="rapor-64-ombudsman_compliance-2024.pdf"',
    );
    const { text } = await pdfText(response);
    expect(text).toContain('Rapor Pelayanan Publik Provinsi');
    expect(text).toContain('Kalimantan Timur');
    const { ranking } = await graph<{
      ranking: { rank: number; score: number; organisation: { name: string } }[];
    }>(
      '{ ranking(framework: OMBUDSMAN_COMPLIANCE, year: 2024, provinceCode: "64", group: REGENCY) { rank score organisation { name } } }',
    );
    expect(ranking.map((e) => e.organisation.name)).toContain('Pemerintah Kabupaten Kutai Timur');
    for (const entry of ranking) {
      expect(text).toContain(entry.organisation.name);
      expect(text).toContain(String(entry.score));
    }
  });

  it('names a missing or malformed argument', async () => {
    for (const [query, argument] of [
      ['framework=IPP&year=2024', 'provinceCode'],
      ['provinceCode=15&year=2024', 'framework'],
      ['provinceCode=15&framework=IPP&year=24', 'year'],
      ['provinceCode=99&framework=IPP&year=2024', 'provinceCode'],
    ] as const) {
      const response = await download(`/reports/rapor-provinsi.pdf?${query}`);
      expect(response.status, query).toBe(400);
      const { errors } = (await response.json()) as {
        errors: { extensions: { argument?: string } }[];
      };
      expect(errors[0]?.extensions.argument, query).toBe(argument);
    }
  });
});

// Debian's chromium (apt-get install chromium); in CI a missing browser fails the run.
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the rapor drawn in a browser', () => {
  it('is a page with ink on it, kept as a screenshot', async () => {
    for (const [path, name] of [
      ['/reports/rapor.pdf?organisationId=15.01', 'rapor-15.01.png'],
      [
        '/reports/rapor-provinsi.pdf?provinceCode=64&framework=OMBUDSMAN_COMPLIANCE&year=2024',
        'rapor-64.png',
      ],
    ] as const) {
      const pdf = Buffer.from(await (await download(path)).arrayBuffer());
      const { png, inked } = await renderFirstPage(pdf);
      await mkdir(ARTIFACTS, { recursive: true });
      await writeFile(join(ARTIFACTS, name), png);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // Text and bars: far from an empty page, far from a filled one.
      expect(inked, path).toBeGreaterThan(0.01);
      expect(inked, path).toBeLessThan(0.6);
    }
  }, 60_000);
});
