/**
 * Seeded random numbers that are bit-identical on every machine.
 *
 * Generator: xoshiro128** (Blackman & Vigna), 32-bit integer arithmetic only (Math.imul, shifts),
 * so the stream does not depend on the CPU. Uniform doubles take 53 bits from two outputs.
 * Normals: Marsaglia's polar method, which needs only Math.log and Math.sqrt; sqrt is correctly
 * rounded by IEEE 754 and V8 (Node, Electron, Chromium) computes Math.log with its own fdlibm
 * port, so the normals are bit-identical across machines on those runtimes.
 *
 * A run uses several independent streams derived from one seed and a stream name
 * (`createRandomStream(seed, 'exploration')`), so that drawing more posterior samples never
 * shifts the Monte Carlo samples of the exploration step, and resume can rebuild any stream.
 */

/** A source of uniform and standard-normal draws. Stateful: each call advances the stream. */
export interface RandomStream {
  /** Uniform on [0, 1), 53 bits. */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Fills `out` with independent standard normals and returns it. */
  fillNormal(out: Float64Array): Float64Array;
}

/** Names of the independent streams a run draws from. */
export type StreamName = 'initialization' | 'exploration' | 'posterior-samples' | (string & {});

/** splitmix32 step: spreads a 32-bit state into a well-mixed 32-bit output. */
function splitmix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/** Folds a seed (any safe integer) and a stream name into one 32-bit value (FNV-1a then mixing). */
function streamKey(seed: number, name: string): number {
  let h = 0x811c9dc5;
  const mix = (byte: number): void => {
    h = Math.imul(h ^ (byte & 0xff), 0x01000193);
  };
  const high = Math.floor(seed / 2 ** 32);
  const low = seed >>> 0;
  for (const word of [low, high >>> 0]) for (let s = 0; s < 32; s += 8) mix(word >>> s);
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    mix(c);
    mix(c >>> 8);
  }
  return h >>> 0;
}

class Xoshiro128StarStar implements RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  constructor(key: number) {
    let state = key | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(state);
      state = next;
      words.push(out | 0);
    }
    [this.s0, this.s1, this.s2, this.s3] = words as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is absorbing
  }

  private nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  uniform(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    for (;;) {
      const x = 2 * this.uniform() - 1;
      const y = 2 * this.uniform() - 1;
      const r2 = x * x + y * y;
      if (r2 > 0 && r2 < 1) {
        const scale = Math.sqrt((-2 * Math.log(r2)) / r2);
        this.spareNormal = y * scale;
        return x * scale;
      }
    }
  }

  fillNormal(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.normal();
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The stream `name` of a run with this `seed`. Same (seed, name) → same draws, on any machine.
 * @param seed any integer with |seed| ≤ 2^53
 */
export function createRandomStream(seed: number, name: StreamName): RandomStream {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed: expected a safe integer, got ${seed}`);
  return new Xoshiro128StarStar(streamKey(seed, name));
}
