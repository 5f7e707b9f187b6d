/**
 * BullMQ job queue (used when REDIS_URL is set): jobs survive a restart in Redis and several server processes can
 * share the work. The worker runs in this process and calls the same `runScoringJob` as the in-process queue.
 */
import { Queue, QueueEvents, Worker } from 'bullmq';
import type { Db } from '../db/connect.js';
import type { Rescorer } from './events.js';
import { type JobQueue, runScoringJob, type Scorer } from './jobs.js';

export class BullQueue implements JobQueue {
  private readonly queue: Queue;
  private readonly worker: Worker;
  private readonly events: QueueEvents;
  private inflight = new Set<string>();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    dataDir: string,
    private readonly scorer: Scorer,
    redisUrl: string,
    name = 'myotrace-scoring',
  ) {
    const u = new URL(redisUrl);
    const connection = { host: u.hostname, port: Number(u.port || 6379), ...(u.password ? { password: decodeURIComponent(u.password) } : {}), maxRetriesPerRequest: null };
    this.queue = new Queue(name, { connection });
    this.events = new QueueEvents(name, { connection });
    this.worker = new Worker(name, async (job) => runScoringJob(db, dataDir, scorer, String(job.data.recordingId)), { connection, concurrency: 1 });
    const done = (id: string) => {
      this.inflight.delete(id);
      if (this.inflight.size === 0) for (const w of this.waiters.splice(0)) w();
    };
    this.worker.on('completed', (job) => done(String(job.data.recordingId)));
    this.worker.on('failed', (job) => job && done(String(job.data.recordingId)));
  }

  async enqueue(recordingId: string): Promise<void> {
    await this.db.kysely.updateTable('recordings').set({ job_status: 'queued', job_error: null, job_finished_at: null }).where('id', '=', recordingId).execute();
    this.inflight.add(recordingId);
    await this.queue.add('score', { recordingId }, { removeOnComplete: 1000, removeOnFail: 1000, attempts: 1 });
  }

  idle(): Promise<void> {
    if (this.inflight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  rescorer(): Rescorer | undefined {
    return this.scorer.rescore;
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.events.close();
    await this.queue.close();
  }
}
