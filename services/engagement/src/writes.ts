import { writeAudit } from '@mutu/service';
import type { Prisma } from './generated/prisma/client.js';

export type Tx = Prisma.TransactionClient;

/** One audit row of a change to an agreement, an event or an award, in its transaction. */
export function audit(
  tx: Tx,
  entityType: 'Agreement' | 'Event' | 'Award',
  entityId: string,
  action: string,
  actor: string,
  before: unknown,
  after: unknown,
) {
  return writeAudit(tx, { entityType, entityId, action, actor, before, after });
}

/**
 * The first of `base`, `base-2`, `base-3`... that no record has; a concurrent writer taking the
 * same one is caught by the primary key (retryOnUniqueViolation runs the write again).
 */
export async function freeId(base: string, taken: (id: string) => Promise<boolean>) {
  const stem = base.slice(0, 150).replace(/-+$/, '');
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? stem : `${stem}-${n}`;
    if (!(await taken(id))) return id;
  }
}
