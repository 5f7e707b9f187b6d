/**
 * Accelerometer jerk detection: gravity removal (zero-phase high-pass per axis), a jerk signal
 * (magnitude of the time derivative of the dynamic acceleration, g/s, smoothed), a robust
 * threshold (median + k × MAD-derived SD, with an absolute floor), hysteresis for the event end,
 * and a refractory period that folds re-triggers into one event.
 */
import type { CodedWarning } from '@myotrace/errors';
import { MyoTraceError } from '@myotrace/errors';
import { type ButterDesign, butterworth, zeroPhase } from '../myoclonus/dspAdapter.js';
import { centredMovingMean } from '../myoclonus/envelope.js';
import type { AccelRecording } from './types.js';

export interface AccelJerkSettings {
  /**
   * Detection signal: 'jerk' = |d/dt of dynamic acceleration| (g/s; sharp myoclonic jerks),
   * 'acceleration' = |dynamic acceleration| (g; slower leg movements, where the derivative of
   * sensor noise would dominate).
   */
  signal: 'jerk' | 'acceleration';
  /** High-pass that removes gravity and posture, Hz. */
  gravityHighpassHz: number;
  /** Smoothing of the jerk magnitude, ms. */
  smoothMs: number;
  /** Onset threshold: median + k × robust SD of the jerk signal. */
  thresholdSd: number;
  /** Absolute floor of the onset threshold, g/s (g with signal 'acceleration'). */
  minThresholdGPerS: number;
  /** The event ends when the signal falls below median + this fraction of (threshold − median). */
  endFraction: number;
  /** A new event may not start within this time after the previous one ended, ms. */
  refractoryMs: number;
  minDurationMs: number;
}

/** Myoclonic jerks (short, sharp). */
export const defaultAccelJerkSettings: AccelJerkSettings = {
  signal: 'jerk',
  gravityHighpassHz: 0.5,
  smoothMs: 40,
  thresholdSd: 8,
  minThresholdGPerS: 1,
  endFraction: 0.5,
  refractoryMs: 250,
  minDurationMs: 0,
};

/**
 * Leg movements from an ankle sensor (0.5–10 s): slower smoothing, and the 0.5 s "quiet"
 * requirement of the LM end rule as the refractory period.
 */
export const ankleLmSettings: AccelJerkSettings = {
  signal: 'acceleration',
  gravityHighpassHz: 0.25,
  smoothMs: 400,
  thresholdSd: 6,
  minThresholdGPerS: 0.02,
  endFraction: 0.3,
  refractoryMs: 500,
  minDurationMs: 0,
};

export interface AccelEvent {
  onsetSec: number;
  durationSec: number;
  /** Peak of the smoothed detection signal (jerk in g/s, or acceleration in g). */
  peakJerkGPerS: number;
  /** Peak dynamic acceleration magnitude, g. */
  peakAccelG: number;
}

export interface AccelJerkResult {
  sampleRateHz: number;
  durationSec: number;
  events: AccelEvent[];
  thresholdGPerS: number;
  /** Events per minute in each whole minute from the start. */
  countsPerMinute: number[];
  ratePerMin: number;
  ratePerHour: number;
  settings: AccelJerkSettings;
  filter: ButterDesign;
  warnings: CodedWarning[];
}

export function detectAccelJerks(
  rec: Pick<AccelRecording, 'x' | 'y' | 'z' | 'sampleRateHz'>,
  settings?: Partial<AccelJerkSettings>,
): AccelJerkResult {
  const s: AccelJerkSettings = { ...defaultAccelJerkSettings, ...(settings ?? {}) };
  const fs = rec.sampleRateHz;
  const n = rec.x.length;
  const warnings: CodedWarning[] = [];
  if (n < 10)
    throw new MyoTraceError('DETECT_ACCEL_TOO_SHORT', 'the accelerometer recording has fewer than 10 samples');
  if (fs < 50 && s.smoothMs < 100)
    warnings.push({
      code: 'DETECT_ACCEL_RATE_LOW',
      message: `accelerometer sampled at ${fs} Hz: myoclonic jerks (10–50 ms) need about 100 Hz or more`,
    });
  const design = butterworth(2, Math.min(s.gravityHighpassHz, fs / 4), 'highpass', fs);
  const dx = zeroPhase(design, rec.x),
    dy = zeroPhase(design, rec.y),
    dz = zeroPhase(design, rec.z);
  const jerk = new Float64Array(n);
  const half = fs / 2;
  if (s.signal === 'acceleration') {
    for (let i = 0; i < n; i++) jerk[i] = Math.hypot(dx[i], dy[i], dz[i]);
  } else {
    for (let i = 1; i < n - 1; i++) {
      jerk[i] = Math.hypot(dx[i + 1] - dx[i - 1], dy[i + 1] - dy[i - 1], dz[i + 1] - dz[i - 1]) * half;
    }
    jerk[0] = jerk[1];
    jerk[n - 1] = jerk[n - 2];
  }
  let w = Math.max(1, Math.round((s.smoothMs * fs) / 1000));
  if (w % 2 === 0) w += 1;
  const sm = centredMovingMean(jerk, w);
  // robust scale: median and MAD over a subsample (the signal is mostly quiet)
  const step = Math.max(1, Math.floor(n / 200000));
  const sample: number[] = [];
  for (let i = 0; i < n; i += step) sample.push(sm[i]);
  sample.sort((a, b) => a - b);
  const med = sample[Math.floor(sample.length / 2)];
  const dev = sample.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
  const sd = 1.4826 * dev[Math.floor(dev.length / 2)];
  const thr = Math.max(med + s.thresholdSd * sd, s.minThresholdGPerS);
  // hysteresis relative to the noise median, so the end threshold stays above the noise floor
  const endThr = med + (thr - med) * s.endFraction;
  const refr = Math.round((s.refractoryMs * fs) / 1000);
  const events: AccelEvent[] = [];
  let i = 0;
  let lastEnd = -Infinity;
  while (i < n) {
    if (sm[i] <= thr) {
      i++;
      continue;
    }
    let a = i;
    while (a > 0 && sm[a - 1] > endThr) a--;
    let b = i;
    while (b < n && sm[b] > endThr) b++;
    let peakJ = 0,
      peakA = 0;
    for (let k = a; k < b; k++) {
      if (sm[k] > peakJ) peakJ = sm[k];
      const m = Math.hypot(dx[k], dy[k], dz[k]);
      if (m > peakA) peakA = m;
    }
    // the centred moving mean starts rising half a window before the movement
    const shift = Math.min((w - 1) / 2, Math.max(0, (b - a - 1) / 2));
    a = Math.round(a + shift);
    const bEnd = Math.round(b - shift);
    const prev = events[events.length - 1];
    if (prev && a - lastEnd < refr) {
      // inside the refractory period: the same event continues
      prev.durationSec = bEnd / fs - prev.onsetSec;
      prev.peakJerkGPerS = Math.max(prev.peakJerkGPerS, peakJ);
      prev.peakAccelG = Math.max(prev.peakAccelG, peakA);
    } else {
      events.push({ onsetSec: a / fs, durationSec: (bEnd - a) / fs, peakJerkGPerS: peakJ, peakAccelG: peakA });
    }
    lastEnd = b;
    i = b + 1;
  }
  const kept = events.filter((e) => e.durationSec * 1000 >= s.minDurationMs);
  const durationSec = n / fs;
  const minutes = Math.floor(durationSec / 60);
  const countsPerMinute = new Array(minutes).fill(0);
  for (const e of kept) {
    const m = Math.floor(e.onsetSec / 60);
    if (m < minutes) countsPerMinute[m]++;
  }
  return {
    sampleRateHz: fs,
    durationSec,
    events: kept,
    thresholdGPerS: thr,
    countsPerMinute,
    ratePerMin: kept.length / (durationSec / 60),
    ratePerHour: kept.length / (durationSec / 3600),
    settings: s,
    filter: design,
    warnings,
  };
}
