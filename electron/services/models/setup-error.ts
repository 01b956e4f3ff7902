/**
 * A model host could not start: the model file is missing or does not load, the command cannot
 * be run, the UM-Bridge server is unreachable or its sizes do not fit the problem. Reported
 * before anything runs (exit 2 / INVALID). It is a ModelLoadError so that callers which already
 * explain those (the CLI) explain these too; `path` is the JSON path of the field to fix.
 */
import { ModelLoadError } from './types';

export class ModelSetupError extends ModelLoadError {
  constructor(path: string, message: string) {
    super(path, message);
    this.name = 'ModelSetupError';
  }
}
