/**
 * The application menu as data: the expected menus and items per platform and packaging, the
 * commands its items send, and shortcuts that do not collide.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isMenuCommand, type MenuCommand } from '../../../electron/contract/desktop';
import { buildMenuTemplate } from '../../../electron/main/menu-template';

type Item = MenuItemConstructorOptions;
const submenu = (item: Item | undefined): Item[] => (item?.submenu ?? []) as Item[];
const labels = (items: Item[]): string[] => items.filter((i) => i.type !== 'separator').map((i) => i.label ?? `(${i.role})`);
const menu = (template: Item[], label: string): Item[] => submenu(template.find((i) => i.label === label));

function build(platform: NodeJS.Platform = 'linux', isPackaged = false) {
  const sent: MenuCommand[] = [];
  const about = vi.fn();
  const template = buildMenuTemplate({ platform, isPackaged }, { send: (command) => sent.push(command), about });
  return { template, sent, about };
}

function click(item: Item | undefined): void {
  (item!.click as (...args: unknown[]) => void)(item, undefined, {});
}

describe('application menu', () => {
  it('has File, Edit, View, Window and Help with the expected items (Linux, development)', () => {
    const { template } = build();
    expect(template.map((i) => i.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(labels(menu(template, 'File'))).toEqual(['New problem', 'Open problem…', 'Save problem', 'Save problem as…', 'Export…', 'Quit']);
    expect(labels(menu(template, 'Edit'))).toEqual(['(undo)', '(redo)', '(cut)', '(copy)', '(paste)', '(delete)', '(selectAll)']);
    expect(labels(menu(template, 'View'))).toEqual([
      'Runs',
      'Problem',
      'Run setup',
      'Compare',
      'Help',
      'Toggle dark theme',
      '(resetZoom)',
      '(zoomIn)',
      '(zoomOut)',
      '(togglefullscreen)',
      '(reload)',
      '(forceReload)',
      '(toggleDevTools)',
    ]);
    expect(labels(menu(template, 'Window'))).toEqual(['(minimize)', '(close)']);
    expect(labels(menu(template, 'Help'))).toEqual(['GMKI guide', 'About GMKI Studio']);
  });

  it('leaves out reload and the developer tools when packaged', () => {
    const view = labels(menu(build('linux', true).template, 'View'));
    expect(view).not.toContain('(reload)');
    expect(view).not.toContain('(toggleDevTools)');
    expect(view).toContain('(zoomIn)');
  });

  it('follows macOS: an application menu first, Quit there rather than in File', () => {
    const { template } = build('darwin');
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(labels(menu(template, 'File'))).not.toContain('Quit');
    expect(labels(menu(template, 'Window'))).toEqual(['(minimize)', '(zoom)', '(front)']);
  });

  it('sends well-formed commands to the renderer and opens About in the main process', () => {
    const { template, sent, about } = build();
    const items = template.flatMap((top) => submenu(top)).filter((item) => item.click && item.label !== 'About GMKI Studio');
    for (const item of items) click(item);
    expect(sent.every(isMenuCommand)).toBe(true);
    expect(sent).toEqual([
      { command: 'new-problem' },
      { command: 'open-problem' },
      { command: 'save-problem' },
      { command: 'save-problem-as' },
      { command: 'export' },
      { command: 'navigate', route: '/runs' },
      { command: 'navigate', route: '/problem' },
      { command: 'navigate', route: '/setup' },
      { command: 'navigate', route: '/compare' },
      { command: 'navigate', route: '/help' },
      { command: 'toggle-theme' },
      { command: 'navigate', route: '/help' },
    ]);
    click(menu(template, 'Help').find((i) => i.label === 'About GMKI Studio'));
    expect(about).toHaveBeenCalledOnce();
  });

  it('gives no two items the same shortcut', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const accelerators = build(platform)
        .template.flatMap((top) => submenu(top))
        .flatMap((item) => (item.accelerator ? [item.accelerator] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
