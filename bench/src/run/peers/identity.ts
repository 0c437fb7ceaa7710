import { callSigner, GATEWAY_ISSUER, PUBLIC, signingKeyFrom } from '@mutu/server';

const INTERNAL = new Set(['organisations', 'assessments', 'engagement']);

/**
 * How a peer gateway passes the subgraphs' identity check: with the call tokens Mutu's gateway
 * would send for a caller without a token (role `public`), signed with the same gateway key
 * the subgraphs trust (BENCH_GATEWAY_KEY), one per subgraph, renewed before they expire. The
 * peers serve the public part of the mix, the only part they could serve without Mutu's
 * sign-in, which is what a user replacing the gateway would have to rebuild.
 */
export async function publicCallTokens(
  subgraphs: readonly string[],
): Promise<(subgraph: string) => string> {
  const key = await signingKeyFrom(process.env.BENCH_GATEWAY_KEY ?? '', 'BENCH_GATEWAY_KEY');
  const sign = callSigner(GATEWAY_ISSUER, key);
  const tokens = new Map<string, string>();
  const renew = async () => {
    for (const name of subgraphs) {
      const claims = INTERNAL.has(name)
        ? { sub: PUBLIC.sub, role: PUBLIC.role, regions: PUBLIC.regions }
        : { role: PUBLIC.role };
      tokens.set(name, await sign(claims, name));
    }
  };
  await renew();
  // Call tokens live 30 s; renewing every 10 s keeps one fresh at every moment.
  setInterval(() => void renew(), 10_000).unref();
  return (subgraph) => tokens.get(subgraph) ?? '';
}

/** The supergraph's subgraph names and routing URLs, with BENCH_<NAME>_URL overrides applied. */
export function routedSupergraph(sdl: string): { sdl: string; subgraphs: string[] } {
  const subgraphs: string[] = [];
  const routed = sdl.replace(
    /@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g,
    (_all, name: string, url: string) => {
      subgraphs.push(name);
      const override = process.env[`BENCH_${name.toUpperCase()}_URL`];
      return `@join__graph(name: "${name}", url: "${override ?? url}")`;
    },
  );
  return { sdl: routed, subgraphs };
}
