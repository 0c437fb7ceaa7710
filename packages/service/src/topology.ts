/**
 * Mutu's own processes: the port each listens on by default and which of them call which.
 * Outside production the addresses below are the defaults (the two-command start runs them all
 * on one machine); in production every address and key is configured.
 */
export const MUTU_PROCESSES = {
  gateway: { port: 4000, calls: [] },
  organisations: { port: 4001, calls: [] },
  // The register look-ups: these subgraphs ask the organisations subgraph whether ids exist;
  // assessments also asks engagement whether an event it links findings to exists.
  assessments: { port: 4002, calls: ['organisations', 'engagement'] },
  engagement: { port: 4003, calls: ['organisations'] },
} as const satisfies Record<string, { port: number; calls: readonly string[] }>;

export type MutuProcess = keyof typeof MUTU_PROCESSES;
export type MutuSubgraph = Exclude<MutuProcess, 'gateway'>;

/** Where a Mutu process answers by default: loopback, its own port. */
export const defaultOrigin = (name: MutuProcess) => `http://127.0.0.1:${MUTU_PROCESSES[name].port}`;

/** The services that call `name` on their own behalf, and so may hold its trust. */
export const callersOf = (name: MutuProcess): MutuSubgraph[] =>
  (Object.keys(MUTU_PROCESSES) as MutuProcess[]).filter((caller): caller is MutuSubgraph =>
    (MUTU_PROCESSES[caller].calls as readonly string[]).includes(name),
  );

/** The services `name` calls on its own behalf. */
export const calledBy = (name: MutuProcess): readonly MutuSubgraph[] =>
  MUTU_PROCESSES[name].calls as readonly MutuSubgraph[];
