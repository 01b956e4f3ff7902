/** The whole guide in reading order, and look-ups for the screens that link into it. */
import { FILES, KEYBOARD } from './files-keyboard';
import { INTRO } from './intro';
import { KNOB_ORDER, KNOBS, type KnobKey } from './knobs';
import { METHODS } from './methods';
import { MODELS } from './models';
import { COMPARE, CORNER_PLOT, DIAGNOSTICS, RUN_MONITOR } from './reading-results';
import { p, type GuideSection, type KnobGuide } from './types';

export type { GuideBlock, GuideSection, KnobGuide } from './types';
export type { KnobKey } from './knobs';

const KNOB_SECTION: GuideSection = {
  id: 'knobs',
  title: 'The knobs of a run',
  blocks: [
    p(
      'Every setting has a default that suits most problems; the run-setup screen shows each default and writes into the problem file only what you change, and only the settings the chosen method uses. For GMKI the ones that matter most are K, the iterations and Δt: together with the number of parameters d they set the cost, K·(2d+1)·iterations forward evaluations. The other methods’ costs are in “The methods”.',
    ),
  ],
  children: KNOB_ORDER.map((key) => KNOBS[key]),
};

export const GUIDE: readonly GuideSection[] = [INTRO, KNOB_SECTION, METHODS, RUN_MONITOR, DIAGNOSTICS, CORNER_PLOT, COMPARE, MODELS, FILES, KEYBOARD];

/** A knob's guide entry (tooltip text and section). */
export function knobGuide(key: KnobKey): KnobGuide {
  return KNOBS[key];
}

/** The route of a guide section, for RouterLink. */
export function guideRoute(sectionId: string): { path: '/help'; query: { section: string } } {
  return { path: '/help', query: { section: sectionId } };
}

/** Every section, nested ones included, in reading order. */
export function allSections(sections: readonly GuideSection[] = GUIDE): GuideSection[] {
  return sections.flatMap((section) => [section, ...allSections(section.children ?? [])]);
}

/** A line of guide text split into plain and `code` parts. */
export function inlineParts(text: string): { readonly code: boolean; readonly text: string }[] {
  return text
    .split('`')
    .map((part, i) => ({ code: i % 2 === 1, text: part }))
    .filter((part) => part.text !== '');
}
