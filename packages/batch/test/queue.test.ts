import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BatchRef,
  BatchStore,
  batchId,
  batchSettings,
  enqueueBatch,
  QUEUE_NAME,
  readManifest,
  runLocal,
  settingsHash,
} from '../src/index.js';
import { writeCorrupt, writeNights } from './nights.js';

const PG = process.env.MYOTRACE_TEST_PG_URL;
const REDIS = process.env.MYOTRACE_TEST_REDIS_URL;
const bin = join(import.meta.dirname, '..', '..', 'cli', 'bin', 'myotrace.mjs');

// Needs real services: .ci/run starts private PostgreSQL and Redis and sets these variables.
describe.skipIf(!PG || !REDIS)('distributed batch on BullMQ workers (PostgreSQL + Redis)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'myotrace-batch-queue-'));
  const dbName = `batch_test_${process.pid}_${Date.now()}`;
  const redisUrl = `${REDIS}/7`; // a Redis database of its own, flushed first
  let databaseUrl = '';
  const workers: { proc: ChildProcess; log: string[]; exit: Promise<number | null> }[] = [];

  const startWorker = () => {
    const proc = spawn(process.execPath, [bin, 'worker', '--queue', redisUrl, '--database', databaseUrl, '--lock-ms', '3000', '--stalled-ms', '1000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    proc.stderr?.setEncoding('utf8').on('data', (d: string) => log.push(...d.split('\n').filter(Boolean)));
    const exit = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    const w = { proc, log, exit };
    workers.push(w);
    return w;
  };
  const waitFor = async (cond: () => boolean | Promise<boolean>, ms: number, what: string) => {
    const until = Date.now() + ms;
    while (!(await cond())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(PG as string);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
    const redis = new Redis(redisUrl);
    await redis.flushdb();
    redis.disconnect();
  });

  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it('scores every night exactly once when a worker is killed mid-job, equal to a single-process run', async () => {
    const nights = writeNights(join(dir, 'cohort'), 20, 0.25);
    writeCorrupt(join(dir, 'cohort'));
    const manifest = await readManifest(join(dir, 'cohort'));
    const settings = batchSettings({ toolVersion: '0.1.0' });
    const ref: BatchRef = { id: batchId('cohort', settings), name: 'cohort', settings, settingsHash: settingsHash(settings) };

    // reference: a single-process local run
    const local = await BatchStore.open(join(dir, 'reference.db'));
    await runLocal({ rows: manifest.rows, store: local, batch: ref, workers: 0 });
    const reference = new Map((await local.results(ref.id)).map((r) => [r.recordingId, r.result]));
    await local.close();
    expect(reference.size).toBe(21);

    const store = await BatchStore.open(databaseUrl);
    try {
      const queued = await enqueueBatch({ rows: manifest.rows, store, batch: ref, redisUrl, queue: { attempts: 3, backoffMs: 200 } });
      expect(queued.queued).toBe(20);
      expect(queued.invalid.map((f) => f.id)).toEqual(['corrupt']);
      // enqueueing the same batch again adds no jobs
      const again = await enqueueBatch({ rows: manifest.rows, store, batch: ref, redisUrl });
      expect(again.queued).toBe(20);
      const q = new Queue(QUEUE_NAME, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }) });
      expect(await q.count()).toBe(20);

      // a night that turns bad after it was queued (replaced on the shared disk): dead letter with its code
      writeFileSync(nights[19], new Uint8Array(300).fill(0x41));

      const a = startWorker();
      const b = startWorker();
      // kill worker A as soon as it has started a job, before it can finish it
      await waitFor(() => a.log.some((l) => l.startsWith('start ')), 60_000, 'worker A to start a job');
      a.proc.kill('SIGKILL');
      await a.exit;
      const killedJob = a.log.filter((l) => l.startsWith('start ')).pop()!.slice(6);
      expect(a.log.some((l) => l === `done ${killedJob}` || l.startsWith(`done ${killedJob} `))).toBe(false);

      await waitFor(async () => {
        const s = await store.status(ref.id);
        return s.done + s.failed === 21 && s.running === 0;
      }, 150_000, 'every recording to finish');

      const status = await store.status(ref.id);
      expect(status).toMatchObject({ total: 21, done: 19, failed: 2 });
      expect(status.failures.map((f) => f.id).sort()).toEqual(['corrupt', 'night-19']);
      expect(status.failures.every((f) => f.code.startsWith('EDF_'))).toBe(true);

      // exactly once: one result row per night, none for the failed ones
      const counts = await store.resultCount(ref.id);
      expect(counts.size).toBe(19);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      // the killed job was taken over by worker B
      expect(b.log.some((l) => l.startsWith(`done ${killedJob}`))).toBe(true);

      // results identical to the single-process run
      for (const r of await store.results(ref.id)) {
        if (r.state === 'done') expect(r.result).toEqual(reference.get(r.recordingId));
      }

      // the dead-letter state in the queue carries the error code, after one attempt (not retryable)
      const failed = await q.getFailed();
      expect(failed).toHaveLength(1);
      expect(failed[0].failedReason).toMatch(/^EDF_/);
      expect(failed[0].attemptsMade).toBe(1);
      await q.close();

      // graceful shutdown on SIGTERM
      b.proc.kill('SIGTERM');
      expect(await b.exit).toBe(0);
      expect(b.log).toContain('worker stopped');
    } finally {
      await store.close();
    }
  });
});
