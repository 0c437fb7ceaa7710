/**
 * Starts the subgraph on `port` (0 picks a free one); resolves with its URL and a stop function.
 * `gatewayKeys` is the gateway's JWKS URL (or, in tests, the key set itself).
 */
export function startSpbeSubgraph(options?: {
  port?: number;
  host?: string;
  gatewayKeys?: string | { keys: object[] };
}): Promise<{ url: string; stop(): Promise<void> }>;
