/**
 * The renderer's side of the desktop app's menu (electron/main/menu-template.ts): listens to
 * `window.gmkiMenu` and hands each command to handleMenuCommand. In a browser there is no menu.
 */
import { ElMessage } from 'element-plus';
import type { Router } from 'vue-router';
import type { DesktopMenu } from '../../../electron/contract/desktop';
import { useThemeStore } from '../stores/theme';
import { handleMenuCommand } from './menu-commands';

declare global {
  interface Window {
    /** The application menu's commands; only the desktop app has them. */
    gmkiMenu?: DesktopMenu;
  }
}

/** Listens to the menu for the app's lifetime; false in a browser (no menu). */
export function installDesktopMenu(router: Router, menu: DesktopMenu | undefined = window.gmkiMenu): boolean {
  if (!menu) return false;
  menu.onCommand((command) =>
    handleMenuCommand(command, {
      router,
      toggleTheme: () => useThemeStore().toggle(),
      notify: (message) => void ElMessage({ message, type: 'info', showClose: true }),
    }),
  );
  return true;
}
