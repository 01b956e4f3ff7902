/**
 * What only the desktop app has besides the AppBridge: the application menu's commands, exposed
 * by the preload as `window.gmkiMenu`, and the IPC names of the menu and the native dialogs
 * (dialogs.ts). `gmki serve` has neither; the screens check for `window.gmkiMenu` / `gmkiDialogs`.
 */

/**
 * Menu items that act in the renderer. The main process sends one of these on `gmki:menu`:
 * - `new-problem`, `open-problem`, `save-problem`, `save-problem-as`: the problem editor's file actions;
 * - `export`: export the run on screen;
 * - `toggle-theme`: light ↔ dark (the renderer owns the theme);
 * - `navigate`: go to `route` (one of MENU_ROUTES).
 */
export const MENU_COMMANDS = ['new-problem', 'open-problem', 'save-problem', 'save-problem-as', 'export', 'toggle-theme', 'navigate'] as const;
export type MenuCommandName = (typeof MENU_COMMANDS)[number];

/** The screens the menu can open (hash routes of renderer/src/router.ts). */
export const MENU_ROUTES = ['/runs', '/problem', '/setup', '/compare', '/help'] as const;
export type MenuRoute = (typeof MENU_ROUTES)[number];

export type MenuCommand = { readonly command: Exclude<MenuCommandName, 'navigate'> } | { readonly command: 'navigate'; readonly route: MenuRoute };

/** `window.gmkiMenu`: the menu's commands, for as long as the listener is subscribed. */
export interface DesktopMenu {
  /** Calls `listener` for every menu command until the returned function is called. */
  onCommand(listener: (command: MenuCommand) => void): () => void;
}

/** True for a well-formed MenuCommand (the preload passes on nothing else). */
export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const { command, route } = value as { command?: unknown; route?: unknown };
  if (command === 'navigate') return typeof route === 'string' && (MENU_ROUTES as readonly string[]).includes(route);
  return typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command);
}

/** IPC names of the desktop-only messages (the channels use `gmki:` + channel). */
export const DESKTOP_IPC = {
  /** main → renderer: a MenuCommand. */
  menu: 'gmki:menu',
  /** renderer → main (invoke): OpenFileOptions → absolute path | null. */
  openDialog: 'gmki:dialog/open',
  /** renderer → main (invoke): SaveFileOptions → absolute path | null. */
  saveDialog: 'gmki:dialog/save',
} as const;
