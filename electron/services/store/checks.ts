/** Argument checks at the store's entry points (house-style: validate at the boundary, with the bad value). */
import { StoreError } from './errors';

/** The current time as stored: ISO 8601 in UTC with milliseconds, so text order is time order. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** A safe integer ≥ 0 (counts, indexes, limits), or INVALID_ARGUMENT naming `what` and the value. */
export function requireCount(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new StoreError('INVALID_ARGUMENT', `${what} must be a whole number ≥ 0; got ${String(value)}.`);
  return value;
}

/** A safe integer of either sign (seeds). */
export function requireInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new StoreError('INVALID_ARGUMENT', `${what} must be a whole number; got ${String(value)}.`);
  return value;
}

/** A finite number (times). */
export function requireFiniteNumber(value: number, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new StoreError('INVALID_ARGUMENT', `${what} must be a finite number; got ${String(value)}.`);
  return value;
}

/** Trimmed text that must not be empty. */
export function requireName(value: string, what: string, maxLength: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0) throw new StoreError('INVALID_ARGUMENT', `${what} must not be empty.`);
  if (trimmed.length > maxLength) throw new StoreError('INVALID_ARGUMENT', `${what} must be at most ${maxLength} characters; got ${trimmed.length}.`);
  return trimmed;
}

/** SQLite binds no booleans. */
export function flag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}
