/**
 * EDF/BDF reader benchmark (issue 2). Generates once, into bench/.cache (not committed), a 20-channel,
 * 256 Hz, 8-hour EDF+C (~295 MB) and the same as BDF+C, then reports:
 *   - header + annotations only (open: header and the full TAL scan), MB/s
 *   - full read of every signal to Float32 physical values (fresh arrays; and into reused buffers)
 *   - 30-s windows of all 20 channels at random positions, median ms
 *   - peak memory of a full read in a fresh child process: maxRSS / decoded Float32 size
 *     (also with GLIBC_TUNABLES=glibc.malloc.hugetlb=1, transparent huge pages for large allocations)
 *   - MNE-Python's read_raw_edf/read_raw_bdf(preload=True) on the same files, and the our/MNE ratio
 * Every time is reported as wall time and as CPU time (user + system, all threads): on a shared,
 * overloaded machine wall times swing by 10x while CPU times stay comparable, so the ratios are given
 * for both.
 * Targets: >= 10x MNE, window < 5 ms median, peak memory <= 1.3x decoded size.
 * Usage: npm run bench:edf [-- --runs N] [-- --no-mne]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type EdfWriteSpec, encodeEdf } from '@myotrace/edf';
import { openEdfFile } from '@myotrace/edf/node';

const CACHE = join(import.meta.dirname, '.cache');
const CHANNELS = 20;
const FS = 256;
const HOURS = 8;
const N = FS * 3600 * HOURS;
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

// a full read leaves 590 MB of arrays behind; collect them between runs so each run starts alike
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Timing {
  wall: number;
  cpu: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const wallMed = (xs: Timing[]) => median(xs.map((x) => x.wall));
const cpuMed = (xs: Timing[]) => median(xs.map((x) => x.cpu));

/** CPU time (user + system, all threads) in ms since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
}

async function timed(fn: () => Promise<void>): Promise<Timing> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  return { wall: performance.now() - t, cpu: cpuSince(c) };
}

function generate(path: string, format: 'EDF+C' | 'BDF+C'): void {
  if (existsSync(path)) return;
  mkdirSync(CACHE, { recursive: true });
  process.stdout.write(`generating ${path} ...\n`);
  // channel k: 1000·sin(2π(1+k)t) plus noise, in digital units of 0.1 µV (the layout of the reference notes' files)
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff - 0.5;
  };
  const signals = Array.from({ length: CHANNELS }, (_, k) => {
    const samples = new Float32Array(N);
    const w = (2 * Math.PI * (1 + k)) / FS;
    for (let i = 0; i < N; i++) samples[i] = (1000 * Math.sin(w * i) + 50 * noise()) / 10;
    return {
      label: `EMG ${k + 1}`,
      physicalDimension: 'uV',
      physicalMin: -3276.8,
      physicalMax: 3276.7,
      sampleRate: FS,
      samples,
    };
  });
  // 960 annotations (two per minute), as in the reference measurements
  const annotations = Array.from({ length: 960 }, (_, i) => ({ onset: i * 30 + 0.25, duration: 1.5, text: `LM ${i}` }));
  const spec: EdfWriteSpec = { format, startTime: '2026-01-01T22:00:00', recordDurationSec: 1, signals, annotations };
  const fd = openSync(`${path}.part`, 'w');
  for (const chunk of encodeEdf(spec)) writeSync(fd, chunk);
  closeSync(fd);
  execFileSync('mv', [`${path}.part`, path]);
}

async function timeOpen(path: string): Promise<Timing> {
  let count = 0;
  const t = await timed(async () => {
    const r = await openEdfFile(path);
    count = r.annotations.length;
    await r.close();
  });
  if (count !== 960) throw new Error('annotation count mismatch');
  return t;
}

async function timeFullRead(path: string): Promise<Timing> {
  gc();
  const r = await openEdfFile(path);
  let n = 0;
  const t = await timed(async () => {
    const data = await r.readSignals(r.signals.map((s) => s.index));
    n = data[0].length;
  });
  if (n !== N) throw new Error('length mismatch');
  await r.close();
  return t;
}

/** Full read into buffers allocated once (steady state: no first-touch page faults). */
async function timeFullReadReused(path: string): Promise<Timing[]> {
  gc();
  const r = await openEdfFile(path);
  const idx = r.signals.map((s) => s.index);
  const bufs = r.signals.map((s) => new Float32Array(s.sampleCount));
  const times: Timing[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = await timed(async () => {
      await r.readSignalsInto(idx, bufs);
    });
    if (i > 0) times.push(t); // the first pass pays the page faults
  }
  await r.close();
  return times;
}

async function windowReads(path: string, count: number): Promise<number[]> {
  const r = await openEdfFile(path);
  const all = r.signals.map((s) => s.index);
  let seed = 7;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const from = (seed / 0x7fffffff) * (r.header.durationSec - 30);
    const t = performance.now();
    const w = await r.readSignals(all, from, from + 30);
    times.push(performance.now() - t);
    if (w[0].length !== 30 * FS) throw new Error('window length mismatch');
  }
  await r.close();
  return times;
}

/** Runs in a fresh process: one full read, then prints maxRSS (bytes), the decoded size and the times. */
async function child(path: string): Promise<void> {
  const r = await openEdfFile(path);
  let decoded = 0;
  const t = await timed(async () => {
    const data = await r.readSignals(r.signals.map((s) => s.index));
    decoded = data.reduce((s, d) => s + d.byteLength, 0);
  });
  process.stdout.write(
    JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, decodedBytes: decoded, ...t }),
  );
  await r.close();
}

interface ChildResult extends Timing {
  maxRssBytes: number;
  decodedBytes: number;
}

function fresh(path: string, env: NodeJS.ProcessEnv): ChildResult {
  const c = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', path], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return JSON.parse(c.stdout) as ChildResult;
}

function mne(path: string, bdf: boolean): Timing[] | null {
  const py = '/usr/bin/python3';
  if (!existsSync(py) || args.includes('--no-mne')) return null;
  const fn = bdf ? 'read_raw_bdf' : 'read_raw_edf';
  // wall time and process CPU time (time.process_time: user + system, all threads)
  const code = [
    'import time, mne',
    'out = []',
    `for _ in range(${runs}):`,
    '    t = time.perf_counter(); c = time.process_time()',
    `    mne.io.${fn}(${JSON.stringify(path)}, preload=True, verbose='error')`,
    "    out.append(f'{time.perf_counter() - t},{time.process_time() - c}')",
    "print(' '.join(out))",
  ].join('\n');
  try {
    const out = execFileSync(py, ['-c', code], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return out
      .trim()
      .split(/\s+/)
      .map((x) => {
        const [w, c] = x.split(',').map(Number);
        return { wall: w * 1000, cpu: c * 1000 };
      });
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  if (args[0] === '--child') return child(args[1]);
  const files = [
    { name: 'EDF+C', path: join(CACHE, `edf-${CHANNELS}ch-${FS}hz-${HOURS}h.edf`), bdf: false },
    { name: 'BDF+C', path: join(CACHE, `bdf-${CHANNELS}ch-${FS}hz-${HOURS}h.bdf`), bdf: true },
  ];
  for (const f of files) generate(f.path, f.bdf ? 'BDF+C' : 'EDF+C');
  const mb = (bytes: number) => bytes / 1e6;
  const r1 = (x: number) => Number(x.toFixed(1));
  process.stdout.write(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`,
  );
  for (const f of files) {
    const size = statSync(f.path).size;
    const open: Timing[] = [];
    for (let i = 0; i < runs; i++) open.push(await timeOpen(f.path));
    const full: Timing[] = [];
    for (let i = 0; i < runs; i++) full.push(await timeFullRead(f.path));
    const reused = await timeFullReadReused(f.path);
    const win = await windowReads(f.path, 200);
    const mem = fresh(f.path, {});
    const memThp = fresh(f.path, { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
    const m = mne(f.path, f.bdf);
    const ratio = (ours: number, theirs: number | undefined) => (theirs === undefined ? 'n/a' : r1(theirs / ours));
    const row = {
      file: `${f.name} ${mb(size).toFixed(0)} MB`,
      'open (header + annotations): median wall ms / CPU ms': [Math.round(wallMed(open)), Math.round(cpuMed(open))],
      'open MB/s (wall)': Math.round(mb(size) / (wallMed(open) / 1000)),
      'full read, fresh arrays: median wall ms / CPU ms': [Math.round(wallMed(full)), Math.round(cpuMed(full))],
      'full read MB/s (wall)': Math.round(mb(size) / (wallMed(full) / 1000)),
      'full read, reused buffers: median wall ms / CPU ms': [Math.round(wallMed(reused)), Math.round(cpuMed(reused))],
      'full read, fresh process: wall ms / CPU ms': [Math.round(mem.wall), Math.round(mem.cpu)],
      'full read, fresh process, glibc THP: wall ms / CPU ms': [Math.round(memThp.wall), Math.round(memThp.cpu)],
      '30-s window (20 channels) median ms': r1(median(win) * 10) / 10,
      'peak RSS MB / decoded Float32 MB': [Math.round(mb(mem.maxRssBytes)), Math.round(mb(mem.decodedBytes))],
      'peak / decoded': Number((mem.maxRssBytes / mem.decodedBytes).toFixed(2)),
      'peak / decoded, glibc THP': Number((memThp.maxRssBytes / memThp.decodedBytes).toFixed(2)),
      'MNE preload: median wall ms / CPU ms': m ? [Math.round(wallMed(m)), Math.round(cpuMed(m))] : 'n/a',
      'our/MNE, fresh arrays in-process (wall / CPU)': [
        ratio(wallMed(full), m ? wallMed(m) : undefined),
        ratio(cpuMed(full), m ? cpuMed(m) : undefined),
      ],
      'our/MNE, fresh process (wall / CPU)': [
        ratio(mem.wall, m ? wallMed(m) : undefined),
        ratio(mem.cpu, m ? cpuMed(m) : undefined),
      ],
      'our/MNE, fresh process with THP (wall / CPU)': [
        ratio(memThp.wall, m ? wallMed(m) : undefined),
        ratio(memThp.cpu, m ? cpuMed(m) : undefined),
      ],
      'our/MNE, reused buffers (wall / CPU)': [
        ratio(wallMed(reused), m ? wallMed(m) : undefined),
        ratio(cpuMed(reused), m ? cpuMed(m) : undefined),
      ],
    };
    process.stdout.write(`${JSON.stringify(row, null, 2)}\n`);
  }
  process.stdout.write(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`,
  );
  process.stdout.write(
    `machine: ${cpus().length} cores, Node ${process.version}; runs per figure: ${runs}; window reads: 200\n`,
  );
}

await main();
