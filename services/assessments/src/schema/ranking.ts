import { rankWithTies } from '@mutu/scoring';
import { badUserInput } from '@mutu/server';
import { builder } from '../builder.js';
import { prisma } from '../db.js';
import type { Assessment as AssessmentRow } from '../generated/prisma/client.js';
import { Assessment, bandOfTotal } from './assessment.js';
import { assertYear } from './cycle.js';
import { OrganisationRef, organisationRef } from './organisation.js';
import { Framework, ScoreBand } from './score-band.js';

const SubjectLevel = builder.enumType('SubjectLevel', {
  description: 'A peer group for league tables.',
  values: {
    PROVINCE: { description: 'Provincial governments.' },
    REGENCY: { description: 'Regency and city governments (kabupaten/kota).' },
    OTHER: { description: 'Ministries, agencies, OPDs and service units.' },
  } as const,
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
    band: t.field({
      type: ScoreBand,
      resolve: (e) => bandOfTotal(e.assessment.methodologyId, e.score),
    }),
    assessment: t.field({ type: Assessment, resolve: (e) => e.assessment }),
  }),
});

builder.queryField('ranking', (t) =>
  t.field({
    type: [RankingEntry],
    description:
      'The league table of a framework and year: published results of one peer group (regency and city governments unless `level` says otherwise), optionally within one province, best first.',
    args: {
      framework: t.arg({ type: Framework, required: true }),
      year: t.arg.int({ required: true }),
      provinceCode: t.arg.string({ description: 'Only subjects in this province ("64").' }),
      level: t.arg({ type: SubjectLevel, description: 'Peer group; REGENCY by default.' }),
    },
    resolve: async (_root, { framework, year, provinceCode, level }) => {
      assertYear(year);
      if (provinceCode != null && !/^\d{2}$/.test(provinceCode)) {
        throw badUserInput(
          'provinceCode',
          `provinceCode must be a two-digit Kemendagri code such as "64", got "${provinceCode}"`,
        );
      }
      const rows = await prisma().assessment.findMany({
        where: {
          current: true,
          status: 'PUBLISHED',
          total: { not: null },
          subjectLevel: level ?? 'REGENCY',
          provinceCode: provinceCode ?? undefined,
          cycle: { framework, year, period: '' },
        },
      });
      const scored = rows.filter((r): r is AssessmentRow & { total: number } => r.total !== null);
      return rankWithTies(scored, (r) => r.total, {
        tieBreak: (a, b) => a.subjectId.localeCompare(b.subjectId),
      }).map(({ item, rank, score }) => ({ rank, score, assessment: item }));
    },
  }),
);
