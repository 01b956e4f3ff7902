/**
 * What each menu command does in the renderer (menu.ts installs it): navigation and the theme
 * here; file and export commands go to the screen that owns them through commands.ts, opening the
 * problem editor first when needed.
 */
import type { Router } from 'vue-router';
import type { MenuCommand } from '../../../electron/contract/desktop';
import { emitScreenCommand } from './commands';

export interface MenuTargets {
  readonly router: Pick<Router, 'push' | 'currentRoute'>;
  readonly toggleTheme: () => void;
  /** A short note when a command has nothing to act on. */
  readonly notify: (message: string) => void;
}

export function handleMenuCommand(command: MenuCommand, { router, toggleTheme, notify }: MenuTargets): void {
  switch (command.command) {
    case 'navigate':
      void router.push(command.route);
      return;
    case 'toggle-theme':
      toggleTheme();
      return;
    case 'export':
      if (router.currentRoute.value.name !== 'run') {
        notify('Open a run (Runs, then a run) to export it.');
        return;
      }
      emitScreenCommand('export');
      return;
    default:
      // Issued before navigating: the editor handles it now, or when it mounts (commands.ts).
      emitScreenCommand(command.command);
      if (router.currentRoute.value.name !== 'problem') void router.push('/problem');
  }
}
