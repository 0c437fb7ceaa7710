import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSpbeSubgraph } from '@kemenpanrb/spbe-subgraph';
import {
  startTestSubgraph as startAssessments,
  type TestEvidence,
} from '@mutu/assessments/testing';
import { startTestSubgraph as startEngagement } from '@mutu/engagement/testing';
import { startTestSubgraph as startOrganisations } from '@mutu/organisations/testing';
import {
  exportSigningKey,
  jwksOf,
  type Logger,
  type Role,
  type SigningKey,
  signingKeyFile,
} from '@mutu/server';
import { testKeys } from '@mutu/server/testing';
import type { TestService } from '@mutu/service/testing';
import { demoToken } from '../src/auth.js';
import { loadEnv } from '../src/env.js';
import { type RunningGateway, startGateway } from '../src/start.js';

export interface Platform {
  readonly organisations: TestService;
  readonly assessments: TestService;
  readonly engagement: TestService;
  readonly spbe: { url: string; stop(): Promise<void> };
  readonly gateway: RunningGateway;
  /** The settings the gateway was started with, for a second gateway beside it. */
  readonly env: Record<string, string>;
  /** The demo identity provider's key (a temporary file of this run). */
  readonly identityProvider: SigningKey;
  /** A bearer token of the demo identity provider, as `pnpm run token` prints them. */
  token(identity: Person, expiresIn?: string): Promise<string>;
  /** The same, as an Authorization header. */
  bearer(identity: Person): Promise<Record<string, string>>;
  /** Posts an operation to the gateway and returns its JSON answer. */
  query(
    q: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }>;
  /** The same, for an operation that must answer without errors: its data by root field. */
  ok(
    q: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Record<string, Record<string, unknown>>>;
  close(): Promise<void>;
}

/** Who a demo token is for: an assessor names regions, a unit its organisation. */
export interface Person {
  sub: string;
  role: Role;
  regions?: string[];
  organisation?: string;
}

/**
 * Every subgraph on its own test database, the SPBE partner, and the gateway in front, as
 * `pnpm start` runs them: the subgraphs and the partner trust the gateway's (test) key only.
 */
export async function startPlatform(
  options: {
    env?: Record<string, string>;
    organisationsLogger?: Logger;
    assessmentsLogger?: Logger;
    gatewayLogger?: Logger;
    /** Where the gateway reaches each subgraph, given its own address (a fault proxy). */
    routeThrough?: (
      subgraph: 'organisations' | 'assessments' | 'engagement',
      url: string,
    ) => Promise<string>;
    /** Where the assessments subgraph keeps evidence: a temporary directory by default. */
    evidence?: TestEvidence;
  } = {},
): Promise<Platform> {
  const organisations = await startOrganisations({ logger: options.organisationsLogger });
  // Engagement first: the assessments subgraph asks it whether an event exists.
  const engagement = await startEngagement({ services: { organisations: organisations.url } });
  const assessments = await startAssessments({
    services: { organisations: organisations.url, engagement: engagement.url },
    evidence: options.evidence,
    logger: options.assessmentsLogger,
  });
  const route = (name: 'organisations' | 'assessments' | 'engagement', url: string) =>
    options.routeThrough ? options.routeThrough(name, url) : Promise.resolve(url);
  const gatewayKey = await testKeys.gateway();
  const spbe = await startSpbeSubgraph({ port: 0, gatewayKeys: jwksOf(gatewayKey) });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mutu-idp-'));
  const env = {
    PORT: '0',
    METRICS_PORT: '0',
    GATEWAY_SIGNING_KEY: await exportSigningKey(gatewayKey),
    DEMO_IDP_KEY_FILE: path.join(dir, 'demo-idp-key.json'),
    SUBGRAPH_ORGANISATIONS_URL: await route('organisations', organisations.url),
    SUBGRAPH_ASSESSMENTS_URL: await route('assessments', assessments.url),
    SUBGRAPH_ENGAGEMENT_URL: await route('engagement', engagement.url),
    SUBGRAPH_SPBE_URL: spbe.url,
    // Request lines only where a suite captures them (its own logger).
    LOG_LEVEL: 'silent',
    // The suites send more than a person would; the limits have a test of their own.
    RATE_LIMIT_PER_ADDRESS: '0',
    RATE_LIMIT_PER_TOKEN: '0',
    // The suites see every answer fresh; the response cache has a test of its own.
    RESPONSE_CACHE: 'false',
    ...options.env,
  };
  const gateway = await startGateway(loadEnv(env), { logger: options.gatewayLogger });
  const identityProvider = await signingKeyFile(env.DEMO_IDP_KEY_FILE);
  const token: Platform['token'] = (identity, expiresIn) =>
    demoToken(identity, identityProvider, { audience: 'mutu', expiresIn });
  const query: Platform['query'] = async (q, variables, headers = {}) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: q, variables }),
    });
    return (await response.json()) as never;
  };
  return {
    organisations,
    assessments,
    engagement,
    spbe,
    gateway,
    env,
    identityProvider,
    token,
    bearer: async (identity) => ({ authorization: `Bearer ${await token(identity)}` }),
    query,
    async ok(q, variables, headers) {
      const answer = await query(q, variables, headers);
      if (answer.errors) throw new Error(`${q} answered ${JSON.stringify(answer.errors)}`);
      return answer.data as Record<string, Record<string, unknown>>;
    },
    async close() {
      await gateway.close();
      await organisations.close();
      await assessments.close();
      await engagement.close().catch(() => undefined);
      await spbe.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A finding for Kota Bengkulu's 2024 compliance result, recorded as an administrator, for the
 * suites that need one to act on (follow-ups, evidence): its id.
 */
export async function recordTestFinding(platform: Platform, text: string): Promise<string> {
  const data = await platform.ok(
    `mutation($text: String!) { recordFinding(input: { assessmentId: "ombudsman-compliance-2024.17.71",
      kind: REKOMENDASI, organisationId: "17.71", text: $text, dueOn: "2099-01-01" }) {
      ... on RecordFindingSuccess { finding { id } } } }`,
    { text },
    await platform.bearer({ sub: 'admin@mutu.test', role: 'admin' }),
  );
  return (data.recordFinding as { finding: { id: string } }).finding.id;
}
