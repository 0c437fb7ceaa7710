import { Assessment } from '../assessments/schema.js';
import { builder } from '../builder.js';
import { AssessmentCycle } from '../cycles/schema.js';
import { prisma } from '../db.js';
import { mayReadSnapshot } from '../visibility.js';

const WorkflowEntry = builder.prismaObject('AuditEntry', {
  // The register's AuditEntry has other fields; federation needs distinct names.
  name: 'WorkflowEntry',
  description: 'One step in the workflow of a cycle or an assessment.',
  fields: (t) => ({
    id: t.exposeID('id'),
    action: t.exposeString('action', {
      description:
        'create, record-scores, remove-lokus, submit, verify, return, publish, correct, record-published-total, correct-published-total; for cycles create, open, close, publish.',
    }),
    actor: t.exposeString('actor', {
      description: "Who took the step: the subject of the caller's verified token.",
    }),
    at: t.expose('at', { type: 'DateTime' }),
    reason: t.exposeString('reason', {
      nullable: true,
      description:
        'The reason given when returning for revision or correcting (for those who may read the scores of the revision it left).',
      authScopes: (e, _args, ctx) => mayReadSnapshot(ctx.identity, e, e.after),
    }),
    ...Object.fromEntries(
      (['before', 'after'] as const).map((side) => [
        side,
        t.expose(side, {
          type: 'JSON',
          nullable: true,
          description: `The record ${side} the step; an unpublished assessment only for its assessor and administrators.`,
          authScopes: (e, _args, ctx) => mayReadSnapshot(ctx.identity, e, e[side]),
        }),
      ]),
    ),
  }),
});

const historyOf = (entityType: string, entityId: string, query: object) =>
  prisma().auditEntry.findMany({
    ...query,
    where: { entityType, entityId },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });

builder.prismaObjectField(Assessment, 'history', (t) =>
  t.prismaField({
    type: [WorkflowEntry],
    nullable: true,
    description:
      'Every workflow step of this revision, oldest first (analysts and administrators).',
    authScopes: { analyst: true },
    select: { id: true },
    resolve: (query, a) => historyOf('Assessment', a.id, query),
  }),
);

builder.prismaObjectField(AssessmentCycle, 'history', (t) =>
  t.prismaField({
    type: [WorkflowEntry],
    nullable: true,
    description: 'Every workflow step of this cycle, oldest first (analysts and administrators).',
    authScopes: { analyst: true },
    select: { id: true },
    resolve: (query, c) => historyOf('AssessmentCycle', c.id, query),
  }),
);
