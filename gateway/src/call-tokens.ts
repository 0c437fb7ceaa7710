import {
  CALL_TOKEN_SECONDS,
  callSigner,
  GATEWAY_ISSUER,
  type Identity,
  type SigningKey,
} from '@mutu/server';

/** A token is sent on while at least this much of its life is left for the subgraph. */
const REUSE_SECONDS = CALL_TOKEN_SECONDS / 2;
/** Identities whose tokens are kept; beyond it the oldest go (a burst of distinct callers). */
const KEPT = 10_000;

/**
 * The call token the gateway sends each subgraph: for that subgraph only (its audience), living
 * seconds, signed with the gateway's private key. Mutu's own subgraphs learn the caller's
 * subject, role, regions and (for a unit) organisation; a partner's subgraph the role only, which is all a partner needs
 * to decide what to show.
 *
 * Signing costs more than the rest of a small request, so a token is made once per identity
 * and audience and sent on for the first half of its life: every token a subgraph receives
 * still has at least 15 seconds to live, and one that leaked is still refused within 30.
 */
export function subgraphCredentials(key: SigningKey, internalSubgraphs: ReadonlySet<string>) {
  const sign = callSigner(GATEWAY_ISSUER, key);
  const kept = new Map<string, { token: Promise<string>; until: number }>();
  return (identity: Identity, audience: string): Promise<string> => {
    const claims = internalSubgraphs.has(audience)
      ? {
          sub: identity.sub,
          role: identity.role,
          regions: identity.regions,
          organisation: identity.organisation,
        }
      : { role: identity.role };
    const cacheKey = `${audience}\n${JSON.stringify(claims)}`;
    const now = Date.now();
    const found = kept.get(cacheKey);
    if (found && found.until > now) return found.token;
    const token = sign(claims, audience);
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value as string);
    kept.set(cacheKey, { token, until: now + REUSE_SECONDS * 1000 });
    // A failed signing is not kept: the next call tries again.
    token.catch(() => kept.delete(cacheKey));
    return token;
  };
}

export type SubgraphCredentials = ReturnType<typeof subgraphCredentials>;
