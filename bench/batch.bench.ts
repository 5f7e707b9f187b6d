/**
 * `npm run bench:batch` (issue 8): cohort throughput.
 *
 * BENCH_NIGHTS simulated nights (default 6) of BENCH_HOURS hours (default 2, 256 Hz, varied
 * profiles) are scored three ways in one run: local with 1 worker thread, local with 2 threads,
 * and through BullMQ with 2 worker processes writing to PostgreSQL (when MYOTRACE_BENCH_PG_URL /
 * MYOTRACE_BENCH_REDIS_URL, or the test variables, name running servers; skipped otherwise).
 * Prints nights per minute, the 2-vs-1 scaling ratio, the queue's per-job overhead, and an
 * estimate of the wall-clock time of a 5,000-night cohort of 8-hour nights on 10 machines like
 * this one, derived from the measured per-recording-hour cost and overhead.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BatchRef,
  BatchStore,
  batchId,
  batchSettings,
  enqueueBatch,
  readManifest,
  runLocal,
  settingsHash,
} from '@myotrace/batch';
import { type PsgProfileName, simulatePsg } from '@myotrace/detect';
import { Redis } from 'ioredis';
import pg from 'pg';

const NIGHTS = Number(process.env.BENCH_NIGHTS ?? 6);
const HOURS = Number(process.env.BENCH_HOURS ?? 2);
const PG = process.env.MYOTRACE_BENCH_PG_URL ?? process.env.MYOTRACE_TEST_PG_URL;
const REDIS = process.env.MYOTRACE_BENCH_REDIS_URL ?? process.env.MYOTRACE_TEST_REDIS_URL;
const CACHE = join(import.meta.dirname, '.cache', `batch-${NIGHTS}x${HOURS}h`);
const bin = join(import.meta.dirname, '..', 'packages', 'cli', 'bin', 'myotrace.mjs');
const PROFILES: PsgProfileName[] = ['plmd-mild', 'plmd-severe', 'healthy', 'apnea', 'noisy', 'rls-wake'];

function prepare(): void {
  mkdirSync(CACHE, { recursive: true });
  for (let i = 0; i < NIGHTS; i++) {
    const p = join(CACHE, `night-${i}.edf`);
    if (existsSync(p)) continue;
    const sim = simulatePsg({ seed: 500 + i, hours: HOURS, profile: PROFILES[i % PROFILES.length], sampleRateHz: 256 });
    writeFileSync(p, sim.edf);
  }
}

async function runLocalOnce(workers: number, tag: string): Promise<number> {
  const manifest = await readManifest(CACHE);
  const settings = batchSettings({ toolVersion: 'bench' });
  const name = `bench-${tag}`;
  const ref: BatchRef = { id: batchId(name, settings), name, settings, settingsHash: settingsHash(settings) };
  const dbPath = join(tmpdir(), `myotrace-bench-${process.pid}-${tag}.db`);
  rmSync(dbPath, { force: true });
  const store = await BatchStore.open(dbPath);
  const t0 = performance.now();
  const s = await runLocal({ rows: manifest.rows, store, batch: ref, workers });
  const sec = (performance.now() - t0) / 1000;
  await store.close();
  rmSync(dbPath, { force: true });
  if (s.scored !== NIGHTS) throw new Error(`expected ${NIGHTS} scored, got ${s.scored}`);
  return sec;
}

async function runQueueOnce(): Promise<number | null> {
  if (!PG || !REDIS) return null;
  const dbName = `batch_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  const u = new URL(PG);
  u.pathname = `/${dbName}`;
  const redisUrl = `${REDIS}/8`;
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();
  const store = await BatchStore.open(u.toString());
  const procs: ChildProcess[] = [];
  try {
    const ready: Promise<void>[] = [];
    for (let i = 0; i < 2; i++) {
      const p = spawn(process.execPath, [bin, 'worker', '--queue', redisUrl, '--database', u.toString()], { stdio: ['ignore', 'ignore', 'pipe'] });
      procs.push(p);
      ready.push(new Promise((r) => p.stderr?.setEncoding('utf8').on('data', (d: string) => d.includes('worker ready') && r())));
    }
    await Promise.all(ready);
    const manifest = await readManifest(CACHE);
    const settings = batchSettings({ toolVersion: 'bench' });
    const ref: BatchRef = { id: batchId('bench-queue', settings), name: 'bench-queue', settings, settingsHash: settingsHash(settings) };
    const t0 = performance.now();
    await enqueueBatch({ rows: manifest.rows, store, batch: ref, redisUrl });
    for (;;) {
      const s = await store.status(ref.id);
      if (s.done + s.failed === NIGHTS) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return (performance.now() - t0) / 1000;
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await store.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

prepare();
console.log(`bench:batch — ${NIGHTS} simulated nights of ${HOURS} h at 256 Hz, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const local1 = await runLocalOnce(1, 'local1');
const local2 = await runLocalOnce(2, 'local2');
const queue2 = await runQueueOnce();
const perMin = (sec: number) => (NIGHTS / sec) * 60;
console.log(`local, 1 worker thread : ${local1.toFixed(1)} s, ${perMin(local1).toFixed(2)} nights/min`);
console.log(`local, 2 worker threads: ${local2.toFixed(1)} s, ${perMin(local2).toFixed(2)} nights/min`);
console.log(`scaling ratio 2 vs 1   : ${(local1 / local2).toFixed(2)}x (ideal 2.00 on an idle 2-core machine)`);
const perNightHourSec = local1 / NIGHTS / HOURS; // one core's cost of one recording-hour, queue-free
let overheadSec = 0;
if (queue2 !== null) {
  overheadSec = Math.max(0, (queue2 - local2) / NIGHTS) * 2; // per job, per worker
  console.log(`queue, 2 worker procs  : ${queue2.toFixed(1)} s, ${perMin(queue2).toFixed(2)} nights/min (queue vs local-2 ${(local2 / queue2).toFixed(2)}x)`);
  console.log(`queue overhead per job : ${(overheadSec * 1000).toFixed(0)} ms (process start-up excluded)`);
} else {
  console.log('queue, 2 worker procs  : skipped (set MYOTRACE_BENCH_PG_URL and MYOTRACE_BENCH_REDIS_URL)');
}
const machines = 10;
// measured throughput of one machine like this one (the better of the local and queue 2-worker runs),
// scaled from BENCH_HOURS-hour nights to 8-hour nights by recording length (scoring is linear in it)
const machineSecPerNight = Math.min(local2, queue2 ?? Number.POSITIVE_INFINITY) / NIGHTS;
const perNight8h = machineSecPerNight * (8 / HOURS) + overheadSec / 2;
const cohortHours = (5000 * perNight8h) / machines / 3600;
console.log(
  `estimate: 5,000 8-hour nights on ${machines} machines like this one: ${(5000 / machines).toFixed(0)} nights per machine x ${perNight8h.toFixed(1)} s per night per machine = ${cohortHours.toFixed(1)} h wall clock` +
    ' (CPU-bound; per-recording-hour cost ' + perNightHourSec.toFixed(2) + ' s on one core; remote storage adds transfer time, reduced by range reads of the leg channels only)',
);
