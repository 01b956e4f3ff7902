/**
 * The preload: the renderer's only door to the main process. It will expose exactly the channels
 * of electron/contract (one method per channel) once the contract exists; today it exposes the
 * app's identity so the renderer can tell it runs in the desktop shell.
 */
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('gmkiShell', Object.freeze({ kind: 'electron' as const }));
