/**
 * JSON text for files people open (results, problem files). Two-space indentation, but a value
 * that fits on one line stays on one line, and number arrays always do (a matrix becomes one
 * line per row), so that a d = 128 covariance does not become 16 384 lines. Numbers use
 * JavaScript's shortest round-trip form, so parsing the file gives back the same doubles.
 */

/** Longest line (indentation included) that a nested value may be folded into. */
const LINE_WIDTH = 100;

export function stringifyJson(value: unknown): string {
  return `${write(normalize(value), '')}\n`;
}

function write(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => typeof item === 'number')) return inline(value, Infinity)!;
    const folded = inline(value, LINE_WIDTH - indent.length);
    if (folded !== null) return folded;
    const inner = `${indent}  `;
    return `[\n${value.map((item) => inner + write(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const folded = inline(value, LINE_WIDTH - indent.length);
    if (folded !== null) return folded;
    const inner = `${indent}  `;
    const body = entries.map(([key, v]) => `${inner}${JSON.stringify(key)}: ${write(v, inner)}`);
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `value` on one line, or null as soon as it gets longer than `budget` characters. */
function inline(value: unknown, budget: number): string | null {
  if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
    const isArray = Array.isArray(value);
    const parts: string[] = [];
    let length = 2;
    for (const [key, item] of isArray ? value.map((v, i) => [i, v] as const) : Object.entries(value)) {
      const prefix = isArray ? '' : `${JSON.stringify(key)}: `;
      const text = inline(item, budget - length - prefix.length);
      if (text === null) return null;
      parts.push(prefix + text);
      length += prefix.length + text.length + 2;
      if (length > budget + 2) return null;
    }
    return isArray ? `[${parts.join(', ')}]` : `{${parts.join(', ')}}`;
  }
  const text = JSON.stringify(value) ?? 'null';
  return text.length <= budget ? text : null;
}

/**
 * Typed arrays become arrays (JSON.stringify would write an object keyed "0", "1", …); fields
 * that JSON leaves out (undefined, functions) are dropped here, so both writers agree.
 */
function normalize(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as Float64Array);
  if (Array.isArray(value)) return value.map((item) => (item === undefined || typeof item === 'function' ? null : normalize(item)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined && typeof item !== 'function') out[key] = normalize(item);
    }
    return out;
  }
  return value;
}
