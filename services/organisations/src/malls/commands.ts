import { cleanOptionalText, INTERACTIVE_TRANSACTION } from '@mutu/service';
import { prisma } from '../db.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { MallStatus } from '../generated/prisma/enums.js';
import { assertActive, audit, load, updateAtVersion } from '../organisations/commands.js';

export interface MallInput {
  status?: MallStatus | null;
  address?: string | null;
  openedOn?: Date | null;
  serviceCount?: number | null;
  /** The complete list of tenants; omitted keeps the current one. */
  tenantIds?: string[] | null;
}

const ADDRESS_MAX = 300;
const MAX_TENANTS = 500;

/** Updates an MPP's details and tenant list; the MPP's organisation version guards it. */
export async function updatePublicServiceMall(
  id: string,
  expectedVersion: number,
  input: MallInput,
  actor: string,
) {
  if (input.status === null)
    throw new InvalidInputError('input.status cannot be null', 'input.status');
  const address = cleanOptionalText(input.address, 'input.address', ADDRESS_MAX);
  if (input.serviceCount != null && (input.serviceCount < 0 || input.serviceCount > 10_000)) {
    throw new InvalidInputError(
      'input.serviceCount must be between 0 and 10000',
      'input.serviceCount',
    );
  }
  if (input.tenantIds != null && input.tenantIds.length > MAX_TENANTS) {
    throw new InvalidInputError(
      `input.tenantIds takes at most ${MAX_TENANTS} ids`,
      'input.tenantIds',
    );
  }
  const tenantIds = input.tenantIds == null ? undefined : [...new Set(input.tenantIds)];
  return prisma().$transaction(async (tx) => {
    const before = await load(tx, id, 'id');
    const mallBefore = await tx.publicServiceMall.findUnique({
      where: { organisationId: id },
      include: { tenants: true },
    });
    if (!mallBefore) throw new InvalidInputError(`${id} is not a Mal Pelayanan Publik`, 'id');
    assertActive(before, 'id');
    if (tenantIds) {
      const found = await tx.organisation.findMany({
        where: { id: { in: tenantIds } },
        select: { id: true, status: true },
      });
      const byId = new Map(found.map((f) => [f.id, f]));
      for (const [i, tenantId] of tenantIds.entries()) {
        const tenant = byId.get(tenantId);
        if (!tenant) throw new NotFoundError(`input.tenantIds[${i}]`, tenantId);
        if (tenant.status !== 'ACTIVE')
          throw new InvalidInputError(
            `${tenantId} is ${tenant.status.toLowerCase()}`,
            `input.tenantIds[${i}]`,
          );
        if (tenantId === id)
          throw new InvalidInputError('An MPP is not its own tenant', `input.tenantIds[${i}]`);
      }
    }
    const after = await updateAtVersion(tx, before, expectedVersion, {});
    await tx.publicServiceMall.update({
      where: { organisationId: id },
      data: {
        status: input.status ?? undefined,
        address,
        openedOn: input.openedOn,
        serviceCount: input.serviceCount,
        tenants: tenantIds
          ? { deleteMany: {}, create: tenantIds.map((tenantId) => ({ tenantId })) }
          : undefined,
      },
    });
    const mallAfter = await tx.publicServiceMall.findUniqueOrThrow({
      where: { organisationId: id },
      include: { tenants: true },
    });
    await audit(
      tx,
      'update-mall',
      actor,
      id,
      { ...before, mall: mallBefore },
      { ...after, mall: mallAfter },
    );
    return mallAfter;
  }, INTERACTIVE_TRANSACTION);
}
