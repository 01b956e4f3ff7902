import { describe, expect, it } from 'vitest';
import { mixtureDensityOnGrid2d } from '../../../core/results/density';
import { identityTransform, intervalTransform, lowerBoundTransform, upperBoundTransform } from '../../../core/problem/transforms';
import { buildCornerData } from '../../../renderer/src/charts/corner/data';
import { componentEllipse, ellipseGeometry } from '../../../renderer/src/charts/corner/ellipse';
import { axisRange, jacobian } from '../../../renderer/src/charts/corner/grid';
import { marginalDensity, sampleHistogram } from '../../../renderer/src/charts/corner/marginal';
import { cornerPlotOptions } from '../../../renderer/src/charts/corner/options';
import { formatInterval } from '../../../renderer/src/charts/corner/intervals';
import { cornerPixels } from '../../../renderer/src/charts/corner/layout';
import { pairDensityRaster } from '../../../renderer/src/charts/corner/raster';
import { stretchSvgImages } from '../../../renderer/src/charts/svg';
import { PIXEL_PNG, renderToSvg, seriesOf, singleGaussian, trapezoid, twoComponentMixture } from './support';

describe('marginalDensity', () => {
  it('integrates to 1 on a wide grid and its components sum to it', () => {
    const mixture = twoComponentMixture();
    const marginal = marginalDensity(mixture, 0, { min: -6, max: 6, count: 2001 });
    expect(trapezoid(marginal.x, marginal.density)).toBeCloseTo(1, 6);
    expect(marginal.components).toHaveLength(2);
    // Component 1 holds weight 0.3 of the mass.
    expect(trapezoid(marginal.x, marginal.components[1])).toBeCloseTo(0.3, 6);
    for (let a = 0; a < marginal.x.length; a += 97) {
      expect(marginal.components[0][a] + marginal.components[1][a]).toBeCloseTo(marginal.density[a], 14);
    }
  });

  it.each([
    ['lower bound', lowerBoundTransform(2)],
    ['upper bound', upperBoundTransform(10)],
    ['interval', intervalTransform(0, 1)],
  ])('stays normalised in physical units for a %s parameter (Jacobian applied)', (_label, transform) => {
    // u ~ 0.7·N(−0.5, 0.6²) + 0.3·N(1, 0.3²); its image in θ must still integrate to 1.
    const mixture = twoComponentMixture();
    const range = axisRange(mixture, 1, transform, { sigmas: 7 });
    const marginal = marginalDensity(mixture, 1, { ...range, count: 20001, transform });
    expect(trapezoid(marginal.x, marginal.density)).toBeCloseTo(1, 3);
    // Without the Jacobian the same curve would not be a density.
    const withoutJacobian = marginal.density.map((value, a) => value / jacobian(transform, marginal.x[a]));
    expect(Math.abs(trapezoid(marginal.x, withoutJacobian) - 1)).toBeGreaterThan(0.05);
  });

  it('is 0 outside and on the bounds of a bounded parameter', () => {
    const marginal = marginalDensity(twoComponentMixture(), 0, { min: -1, max: 2, count: 31, transform: intervalTransform(0, 1) });
    for (let a = 0; a < marginal.x.length; a++) if (marginal.x[a] <= 0 || marginal.x[a] >= 1) expect(marginal.density[a]).toBe(0);
    expect(Math.max(...marginal.density)).toBeGreaterThan(0);
  });
});

describe('sampleHistogram', () => {
  it('scales counts as a density: count / (n · bin width)', () => {
    const samples = Float64Array.from([0.1, 0.2, 0.6, 5]);
    const histogram = sampleHistogram(samples, 1, 0, 0, 1, 2);
    expect(Array.from(histogram.centres)).toEqual([0.25, 0.75]);
    expect(Array.from(histogram.density)).toEqual([2 / (4 * 0.5), 1 / (4 * 0.5)]);
  });
});

describe('pairDensityRaster', () => {
  const mixture = singleGaussian(
    [0.7, -1.2],
    [
      [0.5, 0.2],
      [0.2, 0.3],
    ],
  );

  it('has its maximum at the mean of a single-component mixture', () => {
    // 120 pixels of 0.05 on [−2.3, 3.7] and [−4.2, 1.8]: the peak is within half a pixel of the mean.
    const raster = pairDensityRaster(mixture, 0, 1, { x: { min: -2.3, max: 3.7, count: 120 }, y: { min: -4.2, max: 1.8, count: 120 } });
    let best = 0;
    for (let p = 1; p < raster.values.length; p++) if (raster.values[p] > raster.values[best]) best = p;
    const row = Math.floor(best / raster.width);
    const col = best % raster.width;
    const pixel = 6 / 120;
    expect(-2.3 + (col + 0.5) * pixel).toBeCloseTo(0.7, 1);
    // Row 0 is the top of the image (the largest y).
    expect(1.8 - (row + 0.5) * pixel).toBeCloseTo(-1.2, 1);
    expect(raster.max).toBe(raster.values[best]);
    expect(raster.min).toBeGreaterThanOrEqual(0);
    expect(raster.values).toBeInstanceOf(Float32Array);
    expect(raster.values).toHaveLength(120 * 120);
  });

  it('matches core mixtureDensityOnGrid2d at the pixel centres', () => {
    const raster = pairDensityRaster(mixture, 0, 1, { x: { min: 0, max: 4, count: 4 }, y: { min: -2, max: 0, count: 2 } });
    const expected = mixtureDensityOnGrid2d(mixture, [0.5, 1.5, 2.5, 3.5], [-0.5, -1.5], 0, 1);
    for (let col = 0; col < 4; col++)
      for (let row = 0; row < 2; row++) {
        expect(raster.values[row * 4 + col]).toBeCloseTo(expected[col * 2 + row], 6);
      }
  });

  it('integrates to about 1 in physical units with bounded parameters', () => {
    const x = { ...axisRange(mixture, 0, lowerBoundTransform(0), { sigmas: 6 }), count: 400, transform: lowerBoundTransform(0) };
    const y = { ...axisRange(mixture, 1, intervalTransform(-1, 1), { sigmas: 6 }), count: 400, transform: intervalTransform(-1, 1) };
    const raster = pairDensityRaster(mixture, 0, 1, { x, y });
    const cell = ((x.max - x.min) / x.count) * ((y.max - y.min) / y.count);
    expect(raster.values.reduce((a, b) => a + b, 0) * cell).toBeCloseTo(1, 2);
  });
});

describe('componentEllipse', () => {
  it('has semi-axes 2√λ along the eigenvectors of a known covariance', () => {
    // C = R diag(4, 1) Rᵀ with R a rotation by 30°.
    const angle = Math.PI / 6;
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    const cxx = 4 * c * c + s * s;
    const cxy = (4 - 1) * c * s;
    const cyy = 4 * s * s + c * c;
    const geometry = ellipseGeometry(cxx, cxy, cyy);
    expect(geometry.semiAxes[0]).toBeCloseTo(4, 12);
    expect(geometry.semiAxes[1]).toBeCloseTo(2, 12);
    expect(geometry.angle).toBeCloseTo(angle, 12);

    const mixture = singleGaussian(
      [1, -2],
      [
        [cxx, cxy],
        [cxy, cyy],
      ],
    );
    const points = componentEllipse(mixture, 0, 0, 1, 2, { segments: 360 });
    expect(points[0]).toEqual(points[points.length - 1]);
    const distances = points.map(([x, y]) => Math.hypot(x - 1, y + 2));
    expect(Math.max(...distances)).toBeCloseTo(4, 6);
    expect(Math.min(...distances)).toBeCloseTo(2, 3);
    // The farthest point lies along the major axis (at 30°, or 210°).
    const far = points[distances.indexOf(Math.max(...distances))];
    expect(Math.abs(Math.atan((far[1] + 2) / (far[0] - 1)))).toBeCloseTo(angle, 6);
    // Every point is on the Mahalanobis level 2.
    const det = cxx * cyy - cxy * cxy;
    for (const [x, y] of points) {
      const [dx, dy] = [x - 1, y + 2];
      expect((cyy * dx * dx - 2 * cxy * dx * dy + cxx * dy * dy) / det).toBeCloseTo(4, 9);
    }
  });

  it('maps its points through the transforms', () => {
    const mixture = singleGaussian(
      [0, 0],
      [
        [1, 0],
        [0, 1],
      ],
    );
    const plain = componentEllipse(mixture, 0, 0, 1);
    const mapped = componentEllipse(mixture, 0, 0, 1, 2, { x: lowerBoundTransform(0) });
    mapped.forEach(([x, y], p) => {
      expect(x).toBeCloseTo(Math.exp(plain[p][0]), 12);
      expect(y).toBe(plain[p][1]);
    });
  });
});

describe('cornerPlotOptions', () => {
  const mixture = twoComponentMixture();
  const samples = Float64Array.from({ length: 300 }, (_, n) => ((n * 7919) % 300) / 100 - 1.5);
  const data = buildCornerData(mixture, {
    parameterNames: ['a', 'b', 'c'],
    transforms: [identityTransform(), lowerBoundTransform(-5), intervalTransform(0, 5)],
    pixels: 40,
    samples,
  });
  const option = cornerPlotOptions({ data, images: data.pairs.map(() => PIXEL_PNG) });

  it('builds d(d+1)/2 grids: marginals with intervals on the diagonal, image + contours + ellipses + means below', () => {
    expect(option.grid).toHaveLength(6);
    const series = seriesOf(option);
    // Diagonal: histogram, 95 % and 68 % shading, 2 component curves, marginal; lower: image, contours, ellipses, means.
    expect(series).toHaveLength(3 * 6 + 3 * 4);
    expect(series.filter((s) => s.name === 'Marginal')).toHaveLength(3);
    expect(series.filter((s) => s.name === 'Samples')).toHaveLength(3);
    expect(series.filter((s) => s.name === 'Inner credible interval')).toHaveLength(3);
    expect(series.filter((s) => s.type === 'custom' && s.name === 'Density')).toHaveLength(3);
    expect(series.filter((s) => s.type === 'custom' && s.name === 'Credible regions').map((s) => (s.data as unknown[]).length)).toEqual([2, 2, 2]);
    expect(series.filter((s) => s.type === 'custom' && s.name === '2σ ellipses')).toHaveLength(3);
    expect(series.filter((s) => s.type === 'scatter')).toHaveLength(3);
  });

  it('gives each marginal a density axis on its right and writes its median and 68 % interval above it', () => {
    const yAxes = option.yAxis as Record<string, unknown>[];
    for (const diagonal of [0, 2, 5]) expect(yAxes[diagonal]).toMatchObject({ position: 'right', min: 0, splitNumber: 3 });
    expect((yAxes[0].axisLabel as { show?: boolean }).show).not.toBe(false);
    const titles = (option.title as { text: string }[]).map((t) => t.text);
    expect(titles).toHaveLength(3);
    const { median, intervals } = data.intervals[0]!;
    expect(titles[0]).toBe(`a: ${formatInterval(median, intervals[0]!)}`);
    // The marginal of a: 0.7·N(−1, 0.3) + 0.3·N(1.5, 0.2), its median on the heavier mode's side.
    expect(median).toBeGreaterThan(-1.5);
    expect(median).toBeLessThan(0);
    const marginal = seriesOf(option).find((s) => s.name === 'Marginal')!;
    expect((marginal.markLine as { data: { xAxis: number }[] }).data).toEqual([{ xAxis: median }]);
    // The inner shading spans the 68 % interval exactly.
    const inner = seriesOf(option).find((s) => s.name === 'Inner credible interval')!.data as [number, number][];
    expect([inner[0]![0], inner.at(-1)![0]]).toEqual([...intervals[0]!]);
  });

  it('keys the component colours with their weights, heaviest first, and draws the heaviest on top', () => {
    const legend = option.legend as { data: string[]; formatter: (name: string) => string; selectedMode: boolean };
    expect(legend.data).toEqual(['Component 0', 'Component 1']);
    expect(legend.formatter('Component 1')).toBe('Component 1  w = 30.0 %');
    expect(legend.selectedMode).toBe(false);
    expect(data.drawingOrder).toEqual([1, 0]);
    const firstDiagonal = seriesOf(option)
      .slice(0, 6)
      .map((s) => s.name);
    expect(firstDiagonal.indexOf('Component 1')).toBeLessThan(firstDiagonal.indexOf('Component 0'));
    const means = seriesOf(option).find((s) => s.type === 'scatter')!.data as { name: string }[];
    expect(means.map((m) => m.name)).toEqual(['Component 1 (w = 0.300)', 'Component 0 (w = 0.700)']);
  });

  it('holds the axis labels in pixel margins when the size is known', () => {
    const sized = cornerPlotOptions({ data, images: data.pairs.map(() => PIXEL_PNG), pixels: { width: 1200, height: 1200 } });
    const first = (sized.grid as { left: string; top: string }[])[0]!;
    expect(first.left).toBe(`${(100 * 66) / 1200}%`);
    expect(first.top).toBe(`${(100 * 30) / 1200}%`);
  });

  it('names the outer axes after the parameters', () => {
    const xAxes = option.xAxis as Record<string, unknown>[];
    const yAxes = option.yAxis as Record<string, unknown>[];
    // Grids in order (0,0) (1,0) (1,1) (2,0) (2,1) (2,2): the last row carries the x names.
    expect(xAxes.slice(3).map((a) => a.name)).toEqual(['a', 'b', 'c']);
    expect([yAxes[1].name, yAxes[3].name]).toEqual(['b', 'c']);
  });

  it('puts the axes in physical units (inside the bounds of bounded parameters)', () => {
    expect(data.ranges[1].min).toBeGreaterThan(-5);
    expect(data.ranges[2].min).toBeGreaterThan(0);
    expect(data.ranges[2].max).toBeLessThan(5);
    expect(data.means[0][1]).toBeCloseTo(-5 + Math.exp(0.5), 12);
  });

  it('is accepted and rendered by ECharts, drawing the images and ellipses', () => {
    const svg = renderToSvg(option, 900, 900);
    expect(svg.match(/<image/g)?.length).toBe(3);
    expect(svg).toContain('<path');
    // SVG export: the rasters fill their cells instead of being letterboxed.
    const stretched = stretchSvgImages(svg);
    expect(stretched.match(/<image preserveAspectRatio="none"/g)?.length).toBe(3);
    expect(stretchSvgImages(stretched)).toBe(stretched);
  });

  it('leaves out negligible components', () => {
    const sparse = cornerPlotOptions({ data: { ...data, weights: [1 - 1e-9, 1e-9] }, images: data.pairs.map(() => PIXEL_PNG) });
    const means = seriesOf(sparse).filter((s) => s.type === 'scatter');
    expect(means.every((s) => (s.data as unknown[]).length === 1)).toBe(true);
  });
});

describe('cornerPixels', () => {
  it('fills the width available with square cells within readable limits', () => {
    // Six parameters in a 1240-pixel card: (1240 − 66 − 46 − 50) / 6 = 179 px cells, no scrolling.
    expect(cornerPixels(6, 1240)).toEqual({ cell: 179, size: 1236 });
    // Two parameters do not grow beyond 300-pixel cells.
    expect(cornerPixels(2, 1240).cell).toBe(300);
    // Ten parameters keep 150-pixel cells and get wider than the card (it scrolls).
    expect(cornerPixels(10, 1240)).toEqual({ cell: 150, size: 1702 });
  });
});
