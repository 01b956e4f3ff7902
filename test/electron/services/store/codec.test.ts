import { describe, expect, it } from 'vitest';
import { decodeDiagnostics, decodeFloat64, encodeDiagnostics, encodeFloat64 } from '../../../../electron/services/store/codec';
import { bytesOf } from './helpers';

describe('Float64 BLOB codec', () => {
  it('writes little-endian IEEE-754 doubles and reads them back bit for bit, from any byte offset', () => {
    const values = Float64Array.from([-0, 5e-324, 1e-300, -Infinity, NaN, 1 / 3]);
    const blob = encodeFloat64(values);
    expect(blob.length).toBe(48);
    expect(blob.readDoubleLE(16)).toBe(1e-300);
    // SQLite hands BLOBs back at arbitrary alignment: decode from an odd offset
    const unaligned = Buffer.alloc(49);
    blob.copy(unaligned, 1);
    expect(bytesOf(decodeFloat64(unaligned.subarray(1), 6, 'test'))).toEqual(bytesOf(values));
    expect(Array.from(decodeFloat64(encodeFloat64([1, 2, 3]), null, 'test'))).toEqual([1, 2, 3]);
  });

  it('reports a BLOB of the wrong size as a damaged database', () => {
    expect(() => decodeFloat64(Buffer.alloc(12), null, 'means of iteration 3')).toThrow(
      'The stored means of iteration 3 has 12 bytes where a multiple of 8 were expected; the database is damaged.',
    );
    expect(() => decodeFloat64(Buffer.alloc(16), 3, 'log-weights')).toThrow(/has 16 bytes where 24 were expected/);
  });
});

describe('diagnostics JSON', () => {
  it('keeps NaN and ±Infinity, which plain JSON would turn into null', () => {
    const diagnostics = { misfit: [Infinity, NaN, -Infinity, 2.5], jitter: [0, 1e-12, 0, 0], explorationEss: [null, 3, null, 1] };
    expect(decodeDiagnostics(encodeDiagnostics(diagnostics))).toEqual(diagnostics);
  });
});
