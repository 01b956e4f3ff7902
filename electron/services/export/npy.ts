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
  const descr = array.dtype === 'unicode' ? `<U${width}` : array.dtype;
  const header = paddedHeader(descr, array.shape);
  const itemSize = array.dtype === 'unicode' ? 4 * width : array.dtype === '<i4' ? 4 : 8;
  const out = new Uint8Array(PREAMBLE_SIZE + header.length + count * itemSize);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[PREAMBLE_SIZE + i] = header.charCodeAt(i);

  // DataView with littleEndian = true rather than copying the typed array's bytes, so that the
  // file is right on a big-endian host too.
  const start = PREAMBLE_SIZE + header.length;
  switch (array.dtype) {
    case '<f8':
      array.data.forEach((value, i) => view.setFloat64(start + 8 * i, value, true));
      break;
    case '<i4':
      array.data.forEach((value, i) => view.setInt32(start + 4 * i, value, true));
      break;
    case '<i8':
      array.data.forEach((value, i) => view.setBigInt64(start + 8 * i, value, true));
      break;
    case 'unicode':
      // UTF-32LE code points, zero-padded to the width: numpy's fixed-width unicode strings.
      array.data.forEach((text, i) => {
        Array.from(text).forEach((char, j) => view.setUint32(start + itemSize * i + 4 * j, char.codePointAt(0)!, true));
      });
      break;
    default:
      assertNever(array);
  }
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
