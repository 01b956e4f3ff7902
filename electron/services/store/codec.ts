/**
 * How numbers are stored: matrices and vectors as little-endian IEEE-754 Float64 BLOBs (their shape
 * lives in other columns), so that a mixture read back is bit-identical to the one written —
 * −0, subnormals and NaN payloads included — which resume's bit-identical results depend on.
 */
import { StoreError } from './errors';
import type { IterationDiagnostics } from '../../../core/inversion/types';

/** Every machine GMKI Studio runs on is little-endian; the byte-swapping path keeps the file format fixed anyway. */
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** The values as a BLOB of 8·n bytes, little-endian. No copy on a little-endian host (SQLite copies on bind). */
export function encodeFloat64(values: Float64Array | readonly number[]): Buffer {
  const array = values instanceof Float64Array ? values : Float64Array.from(values);
  if (HOST_IS_LITTLE_ENDIAN) return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  const out = Buffer.allocUnsafe(array.length * 8);
  for (let i = 0; i < array.length; i++) out.writeDoubleLE(array[i], i * 8);
  return out;
}

/**
 * A BLOB back to a fresh Float64Array (a copy: the Buffer SQLite hands back need not be 8-byte
 * aligned). `expectedLength` guards against a damaged or hand-edited row.
 */
export function decodeFloat64(blob: Uint8Array, expectedLength: number | null, what: string): Float64Array {
  if (blob.byteLength % 8 !== 0 || (expectedLength !== null && blob.byteLength !== expectedLength * 8)) {
    const expected = expectedLength === null ? 'a multiple of 8' : String(expectedLength * 8);
    throw new StoreError('CORRUPT', `The stored ${what} has ${blob.byteLength} bytes where ${expected} were expected; the database is damaged.`);
  }
  const out = new Float64Array(blob.byteLength / 8);
  if (HOST_IS_LITTLE_ENDIAN) {
    new Uint8Array(out.buffer).set(blob);
  } else {
    const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8, true);
  }
  return out;
}

/** A BLOB back to plain numbers (ledger θ and outputs are `number[]` in the API). */
export function decodeNumbers(blob: Uint8Array, what: string): number[] {
  return Array.from(decodeFloat64(blob, null, what));
}

// JSON has no NaN or ±Infinity, and a diverging component's misfit can be Infinity: write them
// as strings and read them back as numbers (diagnostics hold no other strings).
const NON_FINITE = new Map<unknown, number>([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
]);

/** Diagnostics as JSON text, non-finite numbers kept. */
export function encodeDiagnostics(diagnostics: IterationDiagnostics): string {
  return JSON.stringify(diagnostics, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
}

/** The inverse of `encodeDiagnostics`. */
export function decodeDiagnostics(text: string): IterationDiagnostics {
  return JSON.parse(text, (_key, value: unknown) => (NON_FINITE.has(value) ? NON_FINITE.get(value) : value)) as IterationDiagnostics;
}
