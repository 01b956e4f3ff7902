import { describe, expect, it } from 'vitest';
import { formatValue, leavesOf, settingsDiff, settingsSourceOf } from '../../../renderer/src/compare/settings-diff';

const problem = (components: number, std = 1) => ({
  format: 'gmki-problem/1',
  name: 'two-modal',
  parameters: [
    { name: 'theta1', prior: { mean: 0, std } },
    { name: 'theta2', prior: { mean: 0, std: 1 } },
  ],
  observations: { values: [4.2297], noise: { std: 1 } },
  model: { type: 'builtin', name: 'two-modal-2d' },
  settings: { method: 'gmki-paper', components, seed: 1, initialization: { type: 'prior' }, sigmaPointAlpha: null },
});

describe('settingsDiff', () => {
  it('finds no differences between runs of the same problem and settings', () => {
    expect(settingsDiff([problem(3), problem(3), problem(3)])).toEqual([]);
  });

  it('lists every leaf with "all", marking the equal ones', () => {
    const rows = settingsDiff([problem(3), problem(3)], { all: true });
    expect(rows.map((row) => row.path)).toContain('settings.components');
    expect(rows.map((row) => row.path)).toContain('parameters[1].prior.std');
    expect(rows.every((row) => !row.differs)).toBe(true);
    expect(rows.find((row) => row.path === 'settings.sigmaPointAlpha')?.values).toEqual([null, null]);
  });

  it("names a nested difference by its JSON path with each run's value", () => {
    const rows = settingsDiff([problem(3), problem(6, 2)]);
    expect(rows).toEqual([
      { path: 'parameters[0].prior.std', values: [1, 2], differs: true },
      { path: 'settings.components', values: [3, 6], differs: true },
    ]);
  });

  it('keeps one row per differing path over three runs, in the order the paths first appear', () => {
    const rows = settingsDiff([problem(3), problem(3), problem(4)]);
    expect(rows).toEqual([{ path: 'settings.components', values: [3, 3, 4], differs: true }]);
  });

  it('walks arrays of objects per index, so a parameter only one run has shows as absent in the other', () => {
    const three = { ...problem(3), parameters: [...problem(3).parameters, { name: 'theta3', prior: { mean: 1, std: 1 } }] };
    const rows = settingsDiff([problem(3), three]);
    expect(rows.map((row) => row.path)).toEqual(['parameters[2].name', 'parameters[2].prior.mean', 'parameters[2].prior.std']);
    expect(rows[0].values).toEqual([undefined, 'theta3']);
  });

  it('treats an array of plain values as one setting, whatever its lengths', () => {
    const more = { ...problem(3), observations: { values: [4.2297, 1], noise: { std: 1 } } };
    expect(settingsDiff([problem(3), more])).toEqual([{ path: 'observations.values', values: [[4.2297], [4.2297, 1]], differs: true }]);
  });

  it('tells a missing key from a present one, whatever the value', () => {
    const withoutSeed = { ...problem(3), settings: { ...problem(3).settings, seed: undefined } };
    delete (withoutSeed.settings as { seed?: number }).seed;
    const withExtra = { ...problem(3), description: 'more words' };
    const rows = settingsDiff([withoutSeed, withExtra]);
    expect(rows).toEqual([
      { path: 'settings.seed', values: [undefined, 1], differs: true },
      { path: 'description', values: [undefined, 'more words'], differs: true },
    ]);
  });

  it('compares a matrix row by row and an object that replaces a value as different', () => {
    const a = {
      initialization: {
        means: [
          [0, 1],
          [2, 3],
        ],
      },
      noise: { std: 1 },
    };
    const b = {
      initialization: {
        means: [
          [0, 1],
          [2, 4],
        ],
      },
      noise: { covariance: [[1]] },
    };
    const rows = settingsDiff([a, b]);
    expect(rows.map((row) => row.path)).toEqual(['initialization.means[1]', 'noise.std', 'noise.covariance[0]']);
  });

  it('returns nothing for no runs and everything for one run with "all"', () => {
    expect(settingsDiff([])).toEqual([]);
    expect(settingsDiff([problem(3)], { all: true }).length).toBe(leavesOf(problem(3)).size);
  });
});

describe('settingsSourceOf', () => {
  it('adds the software and the model hash to the problem, so a changed model file shows', () => {
    const run = (hash: string) => ({ problem: problem(3), softwareName: 'gmki-studio', softwareVersion: '0.1.0', modelHash: hash });
    expect(settingsDiff([settingsSourceOf(run('aa')), settingsSourceOf(run('bb'))])).toEqual([{ path: 'modelHash', values: ['aa', 'bb'], differs: true }]);
    expect(settingsSourceOf(run('aa')).software).toBe('gmki-studio 0.1.0');
  });
});

describe('formatValue', () => {
  it('shows absent values as a dash, strings bare, the rest as JSON, long values cut', () => {
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue('gmki-paper')).toBe('gmki-paper');
    expect(formatValue(null)).toBe('null');
    expect(formatValue([1, 2])).toBe('[1,2]');
    expect(formatValue('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
