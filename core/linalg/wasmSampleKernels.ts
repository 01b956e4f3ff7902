/**
 * The exploration kernels in WebAssembly SIMD (wasm/sample-kernels.wat): the same operations in the
 * same order as the JavaScript kernels of sampleKernels.ts, so results are bit-identical, about
 * eight times faster (two doubles per instruction, no bounds checks). One instance per sample
 * matrix and thread holds Ξ in the two layouts the kernels read; each call copies in only what
 * changes (T and v, or the weights).
 */
import { SAMPLE_KERNELS_WASM_HEX } from './wasm/sample-kernels.wasm';
import { MOMENTS_TILE, type SampleKernels, type WeightedMoments } from './sampleKernels';

/** The part of the WebAssembly JS API used here (core's lib has no WebAssembly types). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
type ShiftedSquaredNorms = (m: number, v: number, panels: number, out: number, d: number, nPanels: number) => void;
type WeightedMomentsKernel = (xs: number, weights: number, second: number, sums: number, scratch: number, d: number, dp: number, n: number, tile: number) => void;

const PAGE_BYTES = 65536;
const MAX_PAGES = 65536; // 4 GiB: the most a 32-bit memory can address
const PANEL = 4; // samples per panel of the norms kernel
const ROW_BLOCK = 4; // rows per block of T

let compiled: object | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is unavailable (or forbidden, e.g. by a CSP). */
function compiledModule(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (!api) return compiled;
  const bytes = new Uint8Array(SAMPLE_KERNELS_WASM_HEX.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(SAMPLE_KERNELS_WASM_HEX.slice(2 * i, 2 * i + 2), 16);
  try {
    if (api.validate(bytes)) compiled = new api.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Byte offsets of every array in the instance's memory (all 16-byte aligned). */
interface Layout {
  readonly panels: number;
  readonly xs: number;
  readonly m: number;
  readonly v: number;
  readonly out: number;
  readonly weights: number;
  readonly second: number;
  readonly sums: number;
  readonly scratch: number;
  readonly end: number;
}

function layoutFor(d: number, n: number): { layout: Layout; nPanels: number; dp: number; packedRows: number } {
  const nPanels = Math.ceil(n / PANEL);
  const dp = Math.ceil(d / 8) * 8;
  const blocks = Math.ceil(d / ROW_BLOCK);
  let packedT = 0;
  for (let b = 0; b < blocks; b++) packedT += Math.min(d, ROW_BLOCK * (b + 1)) * ROW_BLOCK;
  const sizes = {
    panels: nPanels * PANEL * d,
    xs: n * dp,
    m: packedT,
    v: blocks * ROW_BLOCK,
    out: nPanels * PANEL,
    weights: n,
    second: dp * dp,
    sums: dp,
    scratch: 2 * MOMENTS_TILE,
  };
  let offset = 0;
  const layout = {} as Record<keyof typeof sizes | 'end', number>;
  for (const [name, doubles] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
    layout[name] = offset;
    offset += Math.ceil(doubles / 2) * 16;
  }
  layout.end = offset;
  return { layout, nPanels, dp, packedRows: blocks * ROW_BLOCK };
}

/**
 * The WebAssembly kernels for the d×N sample matrix `xi`, or null where WebAssembly SIMD is
 * unavailable or the memory cannot be had (the JavaScript kernels then give the same results).
 */
export function createWasmSampleKernels(xi: Float64Array, nTheta: number, nSamples: number): SampleKernels | null {
  const module = compiledModule();
  if (!module) return null;
  const d = nTheta;
  const n = nSamples;
  const { layout, nPanels, dp, packedRows } = layoutFor(d, n);
  const pages = Math.ceil(layout.end / PAGE_BYTES);
  if (pages > MAX_PAGES) return null;
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly!;
  const instance = new api.Instance(module, {});
  const memory = instance.exports.memory as WasmMemory;
  try {
    memory.grow(pages);
  } catch {
    return null; // out of memory: the JavaScript kernels need far less
  }
  const heap = new Float64Array(memory.buffer);
  const at = (offset: number): number => offset / 8;
  for (let j = 0; j < n; j++) {
    const panelEntry = at(layout.panels) + (j - (j % PANEL)) * d + (j % PANEL); // + c·PANEL
    const sampleRow = at(layout.xs) + j * dp; // + c
    for (let c = 0, source = j; c < d; c++, source += n) {
      const x = xi[source];
      heap[panelEntry + c * PANEL] = x;
      heap[sampleRow + c] = x;
    }
  }
  const shiftedSquaredNorms = instance.exports.shiftedSquaredNorms as ShiftedSquaredNorms;
  const weightedMomentsKernel = instance.exports.weightedMoments as WeightedMomentsKernel;

  return {
    kind: 'webassembly',
    addShiftedSquaredNorms(t, v, out) {
      let p = at(layout.m);
      for (let r0 = 0; r0 < packedRows; r0 += ROW_BLOCK) {
        const columns = Math.min(d, r0 + ROW_BLOCK);
        for (let c = 0; c < columns; c++)
          for (let i = 0; i < ROW_BLOCK; i++) {
            const r = r0 + i;
            heap[p++] = r < d && c <= r ? t[r * d + c] : 0;
          }
      }
      heap.fill(0, at(layout.v), at(layout.v) + packedRows);
      heap.set(v, at(layout.v));
      shiftedSquaredNorms(layout.m, layout.v, layout.panels, layout.out, d, nPanels);
      const norms = at(layout.out);
      for (let j = 0; j < n; j++) out[j] += heap[norms + j];
    },
    weightedMoments(weights): WeightedMoments {
      heap.set(weights, at(layout.weights));
      heap.fill(0, at(layout.second), at(layout.scratch));
      weightedMomentsKernel(layout.xs, layout.weights, layout.second, layout.sums, layout.scratch, d, dp, n, MOMENTS_TILE);
      let total = 0;
      for (let j = 0; j < n; j++) total += weights[j];
      const mean = new Float64Array(d);
      for (let r = 0; r < d; r++) mean[r] = heap[at(layout.sums) + r] / total;
      const second = new Float64Array(d * d);
      for (let r = 0; r < d; r++)
        for (let c = 0; c <= r; c++) {
          const value = heap[at(layout.second) + r * dp + c] / total;
          second[r * d + c] = value;
          second[c * d + r] = value;
        }
      return { total, mean, secondMoment: second };
    },
  };
}
