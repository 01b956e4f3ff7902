import { describe, expect, it } from 'vitest';
import { detectDelimiter, guessMapping, mapCsv, parseCsv, parseNumberCell } from '../../../renderer/src/problem/csv';

const cells = (text: string, d: ',' | ';' | '\t' = ',') => parseCsv(text, d).map((r) => r.cells);

describe('parseCsv', () => {
  it('splits rows and cells and trims unquoted cells', () => {
    expect(cells('a, b ,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps delimiters, newlines and doubled quotes inside quoted cells', () => {
    expect(cells('"x, y","say ""hi""","two\nlines"\n1,2,3')).toEqual([
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '2', '3'],
    ]);
  });

  it('skips blank lines and reports the line each row starts on', () => {
    const rows = parseCsv('name,value\r\n\r\ny1,1\n ,\n"a\nb",2\ny3,3', ',');
    expect(rows.map((r) => r.line)).toEqual([1, 3, 5, 7]);
  });

  it('splits on semicolons and tabs', () => {
    expect(cells('a;b\n1;2', ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('a\tb\n1\t2', '\t')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('detectDelimiter', () => {
  it('finds the delimiter that splits every line alike', () => {
    expect(detectDelimiter('name;value\ny1;4,2297\ny2;1,5')).toBe(';');
    expect(detectDelimiter('name\tvalue\ny1\t4.2')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n1,2')).toBe(',');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter('4.2297\n1.5\n')).toBe(',');
  });
});

describe('parseNumberCell', () => {
  it('reads decimal points and exponents, and decimal commas only where the comma is not the delimiter', () => {
    expect(parseNumberCell(' 4.2297 ', ',')).toBe(4.2297);
    expect(parseNumberCell('-1e-3', ',')).toBe(-0.001);
    expect(parseNumberCell('.5', ',')).toBe(0.5);
    expect(parseNumberCell('4,2297', ';')).toBe(4.2297);
    expect(parseNumberCell('4,2297', ',')).toBeNull();
    expect(parseNumberCell('abc', ',')).toBeNull();
    expect(parseNumberCell('', ',')).toBeNull();
    expect(parseNumberCell('0x10', ',')).toBeNull();
  });
});

describe('mapCsv', () => {
  const rows = parseCsv('name,value,sigma\ny1,4.2297,1\ny2,1.5,0.5\n', ',');

  it('takes values, names and stds from the chosen columns, skipping the header row', () => {
    expect(mapCsv(rows, { delimiter: ',', header: true, valueColumn: 1, nameColumn: 0, stdColumn: 2 })).toEqual({
      ok: true,
      values: [4.2297, 1.5],
      names: ['y1', 'y2'],
      std: [1, 0.5],
    });
  });

  it('names the line and the column of a cell that is not a number', () => {
    const bad = parseCsv('name,value\ny1,4.2\n\ny2,abc\n', ',');
    expect(mapCsv(bad, { delimiter: ',', header: true, valueColumn: 1, nameColumn: 0, stdColumn: null })).toEqual({
      ok: false,
      message: 'Line 4, column 2 ("value"): "abc" is not a number.',
    });
  });

  it('reads the header row as data when told there is none', () => {
    const result = mapCsv(rows, { delimiter: ',', header: false, valueColumn: 1, nameColumn: null, stdColumn: null });
    expect(result).toEqual({ ok: false, message: 'Line 1, column 2: "value" is not a number.' });
  });

  it('refuses a std that is not positive and an empty cell', () => {
    const bad = parseCsv('1,0\n2,', ',');
    expect(mapCsv(bad, { delimiter: ',', header: false, valueColumn: 0, nameColumn: null, stdColumn: 1 })).toEqual({
      ok: false,
      message: 'Line 1, column 2: a std must be > 0, got 0.',
    });
    expect(mapCsv(bad, { delimiter: ',', header: false, valueColumn: 1, nameColumn: null, stdColumn: null })).toEqual({
      ok: false,
      message: 'Line 2, column 2 is empty.',
    });
  });

  it('guesses a header row, the value column and a names column', () => {
    expect(guessMapping(rows, ',')).toEqual({ delimiter: ',', header: true, valueColumn: 1, nameColumn: 0, stdColumn: null });
    expect(guessMapping(parseCsv('4.2297\n1.5', ','), ',')).toEqual({ delimiter: ',', header: false, valueColumn: 0, nameColumn: null, stdColumn: null });
  });
});
