import { callSigner, GATEWAY_ISSUER, type Identity, type SigningKey } from '@mutu/server';

/**
 * The call token the gateway sends each subgraph: for that subgraph only (its audience), living
 * seconds, signed with the gateway's private key. Mutu's own subgraphs learn the caller's
 * subject, role, regions and (for a unit) organisation; a partner's subgraph the role only, which is all a partner needs
 * to decide what to show.
 */
export function subgraphCredentials(key: SigningKey, internalSubgraphs: ReadonlySet<string>) {
  const sign = callSigner(GATEWAY_ISSUER, key);
  return (identity: Identity, audience: string): Promise<string> =>
    sign(
      internalSubgraphs.has(audience)
        ? {
            sub: identity.sub,
            role: identity.role,
            regions: identity.regions,
            organisation: identity.organisation,
          }
        : { role: identity.role },
      audience,
    );
}

export type SubgraphCredentials = ReturnType<typeof subgraphCredentials>;
