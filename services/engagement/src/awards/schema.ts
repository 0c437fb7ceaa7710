import { assertPageSize, MAX_PAGE } from '@mutu/server';
import { ADMIN_ONLY, assertProvinceCode, id, optionalId } from '@mutu/service';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import { assertPeriod, type Filter } from '../inputs.js';
import { AssessmentCycleRef, AssessmentRef, OrganisationRef, ref, Zone } from '../refs.js';
import { awardedResult, createAward } from './commands.js';

const PAGE = `a page at a time (at most ${MAX_PAGE})`;

const AwardResult = builder
  .objectRef<ReturnType<typeof awardedResult> & { score: number }>('AwardResult')
  .implement({
    description:
      "The result an award rewards, as its source gives it: the score, banded by the cycle's method in packages/scoring.",
    fields: (t) => ({
      score: t.exposeFloat('score'),
      grade: t.exposeString('grade', { nullable: true }),
      label: t.exposeString('label', { description: 'The predikat, opini or category.' }),
      zone: t.field({ type: Zone, nullable: true, resolve: (r) => r.zone }),
      methodology: t.string({ resolve: (r) => r.methodology.id }),
    }),
  });

export const Award = builder.prismaObject('Award', {
  description:
    'A predikat or award given to an organisation, e.g. "Predikat Kepatuhan Standar Pelayanan Publik" for an OPD that met the service standards in an assessment cycle.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title', { description: 'The title or predikat.' }),
    recipient: t.field({ type: OrganisationRef, resolve: (a) => ref(a.recipientId) }),
    awardingBody: t.field({
      type: OrganisationRef,
      description: 'Who gives it.',
      resolve: (a) => ref(a.awardingId),
    }),
    cycle: t.field({
      type: AssessmentCycleRef,
      nullable: true,
      description: 'The assessment cycle it recognises.',
      resolve: (a) => (a.cycleId ? ref(a.cycleId) : null),
    }),
    assessment: t.field({
      type: AssessmentRef,
      nullable: true,
      description: 'The recognised assessment, when known.',
      resolve: (a) => (a.assessmentId ? ref(a.assessmentId) : null),
    }),
    result: t.field({
      type: AwardResult,
      nullable: true,
      description: 'The result it rewards, where the source gives one.',
      select: { score: true, cycleId: true },
      resolve: (a) =>
        a.score === null || !a.cycleId
          ? null
          : { ...awardedResult(a.cycleId, a.score, 'score'), score: a.score },
    }),
    awardedOn: t.expose('awardedOn', { type: 'Date' }),
    event: t.relation('event', { nullable: true, description: 'Where it was handed over.' }),
    source: t.exposeString('source', { description: 'Where the record comes from.' }),
    version: t.exposeInt('version'),
  }),
});
const AwardFilter = builder.inputType('AwardFilter', {
  description: 'Narrows a list of awards; every field given must match.',
  fields: (t) => ({
    provinceCode: t.string({ description: 'The recipient is in this province ("17").' }),
    organisationId: t.id({ description: 'Given to this organisation.' }),
    awardingId: t.id({ description: 'Given by this organisation.' }),
    cycleId: t.id({ description: 'Recognises this assessment cycle.' }),
    from: t.field({ type: 'Date', description: 'Awarded on or after this day.' }),
    until: t.field({ type: 'Date', description: 'Awarded on or before this day.' }),
  }),
});

function awardWhere(f: Filter<typeof AwardFilter.$inferInput>): Prisma.AwardWhereInput {
  if (f?.provinceCode != null) assertProvinceCode(f.provinceCode, 'filter.provinceCode');
  assertPeriod(f?.from, f?.until, 'filter');
  return {
    recipientProvinceCode: f?.provinceCode ?? undefined,
    recipientId: f?.organisationId ? String(f.organisationId) : undefined,
    awardingId: f?.awardingId ? String(f.awardingId) : undefined,
    cycleId: f?.cycleId ? String(f.cycleId) : undefined,
    awardedOn: { gte: f?.from ?? undefined, lte: f?.until ?? undefined },
  };
}

builder.queryFields((t) => ({
  award: t.prismaField({
    type: 'Award',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }) =>
      prisma().award.findUnique({ ...query, where: { id: String(id) } }),
  }),
  awards: t.prismaConnection({
    type: 'Award',
    cursor: 'id',
    defaultSize: 20,
    maxSize: MAX_PAGE,
    description: `Awards, newest first, ${PAGE}.`,
    args: { filter: t.arg({ type: AwardFilter }) },
    totalCount: (_c, args) => {
      assertPageSize(args);
      return prisma().award.count({ where: awardWhere(args.filter) });
    },
    resolve: (query, _root, args) => {
      assertPageSize(args);
      return prisma().award.findMany({
        ...query,
        where: awardWhere(args.filter),
        orderBy: [{ awardedOn: 'desc' }, { id: 'asc' }],
      });
    },
  }),
}));

builder.objectFields(OrganisationRef, (t) => ({
  awards: t.prismaField({
    type: [Award],
    nullable: true,
    description: 'Awards and predikat this organisation received, newest first.',
    resolve: (query, org, _args, ctx) => ctx.loaders.awardsOf(query).load(org.id),
  }),
}));

builder.objectFields(AssessmentCycleRef, (t) => ({
  awards: t.prismaField({
    type: [Award],
    nullable: true,
    description: 'Awards recognising results of this cycle, newest first.',
    resolve: (query, cycle, _args, ctx) => ctx.loaders.awardsOfCycle(query).load(cycle.id),
  }),
}));

const CreateAwardInput = builder.inputType('CreateAwardInput', {
  description: 'An award or predikat given to an organisation in the register.',
  fields: (t) => ({
    recipientId: t.id({ required: true }),
    awardingId: t.id({ required: true, description: 'Who gives it.' }),
    title: t.string({
      required: true,
      description: 'e.g. "Predikat Kepatuhan Standar Pelayanan Publik".',
    }),
    cycleId: t.id({ description: 'The assessment cycle it recognises.' }),
    assessmentId: t.id({ description: 'The recognised assessment, when known.' }),
    awardedOn: t.field({ type: 'Date', required: true }),
    eventId: t.id({ description: 'Where it was handed over; awardedOn must fall within it.' }),
    source: t.string(),
    score: t.float({
      description:
        "The score it rewards, where the source gives one; on the scale of the cycle's method (needs cycleId or assessmentId).",
    }),
  }),
});

builder.mutationFields((t) => ({
  createAward: t.field({
    type: Award,
    description: 'Records an award; its recipient and awarding body must be in the register.',
    authScopes: ADMIN_ONLY,
    errors: { types: MUTATION_ERRORS, dataField: { name: 'award' } },
    args: { input: t.arg({ type: CreateAwardInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createAward(
        {
          ...input,
          recipientId: id(input.recipientId),
          awardingId: id(input.awardingId),
          cycleId: optionalId(input.cycleId),
          assessmentId: optionalId(input.assessmentId),
          eventId: optionalId(input.eventId),
        },
        ctx.identity.sub,
      ),
  }),
}));
