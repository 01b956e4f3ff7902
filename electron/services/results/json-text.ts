/**
 * JSON text for files people open (results, problem files): two-space indentation, except that
 * arrays holding only numbers are written on one line (a matrix becomes one line per row), so
 * that a d = 128 covariance does not become 16 384 lines. Numbers use JavaScript's shortest
 * round-trip form, so parsing the file gives back the same doubles.
 */
export function stringifyJson(value: unknown): string {
  return `${write(value, '')}\n`;
}

function write(value: unknown, indent: string): string {
  // JSON.stringify would write a Float64Array as an object keyed "0", "1", …
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) value = Array.from(value as Float64Array);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => typeof item === 'number')) return JSON.stringify(value);
    const inner = `${indent}  `;
    return `[\n${value.map((item) => inner + write(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined && typeof v !== 'function',
    );
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const body = entries.map(([key, v]) => `${inner}${JSON.stringify(key)}: ${write(v, inner)}`);
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
