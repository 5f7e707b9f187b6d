import { writeEdf } from '@myotrace/edf';
import type { LmEvent } from '../src/plm/types.js';

/** Small seeded PRNG (mulberry32) + Box–Muller, so fixtures are identical on every run. */
function gaussian(seed: number): () => number {
  let a = seed >>> 0;
  const uni = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uni() + 1e-12)) * Math.cos(2 * Math.PI * uni());
}

/** Resting EMG (white noise, `restUv` SD) with LM bursts (noise of `burstUv` SD, 50 ms ramps) at the given times, in µV. */
export function legEmg(durationSec: number, fs: number, events: readonly LmEvent[], seed: number, restUv = 1.5, burstUv = 40): Float32Array {
  const n = Math.round(durationSec * fs);
  const x = new Float32Array(n);
  const g = gaussian(seed);
  for (let i = 0; i < n; i++) x[i] = restUv * g();
  const ramp = 0.05 * fs;
  for (const e of events) {
    const i0 = Math.round(e.onsetSec * fs);
    const i1 = Math.min(n, Math.round((e.onsetSec + e.durationSec) * fs));
    for (let i = i0; i < i1; i++) {
      const w = Math.min(1, (i - i0 + 1) / ramp, (i1 - i) / ramp);
      x[i] += burstUv * w * g();
    }
  }
  return x;
}

export interface FixtureSpec {
  durationSec: number;
  fs: number;
  left: LmEvent[];
  right: LmEvent[];
  /** Physical dimension written for the leg channels ('mV' also scales the samples). */
  unit?: 'uV' | 'mV' | '' | 'degC';
  labels?: [string, string];
  annotations?: { onset: number; duration: number | null; text: string }[];
  seed?: number;
  startTime?: string;
}

/** An EDF+C with a leg channel per side (plus a chin EMG) and annotations, as bytes. */
export function legRecordingEdf(spec: FixtureSpec): Uint8Array {
  const scale = spec.unit === 'mV' ? 1e-3 : 1;
  const seed = spec.seed ?? 7;
  const leg = (events: LmEvent[], s: number): Float32Array => {
    const x = legEmg(spec.durationSec, spec.fs, events, s);
    if (scale !== 1) for (let i = 0; i < x.length; i++) x[i] *= scale;
    return x;
  };
  const [l, r] = spec.labels ?? ['LAT', 'RAT'];
  const range = 500 * scale;
  return writeEdf({
    format: 'EDF+C',
    startTime: spec.startTime ?? '2024-03-01T22:00:00.000',
    recordDurationSec: 1,
    signals: [
      { label: 'Chin', physicalDimension: 'uV', physicalMin: -500, physicalMax: 500, sampleRate: spec.fs, samples: legEmg(spec.durationSec, spec.fs, [], seed + 99) },
      { label: l, physicalDimension: spec.unit ?? 'uV', physicalMin: -range, physicalMax: range, sampleRate: spec.fs, samples: leg(spec.left, seed) },
      { label: r, physicalDimension: spec.unit ?? 'uV', physicalMin: -range, physicalMax: range, sampleRate: spec.fs, samples: leg(spec.right, seed + 1) },
    ],
    annotations: spec.annotations ?? [],
  });
}

const lm = (onsetSec: number, durationSec: number): LmEvent => ({ onsetSec, durationSec });

/**
 * A 20-minute night with known content (hand-placed; IMIs kept well away from rule boundaries so
 * a detector's few-ms onset jitter cannot flip a decision):
 * - 0–300 s wake: a series of 4 left LMs every 20 s (PLMW)
 * - 300–1200 s N2/R: a series of 8 bilateral LMs every 25 s (overlapping), 2 isolated LMs,
 *   a 20 s long LM (non-CLM), then a series of 5 right LMs every 30 s (from 905 s, away from the N2/R boundary at 900 s) of which one follows an apnoea
 *   and one carries an arousal.
 */
export function standardNight(): FixtureSpec & { respiratory: { onsetSec: number; durationSec: number }[]; arousals: { onsetSec: number; durationSec: number }[] } {
  const left: LmEvent[] = [];
  const right: LmEvent[] = [];
  for (let i = 0; i < 4; i++) left.push(lm(40 + 20 * i, 1.5));
  for (let i = 0; i < 8; i++) {
    left.push(lm(330 + 25 * i, 2));
    right.push(lm(330.6 + 25 * i, 2.2));
  }
  left.push(lm(600, 1.2), lm(700, 3));
  right.push(lm(760, 20));
  for (let i = 0; i < 5; i++) right.push(lm(905 + 30 * i, 1.6));
  const respiratory = [{ onsetSec: 925, durationSec: 30 }]; // end 955: WASM window 953–965.25 touches the LM at 965
  const arousals = [{ onsetSec: 994, durationSec: 5 }]; // overlaps the LM at 995
  const annotations = [
    { onset: 0, duration: 300, text: 'Sleep stage W' },
    { onset: 300, duration: 600, text: 'Sleep stage N2' },
    { onset: 900, duration: 300, text: 'Sleep stage R' },
    { onset: 925, duration: 30, text: 'Obstructive Apnea' },
    { onset: 994, duration: 5, text: 'Arousal' },
  ];
  return { durationSec: 1200, fs: 200, left, right, annotations, respiratory, arousals };
}
