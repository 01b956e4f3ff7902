/**
 * Chart layer performance (issue 4, "Performance": corner plot of d = 6 with 10⁴ samples ≤ 500 ms):
 * the time to build everything the corner plot needs in the renderer — marginals, histograms of
 * 10⁴ samples, 15 density rasters of 120×120 pixels with ellipses (buildCornerData), their RGBA
 * colouring, and the ECharts option — for a K = 4 mixture with two bounded parameters.
 * Drawing is the browser's part and is not measured here (toolchain.md §7: one image series
 * ≈ 200 ms in software-rendered Chromium); ECharts' server-side SVG rendering in Node is timed
 * as a smoke figure only. Also: the three run monitor charts for 200 iterations of K = 8.
 * Run alone with `node --import tsx bench/charts.ts`; `runChartBenchmarks` prints the figures.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { identityTransform, intervalTransform, lowerBoundTransform } from '../core/problem/transforms';
import { createRandomStream } from '../core/random/random';
import { sampleMixture, samplesToPhysical } from '../core/results/sampling';
import { colorizeRaster, VIRIDIS } from '../renderer/src/charts/colormap';
import { buildCornerData } from '../renderer/src/charts/corner/data';
import { cornerPlotOptions } from '../renderer/src/charts/corner/options';
import { meansChart, misfitChart, weightsChart } from '../renderer/src/charts/history';
import { PIXEL_PNG, randomMixture, renderToSvg } from '../test/renderer/charts/support';
import { describeMachine } from './machine';

const D = 6;
const K = 4;
const SAMPLES = 10_000;
const PIXELS = 120;
const REPEATS = 15;

interface Timing {
  readonly best: number;
  readonly median: number;
}

function time(repeats: number, work: () => void): Timing {
  work(); // warm-up: lets V8 optimise the kernels
  const ms: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    work();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0], median: ms[Math.floor(ms.length / 2)] };
}

function row(label: string, t: Timing): string {
  return `| ${label.padEnd(58)} | ${t.best.toFixed(1).padStart(7)} | ${t.median.toFixed(1).padStart(7)} |`;
}

/** Times the corner plot and monitor charts and prints a Markdown table with the machine. */
export function runChartBenchmarks(): void {
  const mixture = randomMixture(D, K, 3);
  const transforms = [identityTransform(), lowerBoundTransform(-3), intervalTransform(-3, 3), identityTransform(), identityTransform(), identityTransform()];
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  let samples: Float64Array = new Float64Array(0);
  const sampling = time(5, () => {
    samples = samplesToPhysical(sampleMixture(mixture, SAMPLES, createRandomStream(1, 'posterior-samples')).samples, transforms);
  });

  const build = () => buildCornerData(mixture, { parameterNames: names, transforms, pixels: PIXELS, samples });
  let data = build();
  const buildTime = time(REPEATS, () => {
    data = build();
  });
  const colourTime = time(REPEATS, () => {
    for (const pair of data.pairs) colorizeRaster(pair.raster, VIRIDIS);
  });
  const images = data.pairs.map(() => PIXEL_PNG);
  const optionTime = time(REPEATS, () => cornerPlotOptions({ data, images }));
  const total = time(REPEATS, () => {
    const fresh = build();
    for (const pair of fresh.pairs) colorizeRaster(pair.raster, VIRIDIS);
    cornerPlotOptions({ data: fresh, images });
  });
  const svg = time(3, () => renderToSvg(cornerPlotOptions({ data, images }), 1000, 1000));

  const history = Array.from({ length: 201 }, (_, t) => ({
    iteration: t,
    mixture: randomMixture(D, 8, t + 1),
    diagnostics: { misfit: Array.from({ length: 8 }, (_, k) => 100 / (t + k + 1)) },
  }));
  const monitor = time(REPEATS, () => {
    weightsChart(history);
    meansChart(history, 2, transforms[2]);
    misfitChart(history);
  });

  console.log(describeMachine());
  console.log(`\n## Chart layer: corner plot of d = ${D}, K = ${K}, ${SAMPLES} samples, ${data.pairs.length} rasters of ${PIXELS}×${PIXELS}`);
  console.log('target: corner plot buildable in ≤ 500 ms (drawing excluded)\n');
  console.log(`| ${'step'.padEnd(58)} | best ms | median  |`);
  console.log(`|${'-'.repeat(60)}|--------:|--------:|`);
  console.log(row('draw 10⁴ samples and map them to θ (caller, for reference)', sampling));
  console.log(row('buildCornerData: marginals, histograms, rasters, ellipses', buildTime));
  console.log(row(`colorizeRaster × ${data.pairs.length} (viridis)`, colourTime));
  console.log(row('cornerPlotOptions', optionTime));
  console.log(row('total: data + colour + option', total));
  console.log(row('ECharts SSR to SVG in Node (smoke figure, not the browser)', svg));
  console.log(row('weights + means + misfit options, 201 iterations × K = 8', monitor));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runChartBenchmarks();
}
