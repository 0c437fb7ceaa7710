import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Identity, Refusal } from '@mutu/server';
import type { GraphQLError } from 'graphql';
import { type AuthSettings, bearerVerifier } from './auth.js';
import { pointsForBody, type RateLimitSettings, rateLimits } from './rate-limits.js';

/**
 * Who may come in, decided before a body is read: the address's budget, then the bearer token,
 * then the subject's budget. The verified identity is kept for the request's context, so a
 * token is checked once per request wherever the request goes (/graphql or an upload route).
 * A /graphql request spends budget by the size of its body (`pointsForBody`): what it
 * declares before it is read, and whatever more it turns out to hold once read.
 */
export function admission(auth: AuthSettings, limits: RateLimitSettings) {
  const verify = bearerVerifier(auth);
  const budgets = rateLimits(limits);
  const admitted = new WeakMap<IncomingMessage, Identity>();
  const declaredPoints = (req: IncomingMessage) =>
    pointsForBody(Number(req.headers['content-length'] ?? 0) || 0);
  async function charge(req: IncomingMessage, points: number): Promise<void> {
    if (points <= 0) return;
    const identity = admitted.get(req);
    await budgets.charge(
      budgets.addressOf(req),
      identity && identity.role !== 'public' ? identity.sub : undefined,
      points,
    );
  }
  async function admit(req: IncomingMessage, points = 1): Promise<Refusal | undefined> {
    const byAddress = await budgets.address(budgets.addressOf(req), points);
    if (byAddress) return byAddress;
    let identity: Identity;
    try {
      identity = await verify(req);
    } catch (error) {
      return { status: 401, code: 'UNAUTHENTICATED', message: (error as GraphQLError).message };
    }
    if (identity.role !== 'public') {
      const bySubject = await budgets.subject(identity.sub, points);
      if (bySubject) return bySubject;
    }
    admitted.set(req, identity);
    return undefined;
  }
  return {
    /** An upload or report route: one request, whatever its size. */
    admit: (req: IncomingMessage) => admit(req),
    /** A /graphql request, by the size its body declares. */
    admitQuery: (req: IncomingMessage) => admit(req, declaredPoints(req)),
    /** A /graphql body has been read: it spends what it held beyond what it declared. */
    bodyRead: (req: IncomingMessage, bytes: number) =>
      charge(req, pointsForBody(bytes) - declaredPoints(req)),
    /**
     * Spends what an operation refused before it ran (unparsable, invalid, too costly) cost
     * beyond its request: see `chargeRefusedOperations`.
     */
    refusedOperation: (req: IncomingMessage) => charge(req, REFUSED_OPERATION_POINTS - 1),
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

/**
 * A valid operation is parsed and validated once and then remembered (Apollo's document
 * store); a refused one is parsed and validated anew, against every rule, each time it is
 * sent, so a caller that repeats one costs the gateway several times what a served query
 * does. An operation refused before it ran spends the budget of three requests (with it,
 * `pnpm bench:abuse` keeps another caller's p99 within 2x).
 */
const REFUSED_OPERATION_POINTS = 3;

/** Charges the caller for each operation refused before it ran (no `data` in the answer). */
export function chargeRefusedOperations<
  TContext extends BaseContext & { refusedOperation(): Promise<void> },
>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data === undefined && errors?.length) await contextValue.refusedOperation();
        },
      };
    },
  };
}
