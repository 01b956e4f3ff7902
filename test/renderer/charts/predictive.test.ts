import { describe, expect, it } from 'vitest';
import { posteriorPredictiveChart, type PredictiveBandData } from '../../../renderer/src/charts/predictive';
import { renderToSvg, seriesOf } from './support';

const observations = { values: [1, 2.5, 0.3], std: [0.1, 0.2, 0.05], names: ['y1', 'y2', 'y3'] };
const band: PredictiveBandData = {
  low: [0.9, 2.2, 0.25],
  median: [1, 2.45, 0.3],
  high: [1.1, 2.7, 0.36],
  noisyLow: [0.7, 1.8, 0.15],
  noisyHigh: [1.3, 3.1, 0.45],
  percent: 90,
};

describe('posteriorPredictiveChart with a band', () => {
  it('draws new data and the model output as ranges behind the data, the model range with its median', () => {
    const option = posteriorPredictiveChart(observations, [{ name: 'Component 0', values: [1.05, 2.4, 0.31], component: 0 }], { band });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['New data, 90 %', 'Model output, 90 %', 'Observed ±2σ', 'Observed', 'Component 0']);
    expect(series[0]!.data).toEqual([
      [0, 0.7, 1.3],
      [1, 1.8, 3.1],
      [2, 0.15, 0.45],
    ]);
    expect(series[1]!.data).toEqual([
      [0, 0.9, 1.1, 1],
      [1, 2.2, 2.7, 2.45],
      [2, 0.25, 0.36, 0.3],
    ]);
    const svg = renderToSvg(option);
    expect(svg).toContain('Model output, 90 %');
    // ECharts draws the ranges: three of new data (lighter), three of the model output (darker).
    expect(svg.match(/fill="rgb\(89,99,110\)" fill-opacity="0.18"/g)).toHaveLength(3);
    expect(svg.match(/fill="rgb\(89,99,110\)" fill-opacity="0.42"/g)).toHaveLength(3);
  });

  it('draws the band as stacked areas (low edge, then width) when the observations form a series', () => {
    const n = 40;
    const long = { values: Array.from({ length: n }, (_, a) => Math.sin(a / 5)), std: Array(n).fill(0.1) };
    const wide = {
      low: long.values.map((y) => y - 0.2),
      median: long.values,
      high: long.values.map((y) => y + 0.3),
      noisyLow: long.values.map((y) => y - 0.4),
      noisyHigh: long.values.map((y) => y + 0.5),
      percent: 90,
    };
    const series = seriesOf(posteriorPredictiveChart(long, [], { band: wide }));
    const model = series.filter((s) => s.name === 'Model output, 90 %');
    expect(model).toHaveLength(3);
    const [x, width] = (model[1]!.data as number[][])[3]!;
    expect(x).toBe(3);
    expect(width).toBeCloseTo(0.5, 12);
    expect(model[1]!.stack).toBe(model[0]!.stack);
    expect(model[1]!.areaStyle).toBeDefined();
  });
});
