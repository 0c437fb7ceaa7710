import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The gateway's Prometheus metrics: request rate and latency, GraphQL errors by code, and the
 * latency of each subgraph call by subgraph and outcome. Served as text on /metrics.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mutu_gateway_' });
  const requests = new Counter({
    name: 'mutu_gateway_http_requests_total',
    help: 'Requests to /graphql by HTTP status.',
    labelNames: ['status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'mutu_gateway_request_duration_seconds',
    help: 'Time to answer a /graphql request.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'mutu_gateway_graphql_errors_total',
    help: 'GraphQL errors in answers, by error code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const subgraphDuration = new Histogram({
    name: 'mutu_gateway_subgraph_request_duration_seconds',
    help: 'Time of each subgraph call, by subgraph and outcome (ok, error, timeout).',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            errors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
          }
        },
      };
    },
  };

  return {
    registry,
    plugin,
    onGraphQLResponse: ({ status, seconds }: { status: number; seconds: number }) => {
      requests.inc({ status: String(status) });
      duration.observe(seconds);
    },
    onSubgraphCall: (subgraph: string, outcome: 'ok' | 'error' | 'timeout', seconds: number) =>
      subgraphDuration.observe({ subgraph, outcome }, seconds),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
