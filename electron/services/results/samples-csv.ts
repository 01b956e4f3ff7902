/**
 * The `samples.csv` result file (`problem-format.md` §4): header = parameter names then
 * `component`; one row per posterior sample in physical units.
 */

/**
 * @param parameterNames d names (the header's first d columns)
 * @param samples count×d physical values, row-major
 * @param components count component indices (0-based, as in mixture.json's arrays)
 * @returns the CSV text, `\n` line ends, a final line break; numbers in shortest round-trip form
 */
export function buildSamplesCsv(
  parameterNames: readonly string[],
  samples: Float64Array,
  components: Int32Array,
): string {
  const d = parameterNames.length;
  const count = components.length;
  if (samples.length !== count * d) {
    throw new RangeError(`samples: expected ${count}×${d} = ${count * d} values, got ${samples.length}`);
  }
  const lines: string[] = [[...parameterNames, 'component'].map(csvField).join(',')];
  for (let r = 0; r < count; r++) {
    const row: string[] = [];
    for (let j = 0; j < d; j++) row.push(String(samples[r * d + j]));
    row.push(String(components[r]));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Parameter names are identifiers (§1), but quote defensively so the header never breaks. */
function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
