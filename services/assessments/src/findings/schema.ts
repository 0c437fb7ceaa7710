import { assertPageSize, MAX_PAGE } from '@mutu/server';
import { assertProvinceCode, id, optionalId, todayInIndonesia } from '@mutu/service';
import { Assessment } from '../assessments/schema.js';
import { builder } from '../builder.js';
import { AssessmentCycle } from '../cycles/schema.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { FindingStatus as Status } from '../generated/prisma/enums.js';
import { subjectOfAssessment } from '../ids.js';
import { EventRef, OrganisationRef, organisationRef } from '../refs.js';
import {
  adminOrAssessorOf,
  adminOrAssessorOfAll,
  knownFindings,
  mayFollowUp,
  mayKnowOf,
} from '../visibility.js';
import { decideFollowUp, findingScope, recordFinding, recordFollowUp } from './commands.js';
import {
  MAX_FINDINGS_PER_LINK,
  recordFindingsDiscussed,
  removeFindingDiscussed,
  subjectsOfFindings,
} from './discussions.js';

const FindingKind = builder.enumType('FindingKind', {
  description: 'What an assessing office asks of the organisation that must act.',
  values: {
    FINDING: { description: 'Temuan: a shortfall found against the standard.' },
    TINDAKAN_KOREKTIF: {
      description: 'Tindakan korektif: a corrective action the Ombudsman requires.',
    },
    SARAN_PERBAIKAN: { description: 'Saran perbaikan: improvement advice.' },
    REKOMENDASI: { description: 'Rekomendasi: a formal recommendation, binding to follow up.' },
  } as const,
});

const FindingStatus = builder.enumType('FindingStatus', {
  description:
    'Where the tindak lanjut (follow-up) of a finding stands: the unit plans, works and completes it; the assessing office verifies or reopens it.',
  values: {
    OPEN: { description: 'Recorded; no follow-up yet.' },
    PLANNED: { description: 'The unit has planned its follow-up.' },
    IN_PROGRESS: { description: 'The follow-up is under way.' },
    DONE: { description: 'The unit reports it done; the assessing office has yet to verify it.' },
    VERIFIED: { description: 'The assessing office verified it: the finding is closed.' },
    REOPENED: { description: 'The assessing office found it not done; back with the unit.' },
  } as const,
});

/** Statuses in which the unit still owes its follow-up: past the due date, it is overdue. */
const OWED: Status[] = ['OPEN', 'PLANNED', 'IN_PROGRESS', 'REOPENED'];

const FollowUp = builder.prismaObject('FollowUp', {
  description: 'One step of the tindak lanjut, with who took it and why.',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.expose('status', { type: FindingStatus, description: 'What the step made it.' }),
    note: t.exposeString('note'),
    by: t.exposeString('by', { description: 'Who took the step: a token subject.' }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

export const Finding = builder.prismaObject('Finding', {
  description:
    'What an assessing office found in an assessment (a lokus, an indicator), for an organisation to follow up by a due date. For analysts, assessors, administrators and the units concerned; never public.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: FindingKind }),
    text: t.exposeString('text', { description: 'What was found, or what to do.' }),
    organisation: t.field({
      type: OrganisationRef,
      description: 'The organisation that must act: the assessed subject or a body under it.',
      resolve: (f) => organisationRef(f.organisationId),
    }),
    subject: t.field({
      type: OrganisationRef,
      description: 'The assessed government or unit.',
      resolve: (f) => organisationRef(f.subjectId),
    }),
    cycle: t.field({
      type: AssessmentCycle,
      description: 'The cycle of the assessment it was found in.',
      resolve: (f) => prisma().assessmentCycle.findUniqueOrThrow({ where: { id: f.cycleId } }),
    }),
    assessment: t.field({
      type: Assessment,
      nullable: true,
      description:
        'The assessment it was found in: null for those who may not know of an unpublished one.',
      resolve: async (f, _args, ctx) => {
        const found = await prisma().assessment.findUnique({ where: { id: f.assessmentId } });
        return found && mayKnowOf(ctx.identity, found) ? found : null;
      },
    }),
    lokusUnit: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'The lokus (service unit) it is about, if one.',
      select: { lokus: { select: { unitId: true } } },
      resolve: (f) => (f.lokus ? organisationRef(f.lokus.unitId) : null),
    }),
    indicator: t.exposeString('indicator', {
      nullable: true,
      description: "The instrument's indicator (or the method's component) it is about, if one.",
    }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'When the follow-up is due.' }),
    status: t.expose('status', { type: FindingStatus }),
    overdue: t.boolean({
      description:
        'Past its due date (in WIB) with the follow-up still owed (not DONE or VERIFIED).',
      resolve: (f) => OWED.includes(f.status) && f.dueOn < todayInIndonesia(),
    }),
    raisedBy: t.exposeString('raisedBy', { description: 'Who recorded it: a token subject.' }),
    raisedAt: t.expose('raisedAt', { type: 'DateTime' }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version', {
      description: 'Raised by every step; give the version you read to each follow-up write.',
    }),
    recurs: t.prismaField({
      type: 'Finding',
      nullable: true,
      description:
        'The finding of an earlier year it repeats (same organisation, same indicator, same framework): it came back. Null when new, or not yours to read.',
      select: { recursId: true },
      resolve: (query, f, _args, ctx) =>
        f.recursId
          ? prisma().finding.findFirst({
              ...query,
              where: { AND: [{ id: f.recursId }, knownFindings(ctx.identity)] },
            })
          : null,
    }),
    followUps: t.relation('followUps', {
      type: FollowUp,
      description: 'Every step of its tindak lanjut, oldest first.',
      query: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
    }),
    discussedAt: t.field({
      type: [EventRef],
      description:
        'The events (rakor, workshops pendampingan) it was discussed at, in the order they were recorded.',
      select: { discussions: { select: { eventId: true }, orderBy: { recordedAt: 'asc' } } },
      resolve: (f) => f.discussions.map((d) => ({ id: d.eventId })),
    }),
  }),
});

const FindingFilter = builder.inputType('FindingFilter', {
  description: 'Narrows a list of findings; every field given must match.',
  fields: (t) => ({
    assessmentId: t.id(),
    cycleId: t.id({ description: 'Found in an assessment of this cycle.' }),
    provinceCode: t.string({ description: 'Of subjects in this province ("17").' }),
    subjectId: t.id({
      description: 'Of this assessed government or unit (findings of it and of its OPDs).',
    }),
    organisationId: t.id({
      description: 'For this organisation, or a body under it, to act on.',
    }),
    kind: t.field({ type: [FindingKind], description: 'Any of these kinds.' }),
    status: t.field({ type: [FindingStatus], description: 'Any of these statuses.' }),
    open: t.boolean({ description: 'Not yet VERIFIED (true), or VERIFIED (false).' }),
    overdue: t.boolean({
      description: 'Past the due date on `asOf` with the follow-up still owed.',
    }),
    asOf: t.field({
      type: 'Date',
      description: 'The day `overdue` is judged on; today in WIB when omitted.',
    }),
    recurring: t.boolean({
      description:
        'Came back: repeats a finding of an earlier year on the same indicator (true), or is new (false).',
    }),
  }),
});

type Filter = typeof FindingFilter.$inferInput | null | undefined;

function findingWhere(f: Filter): Prisma.FindingWhereInput {
  if (f?.provinceCode != null) assertProvinceCode(f.provinceCode, 'filter.provinceCode');
  const and: Prisma.FindingWhereInput[] = [];
  if (f?.organisationId != null) {
    const org = id(f.organisationId);
    and.push({ OR: [{ organisationId: org }, { organisationId: { startsWith: `${org}.` } }] });
  }
  if (f?.open != null) and.push(f.open ? { status: { not: 'VERIFIED' } } : { status: 'VERIFIED' });
  if (f?.overdue != null) {
    const day = f.asOf ?? todayInIndonesia();
    const overdue: Prisma.FindingWhereInput = { status: { in: OWED }, dueOn: { lt: day } };
    and.push(f.overdue ? overdue : { NOT: overdue });
  }
  if (f?.recurring != null) and.push({ recursId: f.recurring ? { not: null } : null });
  return {
    AND: and,
    assessmentId: optionalId(f?.assessmentId) ?? undefined,
    cycleId: optionalId(f?.cycleId) ?? undefined,
    provinceCode: f?.provinceCode ?? undefined,
    subjectId: optionalId(f?.subjectId) ?? undefined,
    kind: f?.kind?.length ? { in: f.kind } : undefined,
    status: f?.status?.length ? { in: f.status } : undefined,
  };
}

const FINDING_ORDER = [{ dueOn: 'asc' }, { id: 'asc' }] as const;

builder.queryFields((t) => ({
  finding: t.prismaField({
    type: Finding,
    nullable: true,
    description: 'One finding by id; null when none has that id or you may not read it.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      prisma().finding.findFirst({
        ...query,
        where: { AND: [{ id: id(args.id) }, knownFindings(ctx.identity)] },
      }),
  }),
  findings: t.prismaConnection({
    type: Finding,
    cursor: 'id',
    defaultSize: 20,
    maxSize: MAX_PAGE,
    description: `Findings, earliest due first, a page at a time (at most ${MAX_PAGE}), narrowed by \`filter\`: the open and overdue lists of a government, its OPDs, a province or a cycle. Only those you may read.`,
    args: { filter: t.arg({ type: FindingFilter }) },
    totalCount: (_connection, args, ctx) => {
      assertPageSize(args);
      return prisma().finding.count({
        where: { AND: [findingWhere(args.filter), knownFindings(ctx.identity)] },
      });
    },
    resolve: (query, _root, args, ctx) => {
      assertPageSize(args);
      return prisma().finding.findMany({
        ...query,
        where: { AND: [findingWhere(args.filter), knownFindings(ctx.identity)] },
        orderBy: [...FINDING_ORDER],
      });
    },
  }),
}));

/**
 * The findings a summary counts. Its figures share counts (the total, the verified ones) and
 * the next cycle's opening: each is asked of the database once per summary.
 */
interface Summary {
  count(extra?: Prisma.FindingWhereInput): Promise<number>;
  nextCycle(): ReturnType<typeof nextCycleOpened>;
}

function summaryOf(where: Prisma.FindingWhereInput, cycleId: string | null): Summary {
  const counts = new Map<string, Promise<number>>();
  let next: ReturnType<typeof nextCycleOpened> | undefined;
  return {
    count(extra = {}) {
      const key = JSON.stringify(extra);
      let counted = counts.get(key);
      if (!counted) {
        counted = prisma().finding.count({ where: { AND: [where, extra] } });
        counts.set(key, counted);
      }
      return counted;
    },
    nextCycle: () => {
      next ??= cycleId ? nextCycleOpened(cycleId) : Promise.resolve(null);
      return next;
    },
  };
}

/** The cycle after `cycleId` in its framework and when it opened: null until it has. */
async function nextCycleOpened(cycleId: string) {
  const cycle = await prisma().assessmentCycle.findUnique({ where: { id: cycleId } });
  if (!cycle) return null;
  const next = await prisma().assessmentCycle.findFirst({
    where: { framework: cycle.framework, year: { gt: cycle.year } },
    orderBy: [{ year: 'asc' }, { period: 'asc' }],
  });
  if (!next) return null;
  const opened = await prisma().auditEntry.findFirst({
    where: { entityType: 'AssessmentCycle', entityId: next.id, action: 'open' },
    orderBy: { at: 'asc' },
  });
  return opened ? { cycle: next, at: opened.at } : null;
}

const FindingSummary = builder.objectRef<Summary>('FindingSummary').implement({
  description:
    'How the findings of a filter stand: what a rakor on tindak lanjut looks at. Counts only those you may read.',
  fields: (t) => ({
    total: t.int({ resolve: (s) => s.count() }),
    open: t.int({
      description: 'Not yet VERIFIED.',
      resolve: (s) => s.count({ status: { not: 'VERIFIED' } }),
    }),
    overdue: t.int({
      description: 'Past the due date today (WIB) with the follow-up still owed.',
      resolve: (s) => s.count({ status: { in: OWED }, dueOn: { lt: todayInIndonesia() } }),
    }),
    awaitingVerification: t.int({
      description: 'Reported DONE by the unit; the assessing office has yet to decide.',
      resolve: (s) => s.count({ status: 'DONE' }),
    }),
    verified: t.int({ resolve: (s) => s.count({ status: 'VERIFIED' }) }),
    recurring: t.int({
      description: 'Came back from an earlier year (same organisation, indicator and framework).',
      resolve: (s) => s.count({ recursId: { not: null } }),
    }),
    verifiedShare: t.float({
      nullable: true,
      description: 'verified / total, 0 to 1; null without findings.',
      resolve: async (s) => {
        const total = await s.count();
        return total === 0 ? null : (await s.count({ status: 'VERIFIED' })) / total;
      },
    }),
    nextCycle: t.field({
      type: AssessmentCycle,
      nullable: true,
      description: "With filter.cycleId: the framework's next cycle, once it has opened.",
      resolve: async (s) => (await s.nextCycle())?.cycle ?? null,
    }),
    followedUpBeforeNextCycle: t.float({
      nullable: true,
      description:
        "With filter.cycleId: the share (0 to 1) of the cycle's findings verified before the framework's next cycle opened; null until it has, or without findings.",
      resolve: async (s) => {
        const next = await s.nextCycle();
        const total = await s.count();
        if (!next || total === 0) return null;
        return (await s.count({ status: 'VERIFIED', verifiedAt: { lt: next.at } })) / total;
      },
    }),
  }),
});

builder.queryField('findingSummary', (t) =>
  t.field({
    type: FindingSummary,
    description:
      'Counts of the findings `filter` selects: open, overdue, awaiting verification, verified, recurring, and with a cycle the share followed up before the next one.',
    args: { filter: t.arg({ type: FindingFilter }) },
    resolve: (_root, args, ctx) =>
      summaryOf(
        { AND: [findingWhere(args.filter), knownFindings(ctx.identity)] },
        optionalId(args.filter?.cycleId),
      ),
  }),
);

builder.prismaObjectField(Assessment, 'findings', (t) =>
  t.prismaField({
    type: [Finding],
    description: 'Its findings that you may read, earliest due first.',
    select: { id: true },
    resolve: (query, assessment, _args, ctx) =>
      prisma().finding.findMany({
        ...query,
        where: { AND: [{ assessmentId: assessment.id }, knownFindings(ctx.identity)] },
        orderBy: [...FINDING_ORDER],
      }),
  }),
);

builder.objectField(OrganisationRef, 'findings', (t) =>
  t.prismaField({
    type: [Finding],
    description:
      'Findings this organisation or a body under it must act on, earliest due first: those you may read.',
    args: { open: t.arg.boolean({ description: 'Only those not yet VERIFIED.' }) },
    resolve: (query, organisation, args, ctx) =>
      prisma().finding.findMany({
        ...query,
        where: {
          AND: [
            findingWhere({ organisationId: organisation.id, open: args.open }),
            knownFindings(ctx.identity),
          ],
        },
        orderBy: [...FINDING_ORDER],
      }),
  }),
);

builder.objectField(EventRef, 'findings', (t) =>
  t.prismaField({
    type: [Finding],
    description:
      'The findings discussed at this event that you may read (none for callers without a token), earliest due first.',
    resolve: (query, event, _args, ctx) =>
      prisma().finding.findMany({
        ...query,
        where: {
          AND: [{ discussions: { some: { eventId: event.id } } }, knownFindings(ctx.identity)],
        },
        orderBy: [...FINDING_ORDER],
      }),
  }),
);

const RecordFindingInput = builder.inputType('RecordFindingInput', {
  fields: (t) => ({
    assessmentId: t.id({ required: true, description: 'A submitted, verified or published one.' }),
    lokusId: t.id({ description: 'The lokus it is about, if one.' }),
    indicator: t.string({ description: 'The indicator (or component) key it is about, if one.' }),
    kind: t.field({ type: FindingKind, required: true }),
    organisationId: t.id({
      required: true,
      description: 'Who must act: the assessed subject or a body under it.',
    }),
    text: t.string({ required: true, description: 'What was found, or what to do (3-1000).' }),
    dueOn: t.field({
      type: 'Date',
      required: true,
      description: 'When the follow-up is due: today or later.',
    }),
  }),
});

const FollowUpStep = builder.enumType('FollowUpStep', {
  description: "The unit's steps of a follow-up, in their order.",
  values: ['PLANNED', 'IN_PROGRESS', 'DONE'] as const,
});

const FollowUpDecision = builder.enumType('FollowUpDecision', {
  values: {
    VERIFY: { description: 'The follow-up is done as reported: close the finding.' },
    REOPEN: { description: 'Not done: back to the unit, with what is missing.' },
  } as const,
});

const VERSION =
  "The finding's version you read; a stale one is refused with a VersionConflictError.";

builder.mutationFields((t) => ({
  recordFindingsDiscussed: t.field({
    type: EventRef,
    description:
      'Records that findings were discussed at an event of the engagement subgraph (a rakor, a workshop pendampingan); links already recorded stay. By an administrator or an assessor of the region of every finding named.',
    authScopes: async (_root, { input }, ctx) =>
      adminOrAssessorOfAll(ctx.identity, await subjectsOfFindings(input.findingIds.map(id))),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'event' } },
    args: {
      input: t.arg({
        type: builder.inputType('RecordFindingsDiscussedInput', {
          fields: (f) => ({
            eventId: f.id({ required: true, description: 'The event, as the graph names it.' }),
            findingIds: f.idList({
              required: true,
              description: `The findings discussed there (1-${MAX_FINDINGS_PER_LINK}).`,
            }),
          }),
        }),
        required: true,
      }),
    },
    resolve: (_root, { input }, ctx) =>
      recordFindingsDiscussed(
        { eventId: id(input.eventId), findingIds: input.findingIds.map(id) },
        ctx.identity.sub,
      ),
  }),
  removeFindingDiscussed: t.field({
    type: EventRef,
    description:
      "Takes back a finding recorded as discussed at an event by mistake. By an administrator or an assessor of the finding's region.",
    authScopes: async (_root, { input }) =>
      adminOrAssessorOf((await findingScope(id(input.findingId)))?.subjectId ?? ''),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'event' } },
    args: {
      input: t.arg({
        type: builder.inputType('RemoveFindingDiscussedInput', {
          fields: (f) => ({
            eventId: f.id({ required: true }),
            findingId: f.id({ required: true }),
          }),
        }),
        required: true,
      }),
    },
    resolve: (_root, { input }, ctx) =>
      removeFindingDiscussed(
        { eventId: id(input.eventId), findingId: id(input.findingId) },
        ctx.identity.sub,
      ),
  }),
  recordFinding: t.field({
    type: Finding,
    description:
      "Records a finding of an assessment for the subject or one of its bodies to follow up. By an administrator or an assessor of the subject's region.",
    authScopes: (_root, { input }) =>
      adminOrAssessorOf(subjectOfAssessment(id(input.assessmentId))),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'finding' } },
    args: { input: t.arg({ type: RecordFindingInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordFinding(
        {
          ...input,
          assessmentId: id(input.assessmentId),
          lokusId: optionalId(input.lokusId),
          organisationId: id(input.organisationId),
        },
        ctx.identity.sub,
      ),
  }),
  recordFollowUp: t.field({
    type: Finding,
    description:
      'The unit that must act records a step of its tindak lanjut: PLANNED, IN_PROGRESS, DONE. By that unit (or the government it belongs to) or an administrator.',
    authScopes: async (_root, args, ctx) =>
      mayFollowUp(ctx.identity, await findingScope(id(args.findingId))),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'finding' } },
    args: {
      findingId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      input: t.arg({
        type: builder.inputType('FollowUpInput', {
          fields: (f) => ({
            status: f.field({ type: FollowUpStep, required: true }),
            note: f.string({ required: true, description: 'What was planned or done (3-1000).' }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, args, ctx) =>
      (await recordFollowUp(id(args.findingId), args.expectedVersion, args.input, ctx.identity))
        .finding,
  }),
  decideFollowUp: t.field({
    type: Finding,
    description:
      "The assessing office verifies a follow-up reported DONE, or reopens it (DONE or VERIFIED) with what is missing. By an administrator or an assessor of the subject's region.",
    authScopes: async (_root, args) =>
      adminOrAssessorOf((await findingScope(id(args.findingId)))?.subjectId ?? ''),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'finding' } },
    args: {
      findingId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int({ required: true, description: VERSION }),
      input: t.arg({
        type: builder.inputType('FollowUpDecisionInput', {
          fields: (f) => ({
            decision: f.field({ type: FollowUpDecision, required: true }),
            note: f.string({ required: true, description: 'Why (3-1000).' }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (_root, args, ctx) =>
      (await decideFollowUp(id(args.findingId), args.expectedVersion, args.input, ctx.identity.sub))
        .finding,
  }),
}));
