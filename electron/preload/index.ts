/**
 * The preload: the renderer's only door to the main process. It exposes exactly the contract's
 * AppBridge as `window.gmki`, the native dialogs as `window.gmkiDialogs` and the menu's commands
 * as `window.gmkiMenu` (architecture.md §5: no ipcRenderer, no Node, nothing else), so a
 * compromised page can only send the requests the main process validates anyway.
 *
 * It runs sandboxed: built as one CommonJS file whose only require is 'electron' (the sandbox
 * offers no other module), so it imports nothing but the contract's plain TypeScript.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENTS, isChannel, type EventName } from '../contract/channels';
import type { AppBridge } from '../contract/channel-map';
import { DESKTOP_IPC, isMenuCommand, type DesktopMenu } from '../contract/desktop';
import type { DesktopDialogs } from '../contract/dialogs';
import { fail } from '../contract/result';

const isEvent = (name: unknown): name is EventName => typeof name === 'string' && (EVENTS as readonly string[]).includes(name);

const bridge: AppBridge = {
  invoke(channel, request) {
    // The contract's calls resolve with a Result, never reject: an unknown name is the caller's bug.
    if (!isChannel(channel)) return Promise.resolve(fail('INVALID_REQUEST', `unknown channel ${JSON.stringify(channel)}`));
    return ipcRenderer.invoke('gmki:' + channel, request);
  },
  subscribe(event, listener) {
    if (!isEvent(event) || typeof listener !== 'function') throw new TypeError(`unknown event ${JSON.stringify(event)}`);
    // The IpcRendererEvent (with its sender) stays here: the page gets the payload only.
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on('gmki:event:' + event, forward);
    return () => void ipcRenderer.removeListener('gmki:event:' + event, forward);
  },
};

// The main process checks the options; the page cannot pick another IPC channel.
const dialogs: DesktopDialogs = {
  openFile: (options) => ipcRenderer.invoke(DESKTOP_IPC.openDialog, options),
  saveFile: (options) => ipcRenderer.invoke(DESKTOP_IPC.saveDialog, options),
};

const menu: DesktopMenu = {
  onCommand(listener) {
    if (typeof listener !== 'function') throw new TypeError('onCommand needs a function');
    const forward = (_event: Electron.IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(DESKTOP_IPC.menu, forward);
    return () => void ipcRenderer.removeListener(DESKTOP_IPC.menu, forward);
  },
};

contextBridge.exposeInMainWorld('gmki', Object.freeze(bridge));
contextBridge.exposeInMainWorld('gmkiDialogs', Object.freeze(dialogs));
contextBridge.exposeInMainWorld('gmkiMenu', Object.freeze(menu));
