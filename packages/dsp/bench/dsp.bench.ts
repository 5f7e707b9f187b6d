/**
 * DSP throughput on an 8-hour leg-EMG channel at 500 Hz (14.4 M samples).
 * Run: npm run bench:dsp  (or npx tsx packages/dsp/bench/dsp.bench.ts [hours] [runs])
 * Reports the median of N runs, samples/s and real-time factor; if Debian's scipy is present,
 * times scipy.signal.sosfiltfilt on the same length for a ratio.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  butter,
  envelope,
  minMaxDecimate,
  movingMax,
  movingMean,
  movingMedian,
  movingMin,
  movingRms,
  notch,
  rectify,
  resample,
  sosfilt,
  sosfiltfilt,
} from '../src/index.js';

const hours = Number(process.argv[2] ?? 8);
const runs = Number(process.argv[3] ?? 5);
const fs = 500;
const n = Math.round(hours * 3600 * fs);
const x = new Float32Array(n);
let seed = 12345;
for (let i = 0; i < n; i++) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  x[i] = (seed / 2 ** 32 - 0.5) * 20 + 15 * Math.sin((2 * Math.PI * 50 * i) / fs);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// CPU time of this process (user + system) is reported next to wall time: on a shared, loaded
// machine wall time mostly measures the other processes.
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const results: { name: string; ms: number; cpu: number }[] = [];
function bench(name: string, fn: () => unknown): void {
  fn(); // warm-up (JIT)
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  const ms = median(wall);
  const cpuMedian = median(cpu);
  results.push({ name, ms, cpu: cpuMedian });
  console.log(
    `${name.padEnd(40)} wall ${ms.toFixed(0).padStart(6)} ms  cpu ${cpuMedian.toFixed(0).padStart(6)} ms  ${(
      n /
      (cpuMedian / 1000) /
      1e6
    )
      .toFixed(1)
      .padStart(6)} M samples/cpu-s  ${((hours * 3600 * 1000) / cpuMedian).toFixed(0).padStart(7)}× real time (cpu)`,
  );
}

console.log(
  `@myotrace/dsp benchmark: ${hours} h at ${fs} Hz = ${(n / 1e6).toFixed(1)} M samples, median of ${runs} runs, Node ${process.version}`,
);
const bp = butter(4, [10, 100], 'bandpass', fs);
const mains = notch(50, 30, fs);
bench('butter(4, [10,100], bandpass) design ×1000', () => {
  for (let i = 0; i < 1000; i++) butter(4, [10, 100], 'bandpass', fs);
});
bench('sosfilt band-pass 4 (8 poles)', () => sosfilt(bp, x));
bench('sosfiltfilt band-pass 4 (8 poles)', () => sosfiltfilt(bp, x));
bench('sosfiltfilt notch 50 Hz', () => sosfiltfilt(mains, x));
bench('rectify', () => rectify(x));
bench('movingMean w=150 (0.3 s)', () => movingMean(x, 150));
bench('movingRms w=75 (0.15 s)', () => movingRms(x, 75));
bench('movingMax w=250 (0.5 s)', () => movingMax(x, 250));
bench('movingMin w=30000 (60 s, trailing)', () => movingMin(x, 30000, { align: 'trailing' }));
bench('movingMedian w=250 (0.5 s)', () => movingMedian(x, 250));
bench('envelope 4 Hz', () => envelope(x, fs, 4));
bench('resample 500 → 200 Hz', () => resample(x, fs, 200));
bench('minMaxDecimate → 2000 buckets', () => minMaxDecimate(x, 2000));

const py = '/usr/bin/python3';
if (existsSync(py)) {
  try {
    const script = `
import time, numpy as np, scipy.signal as s
n=${n}; x=(np.random.default_rng(1).standard_normal(n)*10).astype(np.float32)
sos=s.butter(4,[10,100],'bandpass',output='sos',fs=${fs})
s.sosfiltfilt(sos,x[:10000])
t=[]; c=[]
for _ in range(${Math.min(runs, 3)}):
    t0=time.perf_counter(); c0=time.process_time(); s.sosfiltfilt(sos,x); t.append(time.perf_counter()-t0); c.append(time.process_time()-c0)
print(sorted(t)[len(t)//2]*1000, sorted(c)[len(c)//2]*1000)
`;
    const [scipyMs, scipyCpu] = execFileSync(py, ['-c', script], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    const ours = results.find((r) => r.name.startsWith('sosfiltfilt band-pass'));
    console.log(
      `${'scipy sosfiltfilt band-pass 4'.padEnd(40)} wall ${scipyMs.toFixed(0).padStart(6)} ms  cpu ${scipyCpu.toFixed(0).padStart(6)} ms  → ours/scipy cpu-time ratio ${((ours?.cpu ?? Number.NaN) / scipyCpu).toFixed(2)}`,
    );
  } catch (e) {
    console.log(`scipy comparison skipped: ${(e as Error).message.split('\n')[0]}`);
  }
}
const mem = process.memoryUsage();
console.log(
  `RSS at end ${(mem.rss / 2 ** 20).toFixed(0)} MiB (input ${(x.byteLength / 2 ** 20).toFixed(0)} MiB Float32)`,
);
