/**
 * Synthetic surface EMG with exact ground truth: bursts of known onset and duration (cortical
 * ~25 ms, subcortical ~150 ms, functional > 300 ms), optional sustained tonic activity
 * interrupted by silent periods (negative myoclonus), several muscles with known onset latencies,
 * and an optional rhythm (synchronous or alternating between muscle pairs).
 * EMG is modelled as band-limited Gaussian noise (20–400 Hz) shaped by an amplitude envelope.
 */

import { type EdfWriteAnnotation, type EdfWriteSignal, writeEdf } from '@myotrace/edf';
import { MyoTraceError } from '@myotrace/errors';
import { butterworth, zeroPhase } from '../myoclonus/dspAdapter.js';
import { createSimRng, type SimRng } from './random.js';

export type SimBurstKind = 'cortical' | 'subcortical' | 'functional';

/** Duration distribution (ms) of each kind: mean and half-width of a uniform spread. */
export const simBurstDurations: Record<SimBurstKind, { meanMs: number; spreadMs: number }> = {
  cortical: { meanMs: 25, spreadMs: 7 },
  subcortical: { meanMs: 150, spreadMs: 30 },
  functional: { meanMs: 400, spreadMs: 60 },
};

export interface EmgSimOptions {
  seed: number;
  sampleRateHz: number;
  durationSec: number;
  /** Channel labels; the first is the reference muscle. */
  labels: string[];
  burstKind: SimBurstKind;
  burstCount: number;
  /** Burst amplitude (RMS of the EMG inside the burst), µV: uniform in this range. */
  burstUv: [number, number];
  /** Background (noise floor) RMS, µV. */
  backgroundUv: number;
  /** Sustained tonic activity RMS, µV (0 = relaxed muscle). Silent periods need tonic activity. */
  tonicUv: number;
  silentCount: number;
  /** Silent-period durations, ms (uniform). */
  silentMs: [number, number];
  /** Onset latency of each channel relative to the first, ms (default 0 for all). */
  latenciesMs: number[] | null;
  /** When set, bursts repeat at this rate (Hz, small jitter) instead of at random intervals. */
  rhythmHz: number | null;
  /** With a rhythm: odd-numbered channels fire half a cycle later (alternating, tremor-like). */
  pattern: 'synchronous' | 'alternating';
}

export const defaultEmgSimOptions: EmgSimOptions = {
  seed: 1,
  sampleRateHz: 2000,
  durationSec: 60,
  labels: ['EMG1'],
  burstKind: 'cortical',
  burstCount: 40,
  burstUv: [60, 150],
  backgroundUv: 5,
  tonicUv: 0,
  silentCount: 0,
  silentMs: [60, 450],
  latenciesMs: null,
  rhythmHz: null,
  pattern: 'synchronous',
};

export interface SimBurstTruth {
  channel: string;
  onsetSec: number;
  durationMs: number;
  amplitudeUv: number;
}

export interface SimSilentTruth {
  channel: string;
  onsetSec: number;
  durationMs: number;
}

export interface SimSignal {
  label: string;
  sampleRateHz: number;
  physicalDimension: string;
  samples: Float32Array;
}

export interface EmgSimulation {
  kind: 'emg';
  options: EmgSimOptions;
  signals: SimSignal[];
  truth: { bursts: SimBurstTruth[]; silentPeriods: SimSilentTruth[]; burstKind: SimBurstKind };
}

/** Band-limited unit-RMS Gaussian noise, the carrier of all EMG activity. */
export function emgNoise(rng: SimRng, n: number, fs: number): Float64Array {
  const white = new Float64Array(n);
  rng.fillGauss(white);
  const hp = zeroPhase(butterworth(2, 20, 'highpass', fs), white);
  const lp = fs > 900 ? zeroPhase(butterworth(2, Math.min(400, fs * 0.4), 'lowpass', fs), hp) : hp;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += lp[i] * lp[i];
  const scale = 1 / Math.sqrt(ss / Math.max(1, n));
  for (let i = 0; i < n; i++) lp[i] *= scale;
  return lp;
}

/** Adds `amp` × envelope × carrier on [a, b) with 1 ms cosine ramps inside the interval. */
function addBurst(out: Float32Array, carrier: Float64Array, a: number, b: number, amp: number, fs: number): void {
  const ramp = Math.max(1, Math.round(fs / 1000));
  for (let i = a; i < b && i < out.length; i++) {
    if (i < 0) continue;
    const k = Math.min(i - a, b - 1 - i);
    const g = k >= ramp ? 1 : 0.5 - 0.5 * Math.cos((Math.PI * (k + 0.5)) / ramp);
    out[i] += amp * g * carrier[i];
  }
}

export function simulateEmg(options: Partial<EmgSimOptions> = {}): EmgSimulation {
  const o: EmgSimOptions = { ...defaultEmgSimOptions, ...options };
  if (!(o.sampleRateHz >= 200))
    throw new MyoTraceError('DETECT_SIM_BAD_OPTION', 'EMG simulation needs a sample rate of at least 200 Hz', {
      field: 'sampleRateHz',
    });
  if (o.labels.length === 0)
    throw new MyoTraceError('DETECT_SIM_BAD_OPTION', 'at least one channel label is needed', { field: 'labels' });
  const rng = createSimRng(o.seed);
  const fs = o.sampleRateHz;
  const n = Math.round(o.durationSec * fs);
  const lat = o.latenciesMs ?? o.labels.map(() => 0);
  const spec = simBurstDurations[o.burstKind];

  // timeline: bursts (and silent periods) with gaps long enough to keep them apart
  const events: { type: 'burst' | 'silent'; onsetSec: number; durationMs: number; amp: number }[] = [];
  const total = o.burstCount + o.silentCount;
  const types: ('burst' | 'silent')[] = [];
  for (let i = 0; i < o.burstCount; i++) types.push('burst');
  for (let i = 0; i < o.silentCount; i++) types.push('silent');
  for (let i = types.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [types[i], types[j]] = [types[j], types[i]];
  }
  const maxLatSec = Math.max(0, ...lat) / 1000;
  if (o.rhythmHz) {
    const period = 1 / o.rhythmHz;
    let t = 1;
    for (let i = 0; i < o.burstCount; i++) {
      const d = spec.meanMs + rng.uniform(-spec.spreadMs, spec.spreadMs);
      events.push({
        type: 'burst',
        onsetSec: t + rng.uniform(-0.01, 0.01) * period,
        durationMs: d,
        amp: rng.uniform(o.burstUv[0], o.burstUv[1]),
      });
      t += period;
    }
  } else if (total > 0) {
    const usable = o.durationSec - 2 - maxLatSec;
    const slot = usable / total;
    const longest = Math.max(spec.meanMs + spec.spreadMs, o.silentMs[1]) / 1000;
    if (slot < longest + 0.6) {
      throw new MyoTraceError('DETECT_SIM_BAD_OPTION', `too many events (${total}) for ${o.durationSec} s`, {
        field: 'burstCount',
        hint: 'lengthen the recording or lower the counts',
      });
    }
    for (let i = 0; i < total; i++) {
      const type = types[i];
      const d =
        type === 'burst'
          ? spec.meanMs + rng.uniform(-spec.spreadMs, spec.spreadMs)
          : rng.uniform(o.silentMs[0], o.silentMs[1]);
      const jitter = rng.uniform(0.3, slot - d / 1000 - 0.3);
      events.push({
        type,
        onsetSec: 1 + i * slot + jitter,
        durationMs: d,
        amp: type === 'burst' ? rng.uniform(o.burstUv[0], o.burstUv[1]) : 0,
      });
    }
  }

  const signals: SimSignal[] = [];
  const bursts: SimBurstTruth[] = [];
  const silentPeriods: SimSilentTruth[] = [];
  o.labels.forEach((label, ch) => {
    const out = new Float32Array(n);
    const bg = emgNoise(rng, n, fs);
    for (let i = 0; i < n; i++) out[i] = o.backgroundUv * bg[i];
    const carrier = emgNoise(rng, n, fs);
    const shift = (lat[ch] ?? 0) / 1000;
    if (o.tonicUv > 0) {
      // tonic activity everywhere except inside silent periods (and replaced by bursts)
      const mask = new Float32Array(n).fill(1);
      for (const e of events) {
        if (e.type !== 'silent') continue;
        const a = Math.round((e.onsetSec + shift) * fs);
        const b = a + Math.round((e.durationMs * fs) / 1000);
        const ramp = Math.max(1, Math.round(fs / 1000));
        for (let i = a; i < b && i < n; i++) {
          const k = Math.min(i - a, b - 1 - i);
          mask[i] = k >= ramp ? 0 : 0.5 + 0.5 * Math.cos((Math.PI * (k + 0.5)) / ramp);
        }
      }
      for (let i = 0; i < n; i++) out[i] += o.tonicUv * mask[i] * carrier[i];
    }
    const burstCarrier = emgNoise(rng, n, fs);
    for (const e of events) {
      const extra = o.rhythmHz && o.pattern === 'alternating' && ch % 2 === 1 ? 0.5 / o.rhythmHz : 0;
      const onset = e.onsetSec + shift + extra;
      const a = Math.round(onset * fs);
      const len = Math.round((e.durationMs * fs) / 1000);
      if (a + len >= n) continue;
      if (e.type === 'burst') {
        addBurst(out, burstCarrier, a, a + len, e.amp, fs);
        bursts.push({ channel: label, onsetSec: a / fs, durationMs: (len * 1000) / fs, amplitudeUv: e.amp });
      } else {
        silentPeriods.push({ channel: label, onsetSec: a / fs, durationMs: (len * 1000) / fs });
      }
    }
    signals.push({ label, sampleRateHz: fs, physicalDimension: 'uV', samples: out });
  });
  return { kind: 'emg', options: o, signals, truth: { bursts, silentPeriods, burstKind: o.burstKind } };
}

// EDF+C output (ground truth as annotations); records shortened to stay within 61,440 bytes.
const START = '2024-01-01T00:00:00';

export function simRecordDuration(signals: SimSignal[]): number {
  for (const rd of [1, 0.5, 0.25, 0.2, 0.1]) {
    const ok = signals.every((s) => Number.isInteger(Math.round(s.sampleRateHz * rd * 1e9) / 1e9));
    const bytes = signals.reduce((a, s) => a + 2 * s.sampleRateHz * rd, 0);
    if (ok && bytes <= 61440) return rd;
  }
  return 0.1;
}

export function simWriteSignals(signals: SimSignal[], rangeUv: number, prefilter: string): EdfWriteSignal[] {
  return signals.map((s) => ({
    label: s.label,
    transducer: 'simulated',
    physicalDimension: 'uV',
    physicalMin: -rangeUv,
    physicalMax: rangeUv,
    prefilter,
    sampleRate: s.sampleRateHz,
    samples: s.samples,
  }));
}

export function simWriteEdf(
  signals: EdfWriteSignal[],
  annotations: EdfWriteAnnotation[],
  rd: number,
  kind: string,
): Uint8Array {
  return writeEdf({
    format: 'EDF+C',
    startTime: START,
    patient: { code: 'SIM', name: 'X' },
    recording: { equipment: 'myotrace-simulator', additional: kind },
    recordDurationSec: rd,
    signals,
    annotations,
  });
}

/** The EMG simulation as EDF+C bytes, truth bursts and silent periods as annotations. */
export function emgSimulationToEdf(sim: EmgSimulation): Uint8Array {
  const annotations: EdfWriteAnnotation[] = [
    ...sim.truth.bursts.map((b) => ({
      onset: b.onsetSec,
      duration: b.durationMs / 1000,
      text: `EMG burst ${b.channel} (${sim.truth.burstKind})`,
    })),
    ...sim.truth.silentPeriods.map((p) => ({
      onset: p.onsetSec,
      duration: p.durationMs / 1000,
      text: `silent period ${p.channel}`,
    })),
  ].sort((a, b) => a.onset - b.onset);
  return simWriteEdf(
    simWriteSignals(sim.signals, 2000, 'none (simulated)'),
    annotations,
    simRecordDuration(sim.signals),
    'emg',
  );
}
