import path from 'node:path';
import {
  generateSigningKey,
  jwksOf,
  LOG_LEVELS,
  type SigningKey,
  signingKeyFile,
  signingKeyFrom,
} from '@mutu/server';
import { z } from 'zod';
import { type AuthSettings, DEMO_ISSUER } from './auth.js';
import { GATEWAY_ROOT } from './compose.js';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const MiB = 1024 * 1024;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  NODE_ENV: z.string().default('development'),
  /** Structured log level (JSON lines on stdout). */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Path of the composed supergraph to serve; defaults to the committed one. */
  SUPERGRAPH_PATH: z.string().optional(),
  /** Follow changes to the supergraph file and swap to it without a restart. */
  SUPERGRAPH_WATCH: flag.default(true),
  /** Where the built explorer is (dist/explorer by default). */
  EXPLORER_DIR: z.string().optional(),
  /** Where the dashboard's build is (apps/dashboard/dist by default): its site and trusted documents. */
  DASHBOARD_DIR: z.string().optional(),
  /** Schema introspection (and the explorer, which needs it); off by default in production. */
  INTROSPECTION: flag.optional(),
  /** Browser origins allowed to call the gateway from other sites, comma-separated. */
  CORS_ORIGINS: list.default([]),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(16 * MiB)
    .default(MiB),
  /** Largest upload (a results CSV) accepted on the upload routes. */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(1024 * MiB)
    .default(32 * MiB),
  MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(10),
  MAX_ALIASES: z.coerce.number().int().min(0).max(1_000).default(30),
  MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
  MAX_COST: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
  /** The identity provider's JWKS; required in production. Without it, the demo provider. */
  JWKS_URL: z.string().url().optional(),
  /** The `iss` bearer tokens must carry; required with JWKS_URL in production. */
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).default('mutu'),
  /** The demo identity provider's key file (outside production, without JWKS_URL). */
  DEMO_IDP_KEY_FILE: z.string().default(path.join(GATEWAY_ROOT, '.data', 'demo-idp-key.json')),
  /** The gateway's private key for call tokens; required in production, made at start otherwise. */
  GATEWAY_SIGNING_KEY: z.string().min(1).optional(),
  /** The subgraphs that are Mutu's own and learn the caller's subject; the rest are partners'. */
  INTERNAL_SUBGRAPHS: list.default(['organisations', 'assessments', 'engagement']),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  SUBGRAPH_CONNECTIONS: z.coerce.number().int().min(1).max(1_000).default(32),
  /** Keep answers to callers without a token as the subgraphs' cache hints allow. */
  RESPONSE_CACHE: flag.default(true),
  /** Memory of the in-process response cache (without REDIS_URL), in MiB. */
  RESPONSE_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4_096).default(64),
  /** The response cache's keys in Redis; the instances of one platform share it. */
  RESPONSE_CACHE_REDIS_PREFIX: z.string().min(1).default('mutu:response-cache'),
  /** Send identical subgraph queries in flight once; off only to measure without it. */
  SUBGRAPH_SHARE_IN_FLIGHT: flag.default(true),
  /** Requests per minute from one address; 0 turns the limit off. */
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(600),
  /** Requests per minute for one signed-in subject; 0 turns the limit off. */
  RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(0).default(1_200),
  /** Shares the rate-limit counters between gateway instances; in memory without it. */
  REDIS_URL: z.string().url().optional(),
  /** How many proxies in front of the gateway append to X-Forwarded-For (0: use the socket). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** /metrics listens here, apart from the public port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  METRICS_HOST: z.string().default('127.0.0.1'),
});

type Parsed = z.infer<typeof schema>;

export type Env = Omit<Parsed, 'INTROSPECTION'> & {
  INTROSPECTION: boolean;
  /** Routing URL overrides per subgraph, from SUBGRAPH_<NAME>_URL. */
  subgraphUrls: Record<string, string>;
};

/** Configuration, validated once; the only reader of process.env in the gateway. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  for (const retired of ['JWT_SECRET', 'MUTU_INTERNAL_SECRET']) {
    if (source[retired]) {
      problems.push(
        `${retired}: shared secrets are no longer accepted; bearer tokens are verified with JWKS_URL and call tokens are signed with GATEWAY_SIGNING_KEY`,
      );
    }
  }
  if (source.NODE_ENV === 'production') {
    for (const required of ['JWKS_URL', 'JWT_ISSUER', 'GATEWAY_SIGNING_KEY']) {
      if (!source[required]) problems.push(`${required}: required in production`);
    }
  }
  if (!parsed.success || problems.length) {
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(key);
    if (match?.[1] && value) subgraphUrls[match[1].toLowerCase()] = value;
  }
  return {
    ...parsed.data,
    INTROSPECTION: parsed.data.INTROSPECTION ?? parsed.data.NODE_ENV !== 'production',
    subgraphUrls,
  };
}

/** Where bearer tokens come from: the configured provider, or the demo one outside production. */
export async function identityProvider(
  env: Env,
): Promise<{ auth: AuthSettings; demoKey?: SigningKey }> {
  if (env.JWKS_URL) {
    return {
      auth: {
        providerKeys: env.JWKS_URL,
        issuer: env.JWT_ISSUER ?? DEMO_ISSUER,
        audience: env.JWT_AUDIENCE,
      },
    };
  }
  // loadEnv has refused production without JWKS_URL; this is a demo on one machine. The key
  // is made there on first start, readable by its user only, and never leaves it.
  const demoKey = await signingKeyFile(env.DEMO_IDP_KEY_FILE);
  return {
    auth: {
      providerKeys: jwksOf(demoKey),
      issuer: env.JWT_ISSUER ?? DEMO_ISSUER,
      audience: env.JWT_AUDIENCE,
    },
    demoKey,
  };
}

/** The gateway's call-token key: configured, or (outside production) made at start. */
export function gatewaySigningKey(env: Env): Promise<SigningKey> {
  return env.GATEWAY_SIGNING_KEY
    ? signingKeyFrom(env.GATEWAY_SIGNING_KEY, 'GATEWAY_SIGNING_KEY')
    : generateSigningKey();
}

/** The gateway's behaviour from its settings (tests build theirs from `loadEnv({...})`). */
export async function gatewaySettings(env: Env) {
  const signingKey = await gatewaySigningKey(env);
  const { auth } = await identityProvider(env);
  return {
    auth,
    signingKey,
    internalSubgraphs: new Set(env.INTERNAL_SUBGRAPHS),
    introspection: env.INTROSPECTION,
    limits: {
      maxDepth: env.MAX_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxTokens: env.MAX_TOKENS,
      maxCost: env.MAX_COST,
      // Suggestions would reveal the schema that disabled introspection hides.
      blockFieldSuggestions: !env.INTROSPECTION,
    },
    rateLimits: {
      perAddress: env.RATE_LIMIT_PER_ADDRESS,
      perToken: env.RATE_LIMIT_PER_TOKEN,
      redisUrl: env.REDIS_URL,
      trustProxy: env.TRUST_PROXY,
    },
    responseCache: {
      enabled: env.RESPONSE_CACHE,
      redisUrl: env.REDIS_URL,
      maxBytes: env.RESPONSE_CACHE_MAX_MB * MiB,
      redisPrefix: env.RESPONSE_CACHE_REDIS_PREFIX,
    },
    subgraphCalls: {
      timeoutMs: env.SUBGRAPH_TIMEOUT_MS,
      connections: env.SUBGRAPH_CONNECTIONS,
      shareInFlight: env.SUBGRAPH_SHARE_IN_FLIGHT,
    },
  };
}
