import { FRAMEWORK_DESCRIPTIONS, FRAMEWORKS } from '@mutu/scoring';
import type {} from '@pothos/core';

/**
 * The enums of packages/scoring that several subgraphs show, defined once so they are identical
 * wherever they appear (federation composes one of each): Framework and the Ombudsman's Zone.
 */
export function defineScoringEnums(
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph's builder has its own SchemaTypes; these enums use none of them
  builder: PothosSchemaTypes.SchemaBuilder<any>,
) {
  const Framework = builder.enumType('Framework', {
    description: 'An assessment framework Mutu records.',
    values: Object.fromEntries(
      FRAMEWORKS.map((f) => [f, { description: FRAMEWORK_DESCRIPTIONS[f] }]),
    ) as Record<(typeof FRAMEWORKS)[number], { description: string }>,
  });
  const Zone = builder.enumType('Zone', {
    description: "The Ombudsman compliance method's traffic-light zone.",
    values: {
      GREEN: { description: 'Zona hijau: high compliance.' },
      YELLOW: { description: 'Zona kuning: medium compliance.' },
      RED: { description: 'Zona merah: low compliance.' },
    } as const,
  });
  return { Framework, Zone };
}
