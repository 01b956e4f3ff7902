import { describe, expect, it } from 'vitest';
import { lowerBoundTransform } from '../../../core/problem/transforms';
import { overlayCurves, overlayMarginals, overlayPair } from '../../../renderer/src/charts/compare';
import { runColor } from '../../../renderer/src/charts/palette';
import { posteriorPredictiveChart } from '../../../renderer/src/charts/predictive';
import { LIGHT_THEME } from '../../../renderer/src/charts/theme';
import { drawnSeries, randomMixture, renderToSvg, seriesOf, seriesSummary, syntheticHistory, trapezoid, twoComponentMixture } from './support';

const runs = [
  { name: 'K = 2', mixture: twoComponentMixture(), parameterNames: ['a', 'b', 'c'] },
  { name: 'K = 4', mixture: randomMixture(3, 4, 7), parameterNames: ['a', 'b', 'c'] },
  { name: 'K = 3', mixture: randomMixture(3, 3, 11) },
];

describe('overlayMarginals', () => {
  it('draws one normalised curve per run on a shared grid, coloured per run, with the runs in the legend', () => {
    const option = overlayMarginals(runs, 1);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['K = 2', 'K = 4', 'K = 3']);
    expect(series.map((s) => s.color)).toEqual([0, 1, 2].map((r) => runColor(r, LIGHT_THEME)));
    expect((option.xAxis as Record<string, unknown>).name).toBe('b');
    const grids = series.map((s) => (s.data as [number, number][]).map(([x]) => x));
    expect(grids[1]).toEqual(grids[0]);
    for (const s of series) {
      const data = s.data as [number, number][];
      expect(
        trapezoid(
          data.map(([x]) => x),
          data.map(([, y]) => y),
        ),
      ).toBeCloseTo(1, 2);
    }
    expect(drawnSeries(option)).toEqual(['K = 2', 'K = 4', 'K = 3'].map((name) => ({ type: 'line', name, points: 300 })));
  });

  it('works in physical units', () => {
    const transforms = [lowerBoundTransform(0), lowerBoundTransform(0), lowerBoundTransform(0)];
    const series = seriesOf(
      overlayMarginals(
        runs.map((run) => ({ ...run, transforms })),
        2,
        { points: 4000 },
      ),
    );
    for (const s of series) {
      const data = s.data as [number, number][];
      expect(data[0][0]).toBeGreaterThan(0);
      expect(
        trapezoid(
          data.map(([x]) => x),
          data.map(([, y]) => y),
        ),
      ).toBeCloseTo(1, 2);
    }
  });
});

describe('overlayPair', () => {
  it("draws each run's component ellipses as one series per run", () => {
    const option = overlayPair(runs, 0, 2);
    const series = seriesOf(option);
    expect(series).toHaveLength(3);
    // Run 2 has 4 components: 4 closed ellipses of 73 points, each followed by a gap.
    expect((series[1].data as unknown[]).length).toBe(4 * 74);
    expect(drawnSeries(option)).toEqual(seriesSummary(option));
  });
});

describe('overlayCurves', () => {
  const histories = [
    { name: 'first', history: syntheticHistory(10) },
    { name: 'second', history: syntheticHistory(6) },
  ];

  it('draws one weights series per run, components separated by gaps, on a log axis', () => {
    const option = overlayCurves(histories, 'weights');
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['first', 'second']);
    expect((option.yAxis as Record<string, unknown>).type).toBe('log');
    // 2 components × (11 iterations + one gap).
    expect((series[0].data as unknown[]).length).toBe(2 * 12);
    expect(drawnSeries(option)).toEqual([
      { type: 'line', name: 'first', points: 2 * 12 },
      { type: 'line', name: 'second', points: 2 * 8 },
    ]);
  });

  it("draws each run's best misfit", () => {
    const series = seriesOf(overlayCurves(histories, 'misfit'));
    expect(series).toHaveLength(2);
    expect((series[1].data as [number, number | null][])[1]).toEqual([1, 50]);
  });
});

describe('posteriorPredictiveChart', () => {
  const observations = { values: [1, 2.5, 0.3], std: [0.1, 0.2, 0.05], names: ['y1', 'y2', 'y3'] };
  const predicted = [
    { name: 'Component 1', values: [1.05, 2.4, 0.31], component: 0 },
    { name: 'Component 2', values: [0.9, 2.7, 0.2], component: 1 },
  ];

  it('shows the observations with ±2σ bars and one series per prediction', () => {
    const option = posteriorPredictiveChart(observations, predicted);
    const series = seriesOf(option);
    expect(series.map((s) => s.type)).toEqual(['custom', 'scatter', 'scatter', 'scatter']);
    expect(series[0].data).toEqual([
      [0, 1 - 0.2, 1 + 0.2],
      [1, 2.5 - 0.4, 2.5 + 0.4],
      [2, 0.3 - 0.1, 0.3 + 0.1],
    ]);
    expect((option.xAxis as Record<string, unknown>).data).toEqual(['y1', 'y2', 'y3']);
    const svg = renderToSvg(option);
    expect(svg).toContain('Component 2');
    // The x labels are the observations' names, not numbers run through a tick formatter.
    expect(svg).toContain('>y2<');
  });

  it('joins predictions into lines for long outputs', () => {
    const n = 50;
    const long = { values: Array.from({ length: n }, (_, a) => Math.sin(a / 5)), std: Array(n).fill(0.1) };
    const option = posteriorPredictiveChart(long, [{ name: 'mean', values: long.values }]);
    expect(seriesOf(option)[2].type).toBe('line');
    expect((option.xAxis as Record<string, unknown>).data).toHaveLength(n);
  });
});
