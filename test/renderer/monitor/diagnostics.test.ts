import { describe, expect, it } from 'vitest';
import type { LineSeriesOption } from 'echarts';
import type { RunDiagnostics } from '../../../core/results/diagnostics';
import { weightsChart } from '../../../renderer/src/charts/history';
import {
  describeCondition,
  findingRows,
  flaggedComponents,
  flaggedList,
  markFlaggedComponents,
  suggestedExtension,
  withDoubledComponents,
} from '../../../renderer/src/monitor/diagnostics';
import { drawnSeries, seriesSummary, syntheticHistory } from '../charts/support';

const diagnostics: RunDiagnostics = {
  findings: [
    { kind: 'weight-at-floor', severity: 'info', components: [1, 2], value: 4, message: 'Components 1 and 2 have weight at the floor.' },
    { kind: 'parked-on-fit', severity: 'warning', components: [2], value: 1.2, message: 'Component 2 sits where the model fits.' },
  ],
  messages: ['Component 2 sits where the model fits.', 'Components 1 and 2 have weight at the floor.'],
  mayMissMass: true,
  conditionNumbers: [2, 5000, 1e9],
};

describe('flaggedComponents', () => {
  it('keeps the most serious severity of the findings naming each component', () => {
    const flags = flaggedComponents(diagnostics);
    expect([...flags.entries()].sort()).toEqual([
      [1, 'info'],
      [2, 'warning'],
    ]);
  });
  it('flags nothing without diagnostics', () => {
    expect(flaggedComponents(null).size).toBe(0);
  });
});

describe('markFlaggedComponents', () => {
  it('thickens the flagged components only and marks their legend entries', () => {
    const option = markFlaggedComponents(weightsChart(syntheticHistory()), new Map([[1, 'warning' as const]]));
    const series = option.series as LineSeriesOption[];
    expect(series[1].lineStyle?.width).toBeGreaterThan(series[0].lineStyle?.width as number);
    const formatter = (option.legend as { formatter: (name: string) => string }).formatter;
    expect(formatter('Component 1')).toBe('Component 1 ⚠');
    expect(formatter('Component 0')).toBe('Component 0');
    // ECharts draws the marked option: the same lines, every point.
    expect(drawnSeries(option)).toEqual(seriesSummary(weightsChart(syntheticHistory())));
  });
  it('returns the option unchanged when nothing is flagged', () => {
    const option = weightsChart(syntheticHistory());
    expect(markFlaggedComponents(option, new Map())).toBe(option);
  });
});

describe('flaggedList', () => {
  it('lists the numbers of one severity in order, from 0 as in the files', () => {
    const flags = new Map([
      [7, 'warning' as const],
      [0, 'warning' as const],
      [2, 'info' as const],
      [4, 'warning' as const],
    ]);
    expect(flaggedList(flags, 'warning')).toBe('0, 4 and 7');
    expect(flaggedList(flags, 'info')).toBe('2');
  });
});

describe('describeCondition', () => {
  it('grades condition numbers with the thresholds of the diagnostics', () => {
    expect(describeCondition(2)).toEqual({ text: '2.00', level: 'ok' });
    expect(describeCondition(5000)).toEqual({ text: '5.0e3', level: 'info' });
    expect(describeCondition(1e9).level).toBe('warning');
    expect(describeCondition(null)).toEqual({ text: 'singular', level: 'warning' });
  });
});

describe('findingRows', () => {
  it('lists warnings first with component numbers from 0, as in the files', () => {
    const rows = findingRows(diagnostics);
    expect(rows.map((r) => r.severity)).toEqual(['warning', 'info']);
    expect(rows[0]).toMatchObject({ kind: 'parked on fit', components: '2' });
    expect(rows[1].components).toBe('1, 2');
  });
});

describe('withDoubledComponents', () => {
  it('doubles K and keeps every other setting', () => {
    const { problem, note } = withDoubledComponents({ name: 'p', settings: { components: 3, iterations: 30 } }, 3);
    expect(problem.settings).toEqual({ components: 6, iterations: 30 });
    expect(note).toBeNull();
  });
  it('drops an explicit initialisation, which lists one mean per component, and says so', () => {
    const original = { settings: { components: 2, initialization: { type: 'explicit', weights: [0.5, 0.5], means: [[0], [1]], covariances: [[[1]], [[1]]] } } };
    const { problem, note } = withDoubledComponents(original, 2);
    expect(problem.settings).toEqual({ components: 4 });
    expect(note).toContain('from the prior');
    // The run's own problem is untouched.
    expect(original.settings.initialization.type).toBe('explicit');
  });
});

describe('suggestedExtension', () => {
  it('adds half the planned iterations, at least 10', () => {
    expect(suggestedExtension(30)).toBe(15);
    expect(suggestedExtension(8)).toBe(10);
  });
});
