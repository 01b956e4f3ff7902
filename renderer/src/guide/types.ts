/**
 * The in-app guide as data (issue 4, "Help"): the Help screen renders it, and the run-setup
 * screen reuses a knob's one-line summary as the "?" tooltip and links to its section.
 * Text is plain; `backticks` mark code (rendered by components/help/GuideText.vue).
 */

export type GuideBlock =
  | { readonly kind: 'p'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface GuideSection {
  /** The anchor: /help?section=<id>. Unique across the guide. */
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly GuideBlock[];
  readonly children?: readonly GuideSection[];
}

/** One knob of the run-setup form. */
export interface KnobGuide extends GuideSection {
  /** One line for a tooltip. */
  readonly summary: string;
}

export const p = (text: string): GuideBlock => ({ kind: 'p', text });
export const list = (...items: string[]): GuideBlock => ({ kind: 'list', items });
export const code = (text: string): GuideBlock => ({ kind: 'code', text });
export const table = (head: readonly string[], rows: readonly (readonly string[])[]): GuideBlock => ({ kind: 'table', head, rows });
