import { searchKey } from '@mutu/service';
import { getProvinces, getRegencies } from 'idn-area-data';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { OrganisationKind, RegencyKind, Sector } from '../generated/prisma/enums.js';
import { KNOWN_BODIES } from './known-bodies.js';

const REGION_SOURCE = 'idn-area-data 4.0.1 (Kepmendagri 300.2.2-2138/2025)';

/** Kemendagri numbering: NN.01-NN.69 are kabupaten, NN.71-NN.99 kota (../shared/domain/bands.md). */
export function regencyKind(code: string): RegencyKind {
  return Number(code.slice(3)) >= 71 ? 'KOTA' : 'KABUPATEN';
}

interface OrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  shortName: string | null;
  searchText: string;
  nameKey: string;
  sector: Sector | null;
  parentId: string | null;
  provinceCode: string | null;
  regencyCode: string | null;
  source: string;
  sourceReference: string | null;
}

const COMPARED = [
  'kind',
  'name',
  'shortName',
  'searchText',
  'nameKey',
  'sector',
  'parentId',
  'provinceCode',
  'regencyCode',
  'source',
  'sourceReference',
] as const;

export interface SeedReport {
  readonly created: number;
  readonly updated: number;
}

async function wantedOrganisations(): Promise<OrganisationRow[]> {
  const provinces = await getProvinces();
  const regencies = await getRegencies({ transform: true });
  const governments: OrganisationRow[] = [
    ...provinces.map((p) => ({
      id: p.code,
      name: `Pemerintah Provinsi ${p.name}`,
      kind: 'PROVINCIAL_GOVERNMENT' as const,
      provinceCode: p.code,
      regencyCode: null,
    })),
    ...regencies.map((r) => ({
      id: r.code,
      name: `Pemerintah ${r.name}`,
      kind:
        regencyKind(r.code) === 'KOTA'
          ? ('CITY_GOVERNMENT' as const)
          : ('REGENCY_GOVERNMENT' as const),
      provinceCode: r.provinceCode,
      regencyCode: r.code,
    })),
  ].map((g) => ({
    ...g,
    shortName: null,
    searchText: searchKey(g.name),
    nameKey: searchKey(g.name),
    sector: 'PEMERINTAHAN_UMUM',
    parentId: null,
    source: REGION_SOURCE,
    sourceReference: null,
  }));
  const bodies: OrganisationRow[] = KNOWN_BODIES.map((b) => ({
    id: b.id,
    kind: b.kind,
    name: b.name,
    shortName: b.shortName ?? null,
    searchText: searchKey(b.name, b.shortName),
    nameKey: searchKey(b.name),
    sector: b.sector,
    parentId: b.parentId ?? null,
    provinceCode: b.provinceCode ?? null,
    regencyCode: b.regencyCode ?? null,
    source: b.source,
    sourceReference: b.sourceReference ?? null,
  }));
  return [...governments, ...bodies];
}

/**
 * Provinces, regencies and cities from `idn-area-data`, one government organisation per
 * region, and the bodies named in public reports (known-bodies.ts). Idempotent: it creates
 * what is missing and corrects seeded records nobody has edited since (version 1); records an
 * administrator changed are theirs.
 */
export async function seedReferenceData(prisma: PrismaClient): Promise<SeedReport> {
  const provinces = await getProvinces();
  const regencies = (await getRegencies({ transform: true })).map((r) => ({
    ...r,
    kind: regencyKind(r.code),
  }));
  const organisations = await wantedOrganisations();

  const [storedProvinces, storedRegencies, storedOrganisations, storedMalls] = await Promise.all([
    prisma.province.findMany(),
    prisma.regency.findMany(),
    prisma.organisation.findMany({ where: { id: { in: organisations.map((o) => o.id) } } }),
    prisma.publicServiceMall.findMany(),
  ]);
  const provinceByCode = new Map(storedProvinces.map((p) => [p.code, p]));
  const regencyByCode = new Map(storedRegencies.map((r) => [r.code, r]));
  const organisationById = new Map(storedOrganisations.map((o) => [o.id, o]));
  const mallById = new Map(storedMalls.map((m) => [m.organisationId, m]));

  const newProvinces = provinces.filter((p) => !provinceByCode.has(p.code));
  const changedProvinces = provinces.filter((p) => {
    const s = provinceByCode.get(p.code);
    return s && s.name !== p.name;
  });
  const newRegencies = regencies.filter((r) => !regencyByCode.has(r.code));
  const changedRegencies = regencies.filter((r) => {
    const s = regencyByCode.get(r.code);
    return s && (s.name !== r.name || s.provinceCode !== r.provinceCode || s.kind !== r.kind);
  });
  const newOrganisations = organisations.filter((o) => !organisationById.has(o.id));
  const changedOrganisations = organisations.filter((o) => {
    const s = organisationById.get(o.id);
    return s && s.version === 1 && COMPARED.some((field) => s[field] !== o[field]);
  });
  const mallOf = (b: (typeof KNOWN_BODIES)[number]) => ({
    status: b.mall?.status ?? ('OPEN' as const),
    openedOn: b.mall?.openedOn ? new Date(`${b.mall.openedOn}T00:00:00Z`) : null,
    serviceCount: b.mall?.serviceCount ?? null,
  });
  const newMalls = KNOWN_BODIES.filter((b) => b.mall && !mallById.has(b.id));
  // An MPP's status as of today: corrected like its record, unless an administrator has edited it.
  const changedMalls = KNOWN_BODIES.filter((b) => {
    const stored = mallById.get(b.id);
    if (!b.mall || !stored || organisationById.get(b.id)?.version !== 1) return false;
    const wanted = mallOf(b);
    return (
      stored.status !== wanted.status ||
      stored.serviceCount !== wanted.serviceCount ||
      stored.openedOn?.getTime() !== wanted.openedOn?.getTime()
    );
  });

  await prisma.$transaction([
    prisma.province.createMany({ data: newProvinces }),
    ...changedProvinces.map(({ code, name }) =>
      prisma.province.update({ where: { code }, data: { name } }),
    ),
    prisma.regency.createMany({ data: newRegencies }),
    ...changedRegencies.map(({ code, ...data }) =>
      prisma.regency.update({ where: { code }, data }),
    ),
    // One statement: PostgreSQL checks the parent references when it ends, so order is free.
    prisma.organisation.createMany({ data: newOrganisations }),
    ...changedOrganisations.map(({ id, ...data }) =>
      prisma.organisation.update({ where: { id }, data }),
    ),
    prisma.publicServiceMall.createMany({
      data: newMalls.map((b) => ({ organisationId: b.id, ...mallOf(b) })),
    }),
    ...changedMalls.map((b) =>
      prisma.publicServiceMall.update({ where: { organisationId: b.id }, data: mallOf(b) }),
    ),
  ]);
  return {
    created: newProvinces.length + newRegencies.length + newOrganisations.length + newMalls.length,
    updated:
      changedProvinces.length +
      changedRegencies.length +
      changedOrganisations.length +
      changedMalls.length,
  };
}
