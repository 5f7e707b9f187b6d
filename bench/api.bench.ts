/**
 * `npm run bench:api`: HTTP API throughput on loopback with autocannon.
 *   - episode writes: POST /patients/:pid/episodes with a fresh client UUID per request (16 connections)
 *   - insights: GET /patients/:pid/insights over five years with 20,000 episodes (1 connection, latency)
 * on SQLite, and on PostgreSQL when MYOTRACE_TEST_PG_URL (or BENCH_PG_URL) is set. The server runs in a child
 * process so autocannon does not share its event loop. Targets (issue 6): >= 2,000 writes/s with p99 < 50 ms on
 * SQLite; insights p99 < 100 ms.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const SELF = new URL(import.meta.url).pathname;
const EPISODES = 20_000;
const WRITE_SECONDS = Number(process.env.BENCH_WRITE_SECONDS ?? 10);
const INSIGHT_SECONDS = Number(process.env.BENCH_INSIGHT_SECONDS ?? 10);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 30);

interface Ready {
  url: string;
  cookie: string;
  csrf: string;
  pid: string;
  densePid: string;
  from: string;
  to: string;
}

async function serverMain(kind: 'sqlite' | 'postgres'): Promise<void> {
  const { buildApp, createUser, openPostgres, openSqlite } = await import('../packages/server/src/index.js');
  const { createSession } = await import('../packages/server/src/auth/sessions.js');
  const { addDays } = await import('../packages/server/src/insights/dates.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'myotrace-bench-'));
  const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const pgUrl = process.env.BENCH_PG_URL ?? process.env.MYOTRACE_TEST_PG_URL;
  const db = kind === 'sqlite' ? await openSqlite(join(dataDir, 'myotrace.db')) : await openPostgres(pgUrl as string, { schema });
  const app = await buildApp({ db, dataDir, webDist: null });
  const writer = await createUser(db, { email: 'w@bench.invalid', password: 'bench password 1', name: 'Writer', role: 'patient', hashParams: { N: 1024 } });
  const dense = await createUser(db, { email: 'd@bench.invalid', password: 'bench password 1', name: 'Dense', role: 'patient', hashParams: { N: 1024 } });
  // five years of dense diary: 20,000 episodes spread over 1,826 days, with triggers, sites and two medicines
  const to = new Date().toISOString().slice(0, 10);
  const from = addDays(to, -1825);
  const actor = { id: dense.id, name: dense.name, role: 'patient' as const };
  const trig = ['startle', 'noise', 'stress', 'sleep-loss', 'caffeine'];
  const sites = ['arm-left', 'arm-right', 'hand-right', 'trunk', 'neck', 'leg-left'];
  const items = Array.from({ length: EPISODES }, (_, i) => {
    const d = addDays(from, Math.floor((i * 1826) / EPISODES));
    const h = String(6 + (i % 16)).padStart(2, '0');
    return { id: randomUUID(), startAt: `${d}T${h}:${String(i % 60).padStart(2, '0')}:00+01:00`, count: 1 + (i % 3), bodySites: [sites[i % 6]], polarity: 'positive', triggers: [trig[i % 5]], impact: [], severity: i % 5 };
  });
  await app.ctx.diary.bulkInsert(dense.patientId as string, 'episodes', items, actor);
  const meds = [
    { id: randomUUID(), name: 'Levetiracetam', schedule: { asNeeded: false, timesOfDay: ['08:00', '20:00'] }, startDate: addDays(from, 400), doseChanges: [{ date: addDays(from, 900), strength: '750 mg' }] },
    { id: randomUUID(), name: 'Clonazepam', schedule: { asNeeded: false, timesOfDay: ['21:00'] }, startDate: addDays(from, 1200), doseChanges: [] },
  ];
  await app.ctx.diary.bulkInsert(dense.patientId as string, 'medicines', meds, actor);
  const s = await createSession(db, writer.id);
  const sd = await createSession(db, dense.id);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const ready: Ready & { denseCookie: string; denseCsrf: string } = {
    url,
    cookie: `mt_session=${s.token}`,
    csrf: s.csrfToken,
    pid: writer.patientId as string,
    densePid: dense.patientId as string,
    denseCookie: `mt_session=${sd.token}`,
    denseCsrf: sd.csrfToken,
    from,
    to,
  };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
  process.on('SIGTERM', async () => {
    await app.close();
    if (kind === 'postgres') {
      const { sql } = await import('kysely');
      await sql.raw(`drop schema "${schema}" cascade`).execute(db.kysely);
    }
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

function startChild(kind: string): Promise<{ child: ChildProcess; ready: Ready & { denseCookie: string; denseCsrf: string } }> {
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server process
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', SELF, '--server', kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (b) => {
      out += b;
      const m = /READY (.*)\n/.exec(out);
      if (m) resolve({ child, ready: JSON.parse(m[1]) });
    });
    child.on('exit', (c) => reject(new Error(`bench server exited ${c}`)));
  });
}

/** CPU seconds (user + system) used so far by a process, from /proc (Linux); null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parts = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(parts[11]) + Number(parts[12])) / 100; // clock ticks: USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

async function benchKind(kind: 'sqlite' | 'postgres') {
  const { child, ready } = await startChild(kind);
  try {
    const body = () => JSON.stringify({ id: randomUUID(), startAt: '2026-11-20T08:15:00+01:00', bodySites: ['arm-left'], polarity: 'positive', triggers: ['startle'], impact: [], severity: 2 });
    // warm-up (JIT, statement caches)
    await run({
      url: ready.url,
      connections: 8,
      duration: 2,
      requests: [{ method: 'POST', path: `/api/v1/patients/${ready.pid}/episodes`, headers: { 'content-type': 'application/json', cookie: ready.cookie, 'x-csrf-token': ready.csrf }, setupRequest: (r) => ({ ...r, body: body() }) }],
    });
    const c0 = cpuSeconds(child.pid);
    const w = await run({
      url: ready.url,
      connections: 16,
      duration: WRITE_SECONDS,
      requests: [{ method: 'POST', path: `/api/v1/patients/${ready.pid}/episodes`, headers: { 'content-type': 'application/json', cookie: ready.cookie, 'x-csrf-token': ready.csrf }, setupRequest: (r) => ({ ...r, body: body() }) }],
    });
    const c1 = cpuSeconds(child.pid);
    const insightsPath = `/api/v1/patients/${ready.densePid}/insights?from=${ready.from}&to=${ready.to}`;
    const probe = await fetch(`${ready.url}${insightsPath}`, { headers: { cookie: ready.denseCookie } });
    const pj = (await probe.json()) as { totalEpisodes: number };
    if (pj.totalEpisodes !== EPISODES) throw new Error(`insights saw ${pj.totalEpisodes} episodes, expected ${EPISODES}`);
    await run({ url: ready.url, connections: 1, duration: 2, requests: [{ method: 'GET', path: insightsPath, headers: { cookie: ready.denseCookie } }] });
    const c2 = cpuSeconds(child.pid);
    const i = await run({ url: ready.url, connections: 1, duration: INSIGHT_SECONDS, requests: [{ method: 'GET', path: insightsPath, headers: { cookie: ready.denseCookie } }] });
    const c3 = cpuSeconds(child.pid);
    // server CPU per request: independent of how busy the rest of the machine is
    const cpuMs = (a: number | null, b: number | null, n: number) => (a === null || b === null || n === 0 ? null : Math.round(((b - a) * 1000 * 100) / n) / 100);
    // cold insights: a write to the dense diary before each request, so nothing can come from the cache
    const cold: number[] = [];
    const writeHeaders = { 'content-type': 'application/json', cookie: ready.denseCookie, 'x-csrf-token': ready.denseCsrf };
    for (let k = 0; k < COLD_RUNS; k++) {
      const wr = await fetch(`${ready.url}/api/v1/patients/${ready.densePid}/episodes`, { method: 'POST', headers: writeHeaders, body: body() });
      if (wr.status !== 201) throw new Error(`dense write failed ${wr.status}`);
      const t = performance.now();
      const r = await fetch(`${ready.url}${insightsPath}`, { headers: { cookie: ready.denseCookie } });
      await r.arrayBuffer();
      cold.push(performance.now() - t);
    }
    cold.sort((a, b) => a - b);
    const q = (p: number) => Math.round(cold[Math.min(cold.length - 1, Math.floor(p * cold.length))]);
    return {
      kind,
      insightsCold: { runs: COLD_RUNS, p50: q(0.5), p99: q(0.99), max: Math.round(cold[cold.length - 1]) },
      writes: { reqPerSec: w.requests.average, p50: w.latency.p50, p99: w.latency.p99, non2xx: w.non2xx, errors: w.errors, total: w.requests.total, serverCpuMsPerRequest: cpuMs(c0, c1, w.requests.total) },
      insights: { reqPerSec: i.requests.average, p50: i.latency.p50, p99: i.latency.p99, non2xx: i.non2xx, total: i.requests.total, serverCpuMsPerRequest: cpuMs(c2, c3, i.requests.total) },
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function main() {
  const kinds: ('sqlite' | 'postgres')[] = ['sqlite'];
  if (process.env.BENCH_PG_URL ?? process.env.MYOTRACE_TEST_PG_URL) kinds.push('postgres');
  else console.log('PostgreSQL skipped: set MYOTRACE_TEST_PG_URL or BENCH_PG_URL to include it');
  const rows = [];
  for (const k of kinds) rows.push(await benchKind(k));
  const { loadavg, cpus } = await import('node:os');
  console.log(`\nAPI benchmark on loopback (${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end)`);
  console.log('database  | episode writes/s | write p50 ms | write p99 ms | server CPU ms/write | insights (20,000 ep., 5 y, cached) p50 ms | p99 ms | server CPU ms/insights | non-2xx');
  for (const r of rows) {
    console.log(
      `${r.kind.padEnd(9)} | ${r.writes.reqPerSec.toFixed(0).padStart(16)} | ${String(r.writes.p50).padStart(12)} | ${String(r.writes.p99).padStart(12)} | ${String(r.writes.serverCpuMsPerRequest).padStart(19)} | ${String(r.insights.p50).padStart(38)} | ${String(r.insights.p99).padStart(6)} | ${String(r.insights.serverCpuMsPerRequest).padStart(22)} | ${r.writes.non2xx + r.insights.non2xx}`,
    );
  }
  for (const r of rows) console.log(`${r.kind}: insights without cache (a write before each request): p50 ${r.insightsCold.p50} ms, p99 ${r.insightsCold.p99} ms over ${r.insightsCold.runs} runs`);
  console.log('targets: >= 2,000 writes/s with p99 < 50 ms on SQLite; insights p99 < 100 ms');
  console.log(JSON.stringify(rows));
}

if (process.argv.includes('--server')) await serverMain(process.argv[process.argv.indexOf('--server') + 1] as 'sqlite' | 'postgres');
else await main();
