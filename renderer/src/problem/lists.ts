/**
 * Text the user pastes ↔ the arrays of the problem file: number lists (observations, stds, θ),
 * name lists, matrices (covariance), and command lines. A token that is not a number is kept as
 * the string it is, so that validation names it with its JSON path exactly as `gmki` does.
 */

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A typed number as a number; anything else as the text typed (empty → undefined). */
export function parseNumberText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return NUMBER.test(trimmed) && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** How a field shows a value of the file: numbers and strings as written, anything else blank. */
export function showNumber(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

/** Numbers separated by newlines, commas, semicolons or spaces. */
export function parseNumberList(text: string): (number | string)[] {
  return text
    .split(/[\s,;]+/)
    .filter((token) => token !== '')
    .map((token) => parseNumberText(token) as number | string);
}

/** The tokens of a list that are not numbers, with their 1-based position, for a message. */
export function nonNumbers(list: readonly (number | string)[]): string {
  return list
    .map((token, i) => (typeof token === 'string' ? `value ${i + 1} ("${token}")` : null))
    .filter((s) => s !== null)
    .join(', ');
}

/** One value per line. */
export function showList(values: unknown): string {
  return Array.isArray(values) ? values.map((v) => showNumber(v)).join('\n') : '';
}

/** Names, one per line or separated by commas (names cannot hold commas). */
export function parseNameList(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Rows on lines, cells separated by commas, semicolons or spaces (brackets pasted from JSON or NumPy are ignored). */
export function parseMatrix(text: string): (number | string)[][] {
  return text
    .replace(/[[\]]/g, ' ')
    .split('\n')
    .map((line) => parseNumberList(line))
    .filter((row) => row.length > 0);
}

export function showMatrix(rows: unknown): string {
  return Array.isArray(rows) ? rows.map((row) => (Array.isArray(row) ? row.map(showNumber).join(' ') : '')).join('\n') : '';
}

/**
 * A command line as a program and its arguments, shell-like: spaces separate, single or double
 * quotes keep spaces, a backslash escapes the next character (outside single quotes).
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += ch;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}

/** The inverse of splitCommandLine: words with spaces or quotes are single-quoted. */
export function joinCommandLine(words: unknown): string {
  if (!Array.isArray(words)) return '';
  return words
    .map((w) => String(w))
    .map((w) => (w === '' || /[\s'"\\]/.test(w) ? `'${w.replace(/'/g, `'"'"'`)}'` : w))
    .join(' ');
}
