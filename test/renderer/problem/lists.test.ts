import { describe, expect, it } from 'vitest';
import {
  joinCommandLine,
  nonNumbers,
  parseMatrix,
  parseNameList,
  parseNumberList,
  parseNumberText,
  showList,
  splitCommandLine,
} from '../../../renderer/src/problem/lists';

describe('number text', () => {
  it('turns typed numbers into numbers and keeps anything else as typed, so validation can name it', () => {
    expect(parseNumberText(' 1.5e3 ')).toBe(1500);
    expect(parseNumberText('-.5')).toBe(-0.5);
    expect(parseNumberText('1,5')).toBe('1,5');
    expect(parseNumberText('abc')).toBe('abc');
    expect(parseNumberText('   ')).toBeUndefined();
  });

  it('reads lists separated by newlines, commas, semicolons or spaces and names the tokens that are not numbers', () => {
    const list = parseNumberList('4.2297\n1, 2;3  x\n');
    expect(list).toEqual([4.2297, 1, 2, 3, 'x']);
    expect(nonNumbers(list)).toBe('value 5 ("x")');
    expect(showList([1, 'x'])).toBe('1\nx');
  });

  it('reads matrices row by row, ignoring brackets pasted from JSON', () => {
    expect(parseMatrix('[[1, 0.5],\n [0.5, 2]]')).toEqual([
      [1, 0.5],
      [0.5, 2],
    ]);
  });

  it('reads names one per line or comma separated', () => {
    expect(parseNameList('y1, y2\n\n y3 ')).toEqual(['y1', 'y2', 'y3']);
  });
});

describe('command lines', () => {
  it('splits like a shell: quotes keep spaces, backslashes escape', () => {
    expect(splitCommandLine(`python3 "my model.py" --tag 'a b' x\\ y ""`)).toEqual(['python3', 'my model.py', '--tag', 'a b', 'x y', '']);
  });

  it('joins words back so that splitting gives them again', () => {
    const words = ['python3', 'my model.py', "it's", ''];
    expect(splitCommandLine(joinCommandLine(words))).toEqual(words);
  });
});
