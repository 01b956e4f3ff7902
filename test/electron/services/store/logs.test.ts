import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LOG_TEXT, type RunStore, openRunStore } from '../../../../electron/services/store/index';
import { capLogText } from '../../../../electron/services/store/logs';
import { makeTempDir, newRun, removeDir } from './helpers';

describe('run logs', () => {
  let dir: string;
  let store: RunStore;
  let runId: string;
  beforeEach(() => {
    dir = makeTempDir();
    store = openRunStore(join(dir, 'gmki.sqlite'));
    runId = store.createRun(newRun()).id;
  });
  afterEach(() => {
    store.close();
    removeDir(dir);
  });

  it('appends lines in order with sequence numbers per run, and follows a log after a position', () => {
    const other = store.createRun(newRun()).id;
    expect(store.appendLog(runId, 'info', 'Run started with concurrency 3.')).toBe(1);
    expect(store.appendLog(other, 'stdout', 'other run')).toBe(1);
    expect(store.appendLog(runId, 'stderr', 'Traceback (most recent call last):')).toBe(2);
    expect(store.appendLog(runId, 'error', 'Evaluation 5 failed.')).toBe(3);
    const all = store.getLogs(runId);
    expect(all.map((l) => [l.seq, l.stream, l.text])).toEqual([
      [1, 'info', 'Run started with concurrency 3.'],
      [2, 'stderr', 'Traceback (most recent call last):'],
      [3, 'error', 'Evaluation 5 failed.'],
    ]);
    expect(Date.parse(all[0].at)).toBeGreaterThan(0);
    expect(store.getLogs(runId, { afterSeq: 1, limit: 1 }).map((l) => l.seq)).toEqual([2]);
    expect(store.getLogs(runId, { afterSeq: 3 })).toEqual([]);
  });

  it('cuts a text over 64 KiB out of its middle, keeping both ends and saying how much was left out', () => {
    const text = `BEGIN${'x'.repeat(200_000)}END`;
    store.appendLog(runId, 'stderr', text);
    const [stored] = store.getLogs(runId);
    expect(stored.text.length).toBeLessThanOrEqual(MAX_LOG_TEXT);
    expect(stored.text.startsWith('BEGIN')).toBe(true);
    expect(stored.text.endsWith('END')).toBe(true);
    const omitted = text.length - (stored.text.length - stored.text.match(/\n… \[log entry truncated: \d+ characters left out\] …\n/)![0].length);
    expect(stored.text).toContain(`[log entry truncated: ${omitted} characters left out]`);
    expect(capLogText('short')).toBe('short');
  });

  it('refuses an unknown stream and a run that does not exist', () => {
    expect(() => store.appendLog(runId, 'debug' as never, 'x')).toThrow(/A log stream must be one of stdout, stderr, info, warning, error; got debug/);
    expect(() => store.appendLog('missing', 'info', 'x')).toThrow(/There is no run missing/);
  });
});
