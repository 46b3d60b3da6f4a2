/**
 * A small seeded PRNG for the benchmarks: the same seed gives the same samples and mutations on every machine.
 * mulberry32 over a 32-bit state; streams are derived from a seed and a key (book name, cell, kind) so that one book's
 * or one cell's draws never depend on which other books or cells were processed before it.
 */

/** A 32-bit FNV-1a hash of a string (seed derivation only, not cryptographic). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A generator for one purpose: derived from a base seed and any number of keys. */
  static derive(seed: number, ...keys: Array<string | number>): Rng {
    return new Rng(hash32(`${seed >>> 0}\u0000${keys.join('\u0000')}`));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** One element of a non-empty array. */
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  /** Up to k elements, without replacement, in the order drawn (a partial Fisher–Yates shuffle of a copy). */
  sample<T>(xs: readonly T[], k: number): T[] {
    const a = xs.slice();
    const n = Math.min(k, a.length);
    for (let i = 0; i < n; i++) {
      const j = i + this.int(a.length - i);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, n);
  }
}
