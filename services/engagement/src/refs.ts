import { defineScoringEnums } from '@mutu/service';
import { builder } from './builder.js';

/**
 * Entities other subgraphs own, referenced here by key only (graph contract): organisations
 * from the organisations subgraph, cycles and assessments from the assessments subgraph.
 */
export const OrganisationRef = builder
  .externalRef('Organisation', builder.selection<{ id: string }>('id'))
  .implement({ externalFields: (t) => ({ id: t.id() }) });

export const AssessmentCycleRef = builder
  .externalRef('AssessmentCycle', builder.selection<{ id: string }>('id'))
  .implement({ externalFields: (t) => ({ id: t.id() }) });

export const AssessmentRef = builder
  .externalRef('Assessment', builder.selection<{ id: string }>('id'))
  .implement({ externalFields: (t) => ({ id: t.id() }) });

export const ProvinceRef = builder
  .externalRef('Province', builder.selection<{ code: string }>('code'))
  .implement({ externalFields: (t) => ({ code: t.id() }) });

/** A reference the gateway resolves through the subgraph that owns it. */
export const ref = (id: string) => ({ id });

/** The enums of packages/scoring this subgraph shows, defined alike in every subgraph. */
export const { Framework, Zone } = defineScoringEnums(builder);
