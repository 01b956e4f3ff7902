/**
 * The IPC gate: one `ipcMain.handle('gmki:' + channel)` per contract channel. Each call first
 * checks that it comes from the app's own page (sender.ts), then goes through the dispatch
 * (schema → handler → Result). Replies always resolve with a Result, never reject.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../contract/channels';
import { fail } from '../contract/result';
import type { Dispatch } from '../services/handlers';
import { isAppPage } from './sender';

/** Prefix of every request channel on IPC; events use `gmki:event:` + name. */
export const IPC_PREFIX = 'gmki:';
export const IPC_EVENT_PREFIX = 'gmki:event:';

export interface GateOptions {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly dispatch: Dispatch;
  /** The app page's URL (sender.ts appPageUrl). */
  readonly appUrl: string;
}

/** Registers the handlers; returns the function that removes them. */
export function registerGate({ ipcMain, dispatch, appUrl }: GateOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      // senderFrame is null when the frame navigated away or was destroyed: not our page then.
      if (!isAppPage(event.senderFrame?.url, appUrl)) return fail('INVALID_REQUEST', 'unknown sender');
      return dispatch(channel, payload);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(IPC_PREFIX + channel);
  };
}
