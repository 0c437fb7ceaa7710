import { Redis } from 'ioredis';

/**
 * A number that every write moves on, so that whatever was kept under an older one is never read
 * again (it ages out instead of being found and deleted). With Redis the number is shared by
 * every instance: a move is stored and published, and each instance follows at once and catches
 * up on every (re)connection. While Redis is away each instance still moves its own number, so
 * its own writes are never followed by its own stale reads.
 */
export interface Generation {
  current(): number;
  advance(): Promise<void>;
  close(): Promise<void>;
}

export function sharedGeneration(options: { redisUrl?: string; prefix: string }): Generation {
  let generation = 0;
  const KEY = `${options.prefix}:generation`;
  const CHANNEL = `${options.prefix}:invalidated`;
  const redis = options.redisUrl
    ? // A cache must not wait for Redis: while it is away, the move is this instance's alone.
      new Redis(options.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2_000,
      })
    : undefined;
  const subscriber = redis?.duplicate({ enableOfflineQueue: true });
  for (const client of [redis, subscriber]) client?.on('error', () => {});
  const follow = (g: unknown) => {
    generation = Math.max(generation, Number(g ?? 0) || 0);
  };
  redis?.on('ready', () => {
    redis.get(KEY).then(follow, () => undefined);
  });
  subscriber?.on('ready', () => {
    subscriber.subscribe(CHANNEL).catch(() => undefined);
  });
  subscriber?.on('message', (_channel, g) => follow(g));
  return {
    current: () => generation,
    async advance() {
      generation += 1;
      if (!redis) return;
      follow(await redis.incr(KEY).catch(() => generation));
      // What is kept lives minutes at most, so a generation forgotten after a day costs nothing.
      await redis.expire(KEY, 86_400).catch(() => undefined);
      await redis.publish(CHANNEL, String(generation)).catch(() => undefined);
    },
    async close() {
      await Promise.all([redis?.quit(), subscriber?.quit()].map((p) => p?.catch(() => undefined)));
    },
  };
}
