import { isoDay, slugify } from '@mutu/service';
import type { PublishedResult } from './assessments.js';
import type { BulkTable, BulkWriter } from './bulk.js';
import type { SyntheticOrganisation } from './organisations.js';
import { dayIn, type Government, type Plan } from './plan.js';
import { randomFor } from './random.js';

type Tables = Record<'events' | 'participants' | 'agreements' | 'parties' | 'awards', BulkTable>;

export function engagementTables(writer: BulkWriter): Tables {
  return {
    events: writer.table({
      table: 'Event',
      columns: [
        ['id', 'text'],
        ['kind', { enum: 'EventKind' }],
        ['title', 'text'],
        ['venue', 'text'],
        ['provinceCode', 'text'],
        ['startsOn', 'date'],
        ['endsOn', 'date'],
        ['framework', { enum: 'Framework' }],
        ['cycleId', 'text'],
        ['summary', 'text'],
        ['source', 'text'],
        ['version', 'int'],
        ['createdAt', 'timestamp'],
        ['updatedAt', 'timestamp'],
      ],
    }),
    participants: writer.table({
      table: 'EventOrganisation',
      columns: [
        ['eventId', 'text'],
        ['organisationId', 'text'],
        ['role', { enum: 'EventRole' }],
      ],
    }),
    agreements: writer.table({
      table: 'Agreement',
      columns: [
        ['id', 'text'],
        ['title', 'text'],
        ['kind', { enum: 'AgreementKind' }],
        ['subject', 'text'],
        ['signedOn', 'date'],
        ['validFrom', 'date'],
        ['validUntil', 'date'],
        ['documentReference', 'text'],
        ['eventId', 'text'],
        ['source', 'text'],
        ['version', 'int'],
        ['createdAt', 'timestamp'],
        ['updatedAt', 'timestamp'],
      ],
    }),
    parties: writer.table({
      table: 'AgreementParty',
      columns: [
        ['agreementId', 'text'],
        ['organisationId', 'text'],
        ['name', 'text'],
        ['provinceCode', 'text'],
        ['role', 'text'],
        ['signatoryName', 'text'],
        ['signatoryPosition', 'text'],
        ['position', 'int'],
      ],
    }),
    awards: writer.table({
      table: 'Award',
      columns: [
        ['id', 'text'],
        ['recipientId', 'text'],
        ['recipientProvinceCode', 'text'],
        ['awardingId', 'text'],
        ['title', 'text'],
        ['cycleId', 'text'],
        ['assessmentId', 'text'],
        ['score', 'float'],
        ['awardedOn', 'date'],
        ['eventId', 'text'],
        ['source', 'text'],
        ['version', 'int'],
        ['createdAt', 'timestamp'],
        ['updatedAt', 'timestamp'],
      ],
    }),
  };
}

const EVENT_KINDS = [
  ['RAKOR', 'Rakor Pelayanan Publik'],
  ['BIMTEK', 'Bimtek Standar Pelayanan'],
  ['SOSIALISASI', 'Sosialisasi Penilaian Kepatuhan'],
  ['WORKSHOP_PENDAMPINGAN', 'Workshop Pendampingan Tindak Lanjut'],
] as const;
const AGREEMENT_KINDS = [
  ['NOTA_KESEPAKATAN', 'Nota Kesepakatan Peningkatan Kualitas Pelayanan Publik'],
  ['MOU', 'Nota Kesepahaman Pengawasan Pelayanan Publik'],
  ['PERJANJIAN_KERJA_SAMA', 'Perjanjian Kerja Sama Integrasi Layanan'],
] as const;

/** Who may stand beside a government at its events: its office, KemenPAN-RB, its own bodies. */
export interface EngagementContext {
  readonly plan: Plan;
  readonly tables: Tables;
  readonly ombudsmanOffice: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
  /** The cycle id of a framework's year, for events about one. */
  readonly cycleOf: (framework: 'OMBUDSMAN_COMPLIANCE' | 'IPP', year: number) => string | null;
}

/** A government's events of the decade; returns its workshop of each year, for discussions. */
export async function generateGovernmentEvents(
  context: EngagementContext,
  government: Government,
  bodies: readonly SyntheticOrganisation[],
): Promise<Map<number, string>> {
  const { plan, tables } = context;
  const random = randomFor(plan.seed, 'events', government.id);
  const office = context.ombudsmanOffice.get(government.provinceCode) ?? 'ombudsman-ri';
  const workshops = new Map<number, string>();
  const stamp = dayIn(2026, 0);
  for (let year = plan.fromYear; year <= plan.toYear; year += 1) {
    const count = random.int(1, 4);
    for (let n = 1; n <= count; n += 1) {
      const [kind, label] = random.pick(EVENT_KINDS);
      const startsOn = dayIn(year, random.int(20, 340));
      const title = `${label} ${government.region} ${year} #${n} (sintetis)`;
      const id = `${isoDay(startsOn)}-${slugify(title)}`;
      const framework =
        kind === 'SOSIALISASI' || kind === 'WORKSHOP_PENDAMPINGAN' ? 'OMBUDSMAN_COMPLIANCE' : null;
      if (kind === 'WORKSHOP_PENDAMPINGAN') workshops.set(year, id);
      await tables.events.add([
        id,
        kind,
        title,
        `Aula ${government.region} (sintetis)`,
        government.provinceCode,
        startsOn,
        new Date(startsOn.getTime() + random.int(0, 2) * 86_400_000),
        framework,
        framework ? context.cycleOf(framework, year - 1) : null,
        plan.marker,
        plan.marker,
        1,
        stamp,
        stamp,
      ]);
      await tables.participants.add([id, government.id, 'HOST']);
      await tables.participants.add([id, office, 'SPEAKER']);
      for (const body of random.sample(bodies, random.int(2, 8))) {
        await tables.participants.add([id, body.id, 'PARTICIPANT']);
      }
    }
    if (random.chance(0.7)) {
      const [kind, label] = random.pick(AGREEMENT_KINDS);
      const signedOn = dayIn(year, random.int(20, 340));
      const title = `${label} ${government.region} ${year} (sintetis)`;
      const id = `${isoDay(signedOn)}-${slugify(title)}`;
      const partner = kind === 'MOU' ? office : random.pick([office, 'kemenpan-rb']);
      await tables.agreements.add([
        id,
        title,
        kind,
        plan.marker,
        signedOn,
        signedOn,
        random.chance(0.8) ? dayIn(year + random.int(1, 5), random.int(0, 364)) : null,
        null,
        null,
        plan.marker,
        1,
        stamp,
        stamp,
      ]);
      const parties = [
        [government.id, government.provinceCode],
        [
          partner,
          partner === 'kemenpan-rb' || partner === 'ombudsman-ri' ? null : government.provinceCode,
        ],
        ...random.sample(bodies, random.int(0, 2)).map((b) => [b.id, b.provinceCode] as const),
      ] as const;
      for (const [position, [organisationId, provinceCode]] of parties.entries()) {
        const name =
          context.names.get(organisationId) ??
          bodies.find((b) => b.id === organisationId)?.name ??
          organisationId;
        await tables.parties.add([
          id,
          organisationId,
          name,
          provinceCode,
          null,
          null,
          null,
          position,
        ]);
      }
    }
  }
  return workshops;
}

/** Piagam for the best published Ombudsman results of a government and its bodies. */
export async function generateAwards(
  context: EngagementContext,
  government: Government,
  results: readonly PublishedResult[],
) {
  const { plan, tables } = context;
  const random = randomFor(plan.seed, 'awards', government.id);
  const stamp = dayIn(2026, 0);
  for (const r of results) {
    if (r.cycle.framework !== 'OMBUDSMAN_COMPLIANCE' || r.cycle.year < 2022 || r.total < 88)
      continue;
    if (r.subjectId !== government.id && !random.chance(0.15)) continue;
    const awardedOn = dayIn(r.cycle.year, random.int(335, 360));
    const title = `Piagam Predikat Kepatuhan Tinggi ${r.cycle.year} (sintetis)`;
    await tables.awards.add([
      `${isoDay(awardedOn)}-${slugify(title)}-${slugify(r.subjectId)}`,
      r.subjectId,
      government.provinceCode,
      r.assessorId ?? 'ombudsman-ri',
      title,
      r.cycle.id,
      r.assessmentId,
      r.total,
      awardedOn,
      null,
      plan.marker,
      1,
      stamp,
      stamp,
    ]);
  }
}
