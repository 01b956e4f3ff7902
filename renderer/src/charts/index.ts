/**
 * The chart layer: pure option builders `(data) => EChartsOption` (house-style.md, "Renderer"),
 * and the numerics behind the corner plot. Nothing here touches the DOM; one chart component
 * owns the ECharts instance and turns rasters into canvases.
 */
export type { ChartOptions, ChartTheme } from './theme';
export { DARK_THEME, LIGHT_THEME } from './theme';
export { componentColor, PALETTE_SIZE, runColor, withAlpha } from './palette';
export type { ChartHistory, HistoryEntry, MeansChartOptions, MisfitChartOptions, WeightsChartOptions } from './history';
export { componentName, meansChart, misfitChart, weightsChart } from './history';
export type { ColorizeOptions, Colormap } from './colormap';
export { colorizeRaster, colormapColor, MAGMA, VIRIDIS } from './colormap';
export type { AxisGrid, AxisRangeOptions } from './corner/grid';
export { axisRange, gridPoints, jacobian } from './corner/grid';
export type { Histogram, MarginalDensity } from './corner/marginal';
export { marginalDensity, sampleHistogram } from './corner/marginal';
export type { DensityRaster } from './corner/raster';
export { pairDensityRaster } from './corner/raster';
export type { EllipseGeometry, EllipseOptions } from './corner/ellipse';
export { componentEllipse, ellipseGeometry } from './corner/ellipse';
export type { CredibleContour } from './corner/contours';
export { contourSegments, credibleContours, credibleLevels } from './corner/contours';
export type { MarginalInterval } from './corner/intervals';
export { CREDIBLE_MASSES, formatInterval, marginalInterval } from './corner/intervals';
export type { CornerData, CornerDataOptions, PairCell } from './corner/data';
export { buildCornerData } from './corner/data';
export type { CornerLayout, RasterImage } from './corner/options';
export { cornerPlotOptions } from './corner/options';
export type { CompareCurves, CompareRun, CurveMetric, OverlayCurvesOptions, OverlayMarginalsOptions, OverlayPairOptions } from './compare';
export { overlayCurves, overlayMarginals, overlayPair } from './compare';
export type { PredictedOutputs, PredictiveChartOptions, PredictiveObservations } from './predictive';
export { posteriorPredictiveChart } from './predictive';
export type { ChartReference } from './reference';
export { referenceDistanceChart } from './reference';
export { stretchSvgImages } from './svg';
