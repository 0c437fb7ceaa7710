import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Identity, Logger, Probe } from '@mutu/server';
import type { MutuSubgraph } from './topology.js';

/** Who is asking and which request this is: what a subgraph builds its context from. */
export interface RequestInfo {
  readonly identity: Identity;
  readonly requestId: string;
}

/** A route beside /graphql (an upload), reached only with a verified call token. */
export type ServiceRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  request: RequestInfo,
) => Promise<void>;

/** What a subgraph tells the shared start-up about itself. */
export interface ServiceDefinition<TContext extends BaseContext> {
  readonly name: MutuSubgraph;
  readonly migrationsDir: string;
  connect(url: string, options: { max: number }): unknown;
  disconnect(): Promise<void>;
  /** Loads reference or demo data, idempotently; returns a line for the log. */
  seed?(): Promise<string>;
  createApollo(logger?: Logger): ApolloServer<TContext>;
  createContext(request: RequestInfo): TContext;
  readonly readiness: Record<string, Probe>;
  /** Routes by path, each behind the same call-token check as /graphql. */
  readonly routes?: Readonly<Record<string, ServiceRoute>>;
  /**
   * Periodic work while the process serves (the evidence sweep); started after the server
   * listens, stopped before the database closes. Tests call the work itself instead.
   */
  background?(logger: Logger): { stop(): Promise<void> };
}
