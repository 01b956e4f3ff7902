/**
 * The menu's file and export commands for the screens that carry them out (the problem editor,
 * the run view). A tiny event bus: the last command with a sequence number. A screen subscribes
 * with onScreenCommand; a command that arrives just before the screen mounts (the menu opened the
 * screen for it) is handled on mount, and every command is handled at most once.
 */
import { shallowRef, watch, type WatchStopHandle } from 'vue';

export type ScreenCommandName = 'new-problem' | 'open-problem' | 'save-problem' | 'save-problem-as' | 'export';

export interface ScreenCommand {
  readonly name: ScreenCommandName;
  readonly seq: number;
  /** Date.now() when it was issued. */
  readonly at: number;
}

/** A command older than this when a screen mounts was meant for another moment: not replayed. */
export const PENDING_MS = 3000;

export const lastScreenCommand = shallowRef<ScreenCommand | null>(null);
let seq = 0;
let lastHandledSeq = 0;

export function emitScreenCommand(name: ScreenCommandName, now = Date.now()): ScreenCommand {
  const command = { name, seq: ++seq, at: now };
  lastScreenCommand.value = command;
  return command;
}

/**
 * Calls `handler` for each command of `names` not yet handled (call it in a component's setup:
 * the watcher then stops with the component). Returns the stop function for other callers.
 */
export function onScreenCommand(names: readonly ScreenCommandName[], handler: (name: ScreenCommandName) => void, now = () => Date.now()): WatchStopHandle {
  const take = (command: ScreenCommand | null): void => {
    if (!command || command.seq <= lastHandledSeq || !names.includes(command.name)) return;
    if (now() - command.at > PENDING_MS) return;
    lastHandledSeq = command.seq;
    handler(command.name);
  };
  take(lastScreenCommand.value);
  // 'sync': a command is handled when it is issued, so two quick ones are not merged into one.
  return watch(lastScreenCommand, take, { flush: 'sync' });
}
