/**
 * A run's log as its session writes it: the model's stdout/stderr lines and the engine's
 * messages, buffered and written in one transaction every LOG_FLUSH_MS, so that a model printing
 * a million lines costs the run a few transactions, not a million (a write never waits for the
 * database). The model's output is capped per run: the first MODEL_LOG_HEAD_BYTES are kept as
 * they come; past that, a session keeps only its latest MODEL_LOG_TAIL_BYTES (the lines that
 * explain a failure), older ones are deleted as newer ones arrive, and one marker line between
 * the two says how many lines and bytes were dropped. The engine's own lines (info, warning,
 * error) are always kept. Bytes are UTF-8 with a newline per line, as the model wrote them.
 */
import type { RunStore } from '../store/run-store';
import type { LogStream } from '../store/types';

/** The model's first output a run keeps (UTF-8 bytes, newlines included). */
export const MODEL_LOG_HEAD_BYTES = 1024 * 1024;
/** The model's latest output a run session keeps once the head is full. */
export const MODEL_LOG_TAIL_BYTES = 1024 * 1024;
/** How long lines wait in memory before they are written. */
export const LOG_FLUSH_MS = 250;

export interface RunLog {
  /** Queues a line; never blocks and never throws. */
  write(stream: LogStream, text: string): void;
  /** Writes what is queued now; false (keeping the lines for the next try) when the database refused. */
  flush(): boolean;
  /** Flushes and stops the timer (a later write starts it again). */
  close(): boolean;
}

export interface RunLogLimits {
  readonly headBytes?: number;
  readonly tailBytes?: number;
  readonly flushMs?: number;
}

interface Line {
  readonly order: number;
  readonly stream: LogStream;
  readonly text: string;
  readonly bytes: number;
  readonly kind: 'head' | 'tail' | 'engine' | 'marker';
}

const isModelOutput = (stream: LogStream): boolean => stream === 'stdout' || stream === 'stderr';

export function createRunLog(store: RunStore, runId: string, limits: RunLogLimits = {}): RunLog {
  const tailBytes = limits.tailBytes ?? MODEL_LOG_TAIL_BYTES;
  const flushMs = limits.flushMs ?? LOG_FLUSH_MS;
  let headLeft = (limits.headBytes ?? MODEL_LOG_HEAD_BYTES) - store.modelOutputBytes(runId);
  let inTail = false;
  let order = 0;
  /** Head lines, engine lines and the marker, waiting to be written, in order. */
  let queued: Line[] = [];
  /** Tail lines waiting to be written, oldest first from `tailStart` (dropped ones before it). */
  let tail: Line[] = [];
  let tailStart = 0;
  let tailQueuedBytes = 0;
  /** Tail lines already written: sequence numbers and sizes, oldest first from `writtenStart`. */
  const written: { seq: number; bytes: number }[] = [];
  let writtenStart = 0;
  let tailWrittenBytes = 0;
  let markerSeq: number | null = null;
  const dropped = { lines: 0, bytes: 0 };
  let markerDirty = false;
  let timer: NodeJS.Timeout | null = null;

  const keeps = `a run keeps the first ${describeBytes(limits.headBytes ?? MODEL_LOG_HEAD_BYTES)} of it and the last ${describeBytes(tailBytes)} of each session`;
  const markerText = (): string =>
    dropped.lines === 0
      ? `… the model's output passed the log's limit (${keeps}): older lines from here on are dropped as newer ones come …`
      : `… ${dropped.lines} lines / ${dropped.bytes} bytes of model output dropped (${keeps}) …`;

  const drop = (bytes: number): void => {
    dropped.lines++;
    dropped.bytes += bytes;
    markerDirty = true;
  };

  const queueTail = (line: Line): void => {
    tail.push(line);
    tailQueuedBytes += line.bytes;
    while (tailQueuedBytes > tailBytes && tailStart < tail.length) {
      const oldest = tail[tailStart++]!;
      tailQueuedBytes -= oldest.bytes;
      drop(oldest.bytes);
    }
    if (tailStart > 4096 && tailStart * 2 > tail.length) {
      tail = tail.slice(tailStart);
      tailStart = 0;
    }
  };

  const schedule = (): void => {
    timer ??= setTimeout(() => {
      timer = null;
      if (!flush()) schedule();
    }, flushMs);
    timer.unref?.();
  };

  function flush(): boolean {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const lines = mergeInOrder(queued, tail.slice(tailStart));
    if (lines.length === 0 && !markerDirty) return true;
    // Written tail lines make room for the queued ones, oldest first.
    const droppedBefore = { ...dropped };
    let dropTo: number | null = null;
    const dropFrom = written[writtenStart]?.seq ?? 0;
    let writtenIndex = writtenStart;
    let writtenBytes = tailWrittenBytes;
    while (writtenBytes + tailQueuedBytes > tailBytes && writtenIndex < written.length) {
      const oldest = written[writtenIndex++]!;
      writtenBytes -= oldest.bytes;
      drop(oldest.bytes);
      dropTo = oldest.seq;
    }
    const append = lines.map((line) => ({ stream: line.stream, text: line.kind === 'marker' ? markerText() : line.text }));
    const rewrite = markerSeq !== null && markerDirty ? { seq: markerSeq, text: markerText() } : undefined;
    let seqs: number[];
    try {
      seqs = store.writeLogBatch(runId, { append, dropModelOutput: dropTo === null ? undefined : { from: dropFrom, to: dropTo }, rewrite });
    } catch {
      // Busy or full: keep everything queued (the caps bound it) and undo the drops counted above.
      dropped.lines = droppedBefore.lines;
      dropped.bytes = droppedBefore.bytes;
      return false;
    }
    writtenStart = writtenIndex;
    tailWrittenBytes = writtenBytes;
    lines.forEach((line, i) => {
      if (line.kind === 'marker') markerSeq = seqs[i]!;
      else if (line.kind === 'tail') {
        written.push({ seq: seqs[i]!, bytes: line.bytes });
        tailWrittenBytes += line.bytes;
      }
    });
    if (writtenStart > 4096 && writtenStart * 2 > written.length) {
      written.splice(0, writtenStart);
      writtenStart = 0;
    }
    queued = [];
    tail = [];
    tailStart = 0;
    tailQueuedBytes = 0;
    markerDirty = false;
    return true;
  }

  return {
    write(stream, text) {
      const bytes = Buffer.byteLength(text) + 1;
      if (!isModelOutput(stream)) queued.push({ order: order++, stream, text, bytes, kind: 'engine' });
      else if (!inTail && bytes <= headLeft) {
        headLeft -= bytes;
        queued.push({ order: order++, stream, text, bytes, kind: 'head' });
      } else {
        if (!inTail) {
          inTail = true;
          queued.push({ order: order++, stream: 'warning', text: '', bytes: 0, kind: 'marker' });
        }
        queueTail({ order: order++, stream, text, bytes, kind: 'tail' });
      }
      schedule();
    },
    flush,
    close() {
      const done = flush();
      if (timer) clearTimeout(timer);
      timer = null;
      return done;
    },
  };
}

/** Two lists each sorted by `order`, merged. */
function mergeInOrder(a: readonly Line[], b: readonly Line[]): Line[] {
  const merged: Line[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.order < b[j]!.order)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}

function describeBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
