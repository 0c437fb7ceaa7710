import { builder } from '../builder.js';
import { methodologyOf } from '../scores.js';
import { mayReadScores } from '../visibility.js';
import { Assessment, bandOfTotal } from './assessment.js';
import { OrganisationRef, organisationRef } from './organisation.js';
import { ScoreBand } from './score-band.js';

builder.prismaObject('ComponentScore', {
  description:
    'One component of a lokus: an Ombudsman dimension, an IPP aspect, an SKM element or an SPBE domain, with its weight in the methodology.',
  select: {
    key: true,
    score: true,
    points: true,
    lokus: { select: { assessment: { select: { methodologyId: true } } } },
  },
  fields: (t) => ({
    component: t.exposeString('key', { description: 'The methodology\'s key, e.g. "proses".' }),
    name: t.string({
      description: 'Its official name.',
      resolve: (c) => componentOf(c).name,
    }),
    weight: t.float({
      description: 'Its weight in the methodology (as the source states it; percents or 1s).',
      resolve: (c) => componentOf(c).weight,
    }),
    score: t.exposeFloat('score', { description: "The unit's score on the component's scale." }),
    points: t.exposeFloat('points', {
      description:
        'Its contribution to the lokus total in total points (weight share x score), as the Ombudsman publishes dimensions.',
    }),
  }),
});

function componentOf(c: { key: string; lokus: { assessment: { methodologyId: string } } }) {
  const methodology = methodologyOf(c.lokus.assessment.methodologyId);
  const component = methodology.components?.find((x) => x.key === c.key);
  if (!component) throw new Error(`${c.key} is not a component of ${methodology.id}`);
  return component;
}

builder.prismaObject('Lokus', {
  description:
    'A lokus: one of the service units sampled to assess a government (e.g. Dinas Kesehatan, Dukcapil, a puskesmas), with its own component scores. A government scored as a whole has one lokus, itself.',
  fields: (t) => ({
    unit: t.field({
      type: OrganisationRef,
      select: { unitId: true },
      description: 'The assessed unit.',
      resolve: (l) => organisationRef(l.unitId),
    }),
    score: t.exposeFloat('total', {
      description: "The unit's total at the methodology's precision, from packages/scoring.",
    }),
    band: t.field({
      type: ScoreBand,
      select: { total: true, assessment: { select: { methodologyId: true } } },
      description: "The unit's band under the assessment's methodology.",
      resolve: (l) => bandOfTotal(l.assessment.methodologyId, l.total),
    }),
    components: t.relation('scores', {
      description: 'Its component scores, by component key.',
      query: { orderBy: { key: 'asc' } },
    }),
  }),
});

builder.prismaObjectFields(Assessment, (t) => ({
  lokus: t.relation('lokus', {
    // A draft's lokus scores are its assessor's and the administrators' (visibility.ts).
    nullable: true,
    authScopes: (a, _args, ctx) => mayReadScores(ctx.identity, a),
    description:
      'The sampled units with their scores, lowest total first: the first ones are those that pulled the total down.',
    query: { orderBy: [{ total: 'asc' }, { unitId: 'asc' }] },
  }),
}));
