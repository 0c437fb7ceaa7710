import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DIR } from '../src/static-files.js';
import { ARTIFACTS, CHROMIUM, pdfText } from './browser.js';
import { type Platform, startPlatform } from './platform.js';

/**
 * The dashboard as its readers meet it: served by the gateway at /dashboard (the Vite build of
 * apps/dashboard, which `pnpm build` makes before these tests), talking to the graph with its
 * trusted documents only, in Indonesian first.
 */
let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
}, 240_000);
afterAll(async () => {
  await platform?.close();
});

const origin = () => new URL(platform.gateway.url).origin;

interface Trusted {
  client: string;
  documents: Record<string, string>;
}
const trusted = async () =>
  JSON.parse(await readFile(join(DASHBOARD_DIR, 'trusted-documents.json'), 'utf8')) as Trusted;

async function hashOf(operation: string) {
  const { documents } = await trusted();
  const entry = Object.entries(documents).find(([, doc]) => doc.includes(`query ${operation}(`));
  if (!entry) throw new Error(`no trusted document for ${operation}`);
  return entry[0].replace(/^sha256:/, '');
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

describe('the dashboard served by the gateway', () => {
  it('is a page with its own scripts only, under a content security policy', async () => {
    const page = await fetch(`${origin()}/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();
    expect(html).not.toMatch(/https?:\/\//);
    const asset = await fetch(`${origin()}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // The bundle carries hashes, not documents: nobody reads the operations out of it.
    expect(await asset.text()).not.toContain('query Government(');
    // The manifest stays on the server.
    expect((await fetch(`${origin()}/dashboard/trusted-documents.json`)).status).toBe(404);
  });
});

describe('trusted documents', () => {
  it("answer the dashboard's hash with the figures the graph holds", async () => {
    const { client } = await trusted();
    const { status, body } = await post(
      {
        variables: { id: '15.01' },
        extensions: { persistedQuery: { version: 1, sha256Hash: await hashOf('Government') } },
      },
      { 'apollographql-client-name': client },
    );
    expect(status).toBe(200);
    const org = body.data?.organisation as { name: string; ipp: { score: number }[] };
    expect(org.name).toBe('Pemerintah Kabupaten Kerinci');
    expect(org.ipp.map((r) => r.score)).toEqual([3.66, 1.12]);
  });

  it('refuse any other operation sent as the dashboard, and leave other callers alone', async () => {
    const { client } = await trusted();
    const query = '{ organisation(id: "15.01") { name auditTrail { action } } }';
    const refused = await post({ query }, { 'apollographql-client-name': client });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
    expect(refused.body.data ?? null).toBeNull();
    // An analyst's own query in the explorer, or a frontend team's, is not the dashboard's.
    const other = await post({ query: '{ organisation(id: "15.01") { name } }' });
    expect(other.status).toBe(200);
    expect(other.body.data).toEqual({ organisation: { name: 'Pemerintah Kabupaten Kerinci' } });
  });

  it('cannot be replaced by registering another document under a trusted hash', async () => {
    const hash = await hashOf('Government');
    const attempt = await post({
      query: '{ provinces { code } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    expect(attempt.status).toBe(400);
    expect(attempt.body.errors?.[0]?.message).toMatch(/sha does not match/);
  });
});

// Debian's chromium (apt-get install chromium); in CI a missing browser fails the run.
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the dashboard in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh tab, recording what the page sends to the graph and any script error. */
  async function open(path: string, viewport = { width: 1280, height: 900 }) {
    const page = await browser.newPage({ viewport, acceptDownloads: true });
    const sent: string[] = [];
    const failures: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) sent.push(r.postData() ?? '');
    });
    page.on('pageerror', (e) => failures.push(e.message));
    await page.goto(`${origin()}${path}`);
    return { page, sent, failures };
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });

  /** A table row's cells as the reader sees them. */
  const cells = (row: ReturnType<Page['locator']>) => row.locator('td').allTextContents();

  const tableRows = (page: Page, caption: string) =>
    page
      .locator('table', { has: page.locator('caption', { hasText: caption }) })
      .locator('tbody tr');

  it('goes from IPP on the map to Kutai Timur in its province and Kerinci 1.12 (E) to 3.66 (B), then its PDF', async () => {
    const { page, sent, failures } = await open('/dashboard');
    await page.getByRole('heading', { name: /^Nasional:/ }).waitFor();
    // Pick another framework, then IPP: the year follows the framework's newest cycle.
    await page.getByLabel('Penilaian').selectOption('OMBUDSMAN_COMPLIANCE');
    await page
      .getByRole('heading', { name: 'Nasional: Kepatuhan Standar Pelayanan (Ombudsman RI) 2025' })
      .waitFor();
    await page.getByLabel('Penilaian').selectOption('IPP');
    await page
      .getByRole('heading', { name: 'Nasional: Indeks Pelayanan Publik (IPP) 2024' })
      .waitFor();
    // Jawa Barat's 4.76 colours its tile; Kalimantan Timur has no IPP 2024 and says so.
    await page.getByRole('button', { name: 'Jawa Barat: 4.76 A Pelayanan Prima' }).waitFor();
    await shot(page, 'nasional');
    await page.getByRole('button', { name: 'Kalimantan Timur: tanpa data' }).click();
    await page.getByRole('heading', { name: /^Kalimantan Timur/ }).waitFor();
    expect(page.url()).toContain('province=64');
    const kutim = tableRows(page, 'Kabupaten').filter({
      hasText: 'Pemerintah Kabupaten Kutai Timur',
    });
    await kutim.waitFor();
    expect(await cells(kutim)).toEqual([
      '–',
      'Pemerintah Kabupaten Kutai Timur',
      '',
      'belum ada nilai',
      '',
    ]);

    await page.getByRole('button', { name: /^Jambi:/ }).click();
    const kerinci = tableRows(page, 'Kabupaten').filter({
      hasText: 'Pemerintah Kabupaten Kerinci',
    });
    await kerinci.waitFor();
    expect((await cells(kerinci)).slice(0, 4)).toEqual([
      '1',
      'Pemerintah Kabupaten Kerinci',
      '3.66',
      'B Baik',
    ]);
    await kerinci.getByRole('link').click();

    await page.getByRole('heading', { name: 'Pemerintah Kabupaten Kerinci' }).waitFor();
    const chart = page.getByRole('img', { name: /Indeks Pelayanan Publik/ });
    await chart.locator('text', { hasText: '3.66 (B)' }).waitFor();
    expect(await chart.locator('text', { hasText: '1.12 (E)' }).count()).toBe(1);
    // The points are drawn in their bands' colours: E red, B light green (packages/scoring).
    const svg = await chart.innerHTML();
    expect(svg).toMatch(/#d73027|rgb\(215,\s*48,\s*39\)/i);
    expect(svg).toMatch(/#91cf60|rgb\(145,\s*207,\s*96\)/i);
    await shot(page, 'pemerintah');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Rapor (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const { text } = await pdfText(await readFile(await download.path()));
    expect(text).toContain('Kerinci');
    expect(text).toContain('1.12');
    expect(text).toContain('3.66');

    // Every call was a trusted document's hash: no operation text left the browser.
    expect(sent.length).toBeGreaterThan(3);
    for (const body of sent) {
      expect(JSON.parse(body)).not.toHaveProperty('query');
      expect(JSON.parse(body).extensions.persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(failures).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps its state in a link that opens the same view, in English when asked', async () => {
    const { page, failures } = await open(
      '/dashboard/?view=provinsi&framework=OMBUDSMAN_COMPLIANCE&year=2024&province=64',
    );
    await page
      .getByRole('heading', {
        name: 'Kalimantan Timur: Kepatuhan Standar Pelayanan (Ombudsman RI) 2024',
      })
      .waitFor();
    const kutim = tableRows(page, 'Kabupaten').filter({ hasText: 'Kutai Timur' });
    expect((await cells(kutim)).slice(1, 4)).toEqual([
      'Pemerintah Kabupaten Kutai Timur',
      '78.38',
      'B Kualitas Tinggi',
    ]);
    await shot(page, 'provinsi');
    await page.getByRole('link', { name: 'English' }).click();
    await page
      .getByRole('heading', {
        name: 'Kalimantan Timur: Service-standard compliance (Ombudsman RI) 2024',
      })
      .waitFor();
    expect(page.url()).toContain('lang=en');
    const shared = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    await shared.page.getByRole('heading', { name: /Service-standard compliance/ }).waitFor();
    expect(
      await tableRows(shared.page, 'Regencies').filter({ hasText: 'Kutai Timur' }).count(),
    ).toBe(1);
    // Back returns to the Indonesian view.
    await page.goBack();
    await page.getByRole('heading', { name: /Kepatuhan Standar Pelayanan/ }).waitFor();
    expect([...failures, ...shared.failures]).toEqual([]);
    await shared.page.close();
    await page.close();
  }, 60_000);

  it('shows the worklist progress of a cycle by province', async () => {
    const { page, failures } = await open('/dashboard/?view=siklus&framework=IPP');
    const table = page.locator('table.progress-table');
    await table.waitFor();
    const total = table.locator('tbody tr').last();
    expect(await total.locator('th').textContent()).toBe('Seluruh Indonesia');
    expect(Number(await total.locator('td').first().textContent())).toBeGreaterThan(0);
    await shot(page, 'siklus');
    expect(failures).toEqual([]);
    await page.close();
  }, 60_000);

  /** The rows of a downloaded workbook's first sheet. */
  async function sheet(file: string) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(file)) as never);
    const rows: unknown[][] = [];
    book.worksheets[0]?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    return rows;
  }

  /** Clicks a download (a link signed out, a button signed in) and waits for the file. */
  const save = async (page: Page, name: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).or(page.getByRole('button', { name })).click(),
    ]);
    return { name: download.suggestedFilename(), path: await download.path() };
  };

  it("downloads Jambi's province rapor and league table with the figures on screen", async () => {
    const { page, failures } = await open(
      '/dashboard/?view=provinsi&framework=IPP&year=2024&province=15',
    );
    await page
      .getByRole('heading', { name: 'Jambi: Indeks Pelayanan Publik (IPP) 2024' })
      .waitFor();
    const kerinci = tableRows(page, 'Kabupaten').filter({ hasText: 'Kerinci' });
    expect((await cells(kerinci)).slice(0, 5)).toEqual([
      '1',
      'Pemerintah Kabupaten Kerinci',
      '3.66',
      'B Baik',
      '+2.54',
    ]);
    const pdf = await save(page, 'Rapor provinsi (PDF)');
    expect(pdf.name).toMatch(/\.pdf$/);
    const { text } = await pdfText(await readFile(pdf.path));
    expect(text).toContain('Jambi');
    expect(text).toContain('Kerinci');
    expect(text).toContain('3.66');
    const xlsx = await save(page, 'Peringkat (XLSX)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const rows = await sheet(xlsx.path);
    const row = rows.find((r) => r.includes('Pemerintah Kabupaten Kerinci'));
    expect(row).toBeDefined();
    expect(row).toContain(3.66);
    expect(failures).toEqual([]);
    await page.close();
  }, 60_000);

  it('signed in with a token, shows what the role may see and downloads with that token', async () => {
    const analyst = await platform.token({ sub: 'analis@bappenas.test', role: 'analyst' });
    const { page, failures } = await open('/dashboard/?view=pemerintah&id=17.71');
    const reports: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/reports/')) reports.push(r.headers().authorization);
    });
    await page.getByRole('heading', { name: 'Pemerintah Kota Bengkulu' }).waitFor();
    await page.getByText('Temuan hanya terlihat oleh pengguna yang masuk (token).').waitFor();
    // The lokus of the 2024 result, weakest first: the unit scores Ombudsman RI published.
    const weakest = page.locator('.weakest > li').first();
    await weakest.waitFor();
    expect(await weakest.textContent()).toContain(
      'Dinas Pendidikan dan Kebudayaan Kota Bengkulu 86.49',
    );

    await page.getByLabel('Token').fill(analyst);
    await page.getByLabel('Token').press('Enter');
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await page.getByRole('heading', { name: 'Temuan terbuka dan terlambat' }).waitFor();
    expect(
      await page.getByText('Temuan hanya terlihat oleh pengguna yang masuk (token).').count(),
    ).toBe(0);

    await page.getByRole('link', { name: 'Siklus' }).click();
    await page.locator('table.progress-table').waitFor();
    const worklist = await save(page, 'Daftar kerja (XLSX)');
    expect(worklist.name).toMatch(/\.xlsx$/);
    expect((await sheet(worklist.path)).length).toBeGreaterThan(1);
    // The file was fetched with the token (a link cannot carry one).
    expect(reports.length).toBeGreaterThan(0);
    for (const authorization of reports) expect(authorization).toBe(`Bearer ${analyst}`);
    expect(failures).toEqual([]);
    await page.close();
  }, 60_000);

  it('fits a phone screen, and says in words what is missing or failed', async () => {
    const phone = { width: 390, height: 844 };
    const { page, failures } = await open('/dashboard/?view=pemerintah&id=15.01', phone);
    await page.getByRole('heading', { name: 'Pemerintah Kabupaten Kerinci' }).waitFor();
    await page
      .getByRole('img', { name: /Indeks Pelayanan Publik/ })
      .locator('text', { hasText: '3.66 (B)' })
      .waitFor();
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'pemerintah-ponsel');

    await page.goto(`${origin()}/dashboard/?view=pemerintah&id=99.99`);
    await page.getByText('Tidak ditemukan.').waitFor();

    await page.route('**/graphql', (route) => route.fulfill({ status: 502, body: 'Bad gateway' }));
    await page.goto(`${origin()}/dashboard/?view=nasional&framework=IPP`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Data tidak dapat dimuat');
    expect(failures).toEqual([]);
    await page.close();
  }, 60_000);
});
