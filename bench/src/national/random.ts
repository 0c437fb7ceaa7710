/**
 * A tiny seeded PRNG (mulberry32): the data set must come out identical for the same seed and
 * scale on every machine, which Math.random cannot promise.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Roughly normal (Irwin-Hall of four), mean 0, standard deviation 1. */
  normal(): number;
  /** `count` distinct items, in their original order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A version-4-shaped UUID: ids Prisma would otherwise draw at random. */
  uuid(): string;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a: turns a seed and a name into the seed of an independent stream. */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const HEX = '0123456789abcdef';

/**
 * A generator of its own for each named part (a government, a phase): what one part draws
 * never shifts another's numbers, so adding a table or a government keeps the rest stable.
 */
export function randomFor(seed: number, ...names: (string | number)[]): Random {
  const next = mulberry32(hashSeed(seed, ...names));
  const streamA = hashSeed(seed, ...names);
  const streamB = hashSeed('uuid', seed, ...names);
  let counter = 0;
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    normal: () => (next() + next() + next() + next() - 2) * Math.sqrt(3),
    sample(items, count) {
      if (count >= items.length) return [...items];
      const chosen = new Set<number>();
      while (chosen.size < count) chosen.add(Math.floor(next() * items.length));
      return [...chosen].sort((a, b) => a - b).map((i) => items[i] as (typeof items)[number]);
    },
    uuid() {
      // The stream's 64-bit name and a counter, not random bits: draws of two streams may
      // repeat (mulberry32 has 2^32 states), ids must not.
      counter += 1;
      const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, '0');
      const tail = hex(counter, 8) + hex(Math.floor(next() * 65_536), 4);
      const variant = HEX[8 + Math.floor(next() * 4)] + hex(Math.floor(next() * 4096), 3);
      return `${hex(streamA, 8)}-${hex(streamB >>> 16, 4)}-4${hex(streamB & 0xfff, 3)}-${variant}-${tail}`;
    },
  };
  return random;
}

export const clamp = (value: number, min: number, max: number) =>
  Math.min(max, Math.max(min, value));
