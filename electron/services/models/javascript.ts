/**
 * `javascript` models (`problem-format.md` §2.1): an ES module (or CommonJS file) exporting
 * `forward` and/or `forwardBatch`, loaded with a dynamic import; and field hooks (§1.7), modules
 * exporting `fields`. Paths are resolved against the folder of the problem file, as every
 * relative path of a problem file is.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ModelLoadError, thrownMessage } from './types';
import type { LoadedModel } from './types';

/**
 * The absolute path of the model file.
 * @throws ModelLoadError when there is no such file
 */
export function resolveJavascriptModel(modelPath: string, problemDir: string): Promise<string> {
  return resolveModuleFile(modelPath, problemDir, 'model.path', 'model file');
}

/** `path` against `problemDir`, checked to be a file; errors name `field`. */
export async function resolveModuleFile(path: string, problemDir: string, field: string, what: string): Promise<string> {
  const resolved = resolve(problemDir, path);
  const info = await stat(resolved).catch(() => null);
  if (!info) throw new ModelLoadError(field, `${what} "${path}" not found (looked for ${resolved})`);
  if (!info.isFile()) throw new ModelLoadError(field, `"${path}" is not a file (${resolved})`);
  return resolved;
}

/**
 * The `fields` export of a field hook's module (problem-format.md §1.7).
 * @throws ModelLoadError (fields.path) when the file is missing, fails to import or exports no function `fields`
 */
export async function loadFieldsFunction(fieldsPath: string, problemDir: string): Promise<(theta: number[]) => unknown> {
  const resolved = await resolveModuleFile(fieldsPath, problemDir, 'fields.path', 'fields module');
  const module = await importModule(resolved, 'fields.path');
  const fields = module.fields ?? ((module.default ?? {}) as Record<string, unknown>).fields;
  if (typeof fields !== 'function') {
    throw new ModelLoadError(
      'fields.path',
      `${resolved} ${fields === undefined ? 'exports no function fields' : `exports fields as a ${typeof fields}, not a function`}`,
    );
  }
  return fields as (theta: number[]) => unknown;
}

async function importModule(resolved: string, field: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ModelLoadError(field, `could not load ${resolved}: ${thrownMessage(error)}`);
  }
}

export async function loadJavascriptModel(modelPath: string, problemDir: string): Promise<LoadedModel> {
  const resolved = await resolveJavascriptModel(modelPath, problemDir);

  const module = await importModule(resolved, 'model.path');
  // A CommonJS file's exports arrive as `default` when Node cannot detect them statically.
  const fallback = (module.default ?? {}) as Record<string, unknown>;
  const forward = module.forward ?? fallback.forward;
  const forwardBatch = module.forwardBatch ?? fallback.forwardBatch;
  if (forward === undefined && forwardBatch === undefined) {
    throw new ModelLoadError('model.path', `${resolved} exports neither forward nor forwardBatch`);
  }
  for (const [name, value] of [
    ['forward', forward],
    ['forwardBatch', forwardBatch],
  ] as const) {
    if (value !== undefined && typeof value !== 'function') {
      throw new ModelLoadError('model.path', `${resolved}: the export ${name} is a ${typeof value}, not a function`);
    }
  }
  return {
    label: resolved,
    forward: forward as LoadedModel['forward'],
    forwardBatch: forwardBatch as LoadedModel['forwardBatch'],
  };
}
