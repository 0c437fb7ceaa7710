import type { IncomingMessage } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Probe } from '@mutu/server';

/** What a subgraph tells the shared start-up about itself. */
export interface ServiceDefinition<TContext extends BaseContext> {
  readonly name: string;
  readonly migrationsDir: string;
  connect(url: string, options: { max: number }): unknown;
  disconnect(): Promise<void>;
  /** Loads reference or demo data, idempotently; returns a line for the log. */
  seed?(): Promise<string>;
  createApollo(): ApolloServer<TContext>;
  createContext(req: IncomingMessage): Promise<TContext>;
  readonly readiness: Record<string, Probe>;
  /** Largest request body accepted, in bytes, where the default (1 MB) is too small. */
  readonly maxBodyBytes?: number;
}
