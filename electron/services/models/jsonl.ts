/**
 * JSON Lines for `command` models (`problem-format.md` §2.2): splitting a stream into lines,
 * writing requests, and reading answers strictly enough that garbage is named as garbage.
 */
import type { Readable } from 'node:stream';
import { truncate } from './text';

/**
 * Calls `onLine` with each complete line of `stream` (UTF-8, without the newline or a trailing
 * \r). A line longer than `maxLength` is passed on cut to that length with `overlong` set, and
 * the rest of it is dropped, so a model that writes without newlines cannot exhaust memory.
 * A last line without a newline is passed on when the stream ends.
 */
export function splitLines(stream: Readable, onLine: (line: string, overlong: boolean) => void, maxLength: number): void {
  let buffer = '';
  let skipping = false; // inside the dropped rest of an overlong line
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf('\n', start);
      if (end < 0) break;
      const piece = chunk.slice(start, end);
      start = end + 1;
      if (skipping) {
        skipping = false;
        continue;
      }
      const line = buffer + piece;
      buffer = '';
      if (line.length > maxLength) onLine(line.slice(0, maxLength), true);
      else onLine(line.endsWith('\r') ? line.slice(0, -1) : line, false);
    }
    if (skipping) return;
    buffer += chunk.slice(start);
    if (buffer.length > maxLength) {
      onLine(buffer.slice(0, maxLength), true);
      buffer = '';
      skipping = true;
    }
  });
  stream.on('end', () => {
    if (buffer.length > 0 && !skipping) onLine(buffer, false);
    buffer = '';
  });
}

/** One request line: `{"id": 17, "theta": [0.1, 2.5]}` and a newline. */
export function encodeRequest(id: number, theta: readonly number[]): string {
  return `{"id":${id},"theta":${JSON.stringify(theta)}}\n`;
}

/** What an answer line said, or why it is not an answer. */
export type ParsedAnswer =
  | { readonly kind: 'output'; readonly id: number; readonly output: unknown }
  | { readonly kind: 'error'; readonly id: number; readonly error: string }
  | { readonly kind: 'garbage'; readonly problem: string };

const QUOTE_LIMIT = 200;

/**
 * Reads one answer line: `{"id": 17, "output": [4.2, 0.3]}` or `{"id": 17, "error": "text"}`.
 * The bare tokens NaN, Infinity and -Infinity (written by Python's json and others) are read as
 * numbers, so that the output check can say "returned NaN" rather than "wrote invalid JSON".
 */
export function parseAnswer(line: string): ParsedAnswer {
  const value = parseJsonAllowingNonFinite(line);
  if (value === undefined) {
    return { kind: 'garbage', problem: `it wrote a line to stdout that is not JSON: ${quote(line)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'garbage', problem: `it wrote ${quote(line)} to stdout, which is not an answer object` };
  }
  const answer = value as Record<string, unknown>;
  if (typeof answer.id !== 'number' || !Number.isInteger(answer.id)) {
    return { kind: 'garbage', problem: `its answer has no integer "id": ${quote(line)}` };
  }
  if ('output' in answer) return { kind: 'output', id: answer.id, output: answer.output };
  if ('error' in answer) {
    const error = typeof answer.error === 'string' ? answer.error : JSON.stringify(answer.error);
    return { kind: 'error', id: answer.id, error };
  }
  return { kind: 'garbage', problem: `its answer has neither "output" nor "error": ${quote(line)}` };
}

/** The line quoted for a message, cut to a readable length. */
export function quote(line: string): string {
  return JSON.stringify(truncate(line, QUOTE_LIMIT));
}

/** Marks a replaced token; starts with NUL, which no JSON text holds unescaped. */
const NON_FINITE_MARK = '\u0000gmki-non-finite:';
/** The same, as it is written inside a JSON string. */
const NON_FINITE_MARK_JSON = '\\u0000gmki-non-finite:';

/**
 * JSON.parse that also reads the bare tokens NaN, Infinity, -Infinity (Python's json, many
 * others) and nan, inf, -inf (a Python list's repr, as some UM-Bridge servers write) as numbers.
 * @returns undefined when the text is not JSON even so
 */
export function parseJsonAllowingNonFinite(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (!/NaN|Infinity|nan|inf/.test(text)) return undefined;
  }
  // Replace the bare tokens outside strings by marked strings, then turn those back into numbers.
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|(-?(?:Infinity|inf)|NaN|nan)/g, (match: string, token: string | undefined) =>
    token === undefined ? match : `"${NON_FINITE_MARK_JSON}${token}"`,
  );
  try {
    return JSON.parse(marked, (_key, value: unknown) =>
      typeof value === 'string' && value.startsWith(NON_FINITE_MARK) ? nonFinite(value.slice(NON_FINITE_MARK.length)) : value,
    ) as unknown;
  } catch {
    return undefined;
  }
}

function nonFinite(token: string): number {
  if (token.toLowerCase() === 'nan') return Number.NaN;
  return token.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}
