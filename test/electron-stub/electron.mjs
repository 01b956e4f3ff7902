// A stand-in for the `electron` module, so the built main bundle can run in plain Node
// (toolchain.md §2): it records what the bundle asks of Electron in globalThis.__electronStub.
import { tmpdir } from 'node:os';
import { EventEmitter } from 'node:events';

const state = { windows: [], handlers: new Map(), sent: [], errorBoxes: [], quitted: false, exposed: {} };
globalThis.__electronStub = state;

const appEvents = new EventEmitter();
export const app = {
  isPackaged: false,
  whenReady: () => Promise.resolve(),
  getPath: () => process.env.GMKI_DATA_DIR ?? tmpdir(),
  getAppPath: () => process.cwd(),
  on(name, listener) {
    appEvents.on(name, listener);
    return app;
  },
  quit() {
    let prevented = false;
    appEvents.emit('will-quit', { preventDefault: () => void (prevented = true) });
    if (!prevented) state.quitted = true;
  },
};

export const ipcMain = {
  handle(channel, handler) {
    if (state.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    state.handlers.set(channel, handler);
  },
  removeHandler(channel) {
    state.handlers.delete(channel);
  },
};

export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.loaded = null;
    this.listeners = {};
    this.webContents = {
      on: (name, listener) => void (this.listeners[name] = listener),
      setWindowOpenHandler: (handler) => void (this.windowOpenHandler = handler),
      send: (channel, payload) => void state.sent.push({ channel, payload }),
    };
    state.windows.push(this);
  }
  loadFile(path) {
    this.loaded = path;
    return Promise.resolve();
  }
  loadURL(url) {
    this.loaded = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  static getAllWindows() {
    return state.windows;
  }
}

export const dialog = { showErrorBox: (title, text) => void state.errorBoxes.push({ title, text }) };
export const shell = { openExternal: () => Promise.resolve() };
export const contextBridge = { exposeInMainWorld: (key, value) => void (state.exposed[key] = value) };
export const ipcRenderer = { invoke: () => Promise.reject(new Error('no main process in the stub')), on() {}, removeListener() {} };

export default { app, ipcMain, BrowserWindow, dialog, shell, contextBridge, ipcRenderer };
