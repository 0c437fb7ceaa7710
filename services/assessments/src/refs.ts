import { PEER_GROUP_DESCRIPTIONS, PEER_GROUPS } from '@mutu/scoring';
import { defineScoringEnums } from '@mutu/service';
import { builder } from './builder.js';

/**
 * Organisations belong to the organisations subgraph; here they are referenced by key and
 * extended with their results and assessments (graph contract).
 */
export const OrganisationRef = builder
  .externalRef('Organisation', builder.selection<{ id: string }>('id'))
  .implement({ externalFields: (t) => ({ id: t.id() }) });

export const ProvinceRef = builder
  .externalRef('Province', builder.selection<{ code: string }>('code'))
  .implement({ externalFields: (t) => ({ code: t.id() }) });

/** Events (a rakor, a workshop pendampingan) belong to the engagement subgraph. */
export const EventRef = builder
  .externalRef('Event', builder.selection<{ id: string }>('id'))
  .implement({ externalFields: (t) => ({ id: t.id() }) });

/** A reference the gateway resolves through the organisations subgraph. */
export const organisationRef = (id: string) => ({ id });

/** The enums of packages/scoring this subgraph shows, defined alike in every subgraph. */
export const { Framework, Zone } = defineScoringEnums(builder);

export const PeerGroup = builder.enumType('PeerGroup', {
  description:
    'The official peer group a league table ranks: the Ombudsman and KemenPAN-RB rank pemerintah kabupaten and pemerintah kota apart, and provinces, ministries and agencies each apart.',
  values: Object.fromEntries(
    PEER_GROUPS.map((g) => [g, { description: PEER_GROUP_DESCRIPTIONS[g] }]),
  ) as Record<(typeof PEER_GROUPS)[number], { description: string }>,
});
