import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publishedCache } from '../src/published-cache.js';

const counting = () => {
  const loads: string[][] = [];
  const load = async (keys: string[]) => {
    loads.push(keys);
    return keys.map((k) => `value of ${k}`);
  };
  return { loads, load };
};

describe('published data kept by a subgraph', () => {
  it('loads only what it does not keep, in one call, and keeps empty answers too', async () => {
    const cache = publishedCache({ enabled: true, prefix: 'test' });
    const { loads, load } = counting();
    expect(await cache.through(['a', 'b'], (k) => k, load)).toEqual(['value of a', 'value of b']);
    expect(await cache.through(['b', 'c', 'a'], (k) => k, load)).toEqual([
      'value of b',
      'value of c',
      'value of a',
    ]);
    expect(loads).toEqual([['a', 'b'], ['c']]);
    let empty = 0;
    for (let i = 0; i < 2; i += 1) {
      const none = await cache.read('none', async () => {
        empty += 1;
        return [];
      });
      expect(none).toEqual([]);
    }
    expect(empty).toBe(1);
    await cache.close();
  });

  it('never serves what was read while a change was being written', async () => {
    const cache = publishedCache({ enabled: true, prefix: 'test' });
    let value = 'old';
    let release = () => {};
    const slow = cache.read('k', async () => {
      const seen = value;
      await new Promise<void>((r) => {
        release = r;
      });
      return seen;
    });
    value = 'new';
    await cache.changed();
    release();
    expect(await slow).toBe('old');
    expect(await cache.read('k', async () => value)).toBe('new');
    await cache.close();
  });

  it('keeps at most maxRows rows, a list counting as its length', async () => {
    const cache = publishedCache({ enabled: true, prefix: 'test', maxRows: 10 });
    let loads = 0;
    const rows = (n: number) => async () => {
      loads += 1;
      return Array.from({ length: n }, (_, i) => i);
    };
    await cache.read('small', rows(3));
    await cache.read('large', rows(8));
    expect(loads).toBe(2);
    // 4 + 9 rows do not fit in 10: the one read longest ago went.
    await cache.read('large', rows(8));
    await cache.read('small', rows(3));
    expect(loads).toBe(3);
    await cache.close();
  });

  it('reads every time when turned off', async () => {
    const cache = publishedCache({ enabled: false, prefix: 'test' });
    const { loads, load } = counting();
    await cache.through(['a'], (k) => k, load);
    await cache.through(['a'], (k) => k, load);
    expect(loads).toHaveLength(2);
  });

  it('with Redis, a change on one instance clears what the others keep', async () => {
    const settings = {
      enabled: true,
      redisUrl: 'redis://127.0.0.1:6379',
      prefix: `mutu-test:${randomUUID()}`,
    };
    const [one, other] = [publishedCache(settings), publishedCache(settings)];
    try {
      // Both connected and subscribed before the change.
      await new Promise((r) => setTimeout(r, 300));
      let value = 'published';
      expect(await other.read('k', async () => value)).toBe('published');
      value = 'corrected';
      expect(await other.read('k', async () => value)).toBe('published');
      await one.changed();
      await expect
        .poll(() => other.read('k', async () => value), { timeout: 2_000 })
        .toBe('corrected');
    } finally {
      await Promise.all([one.close(), other.close()]);
    }
  });
});
