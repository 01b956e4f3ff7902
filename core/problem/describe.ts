/**
 * Wording of problem-file errors: JSON paths, "got …" descriptions of values, and the
 * closest-known-key hint. One place, so that every message reads the same
 * (`problem-format.md` §1.3: path, what was expected, what was found).
 */

/** A JSON path as a list of keys and indices, e.g. `['parameters', 1, 'prior', 'std']`. */
export type JsonPath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Keys longer than this are shown shortened in paths (an unknown key may be megabytes long). */
const MAX_SHOWN_KEY_LENGTH = 60;

/**
 * `parameters[1].prior.std` for `['parameters', 1, 'prior', 'std']`. Keys that are not
 * identifiers are quoted (`env["MY-VAR"]`), very long ones shortened; the empty path is `(root)`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && key.length > MAX_SHOWN_KEY_LENGTH) out += `[${describeValue(key)}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(root)' : out;
}

/** How a found value is named after "got": `-1`, `"pyhton"`, `an array of 2 items`, `nothing (the field is missing)`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    return value.length > 60 ? `${JSON.stringify(value.slice(0, 57))}… (a string of ${value.length} characters)` : JSON.stringify(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty array';
    return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') return 'an object';
  return `a value of type ${typeof value}`;
}

/** A computed number for a message, to 4 significant digits (`-0.2`, not `-0.19999999999999996`). */
export function formatComputed(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

/** `expected <expectation>, got <description of value>`. */
export function expectedGot(expectation: string, value: unknown): string {
  return `expected ${expectation}, got ${describeValue(value)}`;
}

/** Levenshtein distance between a and b (case-insensitive: "Settings" is one edit from nothing). */
function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[t.length];
}

/**
 * The known key a typo most likely meant, or undefined when none is close: at most a third of
 * the key's length in edits (at least 2), so that "setings" → "settings" but "foo" → nothing.
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const budget = Math.max(2, Math.floor(key.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance && distance <= budget) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The message for one unknown key of an object whose keys are `known`. */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  // A key far longer than every known one is no typo of them: no hint, and no edit distances over megabytes.
  const hint = key.length <= 100 ? closestKey(key, known) : undefined;
  const list = known.map((k) => `"${k}"`).join(', ');
  return `unknown key: expected one of ${list}, got ${describeValue(key)}` + (hint ? ` (did you mean "${hint}"?)` : '');
}
