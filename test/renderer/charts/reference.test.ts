// The problem's reference values (problem-format.md §1.4) on the charts: the corner plot, the
// monitor's means ±2σ and distance charts, and the Compare overlays. Each is drawn only when
// there is a reference, under its label, in the colour of observed data.
import { describe, expect, it } from 'vitest';
import { lowerBoundTransform, identityTransform } from '../../../core/problem/transforms';
import { referenceDistances } from '../../../core/results/reference';
import { overlayMarginals, overlayPair } from '../../../renderer/src/charts/compare';
import { buildCornerData } from '../../../renderer/src/charts/corner/data';
import { cornerPlotOptions } from '../../../renderer/src/charts/corner/options';
import { meansChart } from '../../../renderer/src/charts/history';
import { referenceDistanceChart } from '../../../renderer/src/charts/reference';
import { DARK_THEME, LIGHT_THEME } from '../../../renderer/src/charts/theme';
import { sharedReference, type RunPosterior } from '../../../renderer/src/compare/common-parameters';
import { drawnSeries, PIXEL_PNG, seriesOf, seriesSummary, syntheticHistory, twoComponentMixture } from './support';

const REFERENCE = { label: 'truth', values: [-0.9, 0.4, 9] };

describe('corner plot with a reference', () => {
  const data = buildCornerData(twoComponentMixture(), { reference: REFERENCE, pixels: 24, points: 50 });
  const option = cornerPlotOptions({ data, images: data.pairs.map(() => PIXEL_PNG) });
  const marks = seriesOf(option).filter((s) => s.name === 'truth');

  it('marks the reference on every cell: a dashed line on each diagonal, a diamond on each pair', () => {
    // 3 parameters: 3 diagonal cells and 3 pair cells.
    expect(marks).toHaveLength(6);
    const lines = marks.filter((s) => s.type === 'line');
    expect(lines.map((s) => (s.markLine as { data: { xAxis: number }[] }).data[0]!.xAxis)).toEqual([-0.9, 0.4, 9]);
    const diamonds = marks.filter((s) => s.type === 'scatter');
    // Pairs (1,0), (2,0), (2,1): x is the column's parameter, y the row's.
    expect(diamonds.map((s) => (s.data as { value: number[] }[])[0]!.value)).toEqual([
      [-0.9, 0.4],
      [-0.9, 9],
      [0.4, 9],
    ]);
    expect(marks.every((s) => s.color === LIGHT_THEME.observation || (s.itemStyle as { color: string }).color === LIGHT_THEME.observation)).toBe(true);
  });

  it('stretches an axis to hold a reference the mixture does not reach, and names it in the key', () => {
    // Parameter 2's components sit at 2 and 1 with std ≤ 0.64: 9 is far outside 4σ.
    expect(data.ranges[2]!.max).toBeGreaterThan(9);
    expect(data.ranges[0]!).toEqual(buildCornerData(twoComponentMixture(), { pixels: 24, points: 50 }).ranges[0]);
    const legend = option.legend as { data: (string | { name: string })[] };
    expect(legend.data.map((entry) => (typeof entry === 'string' ? entry : entry.name))).toEqual(['Component 0', 'Component 1', 'truth']);
  });

  it('keeps to the plotted parameters, in their order, and is drawn by ECharts', () => {
    const two = buildCornerData(twoComponentMixture(), { reference: REFERENCE, parameters: [2, 0], pixels: 24, points: 50 });
    expect(two.reference).toEqual({ label: 'truth', values: [9, -0.9] });
    const drawn = cornerPlotOptions({ data: two, images: two.pairs.map(() => PIXEL_PNG), theme: DARK_THEME });
    expect(drawnSeries(drawn)).toEqual(seriesSummary(drawn));
  });

  it('draws nothing of the kind without a reference', () => {
    const plain = buildCornerData(twoComponentMixture(), { pixels: 24, points: 50 });
    expect(plain.reference).toBeUndefined();
    const names = seriesOf(cornerPlotOptions({ data: plain, images: plain.pairs.map(() => PIXEL_PNG) })).map((s) => s.name);
    expect(names).not.toContain('truth');
  });
});

describe('means chart with a reference', () => {
  it("draws the parameter's reference value across every iteration under its label, inside the axis", () => {
    const history = syntheticHistory(6);
    const option = meansChart(history, 1, undefined, { reference: { label: 'truth', value: 7 } });
    const line = seriesOf(option).find((s) => s.name === 'truth')!;
    expect(line.data).toEqual([
      [0, 7],
      [6, 7],
    ]);
    expect(line.color).toBe(LIGHT_THEME.observation);
    expect(drawnSeries(option)).toEqual(seriesSummary(option));
    expect(seriesOf(meansChart(history, 1)).map((s) => s.name)).not.toContain('truth');
  });
});

describe('referenceDistanceChart', () => {
  const history = syntheticHistory(5);
  const transforms = [identityTransform(), lowerBoundTransform(-10)];
  const reference = { label: 'truth', values: [1, -2] };

  it("plots core's distance of every component at every iteration, in the component colours", () => {
    const option = referenceDistanceChart(history, transforms, reference);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['Component 0', 'Component 1']);
    for (const entry of history) {
      const expected = referenceDistances(entry.mixture, transforms, { theta: Float64Array.from(reference.values) });
      for (let k = 0; k < 2; k++) {
        const point = (series[k]!.data as { value: [number, number]; relativeError: number }[])[entry.iteration]!;
        expect(point.value).toEqual([entry.iteration, expected[k]!.distance]);
        expect(point.relativeError).toBe(expected[k]!.relativeError);
      }
    }
    expect((option.yAxis as { name: string }).name).toBe('Distance to the truth');
    expect(drawnSeries(option)).toEqual(seriesSummary(option));
  });

  it('adds the relative error in the tooltip and escapes the label, which comes from the problem file', () => {
    const option = referenceDistanceChart(history, transforms, { label: '<b>x</b>', values: [3, 4] });
    const formatter = (option.tooltip as { formatter: (params: unknown) => string }).formatter;
    const params = seriesOf(option).map((s) => ({ seriesName: s.name, marker: '', axisValue: 2, data: (s.data as unknown[])[2] }));
    const text = formatter(params);
    expect(text).toContain('distance to the &#60;b&#62;x&#60;/b&#62;');
    expect(text).not.toContain('<b>');
    expect(text).toMatch(/Component 0: [\d.]+ \([\d.]+ %\)/);
  });

  it('leaves gaps where the mixture has another number of parameters than the reference', () => {
    const series = seriesOf(referenceDistanceChart(history, transforms, { label: 'truth', values: [1, 2, 3] }));
    expect((series[0]!.data as { value: [number, number | null] }[]).every((point) => point.value[1] === null)).toBe(true);
  });
});

describe('Compare overlays with a shared reference', () => {
  const run = (name: string, names: string[], reference: RunPosterior['reference']): RunPosterior => ({
    name,
    mixture: twoComponentMixture(),
    names,
    transforms: names.map(() => identityTransform()),
    reference,
  });

  it('shares a reference only when every run has it, with the same label and values', () => {
    const a = run('a', ['x', 'y', 'z'], { label: 'truth', values: [1, 2, 3] });
    const b = run('b', ['z', 'x', 'y'], { label: 'truth', values: [3, 1, 2] });
    expect(sharedReference([a, b], ['x', 'z'])).toEqual({ label: 'truth', values: [1, 3] });
    expect(sharedReference([a, run('c', ['x', 'y', 'z'], { label: 'truth', values: [1, 2, 4] })], ['x', 'z'])).toBeNull();
    expect(sharedReference([a, run('c', ['x', 'y', 'z'], { label: 'other', values: [1, 2, 3] })], ['x'])).toBeNull();
    expect(sharedReference([a, run('c', ['x', 'y', 'z'], null)], ['x'])).toBeNull();
    expect(sharedReference([], ['x'])).toBeNull();
  });

  it('draws a dashed line on the marginal overlay, stretching its range, and a diamond on the pair', () => {
    const runs = [{ name: 'a', mixture: twoComponentMixture() }];
    const marginals = overlayMarginals(runs, 2, { reference: { label: 'truth', value: 9 } });
    const line = seriesOf(marginals).find((s) => s.name === 'truth')!;
    expect((line.data as number[][]).map((point) => point[0])).toEqual([9, 9]);
    expect((marginals.xAxis as { max: number }).max).toBeGreaterThan(9);
    const pair = overlayPair(runs, 0, 1, { reference: { label: 'truth', point: [1, 2] } });
    expect(seriesOf(pair).find((s) => s.name === 'truth')!.data).toEqual([[1, 2]]);
    expect(drawnSeries(marginals)).toEqual(seriesSummary(marginals));
    expect(drawnSeries(pair)).toEqual(seriesSummary(pair));
    expect(seriesOf(overlayPair(runs, 0, 1)).map((s) => s.name)).toEqual(['a']);
  });
});
