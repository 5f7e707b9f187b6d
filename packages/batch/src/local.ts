import { Worker } from 'node:worker_threads';
import type { ManifestRow } from './manifest.js';
import { failureOf, type RecordingFailure, type ScoredRecording, scoreRow, validateRow } from './score-row.js';
import type { BatchSettings } from './settings.js';
import type { BatchStore } from './store.js';
import type { ThreadReply } from './thread.js';

export interface BatchProgress {
  onStart?(id: string): void;
  onDone?(id: string, scored: ScoredRecording, stored: boolean): void;
  onFail?(failure: RecordingFailure): void;
  onSkip?(id: string): void;
}

export interface BatchRef {
  id: string;
  name: string;
  settings: BatchSettings;
  settingsHash: string;
}

export interface RunSummary {
  batchId: string;
  total: number;
  scored: number;
  skipped: number;
  failed: number;
  invalid: number;
}

/** Checks every row up front (header only); bad rows are reported and marked failed, not fatal. */
export async function validateRows(
  rows: readonly ManifestRow[],
  concurrency = 4,
): Promise<{ valid: ManifestRow[]; invalid: RecordingFailure[] }> {
  const results: (RecordingFailure | null)[] = new Array(rows.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, rows.length) }, async () => {
      while (next < rows.length) {
        const i = next++;
        results[i] = await validateRow(rows[i]);
      }
    }),
  );
  return {
    valid: rows.filter((_, i) => results[i] === null),
    invalid: results.filter((r): r is RecordingFailure => r !== null),
  };
}

/**
 * Scores a batch on this machine. `workers` threads score in parallel (0 = in this thread, the
 * reference single-process run); the calling thread is the only writer to the results store.
 */
export async function runLocal(opts: {
  rows: readonly ManifestRow[];
  store: BatchStore;
  batch: BatchRef;
  workers: number;
  progress?: BatchProgress;
}): Promise<RunSummary> {
  const { store, batch, progress = {} } = opts;
  await store.registerBatch(batch, opts.rows);
  const pending = await store.pendingIds(batch.id);
  const todo = opts.rows.filter((r) => pending.has(r.id));
  for (const r of opts.rows) if (!pending.has(r.id)) progress.onSkip?.(r.id);
  const { valid, invalid } = await validateRows(todo);
  for (const f of invalid) {
    await store.markFailed(batch.id, f);
    progress.onFail?.(f);
  }
  const summary: RunSummary = {
    batchId: batch.id,
    total: opts.rows.length,
    scored: 0,
    skipped: opts.rows.length - todo.length,
    failed: 0,
    invalid: invalid.length,
  };
  const handle = async (row: ManifestRow, reply: ThreadReply): Promise<void> => {
    if (reply.ok) {
      const stored = await store.saveResult(batch.id, batch.settingsHash, reply.scored);
      summary.scored++;
      progress.onDone?.(row.id, reply.scored, stored);
    } else {
      await store.markFailed(batch.id, reply.failure);
      summary.failed++;
      progress.onFail?.(reply.failure);
    }
  };

  if (opts.workers <= 0) {
    for (const row of valid) {
      await store.markRunning(batch.id, row.id);
      progress.onStart?.(row.id);
      let reply: ThreadReply;
      try {
        reply = { ok: true, scored: await scoreRow(row, batch.settings) };
      } catch (err) {
        reply = { ok: false, failure: failureOf(row.id, err) };
      }
      await handle(row, reply);
    }
    return summary;
  }

  const queue = [...valid];
  const threads = Math.min(opts.workers, queue.length);
  await Promise.all(Array.from({ length: threads }, () => runThread(queue, batch, store, progress, handle)));
  return summary;
}

async function runThread(
  queue: ManifestRow[],
  batch: BatchRef,
  store: BatchStore,
  progress: BatchProgress,
  handle: (row: ManifestRow, reply: ThreadReply) => Promise<void>,
): Promise<void> {
  let worker = await spawnThread();
  try {
    for (;;) {
      const row = queue.shift();
      if (!row) break;
      await store.markRunning(batch.id, row.id);
      progress.onStart?.(row.id);
      let crashed = false;
      const current = worker;
      const reply = await new Promise<ThreadReply>((resolve) => {
        const onError = (err: Error) => {
          crashed = true;
          resolve({ ok: false, failure: failureOf(row.id, err) });
        };
        current.once('error', onError);
        current.once('message', (m: ThreadReply) => {
          current.off('error', onError);
          resolve(m);
        });
        current.postMessage({ row, settings: batch.settings });
      });
      await handle(row, reply);
      if (crashed) {
        // a thread that died (out of memory, native fault) is replaced; the rest of the batch goes on
        await current.terminate();
        worker = await spawnThread();
      }
    }
  } finally {
    await worker.terminate();
  }
}

async function spawnThread(): Promise<Worker> {
  const worker = new Worker(new URL('./thread-boot.mjs', import.meta.url), {
    workerData: { entry: new URL('./thread.ts', import.meta.url).href },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return worker;
}
