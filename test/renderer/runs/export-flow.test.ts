import { describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/contract/result';
import type { ExportOutcome } from '../../../electron/contract/types';
import type { SaveFileOptions } from '../../../electron/contract/dialogs';
import { exportRunFile, type ExportFileRequest, type ExportFlowDeps } from '../../../renderer/src/runs/export-flow';

/** A fake service and user: records every request, answers from a script. */
function setup(options: { desktop: boolean; savePath?: string | null; fileExists?: boolean; replace?: boolean; fail?: string }) {
  const requests: ExportFileRequest[] = [];
  const dialogs: SaveFileOptions[] = [];
  const downloads: [string, string, string][] = [];
  const asked: string[] = [];
  const deps: ExportFlowDeps = {
    runName: 'first try',
    async exportRun(request): Promise<Result<ExportOutcome>> {
      requests.push(request);
      if (options.fail) return { ok: false, error: { code: 'IO', message: options.fail } };
      if (!request.path) return { ok: true, value: { kind: 'download', fileName: 'first-try-samples.csv', mediaType: 'text/csv', base64: 'YSxiCg==', bytes: 4 } };
      if (options.fileExists && !request.overwrite) return { ok: false, error: { code: 'CONFLICT', message: 'exists' } };
      return { ok: true, value: { kind: 'file', file: request.path, bytes: 4 } };
    },
    dialogs: options.desktop
      ? {
          openFile: async () => null,
          saveFile: async (o) => {
            dialogs.push(o);
            return options.savePath === undefined ? '/home/u/out.csv' : options.savePath;
          },
        }
      : null,
    confirmReplace: async (path) => {
      asked.push(path);
      return options.replace ?? false;
    },
    download: (base64, mediaType, fileName) => downloads.push([base64, mediaType, fileName]),
  };
  return { deps, requests, dialogs, downloads, asked };
}

describe('exportRunFile', () => {
  it('in a browser, downloads the bytes the service returns under its file name', async () => {
    const { deps, requests, downloads } = setup({ desktop: false });
    expect(await exportRunFile({ format: 'csv', samples: 500 }, deps)).toEqual({ kind: 'downloaded', fileName: 'first-try-samples.csv' });
    expect(requests).toEqual([{ format: 'csv', samples: 500 }]);
    expect(downloads).toEqual([['YSxiCg==', 'text/csv', 'first-try-samples.csv']]);
  });

  it('in the desktop app, asks where with the suggested name and writes there', async () => {
    const { deps, requests, dialogs } = setup({ desktop: true });
    expect(await exportRunFile({ format: 'csv', samples: 10 }, deps)).toEqual({ kind: 'saved', file: '/home/u/out.csv' });
    expect(dialogs[0]).toMatchObject({ defaultPath: 'first-try-samples.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(requests).toEqual([{ format: 'csv', samples: 10, path: '/home/u/out.csv' }]);
  });

  it('replaces an existing file only after the user agrees', async () => {
    const agreed = setup({ desktop: true, fileExists: true, replace: true });
    expect(await exportRunFile({ format: 'json' }, agreed.deps)).toEqual({ kind: 'saved', file: '/home/u/out.csv' });
    expect(agreed.asked).toEqual(['/home/u/out.csv']);
    expect(agreed.requests.map((r) => r.overwrite)).toEqual([undefined, true]);

    const refused = setup({ desktop: true, fileExists: true, replace: false });
    expect(await exportRunFile({ format: 'json' }, refused.deps)).toEqual({ kind: 'cancelled' });
    expect(refused.requests).toHaveLength(1);
  });

  it("does nothing when the save dialog is cancelled, and reports the service's message on failure", async () => {
    const cancelled = setup({ desktop: true, savePath: null });
    expect(await exportRunFile({ format: 'npz' }, cancelled.deps)).toEqual({ kind: 'cancelled' });
    expect(cancelled.requests).toEqual([]);

    const failing = setup({ desktop: false, fail: 'disk full' });
    expect(await exportRunFile({ format: 'problem' }, failing.deps)).toEqual({ kind: 'error', message: 'disk full' });
  });
});
