import { describe, expect, it } from 'vitest';
import { locateSyntaxError, parseJsonWithLocation } from '../../../electron/services/json-syntax';

function errorOf(text: string): { line: number; column: number; message: string } {
  const result = parseJsonWithLocation(text);
  if (result.ok) throw new Error('expected a syntax error');
  return result.error;
}

describe('parseJsonWithLocation', () => {
  it('parses valid JSON, also after a byte-order mark', () => {
    expect(parseJsonWithLocation('{"a": [1, 2.5e3, true, null, "x\\n"]}')).toEqual({
      ok: true,
      value: { a: [1, 2500, true, null, 'x\n'] },
    });
    expect(parseJsonWithLocation('\ufeff[1]')).toEqual({ ok: true, value: [1] });
  });

  it('points at a trailing comma with line and column', () => {
    expect(errorOf('{\n  "a": 1,\n}')).toEqual({
      line: 3,
      column: 1,
      message: "expected a property name in double quotes, found '}' (JSON allows no comma before })",
    });
  });

  it('points at a missing comma between properties', () => {
    const error = errorOf('{\n  "a": 1\n  "b": 2\n}');
    expect([error.line, error.column]).toEqual([3, 3]);
    expect(error.message).toMatch(/expected ',' or '}'/);
  });

  it('explains comments, single quotes and bare words', () => {
    expect(errorOf('{"a": // note\n 1}').message).toMatch(/JSON has no comments/);
    expect(errorOf("{'a': 1}").message).toMatch(/property name in double quotes/);
    expect(errorOf('{"a": NaN}')).toMatchObject({ line: 1, column: 7, message: "expected a value, found 'NaN'" });
  });

  it('reports the end of the file and unterminated strings where they start', () => {
    expect(errorOf('{"a": [1, 2')).toMatchObject({ message: "expected ',' or ']' after an array element, found the end of the file" });
    expect(errorOf('{"a": "abc')).toMatchObject({ line: 1, column: 7, message: 'unterminated string' });
    expect(errorOf('')).toMatchObject({ line: 1, column: 1, message: 'expected a value, found the end of the file' });
  });

  it('reports text after the value', () => {
    expect(errorOf('{}\n{}')).toMatchObject({ line: 2, column: 1 });
  });

  it('agrees with JSON.parse on what is valid', () => {
    const samples = ['1', '-0.5e-3', '"\\u00e9"', '[]', '{}', '01', '1.', '-', '"\\x"', '[1,]', 'tru', '"a\tb"'];
    for (const text of samples) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(locateSyntaxError(text) === null, text).toBe(valid);
    }
  });
});
