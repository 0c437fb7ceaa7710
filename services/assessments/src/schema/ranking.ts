import { PEER_GROUP_DESCRIPTIONS, PEER_GROUPS, rankWithTies } from '@mutu/scoring';
import { badUserInput } from '@mutu/server';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import type { Assessment as AssessmentRow } from '../generated/prisma/client.js';
import { Assessment, bandOfTotal } from './assessment.js';
import { assertYear } from './cycle.js';
import { OrganisationRef, organisationRef } from './organisation.js';
import { Framework, ScoreBand } from './score-band.js';

export const PeerGroup = builder.enumType('PeerGroup', {
  description:
    'The official peer group a league table ranks: the Ombudsman and KemenPAN-RB rank pemerintah kabupaten and pemerintah kota apart, and provinces, ministries and agencies each apart.',
  values: Object.fromEntries(
    PEER_GROUPS.map((g) => [g, { description: PEER_GROUP_DESCRIPTIONS[g] }]),
  ) as Record<(typeof PEER_GROUPS)[number], { description: string }>,
});

type Entry = { rank: number; score: number; assessment: AssessmentRow & { total: number } };

const RankingEntry = builder.objectRef<Entry>('RankingEntry').implement({
  description: 'One place in a league table.',
  fields: (t) => ({
    rank: t.exposeInt('rank', {
      description: 'Standard competition ranking: equal scores share a rank (1, 2, 2, 4).',
    }),
    organisation: t.field({
      type: OrganisationRef,
      resolve: (e) => organisationRef(e.assessment.subjectId),
    }),
    score: t.exposeFloat('score'),
    group: t.field({
      type: PeerGroup,
      description: 'The peer group the rank is in.',
      resolve: (e) => e.assessment.peerGroup,
    }),
    band: t.field({
      type: ScoreBand,
      resolve: (e) => bandOfTotal(e.assessment.methodologyId, e.score, e.assessment.finding),
    }),
    assessment: t.field({ type: Assessment, resolve: (e) => e.assessment }),
  }),
});

builder.queryField('ranking', (t) =>
  t.field({
    type: [RankingEntry],
    description:
      'The league table of a framework and year: the published results of one official peer group, optionally within one province, best first. The group is `group`, else the group of `organisationId` (rank it among its peers), else pemerintah kabupaten (REGENCY); each entry says its group.',
    args: {
      framework: t.arg({ type: Framework, required: true }),
      year: t.arg.int({ required: true }),
      provinceCode: t.arg.string({ description: 'Only subjects in this province ("64").' }),
      group: t.arg({ type: PeerGroup, description: 'The peer group to rank.' }),
      organisationId: t.arg.id({
        description: "Rank this organisation's own peer group (ignored when `group` is given).",
      }),
    },
    resolve: async (_root, { framework, year, provinceCode, group, organisationId }) => {
      assertYear(year);
      if (provinceCode != null && !/^\d{2}$/.test(provinceCode)) {
        throw badUserInput(
          'provinceCode',
          `provinceCode must be a two-digit Kemendagri code such as "64", got "${provinceCode}"`,
        );
      }
      const cycle = { framework, year, period: '' };
      let peerGroup = group ?? null;
      if (!peerGroup && organisationId != null) {
        const own = await prisma().assessment.findFirst({
          where: { subjectId: String(organisationId), current: true, status: 'PUBLISHED', cycle },
          select: { peerGroup: true },
        });
        if (!own) {
          throw badUserInput(
            'organisationId',
            `${organisationId} has no published ${framework} result in ${year} to rank among its peers`,
          );
        }
        peerGroup = own.peerGroup;
      }
      const rows = await prisma().assessment.findMany({
        where: {
          current: true,
          status: 'PUBLISHED',
          total: { not: null },
          peerGroup: peerGroup ?? 'REGENCY',
          provinceCode: provinceCode ?? undefined,
          cycle,
        },
      });
      const scored = rows.filter((r): r is AssessmentRow & { total: number } => r.total !== null);
      return rankWithTies(scored, (r) => r.total, {
        tieBreak: (a, b) => a.subjectId.localeCompare(b.subjectId),
      }).map(({ item, rank, score }) => ({ rank, score, assessment: item }));
    },
  }),
);
