// A stand-in for the `electron` module, so the built main bundle can run in plain Node
// (toolchain.md §2): it records what the bundle asks of Electron in globalThis.__electronStub.
import { tmpdir } from 'node:os';
import { EventEmitter } from 'node:events';

const state = {
  windows: [],
  handlers: new Map(),
  sent: [],
  errorBoxes: [],
  quitted: false,
  exposed: {},
  menu: null,
  dialogCalls: [],
  // One 1920×1040 work area unless a probe says otherwise.
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
};
globalThis.__electronStub = state;

const appEvents = new EventEmitter();
export const app = {
  isPackaged: false,
  whenReady: () => Promise.resolve(),
  getPath: () => process.env.GMKI_DATA_DIR ?? tmpdir(),
  getAppPath: () => process.cwd(),
  getVersion: () => '0.0.0-stub',
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
    this.windowListeners = {};
    this.maximized = false;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
    this.webContents = {
      on: (name, listener) => void (this.listeners[name] = listener),
      setWindowOpenHandler: (handler) => void (this.windowOpenHandler = handler),
      send: (channel, payload) => void state.sent.push({ channel, payload }),
      session: { setPermissionRequestHandler: (handler) => void (this.permissionHandler = handler) },
    };
    state.windows.push(this);
  }
  on(name, listener) {
    (this.windowListeners[name] ??= []).push(listener);
    return this;
  }
  emit(name) {
    for (const listener of this.windowListeners[name] ?? []) listener({ preventDefault() {} });
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return this.bounds;
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
  static getFocusedWindow() {
    return state.windows[0] ?? null;
  }
  static fromWebContents(contents) {
    return state.windows.find((window) => window.webContents === contents) ?? null;
  }
}

export const screen = { getAllDisplays: () => state.displays };

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => void (state.menu = menu),
};

export const dialog = {
  showErrorBox: (title, text) => void state.errorBoxes.push({ title, text }),
  showOpenDialog: async (...args) => {
    state.dialogCalls.push({ kind: 'open', args });
    return { canceled: false, filePaths: ['/home/user/problem.gmki.json'] };
  },
  showSaveDialog: async (...args) => {
    state.dialogCalls.push({ kind: 'save', args });
    return { canceled: true, filePath: '' };
  },
  showMessageBox: async (...args) => {
    state.dialogCalls.push({ kind: 'message', args });
    return { response: 0 };
  },
};
export const shell = { openExternal: () => Promise.resolve() };
export const contextBridge = { exposeInMainWorld: (key, value) => void (state.exposed[key] = value) };
export const ipcRenderer = { invoke: () => Promise.reject(new Error('no main process in the stub')), on() {}, removeListener() {} };

export default { app, ipcMain, BrowserWindow, Menu, screen, dialog, shell, contextBridge, ipcRenderer };
