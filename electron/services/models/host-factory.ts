/**
 * createModelHost: the one entry point from a problem's `model` (`problem-format.md` §2) to a
 * ModelHost with every slot started and checked, whatever the model's type.
 */
import type { ModelSpec } from '../../../core/problem/types';
import { assertNever } from '../../../core/util/assertNever';
import { createBuiltinHost } from './builtin-host';
import { createCommandHost } from './command-host';
import type { CreateModelHost, ModelHost, ModelHostContext } from './host';
import { createJavascriptHost } from './javascript-pool';
import { timeoutSecondsOf } from './timeout';
import { createUmbridgeHost } from './umbridge-host';

/**
 * @throws ModelSetupError (a ModelLoadError, with the JSON path of the field to fix) when the
 *   model cannot start: nothing is left running then
 */
export const createModelHost: CreateModelHost = async (spec: ModelSpec, context: ModelHostContext): Promise<ModelHost> => {
  switch (spec.type) {
    case 'javascript':
      return createJavascriptHost(spec.path, context, timeoutSecondsOf(spec));
    case 'command':
      return createCommandHost(spec, context);
    case 'umbridge':
      return createUmbridgeHost(spec, context);
    case 'builtin':
      return createBuiltinHost(spec.name, context, timeoutSecondsOf(spec));
    default:
      return assertNever(spec);
  }
};
