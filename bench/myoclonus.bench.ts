/**
 * `npm run bench:myoclonus` (issue 4): accuracy of the myoclonus detectors on simulated recordings
 * with exact ground truth, and the time to process a one-hour, 16-channel, 2 kHz EMG recording.
 *   - EMG bursts: recall, onset and duration errors, share within ±5 ms / ±10 ms, duration class per
 *     recording (cortical ~25 ms, subcortical ~150 ms, functional ~400 ms; 1 and 2 kHz)
 *   - silent periods: the same figures
 *   - back-averaging: detection of a 5 µV potential at −20 ms in 20 µV RMS noise (100 jerks) and the
 *     false-positive rate without a potential, for white and pink (1/f) noise
 *   - accelerometer: jerk recall/precision; ankle leg movements → PLMS index error vs the same rules on the truth
 *   - speed: an in-memory EDF+C (16 × 1 h × 2 kHz) read, bursts + silent periods on every channel; wall time,
 *     and per-channel throughput (median over channels)
 * Options (env): BENCH_SEEDS (default 10), BENCH_HOUR_SEC (default 3600), BENCH_SKIP_SPEED=1, BENCH_ONLY_SPEED=1.
 */

import { cpus, loadavg } from 'node:os';
import {
  accelNightSummary,
  applyPlmRules,
  backAverage,
  detectAccelJerks,
  detectBursts,
  detectSilentPeriods,
  emgSimulationToEdf,
  type SimBurstKind,
  simulateAccel,
  simulateEegEmg,
  simulateEmg,
  wasm2016Settings,
} from '@myotrace/detect';
import { bytesSource, openEdf } from '@myotrace/edf';

const SEEDS = Number(process.env.BENCH_SEEDS ?? 10);
const HOUR_SEC = Number(process.env.BENCH_HOUR_SEC ?? 3600);

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : Number.NaN;
};
const pct = (a: number[], p: number) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const f1 = (x: number) => x.toFixed(1);
const f3 = (x: number) => x.toFixed(3);
const pc = (x: number) => `${(100 * x).toFixed(1)}%`;

function burstAccuracy(): void {
  console.log('\n== EMG bursts (60 s, 30 bursts per recording) ==');
  console.log(
    'kind         fs    recs  recall  |onset| med/p95 ms  within±5ms  |dur| med/p95 ms  within±10ms  class right',
  );
  const expected: Record<SimBurstKind, string> = {
    cortical: 'cortical',
    subcortical: 'subcortical-or-spinal',
    functional: 'voluntary-like',
  };
  for (const kind of ['cortical', 'subcortical', 'functional'] as SimBurstKind[]) {
    for (const fs of [1000, 2000]) {
      const on: number[] = [],
        du: number[] = [];
      let truthN = 0,
        found = 0,
        classRight = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const sim = simulateEmg({
          seed: 100 + seed,
          burstKind: kind,
          sampleRateHz: fs,
          durationSec: 60,
          burstCount: 30,
        });
        const r = detectBursts(sim.signals[0].samples, fs);
        for (const t of sim.truth.bursts) {
          truthN++;
          const m = r.bursts.find((b) => b.onsetSec < t.onsetSec + t.durationMs / 1000 && b.offsetSec > t.onsetSec);
          if (!m) continue;
          found++;
          on.push(Math.abs(m.onsetSec - t.onsetSec) * 1000);
          du.push(Math.abs(m.durationMs - t.durationMs));
        }
        if (r.durations.compatibleWith === expected[kind]) classRight++;
      }
      console.log(
        `${kind.padEnd(12)} ${String(fs).padEnd(5)} ${String(SEEDS).padEnd(5)} ${pc(found / truthN).padEnd(7)} ${`${f1(median(on))}/${f1(pct(on, 0.95))}`.padEnd(19)} ${pc(on.filter((x) => x <= 5).length / on.length).padEnd(11)} ${`${f1(median(du))}/${f1(pct(du, 0.95))}`.padEnd(17)} ${pc(du.filter((x) => x <= 10).length / du.length).padEnd(12)} ${pc(classRight / SEEDS)}`,
      );
    }
  }
}

function silentAccuracy(): void {
  console.log('\n== Silent periods (90 s of 30 µV tonic EMG, 30 silences of 55–480 ms) ==');
  for (const fs of [1000, 2000]) {
    const on: number[] = [],
      du: number[] = [];
    let truthN = 0,
      found = 0,
      extra = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulateEmg({
        seed: 200 + seed,
        sampleRateHz: fs,
        durationSec: 90,
        burstCount: 10,
        silentCount: 30,
        tonicUv: 30,
        silentMs: [55, 480],
      });
      const r = detectSilentPeriods(sim.signals[0].samples, fs);
      let f = 0;
      for (const t of sim.truth.silentPeriods) {
        truthN++;
        const m = r.silentPeriods.find(
          (p) => p.onsetSec < t.onsetSec + t.durationMs / 1000 && p.offsetSec > t.onsetSec,
        );
        if (!m) continue;
        found++;
        f++;
        on.push(Math.abs(m.onsetSec - t.onsetSec) * 1000);
        du.push(Math.abs(m.durationMs - t.durationMs));
      }
      extra += r.silentPeriods.length - f;
    }
    console.log(
      `${fs} Hz: recall ${pc(found / truthN)}, false ${extra} in ${SEEDS} recordings; |onset| median ${f1(median(on))} ms, p95 ${f1(pct(on, 0.95))} ms, within ±5 ms ${pc(on.filter((x) => x <= 5).length / on.length)}; |duration| median ${f1(median(du))} ms, within ±10 ms ${pc(du.filter((x) => x <= 10).length / du.length)}`,
    );
  }
}

function backAverageAccuracy(): void {
  console.log('\n== Jerk-locked back-averaging (100 jerks, 20 µV RMS noise, 200 surrogates, alpha 0.01) ==');
  for (const noiseColor of ['white', 'pink'] as const) {
    const nPos = 2 * SEEDS;
    let hit = 0;
    const lat: number[] = [],
      amp: number[] = [];
    for (let seed = 1; seed <= nPos; seed++) {
      const sim = simulateEegEmg({ seed: 300 + seed, noiseColor });
      const emg = sim.signals[sim.signals.length - 1];
      const b = detectBursts(emg.samples, emg.sampleRateHz);
      const r = backAverage(
        sim.signals.slice(0, -1).map((s) => ({ label: s.label, samplesUv: s.samples, sampleRateHz: s.sampleRateHz })),
        b.bursts.map((x) => x.onsetSec),
        { seed },
      );
      if (
        r.significance.significant &&
        r.significance.channel === 'C3' &&
        Math.abs((r.significance.latencyMs as number) + 20) <= 5
      )
        hit++;
      lat.push(r.channels[0].deflection.latencyMs);
      amp.push(r.channels[0].deflection.amplitudeUv);
    }
    const nNull = noiseColor === 'white' ? 100 : 50;
    let fp = 0;
    const t0 = performance.now();
    for (let seed = 1; seed <= nNull; seed++) {
      const sim = simulateEegEmg({
        seed: 1000 + seed,
        potentialUv: 0,
        includeEmg: false,
        intervalSec: [0.8, 1.0],
        noiseColor,
      });
      if (
        backAverage(
          sim.signals.map((s) => ({ label: s.label, samplesUv: s.samples, sampleRateHz: s.sampleRateHz })),
          sim.truth.jerkOnsetsSec,
          { seed },
        ).significance.significant
      )
        fp++;
    }
    const perRun = (performance.now() - t0) / nNull;
    console.log(
      `${noiseColor.padEnd(5)} noise: 5 µV at −20 ms found (significant, C3, ±5 ms) in ${hit}/${nPos}; latency median ${f1(median(lat))} ms; amplitude median ${f3(median(amp))} µV; no potential: significant in ${fp}/${nNull} (median ${f1(perRun)} ms per analysis incl. simulation)`,
    );
  }
}

function accelAccuracy(): void {
  console.log('\n== Accelerometer ==');
  for (const fs of [50, 100, 200]) {
    let tp = 0,
      truthN = 0,
      pp = 0,
      detN = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const sim = simulateAccel({ seed: 400 + seed, sampleRateHz: fs, durationSec: 600, eventCount: 80 });
      const r = detectAccelJerks(sim);
      const ov = (e: { onsetSec: number; durationSec: number }, t: { onsetSec: number; durationSec: number }) =>
        e.onsetSec < t.onsetSec + t.durationSec + 0.1 && e.onsetSec + e.durationSec > t.onsetSec - 0.1;
      truthN += sim.truth.events.length;
      tp += sim.truth.events.filter((t) => r.events.some((e) => ov(e, t))).length;
      detN += r.events.length;
      pp += r.events.filter((e) => sim.truth.events.some((t) => ov(e, t))).length;
    }
    console.log(
      `jerks at ${fs} Hz (${SEEDS} × 10 min, 80 jerks, 30 posture changes/h): recall ${pc(tp / truthN)}, precision ${pc(pp / detN)}`,
    );
  }
  const errs: number[] = [];
  for (let seed = 1; seed <= Math.min(SEEDS, 6); seed++) {
    const sim = simulateAccel({
      seed: 500 + seed,
      mode: 'leg-movements',
      sampleRateHz: 50,
      durationSec: 3600,
      eventCount: 60,
    });
    const night = accelNightSummary(sim);
    const ref = applyPlmRules(
      {
        left: sim.truth.events.map((t) => ({ onsetSec: t.onsetSec, durationSec: t.durationSec })),
        right: [],
        durationSec: 3600,
      },
      wasm2016Settings,
    );
    errs.push((night.score.indices.plmsIndex as number) - (ref.indices.plmsIndex as number));
  }
  console.log(
    `ankle night summary (1 h, 60 LMs in series, 50 Hz): PLMS index error vs rules on the truth: ${errs.map((e) => e.toFixed(0)).join(', ')} /h (median ${f1(median(errs))})`,
  );
}

async function speed(): Promise<void> {
  console.log(`\n== Speed: ${HOUR_SEC} s × 16 channels × 2 kHz EMG ==`);
  const t0 = performance.now();
  const one = simulateEmg({
    seed: 7,
    sampleRateHz: 2000,
    durationSec: HOUR_SEC,
    burstCount: Math.round(HOUR_SEC / 4),
    burstKind: 'cortical',
    // as `myotrace simulate --kind emg`: tonic activity well above the noise floor, bursts well above the tonic level
    tonicUv: 30,
    burstUv: [250, 400],
    silentCount: Math.round(HOUR_SEC / 8),
  });
  const s = one.signals[0];
  const signals = Array.from({ length: 16 }, (_, k) => ({ ...s, label: `EMG${k + 1}` }));
  const bytes = emgSimulationToEdf({ ...one, signals, truth: { ...one.truth, bursts: [], silentPeriods: [] } });
  console.log(
    `simulated and written in ${f1((performance.now() - t0) / 1000)} s (EDF+C ${(bytes.length / 1e6).toFixed(0)} MB)`,
  );
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const reader = await openEdf(bytesSource(bytes));
  const perChannel: number[] = [];
  let bursts = 0,
    silences = 0;
  for (let i = 0; i < reader.signals.length; i++) {
    const c0 = performance.now();
    const x = await reader.readSignal(i);
    const b = detectBursts(x, 2000);
    const sp = detectSilentPeriods(x, 2000);
    bursts += b.bursts.length;
    silences += sp.silentPeriods.length;
    perChannel.push(performance.now() - c0);
  }
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  const samples = 16 * HOUR_SEC * 2000;
  console.log(
    `CPU time ${f1(cpuSec)} s; load average while measuring ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  console.log(
    `read + bursts + silent periods on 16 channels: ${f1(wall)} s wall (${(samples / wall / 1e6).toFixed(1)} M samples/s); per channel median ${f1(median(perChannel) / 1000)} s; ${bursts} bursts, ${silences} silent periods found (truth per channel ${one.truth.bursts.length} and ${one.truth.silentPeriods.length})`,
  );
}

console.log(`myoclonus benchmark, ${SEEDS} seeds per cell, node ${process.version}`);
if (!process.env.BENCH_ONLY_SPEED) {
  burstAccuracy();
  silentAccuracy();
  backAverageAccuracy();
  accelAccuracy();
}
if (!process.env.BENCH_SKIP_SPEED) await speed();
