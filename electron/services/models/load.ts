/**
 * Turns a problem's `model` (`problem-format.md` §2) into forward functions evaluated in this
 * process. `command` and `umbridge` models need the process and HTTP hosts, which come with the
 * run store; until then they are refused before anything runs.
 */
import { getBuiltinModel } from '../../../core/problem/builtins';
import type { ModelSpec } from '../../../core/problem/types';
import { assertNever } from '../../../core/util/assertNever';
import { loadJavascriptModel, resolveJavascriptModel } from './javascript';
import { ModelLoadError } from './types';
import type { LoadedModel } from './types';

/** @throws ModelLoadError when the model cannot be used */
export async function loadModel(spec: ModelSpec, problemDir: string): Promise<LoadedModel> {
  switch (spec.type) {
    case 'javascript':
      return loadJavascriptModel(spec.path, problemDir);
    case 'builtin': {
      const builtin = builtinModel(spec.name);
      return { label: `builtin model "${spec.name}"`, forward: (theta) => builtin.forward(theta) };
    }
    case 'command':
    case 'umbridge':
      throw new ModelLoadError('model.type', unsupportedMessage(spec.type));
    default:
      return assertNever(spec);
  }
}

/**
 * What `validate` can check about a model without running any of the user's code: that a
 * JavaScript model's file exists, that a builtin model exists. Null when nothing is wrong.
 */
export async function checkModelAvailable(
  spec: ModelSpec,
  problemDir: string,
): Promise<{ path: string; message: string } | null> {
  try {
    if (spec.type === 'javascript') await resolveJavascriptModel(spec.path, problemDir);
    if (spec.type === 'builtin') builtinModel(spec.name);
    return null;
  } catch (error) {
    if (error instanceof ModelLoadError) return { path: error.path, message: error.message };
    throw error;
  }
}

function builtinModel(name: string): NonNullable<ReturnType<typeof getBuiltinModel>> {
  const builtin = getBuiltinModel(name);
  if (!builtin) throw new ModelLoadError('model.name', `there is no builtin model "${name}"`);
  return builtin;
}

function unsupportedMessage(type: 'command' | 'umbridge'): string {
  return `"${type}" models are not supported by this version of gmki run yet (use "javascript" or "builtin").`;
}
