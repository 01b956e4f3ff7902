import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../../electron/services/export/crc32';
import { suggestedExportFileName } from '../../../../electron/contract/exports';
import { encodeNpy } from '../../../../electron/services/export/npy';
import { memorySink } from '../../../../electron/services/export/sink';
import { StoredZipWriter } from '../../../../electron/services/export/zip';
import { bitwiseCrc32, readNpy, readNpz } from './npz-reader';

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('crc32', () => {
  it('gives the check value of the CRC-32 catalogue and agrees with a bit-by-bit CRC', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) & 0xff);
    expect(crc32(bytes)).toBe(bitwiseCrc32(bytes));
  });

  it('can checksum data in pieces', () => {
    const bytes = ascii('The quick brown fox jumps over the lazy dog');
    expect(crc32(bytes.subarray(10), crc32(bytes.subarray(0, 10)))).toBe(0x414fa339);
  });
});

describe('encodeNpy', () => {
  it('writes the header exactly as numpy does, data aligned to 64 bytes', () => {
    const bytes = encodeNpy({ dtype: '<f8', shape: [2, 3], data: Float64Array.of(1, 2, 3, 4, 5, 6) });
    const header = String.fromCharCode(...bytes.subarray(10, 10 + (bytes[8] | (bytes[9] << 8))));
    expect(header).toBe(`{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }${' '.repeat(58)}\n`);
    expect(bytes.length).toBe(128 + 48);
  });

  it("writes a one-dimensional shape with Python's trailing comma, and empty arrays", () => {
    expect(readNpy(encodeNpy({ dtype: '<i4', shape: [3], data: Int32Array.of(-1, 0, 2 ** 31 - 1) }))).toMatchObject({
      shape: [3],
      data: Int32Array.of(-1, 0, 2 ** 31 - 1),
    });
    expect(readNpy(encodeNpy({ dtype: '<f8', shape: [0, 4], data: new Float64Array(0) }))).toMatchObject({ descr: '<f8', shape: [0, 4] });
    expect(readNpy(encodeNpy({ dtype: '<i8', shape: [2], data: BigInt64Array.of(-(2n ** 63n), 2n ** 40n) })).data).toEqual(BigInt64Array.of(-(2n ** 63n), 2n ** 40n));
  });

  it('writes unicode strings as fixed-width UTF-32LE, as wide as the longest in code points', () => {
    const array = readNpy(encodeNpy({ dtype: 'unicode', shape: [3], data: ['a', 'θ₁', '😀'] }));
    expect(array).toMatchObject({ descr: '<U2', shape: [3], data: ['a', 'θ₁', '😀'] });
    expect(readNpy(encodeNpy({ dtype: 'unicode', shape: [1], data: [''] })).descr).toBe('<U1');
  });

  it('keeps every bit of special doubles, little-endian', () => {
    const values = Float64Array.of(-0, 5e-324, Number.MAX_VALUE, Infinity, -Infinity, NaN, 0.1 + 0.2);
    const bytes = encodeNpy({ dtype: '<f8', shape: [7], data: values });
    expect(bytes.subarray(bytes.length - 56)).toEqual(new Uint8Array(values.buffer));
  });

  it('refuses a shape that does not match the data', () => {
    expect(() => encodeNpy({ dtype: '<f8', shape: [2, 2], data: new Float64Array(3) })).toThrow(/product is 3, got \(2, 2\)/);
    expect(() => encodeNpy({ dtype: '<f8', shape: [-1, -3], data: new Float64Array(3) })).toThrow(RangeError);
  });
});

/** A whole archive of `entries` through the writer, in memory; the second entry in pieces. */
async function storedZip(entries: readonly { name: string; data: Uint8Array }[]): Promise<Uint8Array> {
  const sink = memorySink(Number.POSITIVE_INFINITY, () => new Error('unreachable'));
  const zip = new StoredZipWriter(sink);
  for (const [index, { name, data }] of entries.entries()) {
    if (index % 2 === 0) {
      await zip.add(name, data);
      continue;
    }
    const entry = await zip.begin(name, data.length);
    for (let at = 0; at < data.length; at += 7) await entry.write(data.subarray(at, at + 7));
    await entry.end();
  }
  await zip.finish();
  return sink.bytes();
}

describe('StoredZipWriter', () => {
  it('writes an archive whose end record, central directory and local headers (CRC patched in) agree', async () => {
    const zip = await storedZip([
      { name: 'x.npy', data: encodeNpy({ dtype: '<f8', shape: [1], data: Float64Array.of(42) }) },
      { name: 'y.npy', data: encodeNpy({ dtype: '<f8', shape: [3], data: Float64Array.of(1, -2, 3.5) }) },
      { name: 'z.npy', data: encodeNpy({ dtype: '<i4', shape: [0], data: new Int32Array(0) }) },
    ]);
    const arrays = readNpz(zip);
    expect([...arrays.keys()]).toEqual(['x', 'y', 'z']);
    expect(arrays.get('x')!.data).toEqual(Float64Array.of(42));
    expect(arrays.get('y')!.data).toEqual(Float64Array.of(1, -2, 3.5));
  });

  it('is an empty archive of 22 bytes with no entries', async () => {
    expect(await storedZip([])).toEqual(Uint8Array.of(0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)));
  });

  it('refuses duplicate and non-ASCII names, and an entry of another size than announced', async () => {
    const data = new Uint8Array(1);
    await expect(
      storedZip([
        { name: 'a', data },
        { name: 'a', data },
      ]),
    ).rejects.toThrow(/unique/);
    await expect(storedZip([{ name: 'θ.npy', data }])).rejects.toThrow(/printable ASCII/);
    const zip = new StoredZipWriter(memorySink(Number.POSITIVE_INFINITY, () => new Error('unreachable')));
    const entry = await zip.begin('short', 3);
    await entry.write(data);
    await expect(entry.end()).rejects.toThrow(/1 bytes written, 3 announced/);
    await expect(entry.write(new Uint8Array(3))).rejects.toThrow(/more than its 3 bytes/);
  });

  it('refuses an archive that would need ZIP64, before writing its entry', async () => {
    const zip = new StoredZipWriter(memorySink(Number.POSITIVE_INFINITY, () => new Error('unreachable')));
    await expect(zip.begin('huge.npy', 2 ** 32)).rejects.toThrow(/ZIP64/);
  });
});

describe('suggestedExportFileName', () => {
  it("makes the run name safe for any file system and adds the format's suffix", () => {
    expect(suggestedExportFileName('first try', 'csv')).toBe('first-try-samples.csv');
    expect(suggestedExportFileName('Modèle 2/3: θ', 'npz')).toBe('Modèle-2-3-θ.npz');
    expect(suggestedExportFileName('../../etc', 'json')).toBe('etc-mixture.json');
    expect(suggestedExportFileName('***', 'problem')).toBe('run.gmki.json');
  });
});
