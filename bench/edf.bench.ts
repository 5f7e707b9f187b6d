/**
 * EDF/BDF reader benchmark (issue 2). Generates once, into bench/.cache (not committed), a 20-channel,
 * 256 Hz, 8-hour EDF+C (~295 MB) and the same as BDF+C, then reports:
 *   - header + annotations only (open: header and the full TAL scan), MB/s
 *   - full read of every signal to Float32 physical values, MB/s
 *   - 30-s windows of all 20 channels at random positions, median ms
 *   - peak memory of a full read in a fresh child process: maxRSS / decoded Float32 size
 *   - MNE-Python's read_raw_edf(preload=True) on the same files (median of runs), and our/MNE speed ratio
 * Targets: >= 10x MNE, window < 5 ms median, peak memory <= 1.3x decoded size.
 * Usage: npm run bench:edf [-- --runs N] [-- --no-mne]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
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

async function timeOpen(path: string): Promise<number> {
  const t = performance.now();
  const r = await openEdfFile(path);
  const ms = performance.now() - t;
  if (r.annotations.length !== 960) throw new Error('annotation count mismatch');
  await r.close();
  return ms;
}

async function timeFullRead(path: string): Promise<number> {
  gc();
  const r = await openEdfFile(path);
  const t = performance.now();
  const data = await r.readSignals(r.signals.map((s) => s.index));
  const ms = performance.now() - t;
  if (data[0].length !== N) throw new Error('length mismatch');
  await r.close();
  return ms;
}

/** Full read into buffers allocated once (steady state: no first-touch page faults). */
async function timeFullReadReused(path: string): Promise<number[]> {
  gc();
  const r = await openEdfFile(path);
  const idx = r.signals.map((s) => s.index);
  const bufs = r.signals.map((s) => new Float32Array(s.sampleCount));
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    await r.readSignalsInto(idx, bufs);
    if (i > 0) times.push(performance.now() - t); // the first pass pays the page faults
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

/** Runs in a fresh process: one full read, then prints maxRSS (bytes) and the decoded size. */
async function child(path: string): Promise<void> {
  const r = await openEdfFile(path);
  const t = performance.now();
  const data = await r.readSignals(r.signals.map((s) => s.index));
  const ms = performance.now() - t;
  const decoded = data.reduce((s, d) => s + d.byteLength, 0);
  process.stdout.write(
    JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024, decodedBytes: decoded, ms }),
  );
  await r.close();
}

function mne(path: string, bdf: boolean): number[] | null {
  const py = '/usr/bin/python3';
  if (!existsSync(py) || args.includes('--no-mne')) return null;
  const fn = bdf ? 'read_raw_bdf' : 'read_raw_edf';
  const code = `import time, mne\nts=[]\nfor _ in range(${runs}):\n  t=time.perf_counter(); mne.io.${fn}(${JSON.stringify(path)}, preload=True, verbose='error'); ts.append(time.perf_counter()-t)\nprint(' '.join(str(x) for x in ts))`;
  try {
    const out = execFileSync(py, ['-c', code], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return out
      .trim()
      .split(/\s+/)
      .map((x) => Number(x) * 1000);
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
  const results: Record<string, unknown>[] = [];
  for (const f of files) {
    const size = statSync(f.path).size;
    const open: number[] = [];
    for (let i = 0; i < runs; i++) open.push(await timeOpen(f.path));
    const full: number[] = [];
    for (let i = 0; i < runs; i++) full.push(await timeFullRead(f.path));
    const win = await windowReads(f.path, 200);
    const reused = await timeFullReadReused(f.path);
    const fresh = (env: NodeJS.ProcessEnv) => {
      const c = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', f.path], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      return JSON.parse(c.stdout) as { maxRssBytes: number; decodedBytes: number; ms: number };
    };
    const mem = fresh({});
    // glibc can ask the kernel for transparent huge pages for large allocations (THP is in madvise mode here)
    const memThp = fresh({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
    const m = mne(f.path, f.bdf);
    const row = {
      file: `${f.name} ${mb(size).toFixed(0)} MB`,
      'open (header+annotations) MB/s': Math.round(mb(size) / (median(open) / 1000)),
      'open median ms': Math.round(median(open)),
      'full read median ms': Math.round(median(full)),
      'full read MB/s': Math.round(mb(size) / (median(full) / 1000)),
      'full read into reused buffers median ms': Math.round(median(reused)),
      'full read into reused buffers MB/s': Math.round(mb(size) / (median(reused) / 1000)),
      'full read ms, fresh process': Math.round(mem.ms),
      'full read ms, fresh process, glibc THP': Math.round(memThp.ms),
      '30-s window median ms': Number(median(win).toFixed(2)),
      'peak RSS MB': Math.round(mb(mem.maxRssBytes)),
      'decoded Float32 MB': Math.round(mb(mem.decodedBytes)),
      'peak / decoded': Number((mem.maxRssBytes / mem.decodedBytes).toFixed(2)),
      'MNE preload median ms': m ? Math.round(median(m)) : 'n/a',
      'MNE MB/s': m ? Math.round(mb(size) / (median(m) / 1000)) : 'n/a',
      'our/MNE speed (in-process)': m ? Number((median(m) / median(full)).toFixed(1)) : 'n/a',
      'our/MNE speed (fresh process)': m ? Number((median(m) / mem.ms).toFixed(1)) : 'n/a',
      'our/MNE speed (fresh process, glibc THP)': m ? Number((median(m) / memThp.ms).toFixed(1)) : 'n/a',
      'our/MNE speed (reused buffers)': m ? Number((median(m) / median(reused)).toFixed(1)) : 'n/a',
      'peak / decoded, glibc THP': Number((memThp.maxRssBytes / memThp.decodedBytes).toFixed(2)),
    };
    results.push(row);
    process.stdout.write(`${JSON.stringify(row, null, 2)}\n`);
  }
  process.stdout.write(
    `load average at the end: ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`,
  );
  process.stdout.write(
    `\nmachine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}; runs per figure: ${runs}; window reads: 200\n`,
  );
}

await main();
