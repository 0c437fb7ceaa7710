import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  /** Path of the composed supergraph to serve; defaults to the committed one. */
  SUPERGRAPH_PATH: z.string().optional(),
});

export type Env = z.infer<typeof schema> & {
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
  return { ...parsed.data, subgraphUrls };
}
