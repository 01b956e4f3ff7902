/**
 * The preload: the renderer's only door to the main process. It exposes exactly the contract's
 * AppBridge as `window.gmki` (architecture.md §5: no ipcRenderer, no Node, nothing else), so a
 * compromised page can only send the requests the gate validates anyway.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENTS, isChannel, type EventName } from '../contract/channels';
import type { AppBridge } from '../contract/channel-map';
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

contextBridge.exposeInMainWorld('gmki', Object.freeze(bridge));
