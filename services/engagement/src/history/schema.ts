import { Agreement } from '../agreements/schema.js';
import { Award } from '../awards/schema.js';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import { Event } from '../events/schema.js';

const EngagementChange = builder.prismaObject('AuditEntry', {
  // The register's AuditEntry has other fields; federation needs distinct names.
  name: 'EngagementChange',
  description: 'One change to an agreement, event or award.',
  fields: (t) => ({
    id: t.exposeID('id'),
    action: t.exposeString('action', { description: 'create or update.' }),
    actor: t.exposeString('actor', {
      description: "Who made the change: the subject of the caller's verified token.",
    }),
    at: t.expose('at', { type: 'DateTime' }),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
  }),
});

for (const [ref, entityType] of [
  [Agreement, 'Agreement'],
  [Event, 'Event'],
  [Award, 'Award'],
] as const) {
  builder.prismaObjectField(ref as typeof Agreement, 'history', (t) =>
    t.prismaField({
      type: [EngagementChange],
      // Null with an error for callers without the right, and the rest of the answer intact.
      nullable: true,
      description: 'Every change to this record, oldest first (analysts and administrators).',
      authScopes: { analyst: true },
      select: { id: true },
      resolve: (query, record) =>
        prisma().auditEntry.findMany({
          ...query,
          where: { entityType, entityId: record.id },
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
        }),
    }),
  );
}
