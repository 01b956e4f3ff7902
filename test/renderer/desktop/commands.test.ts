/**
 * The menu's commands in the renderer: navigation and theme directly, file commands to the
 * problem editor (opened first when elsewhere) through the screen-command bus, export only on a
 * run; the bus hands each command to one screen once, also to a screen that mounts just after.
 */
import { effectScope, ref } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../electron/contract/desktop';
import { emitScreenCommand, lastScreenCommand, onScreenCommand, PENDING_MS, type ScreenCommandName } from '../../../renderer/src/desktop/commands';
import { handleMenuCommand } from '../../../renderer/src/desktop/menu-commands';

function targets(routeName: string) {
  const pushed: string[] = [];
  const currentRoute = ref({ name: routeName });
  const router = { push: vi.fn(async (to: string) => void pushed.push(to)), currentRoute } as never;
  return { pushed, toggleTheme: vi.fn(), notify: vi.fn(), router };
}

describe('handleMenuCommand', () => {
  it('navigates to the route of a navigate command', () => {
    const t = targets('runs');
    handleMenuCommand({ command: 'navigate', route: '/compare' }, t);
    expect(t.pushed).toEqual(['/compare']);
  });

  it('toggles the theme', () => {
    const t = targets('runs');
    handleMenuCommand({ command: 'toggle-theme' }, t);
    expect(t.toggleTheme).toHaveBeenCalledOnce();
    expect(t.pushed).toEqual([]);
  });

  it('sends a file command to the problem editor, opening it when another screen is shown', () => {
    const t = targets('runs');
    handleMenuCommand({ command: 'open-problem' }, t);
    expect(lastScreenCommand.value?.name).toBe('open-problem');
    expect(t.pushed).toEqual(['/problem']);

    const inEditor = targets('problem');
    handleMenuCommand({ command: 'save-problem-as' }, inEditor);
    expect(lastScreenCommand.value?.name).toBe('save-problem-as');
    expect(inEditor.pushed).toEqual([]);
  });

  it('exports only from a run view, with a note elsewhere', () => {
    const elsewhere = targets('compare');
    const before = lastScreenCommand.value;
    handleMenuCommand({ command: 'export' }, elsewhere);
    expect(elsewhere.notify).toHaveBeenCalledWith(expect.stringContaining('Open a run'));
    expect(lastScreenCommand.value).toBe(before);

    const onRun = targets('run');
    handleMenuCommand({ command: 'export' } satisfies MenuCommand, onRun);
    expect(lastScreenCommand.value?.name).toBe('export');
    expect(onRun.notify).not.toHaveBeenCalled();
  });
});

describe('onScreenCommand', () => {
  it('hands each command of its names to the screen once, in order, and ignores the others', () => {
    const scope = effectScope();
    const seen: ScreenCommandName[] = [];
    scope.run(() => onScreenCommand(['save-problem', 'open-problem'], (name) => seen.push(name)));
    emitScreenCommand('save-problem');
    emitScreenCommand('export');
    emitScreenCommand('open-problem');
    emitScreenCommand('save-problem');
    expect(seen).toEqual(['save-problem', 'open-problem', 'save-problem']);
    scope.stop();
    emitScreenCommand('save-problem');
    expect(seen).toHaveLength(3);
  });

  it('handles on mount a command issued just before, but neither an old one nor one already handled', () => {
    const scope = effectScope();
    const first: ScreenCommandName[] = [];
    const issued = emitScreenCommand('new-problem', 1_000);
    scope.run(() =>
      onScreenCommand(
        ['new-problem'],
        (name) => first.push(name),
        () => issued.at + 100,
      ),
    );
    expect(first).toEqual(['new-problem']);
    scope.stop();

    // A second screen mounting later must not run it again.
    const again: ScreenCommandName[] = [];
    const other = effectScope();
    other.run(() =>
      onScreenCommand(
        ['new-problem'],
        (name) => again.push(name),
        () => issued.at + 200,
      ),
    );
    other.stop();
    expect(again).toEqual([]);

    const old = emitScreenCommand('open-problem', 5_000);
    const late: ScreenCommandName[] = [];
    const third = effectScope();
    third.run(() =>
      onScreenCommand(
        ['open-problem'],
        (name) => late.push(name),
        () => old.at + PENDING_MS + 1,
      ),
    );
    third.stop();
    expect(late).toEqual([]);
  });
});
