/**
 * Post-processing of SVG exports (issue 4 item 7: each plot as SVG).
 *
 * ECharts' SVG renderer writes `<image>` without `preserveAspectRatio`, so SVG viewers apply the
 * default `xMidYMid meet` and letterbox a square density raster inside a non-square corner-plot
 * cell, while the canvas renderer (the app, PNG export) stretches it over the cell as intended.
 */

/** `svg` with every `<image>` stretched to its box, as the canvas renderer draws it. */
export function stretchSvgImages(svg: string): string {
  return svg.replace(/<image(?![^>]*preserveAspectRatio)/g, '<image preserveAspectRatio="none"');
}
