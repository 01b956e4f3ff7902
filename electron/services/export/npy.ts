/**
 * NumPy's `.npy` format, version 1.0 (numpy/lib/format.py, NEP 1): the 6-byte magic `\x93NUMPY`,
 * version bytes 1 and 0, a little-endian uint16 header length, then an ASCII Python dict literal
 * `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }` padded with spaces and ended by
 * `\n` so that the data starts on a 64-byte boundary (as numpy itself writes), then the data in
 * C (row-major) order. Every dtype written here is explicitly little-endian, whatever the host.
 */
import { assertNever } from '../../../core/util/assertNever';

/** An array to write, with its NumPy dtype. `shape` is C order; its product is the length. */
export type NpyArray =
  | { readonly dtype: '<f8'; readonly shape: readonly number[]; readonly data: Float64Array }
  | { readonly dtype: '<i4'; readonly shape: readonly number[]; readonly data: Int32Array }
  | { readonly dtype: '<i8'; readonly shape: readonly number[]; readonly data: BigInt64Array }
  /** Written as `<Un`, n = the longest string in code points (at least 1, as numpy does). */
  | { readonly dtype: 'unicode'; readonly shape: readonly number[]; readonly data: readonly string[] };

/** Numbers of one of the numeric dtypes, without a shape (a whole array's data, or a piece of it). */
export type NpyNumbers =
  { readonly dtype: '<f8'; readonly data: Float64Array } | { readonly dtype: '<i4'; readonly data: Int32Array } | { readonly dtype: '<i8'; readonly data: BigInt64Array };

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
/** Magic, two version bytes, the uint16 header length. */
const PREAMBLE_SIZE = 10;
const ALIGNMENT = 64;
/** Version 1.0 stores the header length in a uint16. */
const MAX_HEADER_SIZE = 0xffff;

/**
 * Encodes one array as the bytes of a `.npy` file.
 * @throws RangeError when the shape does not match the data's length
 */
export function encodeNpy(array: NpyArray): Uint8Array {
  const count = array.shape.reduce((product, n) => product * n, 1);
  if (!array.shape.every((n) => Number.isInteger(n) && n >= 0) || count !== array.data.length) {
    throw new RangeError(`shape: expected non-negative integers whose product is ${array.data.length}, got (${array.shape.join(', ')})`);
  }
  const width = array.dtype === 'unicode' ? Math.max(1, ...array.data.map((text) => Array.from(text).length)) : 0;
  const header = encodeNpyHeader(array.dtype === 'unicode' ? `<U${width}` : array.dtype, array.shape);
  const data = array.dtype === 'unicode' ? encodeUnicode(array.data, width) : encodeNumbers(array);
  const out = new Uint8Array(header.length + data.length);
  out.set(header, 0);
  out.set(data, header.length);
  return out;
}

/**
 * The magic, version and header of a `.npy` file whose data follows, for arrays written in pieces
 * (`encodeNumbers` of each piece): its data then starts on a 64-byte boundary.
 * @param descr a numpy dtype string: `<f8`, `<i4`, `<i8`, `<U5`
 */
export function encodeNpyHeader(descr: string, shape: readonly number[]): Uint8Array {
  const header = paddedHeader(descr, shape);
  const out = new Uint8Array(PREAMBLE_SIZE + header.length);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[PREAMBLE_SIZE + i] = header.charCodeAt(i);
  return out;
}

/**
 * Numbers as little-endian bytes of their dtype, whatever the host: DataView with
 * littleEndian = true rather than the typed array's own bytes, so the file is right on a
 * big-endian host too.
 */
export function encodeNumbers(array: NpyNumbers): Uint8Array {
  const out = new Uint8Array(array.data.length * (array.dtype === '<i4' ? 4 : 8));
  const view = new DataView(out.buffer);
  switch (array.dtype) {
    case '<f8':
      array.data.forEach((value, i) => view.setFloat64(8 * i, value, true));
      break;
    case '<i4':
      array.data.forEach((value, i) => view.setInt32(4 * i, value, true));
      break;
    case '<i8':
      array.data.forEach((value, i) => view.setBigInt64(8 * i, value, true));
      break;
    default:
      assertNever(array);
  }
  return out;
}

/** UTF-32LE code points, zero-padded to the width: numpy's fixed-width unicode strings. */
function encodeUnicode(texts: readonly string[], width: number): Uint8Array {
  const out = new Uint8Array(texts.length * 4 * width);
  const view = new DataView(out.buffer);
  texts.forEach((text, i) => {
    Array.from(text).forEach((char, j) => view.setUint32(4 * width * i + 4 * j, char.codePointAt(0)!, true));
  });
  return out;
}

/** The header dict as numpy writes it, padded so that the preamble plus header is a multiple of 64. */
function paddedHeader(descr: string, shape: readonly number[]): string {
  // A one-element tuple needs its trailing comma in Python: (5,) not (5).
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${tuple}, }`;
  const unpadded = PREAMBLE_SIZE + dict.length + 1;
  const padding = (ALIGNMENT - (unpadded % ALIGNMENT)) % ALIGNMENT;
  const header = `${dict}${' '.repeat(padding)}\n`;
  if (header.length > MAX_HEADER_SIZE) throw new RangeError(`header: ${header.length} bytes do not fit .npy version 1.0`);
  return header;
}
