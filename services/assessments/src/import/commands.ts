import { randomUUID } from 'node:crypto';
import {
  type Change,
  FRAMEWORKS,
  METHODOLOGIES,
  type Methodology,
  methodologyFor,
  withYearOverYearChange,
} from '@mutu/scoring';
import {
  assertOrganisationIdInput,
  auditEntry,
  cleanText,
  findOrganisations,
  MutationError,
  type RegisteredOrganisation,
} from '@mutu/service';
import { CsvError, parse } from 'csv-parse/sync';
import { prisma } from '../db.js';
import type { Assessment, Prisma } from '../generated/prisma/client.js';
import type { Framework } from '../generated/prisma/enums.js';
import { assessmentKey, cycleId } from '../ids.js';
import { TEXT, yearProblem } from '../inputs.js';
import {
  assertPublishedTotal,
  type CompleteLokus,
  checkedFinding,
  methodologyOf,
  scoreLokus,
} from '../scores.js';

/**
 * Loading published results from CSV. Columns (header row, any order, case-insensitive):
 * framework, year, organisation_id or region_code, score; optional source and note; optional
 * component columns named by the methodology's keys (e.g. input, proses, output, pengaduan).
 * A region code names its government: by the graph contract a government's id is its code.
 */
export const REQUIRED_COLUMNS = ['framework', 'year', 'score'] as const;
export const SUBJECT_COLUMNS = ['organisation_id', 'region_code'] as const;
export const OPTIONAL_COLUMNS = ['source', 'note', 'finding'] as const;
/**
 * Columns an export adds (the change against the previous result, and whether the two compare
 * across the methods): derived, so an import accepts them and reads nothing from them.
 */
export const DERIVED_COLUMNS = ['previous_year', 'change', 'comparable'] as const;
const COMPONENT_COLUMNS = new Set(
  METHODOLOGIES.flatMap((m) => m.components?.map((c) => c.key) ?? []),
);
const REGION_CODE = /^\d{2}(?:\.\d{2})?$/;
/**
 * A 10,000-row file writes about 30,000 rows; Prisma's default 5 s is too short for that on a
 * busy machine. The batch is a fixed handful of statements, so a generous limit stays safe.
 */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

export interface ImportOptions {
  /** Named in the default source and in correction reasons. */
  fileName: string;
  actor: string;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** Commit the good rows even when some are bad (they are reported, not written). */
  skipBadRows?: boolean;
  /** Create a missing (framework, year) cycle as PUBLISHED instead of refusing its rows. */
  createCycles?: boolean;
}

export interface RowProblem {
  /** The line of the file (the header is line 1). */
  row: number;
  /** The column at fault; null when the whole row or file is. */
  column: string | null;
  reason: string;
}

export interface ImportReport {
  rows: number;
  created: number;
  corrected: number;
  unchanged: number;
  /** Bad rows left out (only with skipBadRows; otherwise nothing is written at all). */
  skipped: number;
  cyclesCreated: string[];
  problems: RowProblem[];
  /** True when the changes are in the database. */
  committed: boolean;
  dryRun: boolean;
}

interface Row {
  row: number;
  framework: Framework;
  year: number;
  subjectId: string;
  subjectColumn: string;
  score: number;
  source: string;
  note: string | null;
  finding: string | null;
  lokus: CompleteLokus | null;
  cycle: { id: string; methodology: Methodology };
}

class RowError extends Error {
  constructor(
    readonly column: string | null,
    message: string,
  ) {
    super(message);
  }
}

function fail(column: string | null, error: unknown): never {
  if (error instanceof MutationError) throw new RowError(column, error.message);
  throw error;
}

export async function importResults(text: string, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    rows: 0,
    created: 0,
    corrected: 0,
    unchanged: 0,
    skipped: 0,
    cyclesCreated: [],
    problems: [],
    committed: false,
    dryRun: options.dryRun ?? false,
  };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines?: number }).lines ?? 1;
    report.problems.push({ row: line, column: null, reason: `not valid CSV: ${e.message}` });
    return report;
  }
  const [head, ...body] = records;
  if (!head) {
    report.problems.push({ row: 1, column: null, reason: 'the file is empty' });
    return report;
  }
  const columns = head.record.map((h) => h.toLowerCase());
  const headerProblems = checkHeader(columns);
  if (headerProblems.length) {
    report.problems.push(...headerProblems);
    return report;
  }
  report.rows = body.length;

  const cycles = new Map(
    (await prisma().assessmentCycle.findMany({ where: { period: '' } })).map((c) => [
      `${c.framework}|${c.year}`,
      { id: c.id, methodology: methodologyOf(c.methodologyId) },
    ]),
  );
  const newCycles = new Map<
    string,
    { framework: Framework; year: number; methodologyId: string }
  >();
  const seen = new Map<string, number>();
  const rows: Row[] = [];
  for (const { record, info } of body) {
    const cells = Object.fromEntries(columns.map((c, i) => [c, record[i] ?? '']));
    try {
      const row = readRow(cells, info.lines, options, cycles, newCycles);
      const key = `${row.cycle.id}|${row.subjectId}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new RowError(row.subjectColumn, `the same result as row ${earlier}`);
      }
      seen.set(key, row.row);
      rows.push(row);
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      report.problems.push({ row: info.lines, column: e.column, reason: e.message });
    }
  }

  const registered = await findOrganisations(rows.map((r) => r.subjectId));
  const known = rows.filter((r) => {
    if (registered.has(r.subjectId)) return true;
    report.problems.push({
      row: r.row,
      column: r.subjectColumn,
      reason: `no organisation has id "${r.subjectId}"`,
    });
    return false;
  });

  const newest = await newestRevisions(known);
  const creates: { row: Row; revision: number; replaces: Assessment | null }[] = [];
  for (const row of known) {
    const existing = newest.get(`${row.cycle.id}|${row.subjectId}`) ?? null;
    if (existing && existing.status !== 'PUBLISHED') {
      report.problems.push({
        row: row.row,
        column: row.subjectColumn,
        reason: `${existing.id} is ${existing.status} in the workflow; publish or return it before importing a result`,
      });
    } else if (existing && sameResult(existing, row)) {
      report.unchanged += 1;
    } else {
      creates.push({ row, revision: (existing?.revision ?? 0) + 1, replaces: existing });
    }
  }
  report.problems.sort((a, b) => a.row - b.row);
  report.created = creates.filter((c) => !c.replaces).length;
  report.corrected = creates.length - report.created;
  const usedCycles = new Set(creates.map((c) => c.row.cycle.id));
  report.cyclesCreated = [...newCycles.keys()].filter((id) => usedCycles.has(id)).sort();

  if (report.problems.length && !options.skipBadRows) {
    report.created = report.corrected = report.unchanged = 0;
    report.cyclesCreated = [];
    return report;
  }
  report.skipped = new Set(report.problems.map((p) => p.row)).size;
  if (options.dryRun) return report;
  await write(creates, newCycles, report.cyclesCreated, registered, options);
  report.committed = true;
  return report;
}

function checkHeader(columns: string[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const at = (column: string, reason: string) => problems.push({ row: 1, column, reason });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) at(required, 'required column is missing');
  }
  if (!SUBJECT_COLUMNS.some((c) => columns.includes(c))) {
    at('organisation_id', 'an organisation_id or a region_code column is required');
  }
  const allowed = new Set<string>([
    ...REQUIRED_COLUMNS,
    ...SUBJECT_COLUMNS,
    ...OPTIONAL_COLUMNS,
    ...DERIVED_COLUMNS,
  ]);
  const counted = new Set<string>();
  for (const column of columns) {
    if (counted.has(column)) at(column, 'the column appears twice');
    counted.add(column);
    if (!allowed.has(column) && !COMPONENT_COLUMNS.has(column)) {
      at(
        column,
        `unknown column; expected ${[...allowed].join(', ')} or component keys (${[...COMPONENT_COLUMNS].join(', ')})`,
      );
    }
  }
  return problems;
}

function readRow(
  cells: Record<string, string>,
  line: number,
  options: ImportOptions,
  cycles: Map<string, { id: string; methodology: Methodology }>,
  newCycles: Map<string, { framework: Framework; year: number; methodologyId: string }>,
): Row {
  const framework = (cells.framework ?? '').toUpperCase();
  if (!(FRAMEWORKS as readonly string[]).includes(framework)) {
    throw new RowError('framework', `"${cells.framework}" is not one of ${FRAMEWORKS.join(', ')}`);
  }
  const year = /^\d{4}$/.test(cells.year ?? '') ? Number(cells.year) : Number.NaN;
  const problem = yearProblem(year, 'year');
  if (problem) throw new RowError('year', problem.replace('NaN', `"${cells.year}"`));

  const [subjectColumn, subjectId] = subjectOf(cells);
  const cycle = cycleFor(framework as Framework, year, options, cycles, newCycles);

  const raw = cells.score ?? '';
  const score = /^-?\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isNaN(score)) {
    throw new RowError('score', `"${raw}" is not a number (write decimals with a dot: 3.66)`);
  }
  try {
    assertPublishedTotal(cycle.methodology, score, 'score');
  } catch (e) {
    fail('score', e);
  }

  const lokus = componentsOf(cells, cycle.methodology, subjectId);
  if (lokus && Math.abs(lokus.total - score) > 1e-9) {
    throw new RowError(
      'score',
      `the components give ${lokus.total.toFixed(cycle.methodology.precision)} under ${cycle.methodology.id}, the score column says ${raw}`,
    );
  }
  let source: string;
  let note: string | null;
  let finding: string | null;
  try {
    finding = checkedFinding(cycle.methodology, cells.finding?.toUpperCase() || null, 'finding');
    source = cells.source
      ? cleanText(cells.source, 'source', TEXT)
      : `Imported from ${options.fileName}`;
    note = cells.note ? cleanText(cells.note, 'note', TEXT) : null;
  } catch (e) {
    fail((e as MutationError).field, e);
  }
  return {
    row: line,
    framework: framework as Framework,
    year,
    subjectId,
    subjectColumn,
    score,
    source,
    note,
    finding,
    lokus,
    cycle,
  };
}

function subjectOf(cells: Record<string, string>): [column: string, id: string] {
  const byId = cells.organisation_id ?? '';
  const byCode = cells.region_code ?? '';
  if (byId && byCode && byId !== byCode) {
    throw new RowError('region_code', `names ${byCode} but organisation_id names ${byId}`);
  }
  if (byCode && !REGION_CODE.test(byCode)) {
    throw new RowError(
      'region_code',
      `"${byCode}" is not a Kemendagri code such as "64" or "64.08"`,
    );
  }
  const [column, id] = byId ? ['organisation_id', byId] : ['region_code', byCode];
  if (!id) throw new RowError('organisation_id', 'organisation_id or region_code is required');
  try {
    assertOrganisationIdInput(id, column);
  } catch (e) {
    fail(column, e);
  }
  return [column, id];
}

function cycleFor(
  framework: Framework,
  year: number,
  options: ImportOptions,
  cycles: Map<string, { id: string; methodology: Methodology }>,
  newCycles: Map<string, { framework: Framework; year: number; methodologyId: string }>,
) {
  const found = cycles.get(`${framework}|${year}`);
  if (found) return found;
  if (!options.createCycles) {
    throw new RowError(
      'year',
      `there is no ${framework} cycle for ${year}; create it first or import with --create-cycles`,
    );
  }
  let methodology: Methodology;
  try {
    methodology = methodologyFor(framework, year);
  } catch (e) {
    throw new RowError('year', (e as Error).message);
  }
  const id = cycleId(framework, year);
  newCycles.set(id, { framework, year, methodologyId: methodology.id });
  const created = { id, methodology };
  cycles.set(`${framework}|${year}`, created);
  return created;
}

/** The row's component columns as one lokus, the subject scored as a whole; null if none is filled. */
function componentsOf(
  cells: Record<string, string>,
  methodology: Methodology,
  subjectId: string,
): CompleteLokus | null {
  const filled = Object.entries(cells).filter(([c, v]) => COMPONENT_COLUMNS.has(c) && v !== '');
  if (filled.length === 0) return null;
  const scores = filled.map(([component, value]) => {
    if (!/^-?\d+(?:\.\d+)?$/.test(value)) {
      throw new RowError(component, `"${value}" is not a number`);
    }
    return { component, score: Number(value) };
  });
  try {
    return scoreLokus(methodology, { unitId: subjectId, scores }, 'row');
  } catch (e) {
    const field = (e as MutationError).field ?? '';
    fail(field.startsWith('row.scores.') ? field.slice('row.scores.'.length) : null, e);
  }
}

async function newestRevisions(rows: readonly Row[]): Promise<Map<string, Assessment>> {
  const newest = new Map<string, Assessment>();
  if (rows.length === 0) return newest;
  const found = await prisma().assessment.findMany({
    where: {
      cycleId: { in: [...new Set(rows.map((r) => r.cycle.id))] },
      subjectId: { in: [...new Set(rows.map((r) => r.subjectId))] },
    },
    include: { lokus: { include: { scores: true } } },
    orderBy: { revision: 'asc' },
  });
  for (const a of found) newest.set(`${a.cycleId}|${a.subjectId}`, a);
  return newest;
}

/** The same published result: same total and, where the row gives components, the same ones. */
function sameResult(
  existing: Assessment & { lokus?: { unitId: string; scores: { key: string; score: number }[] }[] },
  row: Row,
): boolean {
  if (existing.total === null || Math.abs(existing.total - row.score) > 1e-9) return false;
  if ((existing.finding ?? null) !== row.finding) return false;
  if (!row.lokus) return true;
  const [only, ...more] = existing.lokus ?? [];
  if (!only || more.length || only.unitId !== row.subjectId) return false;
  const stored = new Map(only.scores.map((s) => [s.key, s.score]));
  return (
    stored.size === row.lokus.scores.length &&
    row.lokus.scores.every((s) => stored.get(s.key) === s.score)
  );
}

async function write(
  creates: { row: Row; revision: number; replaces: Assessment | null }[],
  newCycles: Map<string, { framework: Framework; year: number; methodologyId: string }>,
  cyclesCreated: string[],
  registered: Map<string, RegisteredOrganisation>,
  options: ImportOptions,
) {
  const db = prisma();
  const now = new Date();
  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const lokus: Prisma.LokusCreateManyInput[] = [];
  const scores: Prisma.ComponentScoreCreateManyInput[] = [];
  const audit: Prisma.AuditEntryCreateManyInput[] = [];
  for (const { row, revision, replaces } of creates) {
    const key = assessmentKey(row.cycle.id, row.subjectId, revision, registered.get(row.subjectId));
    const id = key.id;
    const reason = replaces ? `Imported from ${options.fileName}, row ${row.row}` : null;
    const data = {
      ...key,
      status: 'PUBLISHED' as const,
      origin: row.lokus ? ('COMPUTED' as const) : ('PUBLISHED_TOTAL' as const),
      total: row.score,
      finding: row.finding,
      methodologyId: row.cycle.methodology.id,
      source: row.source,
      note: row.note,
      correctionReason: reason,
      publishedAt: now,
    };
    assessments.push(data);
    if (row.lokus) {
      const lokusId = randomUUID();
      const { unitId, exactTotal, total } = row.lokus;
      lokus.push({ id: lokusId, assessmentId: id, unitId, exactTotal, total, review: 'ACCEPTED' });
      scores.push(...row.lokus.scores.map((s) => ({ lokusId, ...s })));
    }
    audit.push(
      auditEntry<Prisma.InputJsonValue>({
        entityType: 'Assessment',
        entityId: id,
        action: replaces ? 'import-correction' : 'import',
        actor: options.actor,
        reason,
        before: replaces,
        after: data,
      }),
    );
  }
  const replaced = creates.flatMap((c) => (c.replaces ? [c.replaces.id] : []));
  // One batch transaction: all of the file's changes or none of them.
  await db.$transaction(
    [
      db.assessmentCycle.createMany({
        data: cyclesCreated.map((id) => {
          const c = newCycles.get(id);
          if (!c) throw new Error(`cycle ${id} was not planned`);
          return { id, ...c, status: 'PUBLISHED' as const };
        }),
      }),
      db.auditEntry.createMany({
        data: cyclesCreated.map((id) =>
          auditEntry<Prisma.InputJsonValue>({
            entityType: 'AssessmentCycle',
            entityId: id,
            action: 'import',
            actor: options.actor,
            after: newCycles.get(id),
          }),
        ),
      }),
      db.assessment.updateMany({ where: { id: { in: replaced } }, data: { current: false } }),
      db.assessment.createMany({ data: assessments }),
      db.lokus.createMany({ data: lokus }),
      db.componentScore.createMany({ data: scores }),
      db.auditEntry.createMany({ data: audit }),
    ],
    IMPORT_TRANSACTION,
  );
}

const CSV_SAFE = /^[^",\n\r]*$/;
const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return CSV_SAFE.test(text) ? text : `"${text.replace(/"/g, '""')}"`;
};

/**
 * The current published results in the import's own format (components where the subject was
 * scored as a whole, the finding where a result states one), so an export imports back
 * unchanged; and, derived, each result's change against the subject's previous result in the
 * framework, with whether the two compare (false across a change of method, and then no change
 * is given).
 */
export async function exportResults(filter: { framework?: Framework; year?: number } = {}) {
  const published = {
    current: true,
    status: 'PUBLISHED' as const,
    total: { not: null },
  };
  const rows = await prisma().assessment.findMany({
    where: { ...published, cycle: { framework: filter.framework, year: filter.year, period: '' } },
    include: { cycle: true, lokus: { include: { scores: true } } },
    orderBy: [{ cycle: { framework: 'asc' } }, { cycle: { year: 'asc' } }, { subjectId: 'asc' }],
  });
  // The earlier results of the same subjects, for the change: one more query, whatever the size.
  const history = await prisma().assessment.findMany({
    where: {
      ...published,
      subjectId: { in: [...new Set(rows.map((a) => a.subjectId))] },
      cycle: { framework: { in: [...new Set(rows.map((a) => a.cycle.framework))] }, period: '' },
    },
    select: { subjectId: true, total: true, methodologyId: true, cycle: true },
  });
  const changeOf = new Map<string, Change | null>();
  const series = new Map<string, typeof history>();
  for (const a of history) {
    const key = `${a.cycle.framework}|${a.subjectId}`;
    const results = series.get(key);
    if (results) results.push(a);
    else series.set(key, [a]);
  }
  for (const [key, results] of series) {
    for (const r of withYearOverYearChange(
      results.map((a) => ({
        year: a.cycle.year,
        score: a.total ?? 0,
        methodologyId: a.methodologyId,
      })),
    )) {
      changeOf.set(`${key}|${r.year}`, r.change);
    }
  }
  const componentKeys = [
    ...new Set(
      rows.flatMap((a) =>
        a.lokus.length === 1 && a.lokus[0]?.unitId === a.subjectId
          ? (methodologyOf(a.methodologyId).components ?? []).map((c) => c.key)
          : [],
      ),
    ),
  ];
  const withFindings = rows.some((a) => a.finding !== null);
  const header = [
    'framework',
    'year',
    'organisation_id',
    'score',
    'source',
    'note',
    ...(withFindings ? ['finding'] : []),
    ...componentKeys,
    ...DERIVED_COLUMNS,
  ];
  const lines = [header.join(',')];
  for (const a of rows) {
    const precision = methodologyOf(a.methodologyId).precision;
    const whole = a.lokus.length === 1 && a.lokus[0]?.unitId === a.subjectId ? a.lokus[0] : null;
    const byKey = new Map(whole?.scores.map((s) => [s.key, s.score]) ?? []);
    const change = changeOf.get(`${a.cycle.framework}|${a.subjectId}|${a.cycle.year}`) ?? null;
    lines.push(
      [
        a.cycle.framework,
        a.cycle.year,
        a.subjectId,
        a.total === null ? null : a.total.toFixed(precision),
        a.source,
        a.note,
        ...(withFindings ? [a.finding] : []),
        ...componentKeys.map((k) => byKey.get(k) ?? null),
        change?.previousYear ?? null,
        change?.delta == null ? null : change.delta.toFixed(precision),
        change ? String(change.comparable) : null,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
