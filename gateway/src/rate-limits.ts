import type { IncomingMessage } from 'node:http';
import type { Refusal } from '@mutu/server';
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

export interface RateLimitSettings {
  /** Requests per minute from one address; 0 for none. */
  readonly perAddress: number;
  /** Requests per minute for one signed-in subject, from wherever; 0 for none. */
  readonly perToken: number;
  /** Counters in Redis, shared by every gateway instance; in this process's memory without it. */
  readonly redisUrl?: string;
  /** Proxies in front of the gateway that append to X-Forwarded-For. */
  readonly trustProxy: number;
}

const WINDOW_SECONDS = 60;

/**
 * Request budgets per address and per signed-in subject (rate-limiter-flexible). With Redis,
 * the budgets hold across gateway instances; should Redis fail, each instance falls back to
 * counting in memory rather than letting everything through or refusing everyone.
 */
export function rateLimits(settings: RateLimitSettings) {
  const redis = settings.redisUrl
    ? new Redis(settings.redisUrl, {
        // A rate limit must not wait for Redis: commands fail at once while it is away.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2_000,
      })
    : undefined;
  // Without a listener, ioredis reports connection errors as unhandled.
  redis?.on('error', () => {});
  // A gateway that has just started waits for its first connection (at most connectTimeout)
  // before it counts: otherwise its first requests would go to the in-memory insurance and
  // escape the budget shared with the other instances. Once settled, nothing waits again.
  const firstConnection = redis
    ? new Promise<void>((resolve) => {
        redis.once('ready', () => resolve());
        redis.once('end', () => resolve());
        // The first attempt failed: count in memory at once rather than waiting on every retry.
        redis.once('error', () => resolve());
        setTimeout(resolve, 2_000).unref();
      })
    : Promise.resolve();
  const limiter = (name: string, points: number): RateLimiterAbstract | undefined => {
    if (points === 0) return undefined;
    const options = { keyPrefix: `mutu-gateway-${name}`, points, duration: WINDOW_SECONDS };
    return redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: redis,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
  };
  const byAddress = limiter('address', settings.perAddress);
  const byToken = limiter('token', settings.perToken);

  async function spend(
    which: RateLimiterAbstract | undefined,
    key: string,
    what: string,
    budget: number,
  ): Promise<Refusal | undefined> {
    if (!which) return undefined;
    await firstConnection;
    try {
      await which.consume(key);
      return undefined;
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      return {
        status: 429,
        code: 'RATE_LIMITED',
        message: `Too many requests ${what} (${budget} a minute); try again in ${seconds} s`,
        headers: { 'retry-after': String(seconds) },
      };
    }
  }

  return {
    /** The caller's address: the socket's, or the one the trusted proxies saw. */
    addressOf(req: IncomingMessage): string {
      const socket = req.socket.remoteAddress ?? 'unknown';
      if (settings.trustProxy === 0) return socket;
      const forwarded = String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return forwarded[forwarded.length - settings.trustProxy] ?? socket;
    },
    address: (address: string) =>
      spend(byAddress, address, 'from this address', settings.perAddress),
    subject: (sub: string) => spend(byToken, sub, 'for this token', settings.perToken),
    async close() {
      redis?.disconnect();
    },
  };
}

export type RateLimits = ReturnType<typeof rateLimits>;
