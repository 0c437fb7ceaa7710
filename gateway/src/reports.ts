import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { MAX_PAGE, sendError, sendJson, sendRefusal } from '@mutu/server';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { GraphQLFormattedError } from 'graphql';
import type { Admission } from './admission.js';
import type { GatewayContext } from './app.js';
import { provinceRaporOf, raporOf } from './rapor.js';

/**
 * League tables and worklists as files (XLSX for people, CSV for programs). Each file is the
 * answer of an operation of the graph, run as the caller: what a file holds is what the same
 * caller would read through /graphql, decided by the same rule, with the same limits. A file is
 * a download beside the graph, never a GraphQL string, so a spreadsheet of a whole cycle does
 * not sit in a JSON answer.
 */
type Format = 'xlsx' | 'csv';
export type Language = 'id' | 'en';

interface Sheet {
  readonly name: string;
  /** The file's name without its extension. */
  readonly file: string;
  readonly columns: readonly { key: string; id: string; en: string }[];
  readonly rows: readonly Record<string, string | number | null>[];
  /** What the table is and where it comes from (the XLSX "Tentang" sheet). */
  readonly about: readonly [string, string][];
}

export class ReportError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLFormattedError[],
  ) {
    super(errors[0]?.message ?? 'report failed');
  }
}

export const badParameter = (argument: string, message: string) =>
  new ReportError(400, [{ message, extensions: { code: 'BAD_USER_INPUT', argument } }]);

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
};

/** Runs an operation of the graph as one caller; a report reads nothing any other way. */
export type Run = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

const runAs =
  (apollo: ApolloServer<GatewayContext>, context: GatewayContext): Run =>
  async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await apollo.executeOperation<T & Record<string, unknown>>(
      { query, variables },
      { contextValue: context },
    );
    const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
    if (!body || body.errors?.length || !body.data) {
      const errors = body?.errors ?? [{ message: 'No answer', extensions: { code: 'INTERNAL' } }];
      const code = String(errors[0]?.extensions?.code ?? '');
      throw new ReportError(STATUS_OF_CODE[code] ?? 502, errors);
    }
    return body.data as T;
  };

const LEAGUE_TABLE = `query LeagueTable($framework: Framework!, $year: Int!, $provinceCode: String, $group: PeerGroup) {
  ranking(framework: $framework, year: $year, provinceCode: $provinceCode, group: $group) {
    rank score group band { grade label } organisation { id name }
  } }`;

const WORKLIST = `query WorklistFile($filter: AssessmentFilter, $first: Int, $after: String) {
  assessments(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id status score band { grade label } subject { id name } cycle { id } } }
  } }`;

/** The largest worklist one file holds: 50 pages of the graph's largest page. */
const MAX_WORKLIST_ROWS = 50 * MAX_PAGE;

export const int = (params: URLSearchParams, name: string, required: boolean) => {
  const given = params.get(name);
  if (given === null || given === '') {
    if (required) throw badParameter(name, `${name} is required`);
    return undefined;
  }
  if (!/^\d{1,9}$/.test(given)) throw badParameter(name, `${name} must be a whole number`);
  return Number(given);
};
export const text = (params: URLSearchParams, name: string) => params.get(name) || undefined;

async function leagueTable(run: Run, params: URLSearchParams): Promise<Sheet> {
  const framework = text(params, 'framework')?.toUpperCase();
  if (!framework)
    throw badParameter('framework', 'framework is required (IPP, OMBUDSMAN_COMPLIANCE, ...)');
  const year = int(params, 'year', true);
  const provinceCode = text(params, 'provinceCode');
  const group = text(params, 'group')?.toUpperCase();
  const data = await run<{
    ranking: {
      rank: number;
      score: number;
      group: string;
      band: { grade: string; label: string } | null;
      organisation: { id: string; name: string | null };
    }[];
  }>(LEAGUE_TABLE, { framework, year, provinceCode, group });
  return {
    name: 'Peringkat',
    file: ['peringkat', framework.toLowerCase(), year, provinceCode, group?.toLowerCase()]
      .filter(Boolean)
      .join('-'),
    columns: [
      { key: 'rank', id: 'Peringkat', en: 'Rank' },
      { key: 'id', id: 'Kode', en: 'Code' },
      { key: 'name', id: 'Nama', en: 'Name' },
      { key: 'score', id: 'Nilai', en: 'Score' },
      { key: 'grade', id: 'Predikat', en: 'Grade' },
      { key: 'label', id: 'Kategori', en: 'Category' },
      { key: 'group', id: 'Kelompok', en: 'Peer group' },
    ],
    rows: data.ranking.map((e) => ({
      rank: e.rank,
      id: e.organisation.id,
      name: e.organisation.name,
      score: e.score,
      grade: e.band?.grade ?? null,
      label: e.band?.label ?? null,
      group: e.group,
    })),
    about: [
      ['Kerangka / framework', framework],
      ['Tahun / year', String(year)],
      ['Provinsi / province', provinceCode ?? 'Indonesia'],
      ['Kelompok / peer group', group ?? 'REGENCY (bawaan / default)'],
    ],
  };
}

async function worklist(run: Run, params: URLSearchParams): Promise<Sheet> {
  const cycleId = text(params, 'cycleId');
  if (!cycleId) throw badParameter('cycleId', 'cycleId is required ("ipp-2024")');
  const filter = {
    cycleId,
    provinceCode: text(params, 'provinceCode'),
    regencyCode: text(params, 'regencyCode'),
    status: text(params, 'status')?.toUpperCase().split(','),
  };
  type Node = {
    id: string;
    status: string;
    score: number | null;
    band: { grade: string; label: string } | null;
    subject: { id: string; name: string | null };
  };
  const nodes: Node[] = [];
  let after: string | undefined;
  do {
    const page = await run<{
      assessments: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: Node }[];
      };
    }>(WORKLIST, { filter, first: MAX_PAGE, after });
    nodes.push(...page.assessments.edges.map((e) => e.node));
    after = page.assessments.pageInfo.hasNextPage
      ? (page.assessments.pageInfo.endCursor ?? undefined)
      : undefined;
    if (after && nodes.length >= MAX_WORKLIST_ROWS) {
      throw badParameter(
        'cycleId',
        `more than ${MAX_WORKLIST_ROWS} assessments: narrow it with provinceCode, regencyCode or status`,
      );
    }
  } while (after);
  return {
    name: 'Daftar kerja',
    file: ['daftar-kerja', cycleId, filter.provinceCode, filter.regencyCode]
      .filter(Boolean)
      .join('-'),
    columns: [
      { key: 'id', id: 'Penilaian', en: 'Assessment' },
      { key: 'subjectId', id: 'Kode', en: 'Code' },
      { key: 'name', id: 'Nama', en: 'Name' },
      { key: 'status', id: 'Status', en: 'Status' },
      { key: 'score', id: 'Nilai', en: 'Score' },
      { key: 'grade', id: 'Predikat', en: 'Grade' },
    ],
    rows: nodes.map((n) => ({
      id: n.id,
      subjectId: n.subject.id,
      name: n.subject.name,
      status: n.status,
      score: n.score,
      grade: n.band?.grade ?? null,
    })),
    about: [
      ['Siklus / cycle', cycleId],
      ['Provinsi / province', filter.provinceCode ?? '-'],
      ['Kabupaten/kota / regency', filter.regencyCode ?? '-'],
      ['Status', filter.status?.join(', ') ?? '-'],
    ],
  };
}

async function xlsxOf(sheet: Sheet, language: Language): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mutu';
  const table = book.addWorksheet(sheet.name);
  table.columns = sheet.columns.map((c) => ({ header: c[language], key: c.key, width: 14 }));
  table.getColumn('name').width = 44;
  table.getRow(1).font = { bold: true };
  table.views = [{ state: 'frozen', ySplit: 1 }];
  table.addRows(sheet.rows.map((r) => ({ ...r })));
  const about = book.addWorksheet('Tentang');
  about.columns = [{ width: 28 }, { width: 60 }];
  about.addRows([
    ...sheet.about,
    ['Sumber / source', 'Mutu, the graph of Indonesian public-service assessments'],
    ['Dibuat / generated', new Date().toISOString()],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvOf = (sheet: Sheet, language: Language) =>
  stringify([
    sheet.columns.map((c) => c[language]),
    ...sheet.rows.map((r) => sheet.columns.map((c) => r[c.key] ?? '')),
  ]);

const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
} as const;

/** A file made for one request: its name, its type and its bytes. */
export interface ReportFile {
  readonly filename: string;
  readonly format: keyof typeof MEDIA_TYPES;
  readonly body: Buffer | string;
}

type Report = (run: Run, params: URLSearchParams, language: Language) => Promise<ReportFile>;

const table =
  (build: typeof leagueTable, format: Format): Report =>
  async (run, params, language) => {
    const sheet = await build(run, params);
    return {
      filename: `${sheet.file}.${format}`,
      format,
      body: format === 'xlsx' ? await xlsxOf(sheet, language) : csvOf(sheet, language),
    };
  };

/** The download routes, by path. */
const REPORTS: Record<string, Report> = {
  '/reports/league-table.xlsx': table(leagueTable, 'xlsx'),
  '/reports/league-table.csv': table(leagueTable, 'csv'),
  '/reports/worklist.xlsx': table(worklist, 'xlsx'),
  '/reports/worklist.csv': table(worklist, 'csv'),
  '/reports/rapor.pdf': raporOf,
  '/reports/rapor-provinsi.pdf': provinceRaporOf,
};

export function reportRoutes(options: {
  apollo: ApolloServer<GatewayContext>;
  admission: Admission;
  context: (req: IncomingMessage) => Promise<GatewayContext>;
}): Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const handler = (report: Report) => async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET here');
    }
    const refusal = await options.admission.admit(req);
    if (refusal) return sendRefusal(req, res, refusal);
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const language: Language = params.get('lang') === 'en' ? 'en' : 'id';
    try {
      const run = runAs(options.apollo, await options.context(req));
      const file = await report(run, params, language);
      res.writeHead(200, {
        'content-type': MEDIA_TYPES[file.format],
        'content-disposition': `attachment; filename="${file.filename}"`,
        // What a signed-in caller reads is theirs alone; nothing here is for a shared cache.
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(file.body);
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      sendJson(res, error.status, { errors: error.errors });
    }
  };
  return Object.fromEntries(Object.entries(REPORTS).map(([path, r]) => [path, handler(r)]));
}
