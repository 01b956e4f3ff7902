/**
 * The run log writer (issue 11, item 4): batched writes, the model's output capped per run with
 * its beginning and latest lines kept around a marker that counts what was dropped, the engine's
 * lines always kept, and nothing lost while the database is busy. Real SQLite files; small caps
 * so that the arithmetic can be checked line by line.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRunLog } from '../../../../electron/services/runs/run-log';
import { openRunStore, type RunStore } from '../../../../electron/services/store/index';
import { makeTempDir, newRun, removeDir } from '../store/helpers';

/** "line 000" … : 8 characters, 9 bytes with the newline. */
const line = (i: number): string => `line ${String(i).padStart(3, '0')}`;
const MARKER = /^… (\d+) lines \/ (\d+) bytes of model output dropped \(a run keeps the first 90 bytes of it and the last 45 bytes of each session\) …$/;

let dir: string;
let path: string;
let store: RunStore;
let runId: string;
beforeEach(() => {
  dir = makeTempDir();
  path = join(dir, 'runs.sqlite');
  store = openRunStore(path, { busyTimeoutMs: 50 });
  runId = store.createRun(newRun()).id;
});
afterEach(() => {
  store.close();
  removeDir(dir);
});

const texts = () => store.getLogs(runId, { limit: 10_000 }).map((entry) => `${entry.stream}: ${entry.text}`);

describe('the run log writer', () => {
  it('queues lines without touching the database and writes them in order, in one batch, when flushed', () => {
    const log = createRunLog(store, runId, { flushMs: 60_000 });
    log.write('stderr', line(1));
    log.write('info', 'starting a new process');
    log.write('stdout', line(2));
    expect(store.getLogs(runId)).toEqual([]);
    expect(log.flush()).toBe(true);
    expect(texts()).toEqual(['stderr: line 001', 'info: starting a new process', 'stdout: line 002']);
    log.close();
  });

  it('writes on its own after flushMs', async () => {
    const log = createRunLog(store, runId, { flushMs: 20 });
    log.write('stderr', line(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(texts()).toEqual(['stderr: line 001']);
    log.close();
  });

  it('keeps the first headBytes and the last tailBytes of the model output around one marker, and every engine line', () => {
    const log = createRunLog(store, runId, { headBytes: 90, tailBytes: 45, flushMs: 60_000 });
    for (let i = 0; i < 40; i++) {
      log.write('stderr', line(i));
      if (i === 25) log.write('warning', 'the model restarted');
      if (i % 7 === 0) log.flush(); // written tail lines are deleted again as newer ones arrive
    }
    log.write('error', 'the model did not answer in time');
    log.close();

    const all = texts();
    // 90 bytes of head: 10 lines; 45 bytes of tail: the last 5 lines; 25 lines dropped.
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => `stderr: ${line(i)}`),
      'warning: … 25 lines / 225 bytes of model output dropped (a run keeps the first 90 bytes of it and the last 45 bytes of each session) …',
      'warning: the model restarted',
      ...Array.from({ length: 5 }, (_, i) => `stderr: ${line(35 + i)}`),
      'error: the model did not answer in time',
    ];
    expect(all).toEqual(expected);
    expect(store.modelOutputBytes(runId)).toBe(15 * 9);
  });

  it('gives a resumed session whose run already holds its head a tail and a marker of its own', () => {
    const first = createRunLog(store, runId, { headBytes: 90, tailBytes: 45 });
    for (let i = 0; i < 12; i++) first.write('stdout', line(i));
    first.close();
    const second = createRunLog(store, runId, { headBytes: 90, tailBytes: 45 });
    for (let i = 100; i < 110; i++) second.write('stdout', line(i));
    second.close();

    const markers = store
      .getLogs(runId, { limit: 1000 })
      .filter((entry) => entry.stream === 'warning')
      .map((entry) => entry.text);
    expect(markers).toHaveLength(2);
    // The first session's 2 lines past the head fitted in its tail: nothing was dropped.
    expect(markers[0]).toBe(
      "… the model's output passed the log's limit (a run keeps the first 90 bytes of it and the last 45 bytes of each session): older lines from here on are dropped as newer ones come …",
    );
    expect(MARKER.exec(markers[1]!)!.slice(1).map(Number)).toEqual([5, 45]);
    expect(texts().slice(-5)).toEqual(Array.from({ length: 5 }, (_, i) => `stdout: ${line(105 + i)}`));
  });

  it('keeps queued lines while another connection holds the write lock, and writes them once it is free', () => {
    const log = createRunLog(store, runId, { flushMs: 60_000 });
    log.write('stderr', line(1));
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(log.flush()).toBe(false);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    log.write('stderr', line(2));
    expect(log.close()).toBe(true);
    expect(texts()).toEqual(['stderr: line 001', 'stderr: line 002']);
  });
});
