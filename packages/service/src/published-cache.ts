import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { type Generation, sharedGeneration } from '@mutu/server';
import { LRUCache } from 'lru-cache';
import { PUBLIC_ANSWER_SECONDS } from './apollo.js';
import type { ServiceRoute } from './definition.js';

export interface PublishedCacheSettings {
  readonly enabled: boolean;
  /** Every instance of the subgraph hears of a change at once when set. */
  readonly redisUrl?: string;
  /** Where in Redis: one subgraph's instances share it. */
  readonly prefix: string;
  /**
   * Rows kept in this process at most, a list counting as its length (the least recently read
   * go first): about 20 MB at the default, whatever the size of the register.
   */
  readonly maxRows?: number;
}

/**
 * What a subgraph keeps of published data between requests: published results change only
 * when something is published or corrected, and every such write goes through this subgraph,
 * which then calls `changed()`. Entries live under the generation they were read in: one read
 * while a write commits is kept under the old generation and never served after it. The life
 * of an entry (PUBLIC_ANSWER_SECONDS) bounds what no write here announces (data loaded straight
 * into the database). Values are shared by every request that reads them: never change one.
 */
export interface PublishedCache {
  /**
   * The value of each key, from the cache or, for those not kept, from one call of `load`
   * (in the order of the keys it is given), which are then kept.
   */
  through<K, V>(
    keys: readonly K[],
    keyOf: (key: K) => string,
    load: (missing: K[]) => Promise<V[]>,
  ): Promise<V[]>;
  /** One value by its key: kept, or loaded and then kept. */
  read<V>(key: string, load: () => Promise<V>): Promise<V>;
  /** Something published may have changed: nothing kept before is read again. */
  changed(): Promise<void>;
  close(): Promise<void>;
}

export function publishedCache(settings: PublishedCacheSettings): PublishedCache {
  if (!settings.enabled) {
    return {
      through: (keys, _keyOf, load) => load([...keys]),
      read: (_key, load) => load(),
      changed: async () => {},
      close: async () => {},
    };
  }
  const generation: Generation = sharedGeneration({
    redisUrl: settings.redisUrl,
    prefix: settings.prefix,
  });
  // Boxed so that a kept null or empty list is told apart from a miss.
  const entries = new LRUCache<string, { value: unknown }>({
    maxSize: settings.maxRows ?? 20_000,
    sizeCalculation: ({ value }) => (Array.isArray(value) ? value.length + 1 : 1),
    ttl: PUBLIC_ANSWER_SECONDS * 1000,
  });
  const cache: PublishedCache = {
    async through(keys, keyOf, load) {
      const g = generation.current();
      const found = keys.map((key) => entries.get(`${g}:${keyOf(key)}`));
      const missing = keys.filter((_key, i) => !found[i]);
      if (missing.length === 0) return found.map((f) => f?.value) as never;
      const loaded = await load(missing);
      let next = 0;
      return keys.map((key, i) => {
        const kept = found[i];
        if (kept) return kept.value;
        const value = loaded[next++];
        entries.set(`${g}:${keyOf(key)}`, { value });
        return value;
      }) as never;
    },
    async read(key, load) {
      const [value] = await cache.through(
        [key],
        (k) => k,
        async () => [await load()],
      );
      return value as Awaited<ReturnType<typeof load>>;
    },
    changed: () => generation.advance(),
    close: () => generation.close(),
  };
  return cache;
}

/**
 * The Apollo plugin that tells the cache of every mutation, after its answer is made (its
 * transaction committed or rolled back): a refused write costs one extra miss, never a stale read.
 */
export function announcePublishedChanges<TContext extends BaseContext>(
  cache: () => PublishedCache,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') await cache().changed();
        },
      };
    },
  };
}

/** A route (an import) that may write: the cache hears of it once the route has answered. */
export function announcingRoute(route: ServiceRoute, cache: () => PublishedCache): ServiceRoute {
  return async (req, res, request) => {
    try {
      await route(req, res, request);
    } finally {
      if (req.method !== 'GET') await cache().changed();
    }
  };
}
