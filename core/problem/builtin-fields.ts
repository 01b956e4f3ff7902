/**
 * Built-in field hooks (`problem-format.md` §1.7, `"fields": { "builtin": … }`): what a problem
 * with a built-in model can show as heat maps without a module file of its own. Pure functions of
 * θ in physical units, evaluated by the hosts in a worker thread, as a module's `fields` is.
 */
import { DARCY_MODES, DARCY_NODES, darcyLogPermeability } from './darcy-model';

/** One grid as a hook returns it (checked and normalised by checkFieldsOutput). */
export interface FieldGridOutput {
  readonly nx: number;
  readonly ny: number;
  readonly values: ArrayLike<number>;
  readonly x?: readonly [number, number];
  readonly y?: readonly [number, number];
  readonly label?: string;
}

export interface BuiltinFields {
  readonly name: string;
  readonly description: string;
  readonly nTheta: number;
  fields(theta: readonly number[]): Record<string, FieldGridOutput>;
}

export const BUILTIN_FIELDS: Readonly<Record<string, BuiltinFields>> = Object.freeze({
  'darcy-2d': Object.freeze({
    name: 'darcy-2d',
    description: 'The log-permeability log κ of the darcy-2d model on its 80×80 grid over the unit square.',
    nTheta: DARCY_MODES,
    fields: (theta: readonly number[]) => ({
      logPermeability: { nx: DARCY_NODES, ny: DARCY_NODES, values: darcyLogPermeability(theta), x: [0, 1] as const, y: [0, 1] as const, label: 'log κ' },
    }),
  }),
});

export const BUILTIN_FIELDS_NAMES: readonly string[] = Object.keys(BUILTIN_FIELDS);
