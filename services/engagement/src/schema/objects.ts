import { builder } from '../builder.js';
import { agreementStatus, daysBetween, todayInIndonesia } from '../dates.js';
import { awardedResult } from '../engagement.js';
import { AgreementKind, AgreementStatus, EventKind, Framework, Zone } from './enums.js';
import { AssessmentCycleRef, AssessmentRef, OrganisationRef, ProvinceRef, ref } from './refs.js';

export const AgreementParty = builder.prismaObject('AgreementParty', {
  description: 'One party to an agreement, with who signed for it.',
  fields: (t) => ({
    organisation: t.field({
      type: OrganisationRef,
      resolve: (p) => ref(p.organisationId),
    }),
    name: t.exposeString('name', {
      description:
        "The party's name as the agreement states it (the register's name when it was recorded).",
    }),
    role: t.exposeString('role', { nullable: true, description: 'e.g. "Pihak Pertama".' }),
    signatoryName: t.exposeString('signatoryName', { nullable: true }),
    signatoryPosition: t.exposeString('signatoryPosition', { nullable: true }),
  }),
});

export const Agreement = builder.prismaObject('Agreement', {
  description:
    'A nota kesepakatan, MoU or perjanjian kerja sama between two or more organisations, e.g. a regional government and the Ombudsman.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    kind: t.expose('kind', { type: AgreementKind }),
    subject: t.exposeString('subject', {
      nullable: true,
      description: 'What it is about, e.g. "Sinergi Peningkatan Kualitas Pelayanan Publik".',
    }),
    signedOn: t.expose('signedOn', { type: 'Date' }),
    validFrom: t.expose('validFrom', { type: 'Date' }),
    validUntil: t.expose('validUntil', {
      type: 'Date',
      nullable: true,
      description: 'Null when the agreement states no end.',
    }),
    status: t.field({
      type: AgreementStatus,
      select: { validFrom: true, validUntil: true },
      resolve: (a) => agreementStatus(a),
    }),
    daysLeft: t.int({
      nullable: true,
      select: { validUntil: true },
      description: 'Days from today until validUntil (negative once expired); null without an end.',
      resolve: (a) => (a.validUntil ? daysBetween(todayInIndonesia(), a.validUntil) : null),
    }),
    parties: t.relation('parties', {
      description: 'The parties in the order the document lists them.',
      query: { orderBy: { position: 'asc' } },
    }),
    documentReference: t.exposeString('documentReference', {
      nullable: true,
      description: 'The document number or a link to it.',
    }),
    event: t.relation('event', { nullable: true, description: 'Where it was signed.' }),
    source: t.exposeString('source', { description: 'Where the record comes from.' }),
    version: t.exposeInt('version', { description: 'Increases with every change.' }),
  }),
});

/** The organisations of an event in one role, loaded with the event itself. */
const inRole = (role: 'HOST' | 'SPEAKER' | 'PARTICIPANT') => ({
  organisations: {
    where: { role },
    select: { organisationId: true },
    orderBy: { organisationId: 'asc' as const },
  },
});
const refs = (e: { organisations: { organisationId: string }[] }) =>
  e.organisations.map((o) => ref(o.organisationId));

export const Event = builder.prismaObject('Event', {
  description:
    'A rakor, workshop pendampingan, sosialisasi, bimtek or penganugerahan around the assessments.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: EventKind }),
    title: t.exposeString('title'),
    host: t.field({
      type: OrganisationRef,
      select: inRole('HOST'),
      resolve: (e) => {
        const [host] = refs(e);
        if (!host) throw new Error(`Event has no host`);
        return host;
      },
    }),
    speakers: t.field({
      type: [OrganisationRef],
      description: "The speakers' organisations.",
      select: inRole('SPEAKER'),
      resolve: refs,
    }),
    participants: t.field({
      type: [OrganisationRef],
      description: 'The participating organisations.',
      select: inRole('PARTICIPANT'),
      resolve: refs,
    }),
    venue: t.exposeString('venue', { nullable: true }),
    province: t.field({
      type: ProvinceRef,
      nullable: true,
      select: { provinceCode: true },
      description: 'The province where it took place.',
      resolve: (e) => (e.provinceCode ? { code: e.provinceCode } : null),
    }),
    startsOn: t.expose('startsOn', { type: 'Date' }),
    endsOn: t.expose('endsOn', { type: 'Date' }),
    framework: t.expose('framework', {
      type: Framework,
      nullable: true,
      description: 'The assessment framework it concerned, if any.',
    }),
    cycle: t.field({
      type: AssessmentCycleRef,
      nullable: true,
      select: { cycleId: true },
      description: 'The assessment cycle it concerned, if any.',
      resolve: (e) => (e.cycleId ? ref(e.cycleId) : null),
    }),
    summary: t.exposeString('summary', { nullable: true }),
    agreements: t.relation('agreements', {
      description: 'Agreements signed there.',
      query: { orderBy: { signedOn: 'asc' } },
    }),
    awards: t.relation('awards', {
      description: 'Awards handed over there.',
      query: { orderBy: [{ awardedOn: 'asc' }, { id: 'asc' }] },
    }),
    source: t.exposeString('source', { description: 'Where the record comes from.' }),
    version: t.exposeInt('version'),
  }),
});

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
