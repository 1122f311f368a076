/**
 * A seeded random source for the bootstrap, so a range is reproducible from its seed in the
 * CLI, the task pane's worker and Excel alike. xoshiro128** (Blackman & Vigna, 2018) seeded
 * through SplitMix32, exactly as published; the draw sequence for a seed is part of the
 * output's contract (a test pins the first draws), so it is pinned here rather than taken
 * from a dependency whose upgrade could change it. (pure-rand, already installed through
 * fast-check, ships subpath-only exports that this project's `moduleResolution: node`
 * cannot resolve.)
 */

/** SplitMix32 step: spreads a small seed over the 128-bit state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    const st = { s: seed | 0 };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A uniform integer in [0, n), n ≤ 2^32, without modulo bias (rejection of the short last block). */
  below(n: number): number {
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
