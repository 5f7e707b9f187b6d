/**
 * `npm run bench:score` (issue 3): leg-movement and PLM scoring on simulated PSG nights with exact
 * ground truth, and the speed of scoring an 8-hour night from EDF bytes.
 *
 * Accuracy: BENCH_NIGHTS nights (default 14: two of each profile, mixed 200/256/500 Hz and µV/mV)
 * of BENCH_HOURS hours (default 8) go EDF bytes → `scoreRecording` (WASM 2016) and are compared
 * with the simulator's ground truth by `compareScores` (onset tolerance 0.5 s): LM, CLM and
 * periodic-LM precision/recall/F1 (pooled over nights, and the worst night), PLMS-index mean and
 * max absolute error. Targets: LM F1 >= 0.95, PLMS-index MAE <= 1.5/h.
 *
 * Speed: an 8-hour plmd-severe night, two legs at 500 Hz (28.8 M leg samples), from EDF bytes in
 * memory to indices (open + score), BENCH_RUNS runs (default 5): median wall and CPU time, real-time
 * factor, leg samples per second; peak memory (maxRSS) of one scoring in a fresh process, against
 * the RSS after loading the bytes. Target: under 2 s. The machine's load average is printed because
 * wall time on a shared machine is only as good as the idle CPU.
 * Options (env): BENCH_NIGHTS, BENCH_HOURS, BENCH_RUNS, BENCH_SKIP_SPEED=1, BENCH_SKIP_ACCURACY=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { compareScores, type PsgProfileName, scoreRecording, simulatePsg } from '@myotrace/detect';
import { bytesSource, openEdf } from '@myotrace/edf';

const NIGHTS = Number(process.env.BENCH_NIGHTS ?? 14);
const HOURS = Number(process.env.BENCH_HOURS ?? 8);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CACHE = join(import.meta.dirname, '.cache');

const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f2 = (x: number | null): string => (x === null ? '  n/a' : x.toFixed(2).padStart(6));
const f3 = (x: number): string => x.toFixed(3);

const PLAN: { profile: PsgProfileName; rate: 200 | 256 | 500; unit: 'uV' | 'mV' }[] = [
  { profile: 'healthy', rate: 256, unit: 'uV' },
  { profile: 'plmd-mild', rate: 200, unit: 'uV' },
  { profile: 'plmd-severe', rate: 500, unit: 'uV' },
  { profile: 'rls-wake', rate: 256, unit: 'mV' },
  { profile: 'noisy', rate: 500, unit: 'uV' },
  { profile: 'apnea', rate: 200, unit: 'uV' },
  { profile: 'healthy', rate: 500, unit: 'mV' },
  { profile: 'plmd-mild', rate: 256, unit: 'mV' },
  { profile: 'plmd-severe', rate: 200, unit: 'uV' },
  { profile: 'rls-wake', rate: 500, unit: 'uV' },
  { profile: 'noisy', rate: 256, unit: 'mV' },
  { profile: 'apnea', rate: 500, unit: 'uV' },
  { profile: 'difficult', rate: 256, unit: 'uV' },
  { profile: 'difficult', rate: 500, unit: 'mV' },
];

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const add = (a: Counts, b: Counts): void => {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
};
const f1 = (c: Counts): number => (c.tp === 0 && c.fp === 0 && c.fn === 0 ? 1 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

async function accuracy(): Promise<void> {
  console.log(`\n== accuracy: ${NIGHTS} simulated nights of ${HOURS} h, WASM 2016, onset tolerance 0.5 s ==`);
  console.log(
    'night                          LMs  LM F1  CLM F1  PLM F1  |onset| s  PLMS true  PLMS est   error  PLMW err',
  );
  const lm: Counts = { tp: 0, fp: 0, fn: 0 };
  const clm: Counts = { tp: 0, fp: 0, fn: 0 };
  const plm: Counts = { tp: 0, fp: 0, fn: 0 };
  const plmsErr: number[] = [];
  const lmF1s: number[] = [];
  const plmF1s: number[] = [];
  for (let k = 0; k < NIGHTS; k++) {
    const p = PLAN[k % PLAN.length];
    const seed = 1000 + k;
    const sim = simulatePsg({ seed, hours: HOURS, profile: p.profile, sampleRateHz: p.rate, unit: p.unit });
    const scored = await scoreRecording(await openEdf(bytesSource(sim.edf)), {
      standard: 'wasm2016',
      file: `${sim.name}.edf`,
    });
    const c = compareScores(sim.truth, scored, { toleranceSec: 0.5 });
    add(lm, c.lm);
    add(clm, c.clm);
    add(plm, c.periodic);
    lmF1s.push(c.lm.f1);
    plmF1s.push(c.periodic.f1);
    const e = c.indices.plmsIndex.error ?? 0;
    plmsErr.push(Math.abs(e));
    console.log(
      `${`${p.profile} s${seed} ${p.rate}Hz ${p.unit}`.padEnd(30)} ${String(c.lm.ref).padStart(4)}  ${f3(c.lm.f1)}  ${f3(c.clm.f1)}   ${f3(c.periodic.f1)}   ${(c.lm.meanAbsOnsetErrorSec ?? 0).toFixed(3)}   ${f2(c.indices.plmsIndex.ref)}    ${f2(c.indices.plmsIndex.test)}  ${f2(e)}  ${f2(c.indices.plmwIndex.error)}`,
    );
  }
  const mae = plmsErr.reduce((s, x) => s + x, 0) / plmsErr.length;
  console.log(
    `pooled: LM F1 ${f3(f1(lm))} (tp ${lm.tp}, fp ${lm.fp}, fn ${lm.fn}); CLM F1 ${f3(f1(clm))}; PLM F1 ${f3(f1(plm))} (tp ${plm.tp}, fp ${plm.fp}, fn ${plm.fn})`,
  );
  console.log(`worst night: LM F1 ${f3(Math.min(...lmF1s))}, PLM F1 ${f3(Math.min(...plmF1s))}`);
  console.log(`PLMS index: MAE ${mae.toFixed(3)}/h, max |error| ${Math.max(...plmsErr).toFixed(3)}/h`);
  console.log(
    `targets: LM F1 >= 0.95 ${f1(lm) >= 0.95 ? 'MET' : 'MISSED'}; PLMS MAE <= 1.5/h ${mae <= 1.5 ? 'MET' : 'MISSED'}`,
  );
}

function speedNight(): { path: string; bytes: Uint8Array } {
  const path = join(CACHE, 'score-speed-plmd-severe-8h-500hz.edf');
  if (!existsSync(path)) {
    mkdirSync(CACHE, { recursive: true });
    const sim = simulatePsg({ seed: 77, hours: 8, profile: 'plmd-severe', sampleRateHz: 500, unit: 'uV' });
    writeFileSync(path, sim.edf);
  }
  return { path, bytes: new Uint8Array(readFileSync(path)) };
}

async function scoreOnce(bytes: Uint8Array): Promise<{ ms: number; cpuMs: number; plms: number | null }> {
  const c0 = process.cpuUsage();
  const t = performance.now();
  const r = await scoreRecording(await openEdf(bytesSource(bytes)), { standard: 'wasm2016' });
  const ms = performance.now() - t;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, plms: r.indices.plmsIndex };
}

async function speed(): Promise<void> {
  const { path, bytes } = speedNight();
  const legSamples = 2 * 8 * 3600 * 500;
  console.log(
    `\n== speed: 8 h night, 2 legs at 500 Hz (${(legSamples / 1e6).toFixed(1)} M leg samples), EDF ${(bytes.length / 1e6).toFixed(0)} MB in memory → indices ==`,
  );
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (2 cores)`,
  );
  await scoreOnce(bytes); // warm-up (JIT)
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const s = await scoreOnce(bytes);
    ms.push(s.ms);
    cpu.push(s.cpuMs);
  }
  const m = median(ms);
  console.log(
    `wall ms per run: ${ms.map((x) => x.toFixed(0)).join(', ')}; median ${m.toFixed(0)} ms (CPU median ${median(cpu).toFixed(0)} ms)`,
  );
  console.log(
    `real-time factor ${(28800 / (m / 1000)).toFixed(0)}x; ${(legSamples / (m / 1000) / 1e6).toFixed(1)} M leg samples/s`,
  );
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', path], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  const mem = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
    baseRssMB: number;
    maxRssMB: number;
    ms: number;
  };
  console.log(
    `peak memory (fresh process): maxRSS ${mem.maxRssMB.toFixed(0)} MB, of which ${mem.baseRssMB.toFixed(0)} MB before scoring (runtime + ${(bytes.length / 1e6).toFixed(0)} MB of EDF bytes); first-run time ${mem.ms.toFixed(0)} ms`,
  );
  console.log(`target: 8-h night < 2 s: ${m < 2000 ? 'MET' : 'MISSED'} (median wall)`);
}

async function child(path: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path));
  const baseRssMB = process.memoryUsage().rss / 1e6;
  const s = await scoreOnce(bytes);
  console.log(JSON.stringify({ baseRssMB, maxRssMB: (process.resourceUsage().maxRSS * 1024) / 1e6, ms: s.ms }));
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') await child(argv[1]);
else {
  if (process.env.BENCH_SKIP_ACCURACY !== '1') await accuracy();
  if (process.env.BENCH_SKIP_SPEED !== '1') await speed();
}
