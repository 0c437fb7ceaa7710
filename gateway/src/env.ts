import { internalSecret, LOG_LEVELS } from '@mutu/server';
import { z } from 'zod';
import { jwtSecretFrom } from './auth.js';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

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
  /** Schema introspection (and the explorer, which needs it); off by default in production. */
  INTROSPECTION: flag.optional(),
  /** Browser origins allowed to call the gateway from other sites, comma-separated. */
  CORS_ORIGINS: list.default([]),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(100_000_000)
    .default(16 * 1024 * 1024),
  MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(10),
  MAX_ALIASES: z.coerce.number().int().min(0).max(1_000).default(30),
  MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
  MAX_COST: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
  /** HS256 secret of bearer tokens (the demo); a demo secret applies outside production. */
  JWT_SECRET: z.string().min(32).optional(),
  /** The identity provider's JWKS (RS256), for production. */
  JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().default('mutu-demo'),
  /** Signs the identity passed to subgraphs; a demo secret applies outside production. */
  MUTU_INTERNAL_SECRET: z.string().optional(),
  JWT_AUDIENCE: z.string().default('mutu'),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  SUBGRAPH_CONNECTIONS: z.coerce.number().int().min(1).max(1_000).default(32),
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
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
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

/** The gateway's behaviour from its settings (tests build theirs from `loadEnv({})`). */
export function gatewaySettings(env: Env) {
  return {
    auth: authSettings(env),
    internalSecret: internalSecret({
      MUTU_INTERNAL_SECRET: env.MUTU_INTERNAL_SECRET,
      NODE_ENV: env.NODE_ENV,
    }),
    introspection: env.INTROSPECTION,
    limits: {
      maxDepth: env.MAX_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxTokens: env.MAX_TOKENS,
      maxCost: env.MAX_COST,
      // Suggestions would reveal the schema that disabled introspection hides.
      blockFieldSuggestions: !env.INTROSPECTION,
    },
    subgraphCalls: { timeoutMs: env.SUBGRAPH_TIMEOUT_MS, connections: env.SUBGRAPH_CONNECTIONS },
  };
}

export function authSettings(env: Env) {
  return {
    jwtSecret: jwtSecretFrom(env.JWT_SECRET, env.NODE_ENV === 'production', env.JWKS_URL),
    jwksUrl: env.JWKS_URL,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
  };
}
