/**
 * The exploration kernels in WebAssembly (core/linalg/wasmSampleKernels.ts) against the JavaScript
 * reference (core/linalg/sampleKernels.ts): bit-identical on every shape the layouts pad (d not a
 * multiple of 4 or 8, N_s not a multiple of 4 or of the moments tile), and the committed module
 * is the assembly of the committed .wat source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createJsSampleKernels } from '../../../core/linalg/sampleKernels';
import { createWasmSampleKernels } from '../../../core/linalg/wasmSampleKernels';
import { createRandomStream } from '../../../core/random/random';
// @ts-expect-error the build script is plain JavaScript without declarations
import { assembledModuleText, MODULE_FILE } from '../../../scripts/build-wasm.mjs';

const SHAPES = [
  [1, 7],
  [2, 10],
  [5, 33],
  [7, 1001],
  [8, 256],
  [13, 515],
  [33, 600],
  [64, 1030],
] as const;

function randomLower(d: number, seed: number): Float64Array {
  const t = createRandomStream(seed, 'lower').fillNormal(new Float64Array(d * d));
  for (let r = 0; r < d; r++) for (let c = r + 1; c < d; c++) t[r * d + c] = 0;
  return t;
}

describe('WebAssembly exploration kernels', () => {
  it('are available here (Node 20 has WebAssembly SIMD)', () => {
    const xi = createRandomStream(1, 'xi').fillNormal(new Float64Array(4 * 9));
    expect(createWasmSampleKernels(xi, 4, 9)?.kind).toBe('webassembly');
  });

  for (const [d, n] of SHAPES) {
    it(`give bit-identical norms and moments to the JavaScript kernels, d = ${d}, N = ${n}`, () => {
      const random = createRandomStream(d * 1000 + n, 'shape');
      const xi = random.fillNormal(new Float64Array(d * n));
      const js = createJsSampleKernels(xi, d, n);
      const wasm = createWasmSampleKernels(xi, d, n)!;
      for (let trial = 0; trial < 3; trial++) {
        const t = randomLower(d, trial + 10 * d);
        const v = random.fillNormal(new Float64Array(d));
        const start = random.fillNormal(new Float64Array(n)).map(Math.abs);
        const expected = Float64Array.from(start);
        const actual = Float64Array.from(start);
        js.addShiftedSquaredNorms(t, v, expected);
        wasm.addShiftedSquaredNorms(t, v, actual);
        expect(Array.from(actual)).toEqual(Array.from(expected));

        // Weights spanning many orders of magnitude, some exactly 0 (as r_k^Δt gives far away).
        const weights = random.fillNormal(new Float64Array(n)).map((x, j) => (j % 5 === 3 ? 0 : Math.exp(8 * x)));
        const reference = js.weightedMoments(weights);
        const moments = wasm.weightedMoments(weights);
        expect(moments.total).toBe(reference.total);
        expect(Array.from(moments.mean)).toEqual(Array.from(reference.mean));
        expect(Array.from(moments.secondMoment)).toEqual(Array.from(reference.secondMoment));
      }
    });
  }

  it('are built from the committed .wat source (npm run build:wasm)', async () => {
    expect(readFileSync(MODULE_FILE, 'utf8')).toBe(await assembledModuleText());
  });
});
