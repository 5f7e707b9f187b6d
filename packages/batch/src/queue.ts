import { createHash } from 'node:crypto';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { BatchRef, BatchProgress } from './local.js';
import { validateRows } from './local.js';
import type { ManifestRow } from './manifest.js';
import { failureOf, isPermanent, type RecordingFailure, scoreRow } from './score-row.js';
import type { BatchSettings } from './settings.js';
import type { BatchStore } from './store.js';

export const QUEUE_NAME = 'myotrace-score';

/** What one queued job carries: the row and the batch's settings (workers score exactly these). */
export interface ScoreJobData {
  batchId: string;
  settingsHash: string;
  settings: BatchSettings;
  row: ManifestRow;
}

export interface QueueOptions {
  /** Attempts before a job lands in the dead-letter (failed) state. Default 3. */
  attempts?: number;
  /** First retry delay; doubles each time. Default 5000 ms. */
  backoffMs?: number;
}

function connect(redisUrl: string): Redis {
  // BullMQ workers need blocking commands without a per-request retry limit
  return new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** BullMQ job ids may not contain ':'; a hash of batch and recording is stable and unique. */
export function jobIdOf(batchId: string, recordingId: string): string {
  return `j${createHash('sha256').update(`${batchId}\n${recordingId}`).digest('hex').slice(0, 32)}`;
}

/**
 * Registers the batch in the results database, validates every row, and enqueues one job per
 * recording not yet done. Enqueuing the same batch twice adds no duplicate jobs or results.
 */
export async function enqueueBatch(opts: {
  rows: readonly ManifestRow[];
  store: BatchStore;
  batch: BatchRef;
  redisUrl: string;
  queue?: QueueOptions;
  progress?: BatchProgress;
}): Promise<{ queued: number; skipped: number; invalid: RecordingFailure[] }> {
  const { store, batch } = opts;
  await store.registerBatch(batch, opts.rows);
  const pending = await store.pendingIds(batch.id);
  const todo = opts.rows.filter((r) => pending.has(r.id));
  const { valid, invalid } = await validateRows(todo);
  for (const f of invalid) {
    await store.markFailed(batch.id, f);
    opts.progress?.onFail?.(f);
  }
  const connection = connect(opts.redisUrl);
  const queue = new Queue<ScoreJobData>(QUEUE_NAME, { connection });
  try {
    const attempts = opts.queue?.attempts ?? 3;
    const delay = opts.queue?.backoffMs ?? 5000;
    for (let i = 0; i < valid.length; i += 500) {
      await queue.addBulk(
        valid.slice(i, i + 500).map((row) => ({
          name: 'score',
          data: { batchId: batch.id, settingsHash: batch.settingsHash, settings: batch.settings, row },
          opts: {
            jobId: jobIdOf(batch.id, row.id),
            attempts,
            backoff: { type: 'exponential', delay },
            removeOnComplete: { age: 7 * 24 * 3600 },
            removeOnFail: false,
          },
        })),
      );
    }
  } finally {
    await queue.close();
    connection.disconnect();
  }
  return { queued: valid.length, skipped: opts.rows.length - todo.length, invalid };
}

export interface WorkerOptions {
  redisUrl: string;
  store: BatchStore;
  /** Nights scored at once by this process. Default 1 (scoring is CPU-bound: run one process per core). */
  concurrency?: number;
  /** How long a job's lock lasts without renewal; a killed worker's job is taken back after this. Default 30000. */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs of dead workers. Default 30000. */
  stalledIntervalMs?: number;
  progress?: BatchProgress;
}

export interface RunningWorker {
  /** Stops taking jobs and waits for the current ones to finish (graceful shutdown). */
  close(): Promise<void>;
  /** Resolves when the worker is connected and taking jobs. */
  ready: Promise<void>;
}

/**
 * A queue worker: takes score jobs, scores the night, and writes the result in one transaction.
 * Bad files go straight to the dead-letter state with their error code; other errors retry with
 * back-off. A worker killed mid-job loses its lock and another worker takes the job back.
 */
export function startWorker(opts: WorkerOptions): RunningWorker {
  const connection = connect(opts.redisUrl);
  const progress = opts.progress ?? {};
  const worker = new Worker<ScoreJobData>(
    QUEUE_NAME,
    async (job: Job<ScoreJobData>) => {
      const { batchId, settingsHash, settings, row } = job.data;
      await opts.store.markRunning(batchId, row.id);
      progress.onStart?.(row.id);
      try {
        const scored = await scoreRow(row, settings);
        const stored = await opts.store.saveResult(batchId, settingsHash, scored);
        progress.onDone?.(row.id, scored, stored);
        return { stored, contentHash: scored.contentHash };
      } catch (err) {
        const failure = failureOf(row.id, err);
        const last = isPermanent(err) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (last) {
          await opts.store.markFailed(batchId, failure);
          progress.onFail?.(failure);
        } else {
          await opts.store.markQueued(batchId, row.id);
        }
        if (isPermanent(err)) throw new UnrecoverableError(`${failure.code}: ${failure.message}`);
        throw new Error(`${failure.code}: ${failure.message}`);
      }
    },
    {
      connection,
      concurrency: opts.concurrency ?? 1,
      lockDuration: opts.lockDurationMs ?? 30_000,
      stalledInterval: opts.stalledIntervalMs ?? 30_000,
      maxStalledCount: 3,
      autorun: true,
    },
  );
  return {
    ready: worker.waitUntilReady().then(() => undefined),
    close: async () => {
      await worker.close();
      connection.disconnect();
    },
  };
}

/** Job counts of the shared queue (for monitoring: waiting, active, failed = dead letter). */
export async function queueCounts(redisUrl: string): Promise<Record<string, number>> {
  const connection = connect(redisUrl);
  const queue = new Queue(QUEUE_NAME, { connection });
  try {
    return await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
