import { describe, expect, it } from 'vitest';
import { decodeDraft, encodeDraft, restoredNotice, type KeptDraft } from '../../../renderer/src/problem/draft-storage';

const kept: KeptDraft = {
  problem: { format: 'gmki-problem/1', name: 'Decay', parameters: [{ name: 'a', prior: { mean: 1, std: '0.' } }] },
  origin: { problemDir: '/data', filePath: '/data/decay.gmki.json', savedId: null },
  dirty: true,
};

describe('kept drafts', () => {
  it('read back exactly what was written, half-typed values included', () => {
    expect(decodeDraft(encodeDraft(kept))).toEqual({ ok: true, draft: kept });
  });

  it('refuse anything else with a reason instead of restoring it', () => {
    expect(decodeDraft('{"format":')).toEqual({ ok: false, reason: 'it is not readable JSON' });
    expect(decodeDraft('[]')).toEqual({ ok: false, reason: 'it is not a gmki-draft/1 record' });
    expect(decodeDraft(JSON.stringify({ format: 'gmki-draft/1', problem: [], origin: kept.origin, dirty: false }))).toEqual({
      ok: false,
      reason: 'it holds no problem object',
    });
    const badOrigin = JSON.stringify({ format: 'gmki-draft/1', problem: {}, origin: { problemDir: 3, filePath: null, savedId: null }, dirty: false });
    expect(decodeDraft(badOrigin)).toEqual({ ok: false, reason: 'its file location is unreadable' });
    const noDirty = JSON.stringify({ format: 'gmki-draft/1', problem: {}, origin: kept.origin });
    expect(decodeDraft(noDirty)).toEqual({ ok: false, reason: 'its saved state is unreadable' });
  });

  it('say what was restored', () => {
    expect(restoredNotice(kept)).toBe('“Decay” (/data/decay.gmki.json) was restored with its unsaved changes, as it was before the page was reloaded.');
    expect(restoredNotice({ ...kept, problem: {}, origin: { problemDir: null, filePath: null, savedId: 'x' }, dirty: false })).toBe(
      'The problem (from the library) was restored as saved, as it was before the page was reloaded.',
    );
  });
});
