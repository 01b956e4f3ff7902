/** Installs the application menu (menu-template.ts) and routes its commands to the renderer. */
import { app, BrowserWindow, dialog, Menu, type BaseWindow } from 'electron';
import { DESKTOP_IPC, type MenuCommand } from '../contract/desktop';
import { buildMenuTemplate } from './menu-template';

export function installAppMenu(): void {
  const template = buildMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform }, { send: sendCommand, about: showAbout });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** To the clicked window's page, or the app's window when no window had the focus (macOS). */
function sendCommand(command: MenuCommand, window: BaseWindow | undefined): void {
  const target = window instanceof BrowserWindow ? window : BrowserWindow.getAllWindows()[0];
  if (target && !target.isDestroyed()) target.webContents.send(DESKTOP_IPC.menu, command);
}

function showAbout(): void {
  const window = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'info' as const,
    title: 'About GMKI Studio',
    message: `GMKI Studio ${app.getVersion()}`,
    detail:
      'Gaussian Mixture Kalman Inversion: derivative-free, multimodal Bayesian inversion of expensive black-box models.\n\n' +
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}. MIT licence.`,
    buttons: ['OK'],
  };
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
