import {
  cleanOptionalText,
  cleanText,
  INTERACTIVE_TRANSACTION,
  searchKey,
  slugify,
  updateAtVersion as updateVersioned,
  whenUniqueViolated,
  writeAudit,
} from '@mutu/service';
import { prisma } from '../db.js';
import {
  DuplicateNameError,
  HierarchyCycleError,
  InvalidInputError,
  InvalidRegionError,
  NotFoundError,
} from '../errors.js';
import type { Organisation, Prisma } from '../generated/prisma/client.js';
import type { OrganisationKind, Sector } from '../generated/prisma/enums.js';

type Tx = Prisma.TransactionClient;

const NAME_LENGTH = { min: 2, max: 200 };
const SHORT_NAME_MAX = 60;
const SOURCE_MAX = 500;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const REGIONAL_GOVERNMENTS: readonly OrganisationKind[] = [
  'PROVINCIAL_GOVERNMENT',
  'REGENCY_GOVERNMENT',
  'CITY_GOVERNMENT',
];
/** Bodies that always sit in a region: they belong to a regional government. */
const REGIONAL_KINDS: readonly OrganisationKind[] = ['OPD', 'SERVICE_UNIT', 'PUBLIC_SERVICE_MALL'];

export interface CreateInput {
  kind: OrganisationKind;
  name: string;
  shortName?: string | null;
  slug?: string | null;
  parentId?: string | null;
  sector?: Sector | null;
  provinceCode?: string | null;
  regencyCode?: string | null;
  source?: string | null;
  sourceReference?: string | null;
}

export interface UpdateInput {
  name?: string | null;
  shortName?: string | null;
  sector?: Sector | null;
  source?: string | null;
  sourceReference?: string | null;
}

export async function load(tx: Tx, id: string, field: string): Promise<Organisation> {
  const found = await tx.organisation.findUnique({ where: { id } });
  if (!found) throw new NotFoundError(field, id);
  return found;
}

export function assertActive(organisation: Organisation, field: string): void {
  if (organisation.status !== 'ACTIVE') {
    throw new InvalidInputError(
      `${organisation.id} is ${organisation.status.toLowerCase()}; only active bodies change`,
      field,
    );
  }
}

function assertNotRegionalGovernment(organisation: Organisation, what: string): void {
  if (REGIONAL_GOVERNMENTS.includes(organisation.kind)) {
    throw new InvalidInputError(
      `Regional governments follow the Kemendagri region data; they cannot be ${what}`,
      'id',
    );
  }
}

/** What two sibling names are compared by (ignoring case, accents and spacing). */
const nameKey = (name: string) => searchKey(name);

/** The active sibling under `parentId` that already has this name, if any. */
function siblingNamed(tx: Tx, parentId: string | null, name: string, selfId: string | null) {
  return tx.organisation.findFirst({
    where: {
      parentId,
      status: 'ACTIVE',
      nameKey: nameKey(name),
      NOT: selfId ? { id: selfId } : undefined,
    },
    select: { id: true },
  });
}

async function assertUniqueName(
  tx: Tx,
  parentId: string | null,
  name: string,
  selfId: string | null,
  field: string,
) {
  const clash = await siblingNamed(tx, parentId, name, selfId);
  if (clash) throw new DuplicateNameError(field, clash.id, name);
}

/** The partial unique indexes that keep active sibling names apart (schema.prisma). */
const SIBLING_NAME_INDEXES = new Set([
  'Organisation_active_sibling_name',
  'Organisation_active_top_level_name',
]);

/**
 * A sibling-name clash that the database caught after the checks passed: a concurrent writer
 * created or renamed a sibling in between. Reported as the check would have reported it.
 */
function siblingClash(parentId: string | null, name: string, field: string) {
  return async (constraint: string) => {
    if (!SIBLING_NAME_INDEXES.has(constraint)) return undefined;
    const winner = await siblingNamed(prisma(), parentId, name, null);
    return new DuplicateNameError(field, winner?.id ?? '', name);
  };
}

/** The region a body under `parent` may have: inside the parent's, and consistent with itself. */
async function resolveRegion(
  tx: Tx,
  kind: OrganisationKind,
  parent: Organisation | null,
  provinceCode: string | null | undefined,
  regencyCode: string | null | undefined,
): Promise<{ provinceCode: string | null; regencyCode: string | null }> {
  let province = provinceCode ?? null;
  let regency = regencyCode ?? null;
  if (regency !== null) {
    const found = await tx.regency.findUnique({ where: { code: regency } });
    if (!found)
      throw new InvalidRegionError(`No regency or city has code "${regency}"`, 'regencyCode');
    if (province !== null && province !== found.provinceCode) {
      throw new InvalidRegionError(
        `Regency ${regency} lies in province ${found.provinceCode}, not ${province}`,
        'regencyCode',
      );
    }
    province = found.provinceCode;
  } else if (province !== null) {
    if (!(await tx.province.findUnique({ where: { code: province } }))) {
      throw new InvalidRegionError(`No province has code "${province}"`, 'provinceCode');
    }
  }
  if (parent) {
    province ??= parent.provinceCode;
    regency ??= parent.regencyCode;
    if (parent.provinceCode !== null && province !== parent.provinceCode) {
      throw new InvalidRegionError(
        `${parent.id} serves province ${parent.provinceCode}; a body under it must too`,
        'provinceCode',
      );
    }
    if (parent.regencyCode !== null && regency !== parent.regencyCode) {
      throw new InvalidRegionError(
        `${parent.id} serves ${parent.regencyCode}; a body under it must too`,
        'regencyCode',
      );
    }
  }
  if (REGIONAL_KINDS.includes(kind) && province === null) {
    throw new InvalidRegionError(
      `A ${kind} belongs to a regional government: give a parent or a region`,
      'provinceCode',
    );
  }
  if (kind === 'PUBLIC_SERVICE_MALL' && regency === null) {
    throw new InvalidRegionError(
      'A Mal Pelayanan Publik is run by a kabupaten or kota: give its regency',
      'regencyCode',
    );
  }
  return { provinceCode: province, regencyCode: regency };
}

async function isDescendantOrSelf(tx: Tx, candidateId: string, ofId: string): Promise<boolean> {
  if (candidateId === ofId) return true;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    with recursive up(id, depth) as (
      select "parentId", 1 from "Organisation" where id = ${candidateId}
      union all
      select o."parentId", up.depth + 1 from up join "Organisation" o on o.id = up.id where up.depth < 32
    )
    select id from up where id = ${ofId} limit 1`;
  return rows.length > 0;
}

export function audit(
  tx: Tx,
  action: string,
  actor: string,
  id: string,
  before: unknown,
  after: unknown,
) {
  return writeAudit(tx, { entityType: 'Organisation', entityId: id, action, actor, before, after });
}

/** A version-checked update of an organisation (see @mutu/service), then the record as it is now. */
export async function updateAtVersion(
  tx: Tx,
  current: Organisation,
  expectedVersion: number,
  data: Prisma.OrganisationUpdateManyMutationInput & {
    parentId?: string | null;
    mergedIntoId?: string | null;
  },
) {
  await updateVersioned(tx.organisation, current, expectedVersion, data);
  return load(tx, current.id, 'id');
}

export async function createOrganisation(input: CreateInput, actor: string): Promise<Organisation> {
  if (REGIONAL_GOVERNMENTS.includes(input.kind)) {
    throw new InvalidInputError(
      'Regional governments come from the Kemendagri region data, not from this mutation',
      'kind',
    );
  }
  const name = cleanText(input.name, 'name', NAME_LENGTH);
  const shortName = cleanOptionalText(input.shortName, 'shortName', SHORT_NAME_MAX) ?? null;
  const source = cleanOptionalText(input.source, 'source', SOURCE_MAX) ?? `Recorded by ${actor}`;
  const sourceReference =
    cleanOptionalText(input.sourceReference, 'sourceReference', SOURCE_MAX) ?? null;
  const slug = input.slug ?? slugify(name);
  if (!SLUG.test(slug) || slug.length > 60) {
    throw new InvalidInputError(
      'slug must be 1 to 60 lowercase letters and digits, joined by dashes',
      'slug',
    );
  }
  const parentKey = input.parentId ?? null;
  const id = parentKey ? `${parentKey}.${slug}` : slug;
  const clash = siblingClash(parentKey, name, 'name');
  return whenUniqueViolated(
    () => createInTransaction(input, { name, shortName, source, sourceReference, slug }, actor),
    async (constraint) => {
      if (constraint !== 'Organisation_pkey') return clash(constraint);
      const taken = await prisma().organisation.findUnique({ where: { id } });
      return new DuplicateNameError('slug', id, taken?.name ?? name);
    },
  );
}

function createInTransaction(
  input: CreateInput,
  clean: {
    name: string;
    shortName: string | null;
    source: string;
    sourceReference: string | null;
    slug: string;
  },
  actor: string,
): Promise<Organisation> {
  const { name, shortName, source, sourceReference, slug } = clean;
  return prisma().$transaction(async (tx) => {
    const parent = input.parentId ? await load(tx, input.parentId, 'parentId') : null;
    if (parent) assertActive(parent, 'parentId');
    const region = await resolveRegion(
      tx,
      input.kind,
      parent,
      input.provinceCode,
      input.regencyCode,
    );
    await assertUniqueName(tx, parent?.id ?? null, name, null, 'name');
    const id = parent ? `${parent.id}.${slug}` : slug;
    const taken = await tx.organisation.findUnique({
      where: { id },
      select: { id: true, name: true },
    });
    if (taken) throw new DuplicateNameError('slug', taken.id, taken.name);
    const created = await tx.organisation.create({
      data: {
        id,
        kind: input.kind,
        name,
        shortName,
        searchText: searchKey(name, shortName),
        nameKey: nameKey(name),
        sector: input.sector ?? null,
        parentId: parent?.id ?? null,
        ...region,
        source,
        sourceReference,
        mall:
          input.kind === 'PUBLIC_SERVICE_MALL'
            ? { create: { status: 'IN_PREPARATION' } }
            : undefined,
      },
    });
    await audit(tx, 'create', actor, created.id, null, created);
    return created;
  }, INTERACTIVE_TRANSACTION);
}

export async function updateOrganisation(
  id: string,
  expectedVersion: number,
  input: UpdateInput,
  actor: string,
) {
  const name =
    input.name === undefined || input.name === null
      ? undefined
      : cleanText(input.name, 'input.name', NAME_LENGTH);
  if (input.name === null)
    throw new InvalidInputError(
      'input.name cannot be null; omit it to keep the name',
      'input.name',
    );
  const shortName = cleanOptionalText(input.shortName, 'input.shortName', SHORT_NAME_MAX);
  const source = cleanOptionalText(input.source, 'input.source', SOURCE_MAX);
  if (input.source === null)
    throw new InvalidInputError(
      'input.source cannot be null; every record has a source',
      'input.source',
    );
  const sourceReference = cleanOptionalText(
    input.sourceReference,
    'input.sourceReference',
    SOURCE_MAX,
  );
  const parentId = name === undefined ? null : await parentOf(id);
  return whenUniqueViolated(
    () =>
      renameInTransaction(
        id,
        expectedVersion,
        input,
        { name, shortName, source, sourceReference },
        actor,
      ),
    (constraint) =>
      name === undefined ? undefined : siblingClash(parentId, name, 'input.name')(constraint),
  );
}

/** The parent an organisation has now (for reporting a clash after a failed write). */
async function parentOf(id: string): Promise<string | null> {
  return (
    (await prisma().organisation.findUnique({ where: { id }, select: { parentId: true } }))
      ?.parentId ?? null
  );
}

function renameInTransaction(
  id: string,
  expectedVersion: number,
  input: UpdateInput,
  clean: {
    name: string | undefined;
    shortName: string | null | undefined;
    source: string | null | undefined;
    sourceReference: string | null | undefined;
  },
  actor: string,
) {
  const { name, shortName, source, sourceReference } = clean;
  return prisma().$transaction(async (tx) => {
    const before = await load(tx, id, 'id');
    assertActive(before, 'id');
    if (name !== undefined) await assertUniqueName(tx, before.parentId, name, id, 'input.name');
    const nextName = name ?? before.name;
    const nextShort = shortName === undefined ? before.shortName : shortName;
    const after = await updateAtVersion(tx, before, expectedVersion, {
      name: nextName,
      shortName: nextShort,
      searchText: searchKey(nextName, nextShort),
      nameKey: nameKey(nextName),
      sector: input.sector === undefined ? undefined : input.sector,
      source: source ?? undefined,
      sourceReference,
    });
    await audit(tx, 'update', actor, after.id, before, after);
    return after;
  }, INTERACTIVE_TRANSACTION);
}

export async function moveOrganisation(
  id: string,
  expectedVersion: number,
  parentId: string | null,
  actor: string,
) {
  return whenUniqueViolated(
    () => moveInTransaction(id, expectedVersion, parentId, actor),
    async (constraint) => {
      const moved = await prisma().organisation.findUnique({ where: { id } });
      return moved ? siblingClash(parentId, moved.name, 'parentId')(constraint) : undefined;
    },
  );
}

function moveInTransaction(
  id: string,
  expectedVersion: number,
  parentId: string | null,
  actor: string,
) {
  return prisma().$transaction(async (tx) => {
    const before = await load(tx, id, 'id');
    assertActive(before, 'id');
    assertNotRegionalGovernment(before, 'moved');
    const parent = parentId ? await load(tx, parentId, 'parentId') : null;
    if (parent) {
      assertActive(parent, 'parentId');
      if (await isDescendantOrSelf(tx, parent.id, id)) {
        throw new HierarchyCycleError(
          `${parent.id} is ${parent.id === id ? 'the body itself' : `under ${id}`}; moving ${id} there would make a cycle`,
          'parentId',
        );
      }
    }
    // The body keeps its region, which must fit inside the new parent's.
    await resolveRegion(tx, before.kind, parent, before.provinceCode, before.regencyCode);
    await assertUniqueName(tx, parent?.id ?? null, before.name, id, 'parentId');
    const after = await updateAtVersion(tx, before, expectedVersion, {
      parentId: parent?.id ?? null,
    });
    await audit(tx, 'move', actor, after.id, before, after);
    return after;
  }, INTERACTIVE_TRANSACTION);
}

export async function mergeOrganisation(
  id: string,
  expectedVersion: number,
  intoId: string,
  on: Date,
  actor: string,
) {
  return whenUniqueViolated(
    () => mergeInTransaction(id, expectedVersion, intoId, on, actor),
    async (constraint) => {
      if (!SIBLING_NAME_INDEXES.has(constraint)) return undefined;
      // A unit of the merged body now shares its name with one of the absorbing body's.
      const units = await prisma().organisation.findMany({
        where: { parentId: id, status: 'ACTIVE' },
      });
      for (const unit of units) {
        const clash = await siblingNamed(prisma(), intoId, unit.name, unit.id);
        if (clash) return new DuplicateNameError('intoId', clash.id, unit.name);
      }
      return undefined;
    },
  );
}

function mergeInTransaction(
  id: string,
  expectedVersion: number,
  intoId: string,
  on: Date,
  actor: string,
) {
  return prisma().$transaction(async (tx) => {
    const before = await load(tx, id, 'id');
    assertActive(before, 'id');
    assertNotRegionalGovernment(before, 'merged');
    const into = await load(tx, intoId, 'intoId');
    assertActive(into, 'intoId');
    if (await isDescendantOrSelf(tx, into.id, id)) {
      throw new HierarchyCycleError(
        `${into.id} is ${into.id === id ? 'the body itself' : `under ${id}`}; a body cannot be merged into itself or its own unit`,
        'intoId',
      );
    }
    const children = await tx.organisation.findMany({ where: { parentId: id, status: 'ACTIVE' } });
    for (const child of children) {
      await resolveRegion(tx, child.kind, into, child.provinceCode, child.regencyCode);
      await assertUniqueName(tx, into.id, child.name, child.id, 'intoId');
    }
    const after = await updateAtVersion(tx, before, expectedVersion, {
      status: 'MERGED',
      endedOn: on,
      mergedIntoId: into.id,
    });
    await audit(tx, 'merge', actor, after.id, before, after);
    // The merged body's units now belong to the body that absorbed it.
    for (const child of children) {
      const moved = await tx.organisation.update({
        where: { id: child.id },
        data: { parentId: into.id, version: { increment: 1 } },
      });
      await audit(tx, 'move', actor, moved.id, child, moved);
    }
    return after;
  }, INTERACTIVE_TRANSACTION);
}

export async function dissolveOrganisation(
  id: string,
  expectedVersion: number,
  on: Date,
  actor: string,
) {
  return prisma().$transaction(async (tx) => {
    const before = await load(tx, id, 'id');
    assertActive(before, 'id');
    assertNotRegionalGovernment(before, 'dissolved');
    const active = await tx.organisation.count({ where: { parentId: id, status: 'ACTIVE' } });
    if (active > 0) {
      throw new InvalidInputError(
        `${id} still has ${active} active unit(s); move, merge or dissolve them first`,
        'id',
      );
    }
    const after = await updateAtVersion(tx, before, expectedVersion, {
      status: 'DISSOLVED',
      endedOn: on,
    });
    await audit(tx, 'dissolve', actor, after.id, before, after);
    return after;
  }, INTERACTIVE_TRANSACTION);
}
