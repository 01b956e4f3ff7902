import { describe, expect, it } from 'vitest';
import { buildSamplesCsv } from '../../../../electron/services/results/samples-csv';

describe('buildSamplesCsv', () => {
  it('writes the parameter names then component, and one row per sample', () => {
    const csv = buildSamplesCsv(['theta1', 'k'], Float64Array.from([1, 2, 3, 4, 5, 6]), Int32Array.from([0, 2, 1]));
    expect(csv).toBe('theta1,k,component\n1,2,0\n3,4,2\n5,6,1\n');
  });

  it('writes numbers with full round-trip precision', () => {
    const values = [0.1 + 0.2, -1.2345678901234567e-200, 123456789.12345679, Number.MIN_VALUE];
    const csv = buildSamplesCsv(['a'], Float64Array.from(values), Int32Array.from([0, 0, 0, 0]));
    const parsed = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => Number(line.split(',')[0]));
    expect(parsed).toEqual(values);
  });

  it('writes only the header when there are no samples', () => {
    expect(buildSamplesCsv(['a', 'b'], new Float64Array(0), new Int32Array(0))).toBe('a,b,component\n');
  });

  it('quotes a header field that would break the CSV', () => {
    expect(buildSamplesCsv(['a,b'], Float64Array.from([1]), Int32Array.from([0]))).toBe('"a,b",component\n1,0\n');
  });

  it('refuses samples whose size does not match names × components', () => {
    expect(() => buildSamplesCsv(['a', 'b'], Float64Array.from([1, 2, 3]), Int32Array.from([0, 0]))).toThrow(/expected 2×2 = 4 values, got 3/);
  });
});
