/**
 * The optional field hook of a problem (`problem-format.md` §1.7): `"fields": { "path": … }` names
 * a JavaScript module exporting `fields(theta)`, or `"fields": { "builtin": … }` a built-in one,
 * that turns θ into named 2-D grids (e.g. the log-permeability of the Darcy example) for the run
 * page's heat maps. What the hook returns is checked here, so that every host gives the same
 * messages, and normalised: coordinates and labels filled in, values a plain list.
 */
import { z } from 'zod';
import { describeValue, expectedGot, formatPath } from './describe';
import { BUILTIN_FIELDS, BUILTIN_FIELDS_NAMES } from './builtin-fields';
import type { ProblemError } from './types';
import { MAX_NAME_LENGTH, MAX_PATH_LENGTH, MAX_TIMEOUT_SECONDS } from './limits';
import { numberWhere, strictObject, text } from './schema-builders';

/** Limits of what one `fields(theta)` call may return: it crosses threads and the app's channel once per component. */
export const MAX_FIELDS = 8;
export const MAX_FIELD_SIDE = 2000;
/** Values of one grid (500×500); the run page draws one image per grid and component. */
export const MAX_FIELD_VALUES = 250_000;
/** Values of all grids of one call together. */
export const MAX_FIELDS_TOTAL_VALUES = 1_000_000;
/** The hook's time limit per call when the problem sets none: grids from θ should take a moment, not a solve. */
export const DEFAULT_FIELDS_TIMEOUT_SECONDS = 60;

/** `fields` (§1.7): a module path or a built-in name (exactly one: a semantic check), and a time limit. */
export const fieldsSchema = strictObject(
  {
    path: text(`a file path (a non-empty string of at most ${MAX_PATH_LENGTH} characters)`, MAX_PATH_LENGTH).optional(),
    builtin: text(`the name of built-in fields (a non-empty string of at most ${MAX_NAME_LENGTH} characters)`, MAX_NAME_LENGTH).optional(),
    timeoutSeconds: numberWhere(`a number of seconds > 0 and ≤ ${MAX_TIMEOUT_SECONDS}`, (x) => x > 0 && x <= MAX_TIMEOUT_SECONDS).optional(),
  },
  'an object { "path" } or { "builtin" } with optional "timeoutSeconds"',
);

export type FieldsEntry = z.infer<typeof fieldsSchema>;

/** One named grid as the run page gets it. */
export interface FieldGrid {
  /** The key it had in the hook's answer. */
  readonly name: string;
  /** What to call it on screen (the grid's `label`, else its name). */
  readonly label: string;
  readonly nx: number;
  readonly ny: number;
  /** The x range the grid spans (first to last column; default 0 to nx − 1). */
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  /** nx·ny values, x fastest (value (i, j) at i + nx·j, j = 0 the smallest y); null: no value there (drawn blank). */
  readonly values: readonly (number | null)[];
}

export type FieldsCheck = { readonly ok: true; readonly fields: FieldGrid[] } | { readonly ok: false; readonly message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSide(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_FIELD_SIDE;
}

/** `[min, max]` with min < max, both finite; the default when absent. */
function range(value: unknown, fallback: readonly [number, number], where: string): readonly [number, number] | string {
  if (value === undefined) return fallback;
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v)) && value[0] < value[1]) {
    return [value[0], value[1]];
  }
  return `${where}: ${expectedGot('[min, max] with min < max', value)}`;
}

/** One grid of the answer, normalised, or why it is not one. */
function checkGrid(name: string, grid: unknown): FieldGrid | string {
  const where = `field ${JSON.stringify(name)}`;
  if (!isRecord(grid)) return `${where}: ${expectedGot('an object { nx, ny, values }', grid)}`;
  const unknown = Object.keys(grid).filter((key) => !['nx', 'ny', 'values', 'x', 'y', 'label'].includes(key));
  if (unknown.length > 0) return `${where}: unknown key ${JSON.stringify(unknown[0])} (expected nx, ny, values, x, y, label)`;
  const { nx, ny, values, label } = grid;
  if (!isSide(nx)) return `${where}.nx: ${expectedGot(`an integer from 1 to ${MAX_FIELD_SIDE}`, nx)}`;
  if (!isSide(ny)) return `${where}.ny: ${expectedGot(`an integer from 1 to ${MAX_FIELD_SIDE}`, ny)}`;
  if (nx * ny > MAX_FIELD_VALUES) return `${where}: expected at most ${MAX_FIELD_VALUES} values (nx·ny), got ${nx}·${ny} = ${nx * ny}`;
  const list = Array.isArray(values) || ArrayBuffer.isView(values) ? Array.from(values as ArrayLike<unknown>) : null;
  if (!list) return `${where}.values: ${expectedGot(`an array of nx·ny = ${nx * ny} numbers`, values)}`;
  if (list.length !== nx * ny) return `${where}.values: expected nx·ny = ${nx}·${ny} = ${nx * ny} numbers, got ${list.length}`;
  const bad = list.findIndex((v) => typeof v !== 'number' && v !== null);
  if (bad >= 0) return `${where}.values[${bad}]: ${expectedGot('a number (NaN or null: no value)', list[bad])}`;
  if (label !== undefined && (typeof label !== 'string' || label.length === 0 || label.length > MAX_NAME_LENGTH)) {
    return `${where}.label: ${expectedGot(`a non-empty string of at most ${MAX_NAME_LENGTH} characters`, label)}`;
  }
  const x = range(grid.x, [0, nx - 1], `${where}.x`);
  if (typeof x === 'string') return x;
  const y = range(grid.y, [0, ny - 1], `${where}.y`);
  if (typeof y === 'string') return y;
  return {
    name,
    label: (label as string | undefined) ?? name,
    nx,
    ny,
    x,
    y,
    values: list.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
  };
}

/**
 * What `fields(theta)` returned, checked: an object of 1 to MAX_FIELDS named grids
 * `{ nx, ny, values, x?, y?, label? }`, within the size limits.
 */
export function checkFieldsOutput(output: unknown): FieldsCheck {
  if (!isRecord(output)) return { ok: false, message: `fields(theta) returned ${describeValue(output)} instead of an object of named grids` };
  const names = Object.keys(output);
  if (names.length === 0 || names.length > MAX_FIELDS) {
    return { ok: false, message: `fields(theta) returned ${names.length} grids; expected 1 to ${MAX_FIELDS}` };
  }
  const fields: FieldGrid[] = [];
  let total = 0;
  for (const name of names) {
    const grid = checkGrid(name, output[name]);
    if (typeof grid === 'string') return { ok: false, message: grid };
    total += grid.values.length;
    if (total > MAX_FIELDS_TOTAL_VALUES) return { ok: false, message: `fields(theta) returned more than ${MAX_FIELDS_TOTAL_VALUES} values in all` };
    fields.push(grid);
  }
  return { ok: true, fields };
}

/**
 * The semantic checks of `fields` (§1.7): exactly one of `path` and `builtin`, and built-in fields
 * that exist and take the problem's d parameters.
 */
export function checkFieldsEntry(raw: unknown, d: number | undefined): ProblemError[] {
  const parsed = fieldsSchema.safeParse(raw);
  if (!parsed.success) return [];
  const { path, builtin } = parsed.data;
  const at = (key?: string): string => formatPath(key ? ['fields', key] : ['fields']);
  if ((path === undefined) === (builtin === undefined)) {
    return [{ path: at(), message: `expected exactly one of "path" (a module exporting fields(theta)) or "builtin", got ${path === undefined ? 'neither' : 'both'}` }];
  }
  if (builtin === undefined) return [];
  const known = BUILTIN_FIELDS[builtin];
  if (!known) return [{ path: at('builtin'), message: expectedGot(`one of ${BUILTIN_FIELDS_NAMES.map((n) => JSON.stringify(n)).join(', ')}`, builtin) }];
  if (d !== undefined && d !== known.nTheta) {
    return [{ path: at('builtin'), message: `the built-in fields "${builtin}" take ${known.nTheta} parameters, but the problem has ${d}` }];
  }
  return [];
}
