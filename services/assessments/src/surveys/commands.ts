import { requiredSample, ScoringError, type SkmResult, skmFromAnswers } from '@mutu/scoring';
import type { Identity } from '@mutu/server';
import {
  INTERACTIVE_TRANSACTION,
  requireOrganisations,
  updateAtVersion,
  whenUniqueViolated,
} from '@mutu/service';
import { prisma } from '../db.js';
import {
  AlreadyExistsError,
  IllegalTransitionError,
  InvalidInputError,
  NotFoundError,
} from '../errors.js';
import type { SurveyPeriod, SurveyResponse } from '../generated/prisma/client.js';
import type {
  AgeBand,
  Education,
  Occupation,
  Sex,
  SkmWeighting,
} from '../generated/prisma/enums.js';
import { assessmentKey } from '../ids.js';
import { optionalText } from '../inputs.js';
import { methodologyOf } from '../scores.js';
import { assertActsFor } from '../visibility.js';
import { audit } from '../writes.js';
import { readSheet, UnreadableSheet } from './sheet.js';

/** What one respondent gave: the nine answers and, optionally, the form's profile. */
export interface ResponseInput {
  answers: readonly number[];
  ageBand?: AgeBand | null;
  sex?: Sex | null;
  education?: Education | null;
  occupation?: Occupation | null;
  service?: string | null;
  respondedOn?: Date | null;
}

/** A unit opens its survey of an SKM cycle (a semester or a year), with the population it served. */
export async function openSurveyPeriod(
  input: {
    cycleId: string;
    organisationId: string;
    population: number;
    weighting?: SkmWeighting | null;
  },
  identity: Identity,
) {
  assertActsFor(identity, input.organisationId, 'input.organisationId');
  try {
    requiredSample(input.population);
  } catch (e) {
    if (e instanceof ScoringError) throw new InvalidInputError(e.message, 'input.population');
    throw e;
  }
  const cycle = await prisma().assessmentCycle.findUnique({ where: { id: input.cycleId } });
  if (!cycle) throw new NotFoundError('input.cycleId', input.cycleId, 'cycle');
  if (cycle.framework !== 'SKM') {
    throw new InvalidInputError(`${cycle.id} is not an SKM cycle`, 'input.cycleId');
  }
  if (cycle.status !== 'OPEN') {
    throw new IllegalTransitionError(
      `Surveys are opened in an OPEN cycle; ${cycle.id} is ${cycle.status}`,
      'input.cycleId',
      cycle.status,
    );
  }
  await requireOrganisations([[input.organisationId, 'input.organisationId']]);
  return whenUniqueViolated(
    () =>
      prisma().$transaction(async (tx) => {
        const period = await tx.surveyPeriod.create({
          data: {
            cycleId: cycle.id,
            organisationId: input.organisationId,
            population: input.population,
            weighting: input.weighting ?? 'EXACT',
            openedBy: identity.sub,
          },
        });
        await audit(
          tx,
          { type: 'SurveyPeriod', id: period.id },
          'open',
          identity.sub,
          null,
          period,
        );
        return period;
      }, INTERACTIVE_TRANSACTION),
    async () => {
      const existing = await prisma().surveyPeriod.findUniqueOrThrow({
        where: {
          cycleId_organisationId: { cycleId: cycle.id, organisationId: input.organisationId },
        },
      });
      return new AlreadyExistsError(
        `${input.organisationId} already surveys ${cycle.id}`,
        'input.organisationId',
        existing.id,
      );
    },
  );
}

/** Nine whole answers 1-4, as the questionnaire has them; errors name the answer at fault. */
export function checkedResponse(given: ResponseInput, at: string, elements: number) {
  if (given.answers.length !== elements) {
    throw new InvalidInputError(
      `a respondent answers all ${elements} elements; ${given.answers.length} answers were given`,
      `${at}.answers`,
    );
  }
  given.answers.forEach((answer, i) => {
    if (!Number.isInteger(answer) || answer < 1 || answer > 4) {
      throw new InvalidInputError(
        `answers are whole numbers 1 to 4, got ${answer}`,
        `${at}.answers[${i}]`,
      );
    }
  });
  return {
    answers: [...given.answers],
    ageBand: given.ageBand ?? null,
    sex: given.sex ?? null,
    education: given.education ?? null,
    occupation: given.occupation ?? null,
    service: optionalText(given.service, `${at}.service`),
    respondedOn: given.respondedOn ?? null,
  };
}

/**
 * Respondents' answers, one or many, all or none: each is checked before any is written. The
 * period must still be OPEN. Adding answers raises the period's version.
 */
export async function recordSurveyResponses(
  periodId: string,
  responses: readonly ResponseInput[],
  identity: Identity,
  field = 'responses',
) {
  if (responses.length === 0) {
    throw new InvalidInputError('give at least one respondent', field);
  }
  const before = await prisma().surveyPeriod.findUnique({
    where: { id: periodId },
    include: { cycle: true },
  });
  if (!before) throw new NotFoundError('periodId', periodId, 'survey period');
  assertActsFor(identity, before.organisationId, 'periodId');
  const elements = methodologyOf(before.cycle.methodologyId).components?.length ?? 9;
  const rows = responses.map((r, i) => checkedResponse(r, `${field}[${i}]`, elements));
  return prisma().$transaction(async (tx) => {
    const period = await tx.surveyPeriod.findUniqueOrThrow({ where: { id: periodId } });
    assertOpen(period);
    await tx.surveyResponse.createMany({
      data: rows.map((r) => ({ ...r, periodId, enteredBy: identity.sub })),
    });
    const after = await tx.surveyPeriod.update({
      where: { id: periodId },
      data: { version: { increment: 1 } },
    });
    await audit(
      tx,
      { type: 'SurveyPeriod', id: periodId },
      'record-responses',
      identity.sub,
      null,
      { responses: rows.length },
    );
    return after;
  }, INTERACTIVE_TRANSACTION);
}

function assertOpen(period: SurveyPeriod) {
  if (period.status !== 'OPEN') {
    throw new IllegalTransitionError(
      `The survey is ${period.status}: its answers no longer change`,
      'periodId',
      period.status,
    );
  }
}

/** The period's IKM from its answers, and whether the sample is big enough for its population. */
export function surveyResult(
  period: Pick<SurveyPeriod, 'population' | 'weighting'> & { cycle: { year: number } },
  responses: readonly Pick<SurveyResponse, 'answers'>[],
): (SkmResult & { requiredSample: number; sampleSufficient: boolean }) | null {
  if (responses.length === 0) return null;
  const result = skmFromAnswers(
    responses.map((r) => r.answers),
    { year: period.cycle.year, weighting: period.weighting },
  );
  const needed = requiredSample(period.population);
  return { ...result, requiredSample: needed, sampleSufficient: responses.length >= needed };
}

/**
 * Publishes a period's result as the unit's SKM result in the cycle: an assessment whose one
 * lokus is the unit, with the nine element means as its components and the converted IKM as
 * its total, all from packages/scoring. A sample below the table's is published marked so.
 */
export async function publishSurveyPeriod(
  periodId: string,
  expectedVersion: number,
  identity: Identity,
) {
  const found = await prisma().surveyPeriod.findUnique({ where: { id: periodId } });
  if (!found) throw new NotFoundError('id', periodId, 'survey period');
  assertActsFor(identity, found.organisationId, 'id');
  const registered = await requireOrganisations([[found.organisationId, 'id']]);
  return prisma().$transaction(async (tx) => {
    const period = await tx.surveyPeriod.findUniqueOrThrow({
      where: { id: periodId },
      include: { cycle: true, responses: { select: { answers: true } } },
    });
    if (period.status !== 'OPEN') {
      throw new IllegalTransitionError(`It is already ${period.status}`, 'id', period.status);
    }
    const result = surveyResult(period, period.responses);
    if (!result) {
      throw new IllegalTransitionError('A survey without answers has no result', 'id', 'OPEN');
    }
    const existing = await tx.assessment.findFirst({
      where: { cycleId: period.cycleId, subjectId: period.organisationId },
    });
    if (existing) {
      throw new AlreadyExistsError(
        `${period.organisationId} already has a result in ${period.cycleId}`,
        'id',
        existing.id,
      );
    }
    await updateAtVersion(tx.surveyPeriod, period, expectedVersion, {
      status: 'PUBLISHED',
      publishedAt: new Date(),
    });
    const key = assessmentKey(
      period.cycleId,
      period.organisationId,
      1,
      registered.get(period.organisationId),
    );
    const weight = result.weighting === 'EXACT' ? 1 / result.elementMeans.length : 0.111;
    const factor = methodologyOf(period.cycle.methodologyId).totalFactor;
    const assessment = await tx.assessment.create({
      data: {
        ...key,
        status: 'PUBLISHED',
        origin: 'COMPUTED',
        total: result.converted,
        methodologyId: period.cycle.methodologyId,
        source: `SKM in Mutu: ${result.respondents} respondents, survey ${period.id}`,
        note: result.sampleSufficient
          ? null
          : `Sample below the Krejcie-Morgan table: ${result.respondents} of the ${result.requiredSample} respondents a population of ${period.population} needs`,
        publishedAt: new Date(),
        submittedAt: new Date(),
        verifiedAt: new Date(),
        lokus: {
          create: {
            unitId: period.organisationId,
            exactTotal: result.ikm * factor,
            total: result.converted,
            review: 'ACCEPTED',
            assessedBy: identity.sub,
            scores: {
              create: result.elementMeans.map((e) => ({
                key: e.key,
                score: e.mean,
                points: e.mean * weight * factor,
              })),
            },
          },
        },
      },
    });
    const after = await tx.surveyPeriod.update({
      where: { id: periodId },
      data: { assessmentId: assessment.id },
    });
    await audit(tx, { type: 'SurveyPeriod', id: periodId }, 'publish', identity.sub, period, after);
    await audit(
      tx,
      { type: 'Assessment', id: assessment.id },
      'publish-survey',
      identity.sub,
      null,
      assessment,
    );
    return after;
  }, INTERACTIVE_TRANSACTION);
}

/** Columns that would make a respondent known: refused, so that no file brings them in. */
const PERSONAL = new Set([
  'nama',
  'name',
  'telepon',
  'telp',
  'hp',
  'no_hp',
  'nomor_hp',
  'phone',
  'alamat',
  'address',
  'email',
  'e-mail',
  'nik',
  'ktp',
  'no_ktp',
]);

/** The form's profile columns, and what their cells may say. */
const PROFILE: Record<string, (value: string) => Partial<ResponseInput> | string> = {
  umur: (v) => {
    const age = Number(v);
    if (!Number.isInteger(age) || age < 10 || age > 120) return 'umur is an age in years, 10-120';
    const bands: [number, AgeBand][] = [
      [20, 'UNDER_20'],
      [30, 'FROM_20_TO_29'],
      [40, 'FROM_30_TO_39'],
      [50, 'FROM_40_TO_49'],
      [60, 'FROM_50_TO_59'],
    ];
    return { ageBand: bands.find(([under]) => age < under)?.[1] ?? 'FROM_60' };
  },
  jenis_kelamin: (v) => {
    const sex = (
      { l: 'LAKI_LAKI', 'laki-laki': 'LAKI_LAKI', p: 'PEREMPUAN', perempuan: 'PEREMPUAN' } as const
    )[v.toLowerCase() as 'l'];
    return sex ? { sex } : 'jenis_kelamin is L or P';
  },
  pendidikan: (v) => {
    const map: Record<string, Education> = {
      sd: 'SD',
      smp: 'SMP',
      sma: 'SMA',
      smk: 'SMA',
      d1: 'DIPLOMA',
      d2: 'DIPLOMA',
      d3: 'DIPLOMA',
      d4: 'S1',
      s1: 'S1',
      s2: 'S2_OR_HIGHER',
      s3: 'S2_OR_HIGHER',
    };
    const education = map[v.toLowerCase()];
    return education ? { education } : 'pendidikan is SD, SMP, SMA, D1-D3, D4/S1, S2 or S3';
  },
  pekerjaan: (v) => {
    const occupation = v.toUpperCase() as Occupation;
    return ['PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA'].includes(occupation)
      ? { occupation }
      : 'pekerjaan is PNS, TNI, POLRI, SWASTA, WIRAUSAHA or LAINNYA';
  },
  jenis_layanan: (v) => ({ service: v }),
};

export interface SheetProblem {
  row: number;
  column: string | null;
  reason: string;
  /** "row N, column C: reason", as a person reads it. */
  message: string;
}

const problem = (row: number, column: string | null, reason: string): SheetProblem => ({
  row,
  column,
  reason,
  message: `row ${row}${column ? `, column ${column}` : ''}: ${reason}`,
});

/**
 * Respondents from a CSV or XLSX file: one row each, the nine answers in columns u1-u9 (as the
 * regulation's tabulation names them) or named by element (persyaratan, prosedur, ...), the
 * profile optional (umur, jenis_kelamin, pendidikan, pekerjaan, jenis_layanan). A file with a
 * personal column is refused whole. Bad rows are reported as "row N, column C: reason" and
 * nothing is written, unless `skipBadRows`; `dryRun` checks and writes nothing.
 */
export async function importSurveyResponses(
  periodId: string,
  bytes: Buffer,
  options: { fileName: string; dryRun: boolean; skipBadRows: boolean },
  identity: Identity,
) {
  const period = await prisma().surveyPeriod.findUnique({
    where: { id: periodId },
    include: { cycle: true },
  });
  if (!period) throw new NotFoundError('periodId', periodId, 'survey period');
  assertActsFor(identity, period.organisationId, 'periodId');
  assertOpen(period);
  const elements = methodologyOf(period.cycle.methodologyId).components ?? [];
  const report = {
    fileName: options.fileName,
    rows: 0,
    imported: 0,
    badRows: 0,
    dryRun: options.dryRun,
    problems: [] as SheetProblem[],
  };
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(bytes);
  } catch (error) {
    if (!(error instanceof UnreadableSheet)) throw error;
    report.problems.push(problem(1, null, error.message));
    return report;
  }
  // Each element by its regulation column (u1-u9) or by its key.
  const columnOf = elements.map((e, i) =>
    sheet.header.includes(`u${i + 1}`) ? `u${i + 1}` : sheet.header.includes(e.key) ? e.key : null,
  );
  for (const column of sheet.header) {
    if (PERSONAL.has(column)) {
      report.problems.push(
        problem(1, column, 'respondents stay anonymous: remove this column, it is never kept'),
      );
    } else if (
      column &&
      !columnOf.includes(column) &&
      !(column in PROFILE) &&
      !['no', 'nomor'].includes(column)
    ) {
      report.problems.push(problem(1, column, 'not a column of the SKM form'));
    }
  }
  columnOf.forEach((column, i) => {
    if (!column) {
      report.problems.push(
        problem(
          1,
          `u${i + 1}`,
          `the answers to ${elements[i]?.name} are missing (u${i + 1} or ${elements[i]?.key})`,
        ),
      );
    }
  });
  report.rows = sheet.rows.length;
  if (report.problems.length > 0) return report;

  const good: ResponseInput[] = [];
  for (const { row, cells } of sheet.rows) {
    const problems: SheetProblem[] = [];
    const answers = columnOf.map((column) => {
      const value = Number(cells[column ?? ''] ?? '');
      if (!Number.isInteger(value) || value < 1 || value > 4) {
        problems.push(
          problem(
            row,
            column,
            `answers are whole numbers 1 to 4, got "${cells[column ?? ''] ?? ''}"`,
          ),
        );
      }
      return value;
    });
    let profile: Partial<ResponseInput> = {};
    for (const [column, read] of Object.entries(PROFILE)) {
      const value = cells[column];
      if (!value) continue;
      const parsed = read(value);
      if (typeof parsed === 'string') problems.push(problem(row, column, parsed));
      else profile = { ...profile, ...parsed };
    }
    if (problems.length > 0) {
      report.problems.push(...problems);
      report.badRows += 1;
    } else {
      good.push({ answers, ...profile });
    }
  }
  if (good.length === 0 && report.problems.length === 0) {
    report.problems.push(problem(2, null, 'the file has no respondents'));
  }
  const write =
    !options.dryRun && good.length > 0 && (report.problems.length === 0 || options.skipBadRows);
  if (write) {
    await recordSurveyResponses(periodId, good, identity, 'file');
    report.imported = good.length;
  }
  return report;
}
