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
 * Within its minute, a caller spends at most a sixtieth of the minute's budget (its average
 * rate) in any one second, never less than 20: a fixed minute alone let a burst spend the
 * whole minute in its first seconds, which is when it held up everyone else (`pnpm
 * bench:abuse`: a thirtieth still let the burst double another caller's p99). The floor keeps
 * a dashboard page, which sends its few queries at once, clear of it.
 */
const BURST_SHARE = 60;
const BURST_FLOOR = 20;

/**
 * A /graphql body costs one request per started 16 KiB: parsing a large body takes the event
 * loop for as long as many small requests, so it spends their budget, in the second as in the
 * minute. Queries and mutations are a few KiB; files go through the upload routes, which
 * count one each.
 */
const BYTES_PER_POINT = 16 * 1024;
export const pointsForBody = (bytes: number): number =>
  1 + Math.floor(Math.max(0, bytes - 1) / BYTES_PER_POINT);

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
  const window = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const options = { keyPrefix: `mutu-gateway-${name}`, points, duration };
    return redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: redis,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
  };
  const budget = (name: string, points: number): Budget | undefined =>
    points === 0
      ? undefined
      : {
          second: window(
            `${name}-second`,
            Math.max(BURST_FLOOR, Math.ceil(points / BURST_SHARE)),
            1,
          ),
          minute: window(name, points, WINDOW_SECONDS),
        };
  const byAddress = budget('address', settings.perAddress);
  const byToken = budget('token', settings.perToken);

  async function spend(
    which: Budget | undefined,
    key: string,
    what: string,
    points: number,
  ): Promise<Refusal | undefined> {
    if (!which) return undefined;
    await firstConnection;
    try {
      // The second first, so a refused burst spends none of the minute. A body larger than a
      // window's whole budget costs that budget, so it can still pass when the window is fresh.
      for (const window of [which.second, which.minute]) {
        await window.consume(key, Math.min(points, window.points));
      }
      return undefined;
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      const seconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      return {
        status: 429,
        code: 'RATE_LIMITED',
        message: `Too many requests ${what} (${which.minute.points} a minute, at most ${which.second.points} in a second, large bodies counting more); try again in ${seconds} s`,
        headers: { 'retry-after': String(seconds) },
      };
    }
  }

  /** Spends what a request cost beyond what it was admitted for, refusing nothing. */
  async function charge(which: Budget | undefined, key: string, points: number): Promise<void> {
    if (!which || points <= 0) return;
    // A store that is away has already fallen back or failed the request that came first.
    await Promise.all(
      [which.second, which.minute].map((window) =>
        window.penalty(key, points).catch(() => undefined),
      ),
    );
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
    address: (address: string, points = 1) =>
      spend(byAddress, address, 'from this address', points),
    subject: (sub: string, points = 1) => spend(byToken, sub, 'for this token', points),
    /** Charges an address, and a subject when signed in, for more than they were admitted for. */
    async charge(address: string, sub: string | undefined, points: number) {
      await Promise.all([
        charge(byAddress, address, points),
        sub ? charge(byToken, sub, points) : undefined,
      ]);
    },
    async close() {
      redis?.disconnect();
    },
  };
}

interface Budget {
  /** Requests in any one second, large bodies counting more. */
  readonly second: RateLimiterAbstract;
  /** Requests in the minute, large bodies counting more. */
  readonly minute: RateLimiterAbstract;
}

export type RateLimits = ReturnType<typeof rateLimits>;
