/**
 * Reading and writing the problem file's `settings` the way a user would write them by hand: only
 * what differs from the default is written, and a field set back to its default disappears from
 * the file (so the file keeps following the app's defaults, e.g. concurrency = this machine's cores).
 */
import type { FieldKey } from './fields';

export type SettingsJson = Record<string, unknown>;
/** Every setting's default, by the problem file's key (settings/defaults). */
export type SettingDefaults = Readonly<Record<string, unknown>>;

/** A field's value as written in the file (exploration's two parts unpacked), undefined when absent. */
export function readField(settings: SettingsJson, key: FieldKey): unknown {
  if (key === 'explorationMethod') return objectAt(settings, 'exploration')?.method;
  if (key === 'explorationSamples') return objectAt(settings, 'exploration')?.samples;
  return settings[key];
}

/** The default of a field (exploration's two parts unpacked). */
export function defaultOf(defaults: SettingDefaults, key: FieldKey): unknown {
  const exploration = objectAt(defaults, 'exploration');
  if (key === 'explorationMethod') return exploration?.method;
  if (key === 'explorationSamples') return exploration?.samples ?? 10_000;
  return defaults[key];
}

/** The value the run will use: the file's, else the default. */
export function effectiveValue(settings: SettingsJson, defaults: SettingDefaults, key: FieldKey): unknown {
  const written = readField(settings, key);
  if (key === 'explorationSamples' && effectiveValue(settings, defaults, 'explorationMethod') === 'disjoint') return undefined;
  return written === undefined ? defaultOf(defaults, key) : written;
}

/**
 * A copy of `settings` with the field set to `value`; `undefined` or the default removes it.
 * Other keys (initialization, keys this form does not know) are kept as they are.
 */
export function writeField(settings: SettingsJson, defaults: SettingDefaults, key: FieldKey, value: unknown): SettingsJson {
  if (key === 'explorationMethod' || key === 'explorationSamples') return writeExploration(settings, defaults, key, value);
  const next = { ...settings };
  if (value === undefined || sameValue(value, defaultOf(defaults, key))) delete next[key];
  else next[key] = value;
  return next;
}

function writeExploration(settings: SettingsJson, defaults: SettingDefaults, key: FieldKey, value: unknown): SettingsJson {
  const current = objectAt(settings, 'exploration') ?? {};
  let method = key === 'explorationMethod' ? value : current.method;
  let samples = key === 'explorationSamples' ? value : current.samples;
  method ??= defaultOf(defaults, 'explorationMethod');
  if (sameValue(samples, defaultOf(defaults, 'explorationSamples'))) samples = undefined;
  const next = { ...settings };
  if (method === 'disjoint') next.exploration = { method: 'disjoint' };
  else if (samples !== undefined) next.exploration = { method, samples };
  else if (sameValue(method, defaultOf(defaults, 'explorationMethod'))) delete next.exploration;
  else next.exploration = { method };
  return next;
}

/** True when the file writes an explicit initialization: K must then equal its number of weights. */
export function explicitInitializationSize(settings: SettingsJson): number | null {
  const init = objectAt(settings, 'initialization');
  if (init?.type !== 'explicit') return null;
  return Array.isArray(init.weights) ? init.weights.length : null;
}

/** A copy of `settings` whose initial components are drawn from the prior again (the default). */
export function withPriorInitialization(settings: SettingsJson): SettingsJson {
  const next = { ...settings };
  delete next.initialization;
  return next;
}

function objectAt(record: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> | undefined {
  const value = record[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
