/**
 * The problem being edited, kept in the tab's session storage so that a reload (or the desktop
 * window's) finds it again: the draft as typed, where it came from, whether it is saved. What is
 * read back is checked; anything else is refused with a reason, never restored silently.
 */

/** Session-storage key of the kept draft (the token of `gmki serve` sits beside it). */
export const DRAFT_STORAGE_KEY = 'gmki-draft';
const FORMAT = 'gmki-draft/1';

export interface KeptDraft {
  /** The problem file's JSON as the user left it (possibly half-typed). */
  readonly problem: Record<string, unknown>;
  readonly origin: { readonly problemDir: string | null; readonly filePath: string | null; readonly savedId: string | null };
  readonly dirty: boolean;
}

export function encodeDraft(draft: KeptDraft): string {
  return JSON.stringify({ format: FORMAT, ...draft });
}

export type DecodedDraft = { readonly ok: true; readonly draft: KeptDraft } | { readonly ok: false; readonly reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPathOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** The kept draft in `text`, or why it cannot be restored. */
export function decodeDraft(text: string): DecodedDraft {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not readable JSON' };
  }
  if (!isRecord(value) || value.format !== FORMAT) return { ok: false, reason: `it is not a ${FORMAT} record` };
  const { problem, origin, dirty } = value;
  if (!isRecord(problem)) return { ok: false, reason: 'it holds no problem object' };
  if (!isRecord(origin) || !isPathOrNull(origin.problemDir) || !isPathOrNull(origin.filePath) || !isPathOrNull(origin.savedId)) {
    return { ok: false, reason: 'its file location is unreadable' };
  }
  if (typeof dirty !== 'boolean') return { ok: false, reason: 'its saved state is unreadable' };
  return { ok: true, draft: { problem, origin: { problemDir: origin.problemDir, filePath: origin.filePath, savedId: origin.savedId }, dirty } };
}

/** The sentence the editor shows about a draft brought back after a reload. */
export function restoredNotice(draft: KeptDraft): string {
  const name = typeof draft.problem.name === 'string' && draft.problem.name.trim() ? `“${draft.problem.name.trim()}”` : 'The problem';
  const where = draft.origin.filePath ? ` (${draft.origin.filePath})` : draft.origin.savedId ? ' (from the library)' : '';
  const state = draft.dirty ? 'with its unsaved changes' : 'as saved';
  return `${name}${where} was restored ${state}, as it was before the page was reloaded.`;
}
