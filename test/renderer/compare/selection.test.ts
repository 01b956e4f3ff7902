import { describe, expect, it } from 'vitest';
import { legendNames, parseRunsQuery, runsQuery } from '../../../renderer/src/compare/selection';

describe('parseRunsQuery', () => {
  it('splits on commas, drops blanks and repeats, keeps the order', () => {
    expect(parseRunsQuery('b, a,,b,c')).toEqual(['b', 'a', 'c']);
    expect(parseRunsQuery(['a,b', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('reads a missing or malformed query as no runs', () => {
    expect(parseRunsQuery(undefined)).toEqual([]);
    expect(parseRunsQuery(null)).toEqual([]);
    expect(parseRunsQuery('')).toEqual([]);
  });

  it('round-trips through runsQuery, which leaves out an empty selection', () => {
    expect(parseRunsQuery(runsQuery(['x', 'y']))).toEqual(['x', 'y']);
    expect(runsQuery([])).toBeUndefined();
  });
});

describe('legendNames', () => {
  it('keeps unique names and adds the short id where runs share a name', () => {
    expect(
      legendNames([
        { id: 'aaaaaaaa-1', name: 'Circle' },
        { id: 'bbbbbbbb-2', name: 'Circle' },
        { id: 'cccccccc-3', name: 'Square' },
      ]),
    ).toEqual(['Circle (aaaaaaaa)', 'Circle (bbbbbbbb)', 'Square']);
  });
});
