import { getProvinces, getRegencies } from 'idn-area-data';
import type { PrismaClient } from './generated/prisma/client.js';
import type { OrganisationKind, RegencyKind } from './generated/prisma/enums.js';

interface Row {
  id: string;
  name: string;
}

/** Kemendagri numbering: NN.01-NN.69 are kabupaten, NN.71-NN.99 kota (../shared/domain/bands.md). */
export function regencyKind(code: string): RegencyKind {
  return Number(code.slice(3)) >= 71 ? 'KOTA' : 'KABUPATEN';
}

/**
 * Rows that are new, and rows whose fields differ from what is stored: the seed writes only
 * these, so a second run changes nothing.
 */
function changes<T extends Row>(
  wanted: readonly T[],
  stored: readonly T[],
  same: (a: T, b: T) => boolean,
) {
  const byId = new Map(stored.map((row) => [row.id, row]));
  const created = wanted.filter((row) => !byId.has(row.id));
  const updated = wanted.filter((row) => {
    const existing = byId.get(row.id);
    return existing !== undefined && !same(existing, row);
  });
  return { created, updated };
}

export interface SeedReport {
  readonly created: number;
  readonly updated: number;
}

/**
 * Provinces, regencies and cities from `idn-area-data` (Kepmendagri 300.2.2-2138/2025), and
 * one government organisation per region. Idempotent.
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<SeedReport> {
  const provinces = (await getProvinces()).map((p) => ({ id: p.code, code: p.code, name: p.name }));
  const regencies = (await getRegencies({ transform: true })).map((r) => ({
    id: r.code,
    code: r.code,
    name: r.name,
    provinceCode: r.provinceCode,
    kind: regencyKind(r.code),
  }));
  const governments = [
    ...provinces.map((p) => ({
      id: p.code,
      name: `Pemerintah Provinsi ${p.name}`,
      kind: 'PROVINCIAL_GOVERNMENT' as OrganisationKind,
      provinceCode: p.code as string | null,
      regencyCode: null as string | null,
    })),
    ...regencies.map((r) => ({
      id: r.code,
      name: `Pemerintah ${r.name}`,
      kind: (r.kind === 'KOTA' ? 'CITY_GOVERNMENT' : 'REGENCY_GOVERNMENT') as OrganisationKind,
      provinceCode: r.provinceCode as string | null,
      regencyCode: r.code as string | null,
    })),
  ];

  const [storedProvinces, storedRegencies, storedGovernments] = await Promise.all([
    prisma.province.findMany(),
    prisma.regency.findMany(),
    prisma.organisation.findMany({ where: { id: { in: governments.map((g) => g.id) } } }),
  ]);
  const p = changes(
    provinces,
    storedProvinces.map((s) => ({ ...s, id: s.code })),
    (a, b) => a.name === b.name,
  );
  const r = changes(
    regencies,
    storedRegencies.map((s) => ({ ...s, id: s.code })),
    (a, b) => a.name === b.name && a.provinceCode === b.provinceCode && a.kind === b.kind,
  );
  const g = changes(
    governments,
    storedGovernments,
    (a, b) =>
      a.name === b.name &&
      a.kind === b.kind &&
      a.provinceCode === b.provinceCode &&
      a.regencyCode === b.regencyCode,
  );

  await prisma.$transaction([
    prisma.province.createMany({ data: p.created.map(({ code, name }) => ({ code, name })) }),
    ...p.updated.map(({ code, name }) =>
      prisma.province.update({ where: { code }, data: { name } }),
    ),
    prisma.regency.createMany({ data: r.created.map(({ id: _, ...row }) => row) }),
    ...r.updated.map(({ id: _, code, ...data }) =>
      prisma.regency.update({ where: { code }, data }),
    ),
    prisma.organisation.createMany({ data: g.created }),
    ...g.updated.map(({ id, ...data }) => prisma.organisation.update({ where: { id }, data })),
  ]);
  const count = (c: { created: unknown[]; updated: unknown[] }) =>
    [c.created.length, c.updated.length] as const;
  const totals = [count(p), count(r), count(g)];
  return {
    created: totals.reduce((s, [c]) => s + c, 0),
    updated: totals.reduce((s, [, u]) => s + u, 0),
  };
}
