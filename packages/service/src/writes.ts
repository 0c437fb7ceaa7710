import { auditEntry } from './contract.js';
import { VersionConflictError } from './mutation-errors.js';

/**
 * Interactive transactions stay short: prisma/orm#29952, a COMMIT that times out can crash the
 * process. Every command of every subgraph uses these limits.
 */
export const INTERACTIVE_TRANSACTION = { maxWait: 5_000, timeout: 10_000 };

/**
 * The part of a transaction client an audit row needs. Every subgraph's AuditEntry table has the
 * columns auditEntry() fills; Prisma's generated create() is generic per client, so it is taken
 * as any function here and called with that row.
 */
interface AuditTable {
  auditEntry: { create: (args: never) => Promise<unknown> };
}

/** Writes one audit row, inside the change's own transaction: no entry for a write that failed. */
export async function writeAudit(tx: AuditTable, entry: Parameters<typeof auditEntry>[0]) {
  const create = tx.auditEntry.create as (args: {
    data: ReturnType<typeof auditEntry>;
  }) => Promise<unknown>;
  await create.call(tx.auditEntry, { data: auditEntry(entry) });
}

/** The part of a model a version-checked update needs. */
interface VersionedModel {
  updateMany(args: {
    where: { id: string; version: number };
    data: object;
  }): Promise<{ count: number }>;
  findUniqueOrThrow(args: { where: { id: string } }): Promise<{ version: number }>;
}

/**
 * Applies a change only if the record is still at the version the editor read. The version
 * check and the write are one statement, so two editors cannot both pass it; the loser gets a
 * VersionConflictError with the version it would have to reload.
 */
export async function updateAtVersion(
  model: VersionedModel,
  current: { id: string; version: number },
  expectedVersion: number,
  data: object,
): Promise<void> {
  if (current.version !== expectedVersion) {
    throw new VersionConflictError(current.id, expectedVersion, current.version);
  }
  const { count } = await model.updateMany({
    where: { id: current.id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) {
    const now = await model.findUniqueOrThrow({ where: { id: current.id } });
    throw new VersionConflictError(current.id, expectedVersion, now.version);
  }
}
