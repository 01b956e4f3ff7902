/**
 * zod building blocks that carry their own Expected/Got message, so that every leaf of the
 * problem schema says what it wanted in plain words (`expected a number > 0, got -1`) instead
 * of zod's generic "Invalid input".
 */
import { z } from 'zod';
import { expectedGot, unknownKeyMessage } from './describe';

/** The part of a zod issue the messages use (raw issues carry the offending input). */
interface IssueLike {
  readonly code?: string;
  readonly input?: unknown;
  readonly keys?: readonly string[];
  readonly options?: readonly unknown[];
}

/** An error function that answers every issue with `expected <expectation>, got <input>`. */
export function expecting(expectation: string): (issue: IssueLike) => string {
  return (issue) => expectedGot(expectation, issue.input);
}

/** A finite number for which `ok` holds; JSON has no NaN/Infinity but in-app objects might. */
export function numberWhere(expectation: string, ok: (x: number) => boolean = () => true) {
  const error = expecting(expectation);
  return z.number({ error }).refine(ok, { error });
}

/** A string of at most `maxLength` characters, non-empty unless `allowEmpty`. */
export function text(expectation: string, maxLength: number, allowEmpty = false) {
  const error = expecting(expectation);
  return z
    .string({ error })
    .max(maxLength, { error })
    .refine((s) => allowEmpty || s.length > 0, { error });
}

/** A string of at most `maxLength` characters that matches `pattern`. */
export function textMatching(expectation: string, pattern: RegExp, maxLength: number) {
  const error = expecting(expectation);
  return z
    .string({ error })
    .max(maxLength, { error })
    .refine((s) => pattern.test(s), { error });
}

/**
 * An array of `minItems` to `maxItems` `element`s. The length is checked before the elements
 * (zod runs length checks first), so a file with millions of bad entries gets one message.
 */
export function arrayOf<T extends z.ZodType>(element: T, expectation: string, minItems: number, maxItems: number) {
  const error = expecting(expectation);
  return z
    .array(element, { error })
    .max(maxItems, { error })
    .refine((items) => items.length >= minItems, { error });
}

/** One of a fixed list of strings: `expected one of "gaussian", "none", got "gauss"`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expecting(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`) });
}

/** Exactly this string. */
export function exactly<const T extends string>(value: T) {
  return z.literal(value, { error: expecting(JSON.stringify(value)) });
}

/**
 * An object with exactly these keys. Unknown keys are errors (a typo must not be ignored), one
 * message line per key, in the order of the issue's `keys`; `issuesToProblemErrors` splits them
 * into one error per key so that each gets its own path.
 */
export function strictObject<T extends z.ZodRawShape>(shape: T, expectation: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue: IssueLike) =>
      issue.code === 'unrecognized_keys' ? (issue.keys ?? []).map((key) => unknownKeyMessage(key, known)).join('\n') : expectedGot(expectation, issue.input),
  });
}

/** Separator of the per-key lines of an unrecognized-keys message (see `strictObject`). */
export const UNKNOWN_KEY_SEPARATOR = '\n';

/**
 * Error function of a discriminated union on `key`: a missing or unknown tag is reported as
 * `expected one of "javascript", …, got "pyhton"` (zod puts the path on the tag itself).
 */
export function discriminatorError(key: string, expectation: string): (issue: IssueLike) => string {
  return (issue) => {
    if (issue.code === 'invalid_union' && issue.options) {
      const input = issue.input as Record<string, unknown> | undefined;
      const options = issue.options.map((o) => JSON.stringify(o)).join(', ');
      return expectedGot(`one of ${options}`, input?.[key]);
    }
    return expectedGot(expectation, issue.input);
  };
}
