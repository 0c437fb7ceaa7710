import { Lokus, subjectOfLoadedLokus } from '../assessments/schema.js';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { MUTATION_ERRORS } from '../errors.js';
import { Finding } from '../findings/schema.js';
import { mayFileEvidenceOf, mayReadEvidence, mayReadEvidenceOf } from '../visibility.js';
import { evidenceOwner, removeEvidence } from './commands.js';
import { downloadPath } from './route.js';

const Evidence = builder.prismaObject('Evidence', {
  description:
    'Bukti dukung: a document proving an indicator of a lokus (a decree, a photograph of the service room, a survey report). Uploaded on POST /evidence, downloaded on GET /evidence?id=..., both through the gateway; kept by the sha256 of its bytes. Evidence of a published revision never changes: a correction carries it into its own revision.',
  fields: (t) => ({
    id: t.exposeID('id'),
    indicator: t.exposeString('indicator', {
      nullable: true,
      description:
        "The instrument's indicator key it proves; where the method has no instrument, a component key. Null for a follow-up's evidence.",
    }),
    fileName: t.exposeString('fileName', { description: 'The name it was uploaded with.' }),
    mediaType: t.exposeString('mediaType', {
      description: 'Its type as read from its bytes, never from its name.',
    }),
    size: t.exposeInt('size', { description: 'Bytes.' }),
    sha256: t.exposeString('sha256', {
      description: 'The hash its bytes are kept and checked by.',
    }),
    uploadedBy: t.exposeString('uploadedBy', { description: 'Who uploaded it: a token subject.' }),
    uploadedAt: t.expose('uploadedAt', { type: 'DateTime' }),
    downloadPath: t.string({
      description: "Where the gateway serves it (with the caller's bearer token).",
      resolve: (e) => downloadPath(e.id),
    }),
  }),
});

builder.prismaObjectField(Lokus, 'evidence', (t) =>
  t.field({
    type: [Evidence],
    nullable: true,
    description:
      "Its evidence, by indicator and upload time: for administrators and the assessors of the subject's region only (visibility.ts), whatever the assessment's status.",
    select: { id: true, assessment: { select: { subjectId: true } } },
    authScopes: async (l, _args, ctx) =>
      mayReadEvidence(ctx.identity, await subjectOfLoadedLokus(l)),
    resolve: (l) =>
      prisma().evidence.findMany({
        where: { lokusId: l.id },
        orderBy: [{ indicator: 'asc' }, { uploadedAt: 'asc' }, { id: 'asc' }],
      }),
  }),
);

builder.mutationFields((t) => ({
  removeEvidence: t.field({
    type: Lokus,
    description:
      "Removes a piece of bukti dukung from a lokus of a DRAFT assessment (or one returned to its assessor); its bytes go once no evidence names them. A published revision's evidence stays: correct the assessment instead.",
    authScopes: async (_root, args, ctx) =>
      mayFileEvidenceOf(ctx.identity, await evidenceOwner(String(args.id))),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'lokus' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const removed = await removeEvidence(String(args.id), 'lokus', ctx.identity.sub);
      return prisma().lokus.findUniqueOrThrow({ where: { id: removed.lokusId ?? '' } });
    },
  }),
  removeFollowUpEvidence: t.field({
    type: Finding,
    description:
      "Removes a piece of evidence from a finding's follow-up while it is still owed (not DONE or VERIFIED). By the unit that must act or an administrator.",
    authScopes: async (_root, args, ctx) =>
      mayFileEvidenceOf(ctx.identity, await evidenceOwner(String(args.id))),
    errors: { types: MUTATION_ERRORS, dataField: { name: 'finding' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const removed = await removeEvidence(String(args.id), 'finding', ctx.identity.sub);
      return prisma().finding.findUniqueOrThrow({ where: { id: removed.findingId ?? '' } });
    },
  }),
}));

builder.prismaObjectField(Finding, 'evidence', (t) =>
  t.field({
    type: [Evidence],
    nullable: true,
    description:
      'The evidence of its follow-up, oldest first: for administrators, the assessors of the region and the units concerned.',
    select: { id: true, subjectId: true, organisationId: true },
    authScopes: (f, _args, ctx) =>
      mayReadEvidenceOf(ctx.identity, {
        kind: 'finding',
        subjectId: f.subjectId,
        organisationId: f.organisationId,
      }),
    resolve: (f) =>
      prisma().evidence.findMany({
        where: { findingId: f.id },
        orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
      }),
  }),
);
