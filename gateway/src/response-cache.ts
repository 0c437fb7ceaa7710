import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { sharedGeneration } from '@mutu/server';
import { Redis } from 'ioredis';
import type { GatewayContext } from './app.js';

export interface ResponseCacheSettings {
  readonly enabled: boolean;
  /** Shared by every gateway instance when set; this process's memory otherwise. */
  readonly redisUrl?: string;
  /** Largest memory the in-process cache takes, in bytes. */
  readonly maxBytes: number;
  /** Where in Redis: one platform's instances share a prefix, another platform has its own. */
  readonly redisPrefix?: string;
}

/**
 * Answers to callers without a token, kept as long as every subgraph's cache hint allows
 * (`@apollo/server-plugin-response-cache` reads the policy the subgraphs' Cache-Control
 * headers set on the gateway's request). Nothing a signed-in caller reads is ever kept.
 *
 * Every write through the gateway (a mutation by a signed-in caller, an upload) clears it: the
 * entries live under a generation number that a write moves on, so old ones are never read
 * again and age out. With Redis the entries and the generation are shared, and the move is
 * published so every instance follows at once.
 */
export function responseCache(settings: ResponseCacheSettings) {
  const prefix = settings.redisPrefix ?? 'mutu:response-cache';
  const redisUrl = settings.enabled ? settings.redisUrl : undefined;
  const generation = sharedGeneration({ redisUrl, prefix });
  const redis = redisUrl
    ? // A cache must not wait for Redis: while it is away, every read is a miss at once.
      new Redis(redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2_000,
      })
    : undefined;
  redis?.on('error', () => {});
  // A gateway that has just started waits for its first connection (at most connectTimeout),
  // or its first answers would be neither read from nor written to the shared cache.
  const firstConnection = redis
    ? new Promise<void>((resolve) => {
        redis.once('ready', () => resolve());
        redis.once('error', () => resolve());
        setTimeout(resolve, 2_000).unref();
      })
    : Promise.resolve();
  const store: KeyValueCache<string> = redis
    ? {
        // A cache that cannot answer is a miss, never a failed request.
        get: async (key) => {
          await firstConnection;
          return redis.get(key).then(
            (v) => v ?? undefined,
            () => undefined,
          );
        },
        set: async (key, value, options) => {
          await firstConnection;
          const ttl = options?.ttl;
          await (ttl ? redis.set(key, value, 'EX', Math.ceil(ttl)) : redis.set(key, value)).catch(
            () => undefined,
          );
        },
        delete: async (key) => {
          await redis.del(key).catch(() => undefined);
        },
      }
    : new InMemoryLRUCache<string>({ maxSize: settings.maxBytes });
  const generational: KeyValueCache<string> = {
    get: (key) => store.get(`${prefix}:${generation.current()}:${key}`),
    set: (key, value, options) =>
      store.set(`${prefix}:${generation.current()}:${key}`, value, options),
    delete: (key) => store.delete(`${prefix}:${generation.current()}:${key}`),
  };
  const invalidate = () => generation.advance();
  const publicCaller = (context: GatewayContext) => context.identity.role === 'public';
  const plugins: ApolloServerPlugin<GatewayContext>[] = [];
  if (settings.enabled) {
    plugins.push({
      async requestDidStart() {
        return {
          async willSendResponse({ operation, contextValue, response }) {
            const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
            if (operation?.operation === 'mutation' && !publicCaller(contextValue) && body?.data) {
              await invalidate();
            }
          },
        };
      },
    });
    plugins.unshift(
      responseCachePlugin<GatewayContext>({
        cache: generational,
        sessionId: async () => null,
        shouldReadFromCache: async ({ contextValue }) => publicCaller(contextValue),
        shouldWriteToCache: async ({ contextValue, response }) => {
          const body = response.body;
          return (
            publicCaller(contextValue) &&
            body?.kind === 'single' &&
            !body.singleResult.errors?.length
          );
        },
      }),
    );
  }
  return {
    plugins,
    /** Clears it after a write that did not pass as a mutation (an upload). */
    invalidate,
    async close() {
      await Promise.all([redis?.quit().catch(() => undefined), generation.close()]);
    },
  };
}
