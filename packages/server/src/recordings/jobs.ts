/**
 * Scoring jobs. The scoring function is injected (`Scorer`), so the queue knows nothing about detectors. The
 * in-process queue runs one job at a time on this process; `BullQueue` (bull.ts) hands jobs to Redis when
 * REDIS_URL is set. Both go through `runScoringJob`, which records status, result and settings in the database.
 */
import { isMyoTraceError } from '@myotrace/errors';
import type { Db } from '../db/connect.js';
import { type EventSet, eventsFromResult, type Rescorer, type ScoreResultLike } from './events.js';
import type { StoredSleepContext } from './sleep-context.js';
import { blobPath } from './storage.js';

export interface ScoreInput {
  path: string;
  format: 'edf' | 'bdf' | 'accel-csv';
  filename: string;
  settings: Record<string, unknown>;
}
export interface Scorer {
  /** The result, plus the sleep context edits are re-scored with (stored apart from the result). */
  score(input: ScoreInput): Promise<ScoreResultLike & { sleepContext?: StoredSleepContext | null }>;
  rescore?: Rescorer;
}

export const unavailableScorer: Scorer = {
  async score() {
    const { MyoTraceError } = await import('@myotrace/errors');
    throw new MyoTraceError('API_SCORER_UNAVAILABLE', 'no scoring function is configured on this server');
  },
};

export interface JobQueue {
  enqueue(recordingId: string): Promise<void>;
  /** Resolves when nothing is queued or running (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
  rescorer(): Rescorer | undefined;
}

export async function runScoringJob(db: Db, dataDir: string, scorer: Scorer, recordingId: string): Promise<void> {
  const rec = await db.kysely.selectFrom('recordings').selectAll().where('id', '=', recordingId).executeTakeFirst();
  if (!rec) return;
  await db.kysely.updateTable('recordings').set({ job_status: 'running', job_error: null }).where('id', '=', recordingId).execute();
  const settings = rec.settings ? (JSON.parse(rec.settings) as Record<string, unknown>) : {};
  try {
    const { sleepContext = null, ...result } = await scorer.score({ path: blobPath(dataDir, rec.sha256), format: rec.format, filename: rec.filename, settings });
    const set: EventSet = eventsFromResult(result, sleepContext);
    await db.kysely
      .updateTable('recordings')
      .set({
        job_status: 'done',
        job_finished_at: new Date().toISOString(),
        result: JSON.stringify(result),
        events: JSON.stringify(set),
        sleep_context: sleepContext ? JSON.stringify(sleepContext) : null,
        edited: 0,
        start_time: result.recording?.startTime ?? rec.start_time,
        duration_sec: result.recording?.durationSec ?? rec.duration_sec,
      })
      .where('id', '=', recordingId)
      .execute();
  } catch (err) {
    const e = isMyoTraceError(err) ? { code: err.code, message: err.message } : { code: 'API_SCORING_FAILED', message: 'scoring failed unexpectedly' };
    await db.kysely
      .updateTable('recordings')
      .set({ job_status: 'failed', job_error: JSON.stringify(e), job_finished_at: new Date().toISOString() })
      .where('id', '=', recordingId)
      .execute();
  }
}

export class InProcessQueue implements JobQueue {
  private readonly pending: string[] = [];
  private running: Promise<void> | null = null;
  private closed = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly scorer: Scorer,
  ) {}

  async enqueue(recordingId: string): Promise<void> {
    await this.db.kysely.updateTable('recordings').set({ job_status: 'queued', job_error: null, job_finished_at: null }).where('id', '=', recordingId).execute();
    this.pending.push(recordingId);
    this.kick();
  }

  /** Re-queues jobs that were queued or running when the process stopped. */
  async recover(): Promise<number> {
    const rows = await this.db.kysely.selectFrom('recordings').select('id').where('job_status', 'in', ['queued', 'running']).orderBy('uploaded_at').execute();
    for (const r of rows) this.pending.push(r.id);
    this.kick();
    return rows.length;
  }

  private kick(): void {
    if (this.running || this.closed) return;
    const next = this.pending.shift();
    if (!next) {
      for (const w of this.waiters.splice(0)) w();
      return;
    }
    // run on a later tick so an upload's response is not held up by the job
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => runScoringJob(this.db, this.dataDir, this.scorer, next))
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
        this.kick();
      });
  }

  idle(): Promise<void> {
    if (!this.running && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  rescorer(): Rescorer | undefined {
    return this.scorer.rescore;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pending.length = 0;
    await this.running;
  }
}
