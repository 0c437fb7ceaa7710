/** Starts the subgraph on `port` (0 picks a free one); resolves with its URL and a stop function. */
export function startSpbeSubgraph(options?: {
  port?: number;
  host?: string;
}): Promise<{ url: string; stop(): Promise<void> }>;
