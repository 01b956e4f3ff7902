/**
 * A small, independent NPZ reader for the tests: it walks the ZIP from its end record through the
 * central directory to each local header (checking that they agree and that every CRC-32 is
 * right, with a bit-by-bit CRC rather than the exporter's table), then parses each `.npy` header
 * and decodes its data. Strict on purpose: anything numpy could trip over is an error here.
 */

/** One decoded array of the archive. */
export interface NpyRead {
  readonly descr: string;
  readonly shape: number[];
  /** `<f8` → Float64Array, `<i4` → Int32Array, `<i8` → BigInt64Array, `<Un` → strings. */
  readonly data: Float64Array | Int32Array | BigInt64Array | string[];
  /** Offset of the data from the start of the .npy (numpy aligns it to 64). */
  readonly dataOffset: number;
}

export function readNpz(bytes: Uint8Array): Map<string, NpyRead> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22; // no archive comment, so the end record is the last 22 bytes
  expectEqual(view.getUint32(end, true), 0x06054b50, 'end of central directory signature');
  const entries = view.getUint16(end + 10, true);
  expectEqual(view.getUint16(end + 8, true), entries, 'entries on this disk');
  const centralSize = view.getUint32(end + 12, true);
  const centralStart = view.getUint32(end + 16, true);
  expectEqual(centralStart + centralSize, end, 'central directory end');

  const out = new Map<string, NpyRead>();
  let at = centralStart;
  for (let i = 0; i < entries; i++) {
    expectEqual(view.getUint32(at, true), 0x02014b50, `central header ${i} signature`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = ascii(bytes.subarray(at + 46, at + 46 + nameLength));
    expectEqual(method, 0, `${name}: compression method`);
    expectEqual(compressed, size, `${name}: stored size`);

    expectEqual(view.getUint32(localOffset, true), 0x04034b50, `${name}: local header signature`);
    expectEqual(view.getUint16(localOffset + 8, true), 0, `${name}: local method`);
    expectEqual(view.getUint32(localOffset + 14, true), crc, `${name}: local CRC`);
    expectEqual(view.getUint32(localOffset + 22, true), size, `${name}: local size`);
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtra = view.getUint16(localOffset + 28, true);
    expectEqual(ascii(bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength)), name, 'local name');
    const dataStart = localOffset + 30 + localNameLength + localExtra;
    const data = bytes.subarray(dataStart, dataStart + size);
    expectEqual(bitwiseCrc32(data), crc, `${name}: CRC-32 of the data`);

    if (!name.endsWith('.npy')) throw new Error(`${name}: expected a .npy member`);
    out.set(name.slice(0, -4), readNpy(data, name));
    at += 46 + nameLength + extraLength + commentLength;
  }
  expectEqual(at, end, 'central directory walked to its end');
  return out;
}

export function readNpy(bytes: Uint8Array, name = 'array'): NpyRead {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expectEqual(ascii(bytes.subarray(1, 6)), 'NUMPY', `${name}: magic`);
  expectEqual(bytes[0], 0x93, `${name}: magic byte`);
  expectEqual(`${bytes[6]}.${bytes[7]}`, '1.0', `${name}: format version`);
  const headerLength = view.getUint16(8, true);
  const header = ascii(bytes.subarray(10, 10 + headerLength));
  const dataOffset = 10 + headerLength;
  if (!header.endsWith('\n')) throw new Error(`${name}: header must end with a newline`);
  const match = /^\{'descr': '([^']+)', 'fortran_order': (True|False), 'shape': \(([0-9, ]*)\), \} *\n$/.exec(header);
  if (!match) throw new Error(`${name}: unexpected header ${JSON.stringify(header)}`);
  const [, descr, fortran, shapeText] = match;
  expectEqual(fortran, 'False', `${name}: fortran_order`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const body = bytes.subarray(dataOffset);
  const bodyView = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let data: NpyRead['data'];
  if (descr === '<f8') {
    expectEqual(body.length, 8 * count, `${name}: data size`);
    data = Float64Array.from({ length: count }, (_, i) => bodyView.getFloat64(8 * i, true));
  } else if (descr === '<i4') {
    expectEqual(body.length, 4 * count, `${name}: data size`);
    data = Int32Array.from({ length: count }, (_, i) => bodyView.getInt32(4 * i, true));
  } else if (descr === '<i8') {
    expectEqual(body.length, 8 * count, `${name}: data size`);
    data = BigInt64Array.from({ length: count }, (_, i) => bodyView.getBigInt64(8 * i, true));
  } else if (/^<U\d+$/.test(descr)) {
    const width = Number(descr.slice(2));
    expectEqual(body.length, 4 * width * count, `${name}: data size`);
    data = Array.from({ length: count }, (_, i) => {
      const codePoints: number[] = [];
      for (let j = 0; j < width; j++) {
        const c = bodyView.getUint32(4 * (i * width + j), true);
        if (c !== 0) codePoints.push(c);
      }
      return String.fromCodePoint(...codePoints);
    });
  } else {
    throw new Error(`${name}: unexpected dtype ${descr}`);
  }
  return { descr, shape, data, dataOffset };
}

/** CRC-32 (ZIP) one bit at a time: slow, obviously right, independent of the exporter's table. */
export function bitwiseCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}
