// The guide as data: the run-setup form links every field to a section, anchors are unique.
import { describe, expect, it } from 'vitest';
import { allSections, GUIDE, guideRoute, inlineParts, knobGuide } from '../../../renderer/src/guide/index';
import { FIELDS } from '../../../renderer/src/setup/fields';

describe('the in-app guide', () => {
  it('has a knob section with a one-line summary for every run-setup field and the initialization', () => {
    const ids = new Set(allSections().map((section) => section.id));
    for (const key of [...FIELDS.map((field) => field.key), 'initialization' as const]) {
      const knob = knobGuide(key);
      expect(ids.has(knob.id), key).toBe(true);
      expect(knob.summary.length, key).toBeGreaterThan(20);
      expect(knob.summary.includes('\n'), key).toBe(false);
    }
  });

  it('gives every section a unique anchor and some text', () => {
    const sections = allSections();
    expect(new Set(sections.map((section) => section.id)).size).toBe(sections.length);
    for (const section of sections) expect(section.blocks.length, section.id).toBeGreaterThan(0);
  });

  it('covers what the Help screen must explain', () => {
    const top = GUIDE.map((section) => section.id);
    expect(top).toEqual(['what-gmki-does', 'knobs', 'methods', 'run-monitor', 'diagnostics', 'corner-plot', 'compare', 'forward-models', 'files', 'keyboard']);
    expect(allSections().map((s) => s.id)).toEqual(
      expect.arrayContaining(['model-javascript', 'model-command', 'model-umbridge', 'reference-check', 'particle-monitor']),
    );
  });

  it('links to a section through the help route', () => {
    expect(guideRoute('knob-dt')).toEqual({ path: '/help', query: { section: 'knob-dt' } });
  });

  it('splits `code` out of a line of text', () => {
    expect(inlineParts('Export `forward(theta)` now')).toEqual([
      { code: false, text: 'Export ' },
      { code: true, text: 'forward(theta)' },
      { code: false, text: ' now' },
    ]);
    expect(inlineParts('`a`')).toEqual([{ code: true, text: 'a' }]);
  });
});
