import type { IncomingMessage } from 'node:http';
import type { Identity, Refusal } from '@mutu/server';
import type { GraphQLError } from 'graphql';
import { type AuthSettings, bearerVerifier } from './auth.js';
import { type RateLimitSettings, rateLimits } from './rate-limits.js';

/**
 * Who may come in, decided before a body is read: the address's budget, then the bearer token,
 * then the subject's budget. The verified identity is kept for the request's context, so a
 * token is checked once per request wherever the request goes (/graphql or an upload route).
 */
export function admission(auth: AuthSettings, limits: RateLimitSettings) {
  const verify = bearerVerifier(auth);
  const budgets = rateLimits(limits);
  const admitted = new WeakMap<IncomingMessage, Identity>();
  return {
    async admit(req: IncomingMessage): Promise<Refusal | undefined> {
      const byAddress = await budgets.address(budgets.addressOf(req));
      if (byAddress) return byAddress;
      let identity: Identity;
      try {
        identity = await verify(req);
      } catch (error) {
        return { status: 401, code: 'UNAUTHENTICATED', message: (error as GraphQLError).message };
      }
      if (identity.role !== 'public') {
        const bySubject = await budgets.subject(identity.sub);
        if (bySubject) return bySubject;
      }
      admitted.set(req, identity);
      return undefined;
    },
    /** The identity `admit` verified for this request. */
    identityOf(req: IncomingMessage): Identity {
      const identity = admitted.get(req);
      // admit runs first on every route that reaches here; anything else is a wiring bug.
      if (!identity) throw new Error('The request was not admitted');
      return identity;
    },
    close: budgets.close,
  };
}

export type Admission = ReturnType<typeof admission>;
