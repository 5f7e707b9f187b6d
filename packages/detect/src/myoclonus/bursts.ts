/**
 * EMG burst detection for myoclonus: high-pass and rectify, a linear envelope, a baseline that
 * follows tonic activity, and a double threshold (onset/offset at the lower one, a burst must
 * reach the upper one) with a minimum separation between bursts. One channel at a time, µV in.
 */
import type { CodedWarning } from '@myotrace/errors';
import { MyoTraceError } from '@myotrace/errors';
import { type ButterDesign, oneWay } from './dspAdapter.js';
import {
  classifyDuration,
  type DurationClass,
  type DurationClassSettings,
  type DurationSummary,
  defaultDurationClassSettings,
  summariseDurations,
} from './durationClass.js';
import { blockPercentileBaseline, centredMovingMean, highpassRectify } from './envelope.js';
import { checkEmgSampleRate } from './sampleRate.js';

export interface BurstSettings {
  highpassHz: number;
  /** Butterworth order of the high-pass (applied forward and backward: zero phase). */
  highpassOrder: number;
  /** Width of the centred moving mean of the rectified EMG, ms. */
  smoothMs: number;
  /** Baseline: percentile of the envelope over a sliding window (follows tonic activity). */
  baselineWindowSec: number;
  baselinePercentile: number;
  baselineBlockMs: number;
  /** Onset and offset where the envelope crosses baseline × onsetFactor (the lower threshold). */
  onsetFactor: number;
  /** A burst must reach baseline × peakFactor (the upper threshold). */
  peakFactor: number;
  /** Floors of the two thresholds, µV, so a flat or digitally zero channel yields no bursts. */
  minOnsetUv: number;
  minPeakUv: number;
  /**
   * Within a burst, onset and offset use the larger of the lower threshold and this fraction of
   * the burst's mean envelope, so the filter's pre-ringing around a large burst does not pull
   * the onset earlier.
   */
  edgeFractionOfLevel: number;
  /** Bursts separated by less than this are merged into one, ms. */
  minSeparationMs: number;
  minDurationMs: number;
  classes: DurationClassSettings;
}

export const defaultBurstSettings: BurstSettings = {
  highpassHz: 20,
  highpassOrder: 4,
  smoothMs: 5,
  // 4 s: a 500 ms silent period stays below the 20th percentile, so the tonic activity around it is not taken for bursts
  baselineWindowSec: 4,
  baselinePercentile: 20,
  baselineBlockMs: 50,
  onsetFactor: 3,
  peakFactor: 6,
  minOnsetUv: 3,
  minPeakUv: 10,
  edgeFractionOfLevel: 0.1,
  minSeparationMs: 20,
  minDurationMs: 8,
  classes: defaultDurationClassSettings,
};

export interface EmgBurst {
  /** Seconds from the first sample of the analysed signal. */
  onsetSec: number;
  offsetSec: number;
  durationMs: number;
  /** Largest rectified high-passed amplitude inside the burst, µV. */
  peakUv: number;
  /** Integral of the rectified high-passed EMG over the burst, µV·ms. */
  areaUvMs: number;
  /** Baseline (tonic) envelope level at onset, µV. */
  baselineUv: number;
  compatibleWith: DurationClass;
  /** True when the burst touches the start or end of the signal (duration is a lower bound). */
  truncated: boolean;
}

export interface BurstResult {
  label: string | null;
  sampleRateHz: number;
  durationSec: number;
  bursts: EmgBurst[];
  ratePerMin: number;
  durations: DurationSummary;
  settings: BurstSettings;
  filter: ButterDesign;
  warnings: CodedWarning[];
}

export interface BurstInternals {
  rectified: Float32Array;
  envelope: Float32Array;
  baseline: Float32Array;
}

function resolveSettings(partial: Partial<BurstSettings> | undefined): BurstSettings {
  const s: BurstSettings = {
    ...defaultBurstSettings,
    ...(partial ?? {}),
    classes: { ...defaultBurstSettings.classes, ...(partial?.classes ?? {}) },
  };
  const positive: (keyof BurstSettings)[] = [
    'highpassHz',
    'smoothMs',
    'baselineWindowSec',
    'baselineBlockMs',
    'onsetFactor',
    'peakFactor',
  ];
  for (const k of positive) {
    const v = s[k] as number;
    if (!(Number.isFinite(v) && v > 0))
      throw new MyoTraceError('DETECT_BAD_SETTING', `burst setting ${k} must be a positive number (got ${v})`, {
        field: k,
      });
  }
  if (s.peakFactor < s.onsetFactor)
    throw new MyoTraceError('DETECT_BAD_SETTING', 'peakFactor must be at least onsetFactor', { field: 'peakFactor' });
  if (!(s.baselinePercentile >= 0 && s.baselinePercentile <= 100))
    throw new MyoTraceError('DETECT_BAD_SETTING', 'baselinePercentile must lie in 0–100', {
      field: 'baselinePercentile',
    });
  return s;
}

/** Detects EMG bursts on one channel (µV). */
export function detectBursts(
  samplesUv: ArrayLike<number>,
  sampleRateHz: number,
  settings?: Partial<BurstSettings>,
  label: string | null = null,
): BurstResult {
  return detectBurstsWithInternals(samplesUv, sampleRateHz, settings, label).result;
}

export function detectBurstsWithInternals(
  samplesUv: ArrayLike<number>,
  sampleRateHz: number,
  settings?: Partial<BurstSettings>,
  label: string | null = null,
): { result: BurstResult; internals: BurstInternals } {
  const s = resolveSettings(settings);
  const warnings = checkEmgSampleRate(sampleRateHz, label ?? 'EMG');
  const fs = sampleRateHz;
  const n = samplesUv.length;
  if (s.highpassHz >= fs / 2)
    throw new MyoTraceError('DETECT_BAD_SETTING', `high-pass ${s.highpassHz} Hz is above the Nyquist frequency`, {
      field: 'highpassHz',
    });
  const { rectified, design } = highpassRectify(samplesUv, fs, s.highpassHz, s.highpassOrder);
  let w = Math.max(1, Math.round((s.smoothMs * fs) / 1000));
  if (w % 2 === 0) w += 1;
  const envelope = centredMovingMean(rectified, w);
  const baseline = blockPercentileBaseline(
    envelope,
    (s.baselineBlockMs * fs) / 1000,
    s.baselineWindowSec * fs,
    s.baselinePercentile,
  );

  // 1. segments above the lower threshold
  const segStart: number[] = [];
  const segEnd: number[] = []; // exclusive
  let inSeg = false;
  for (let i = 0; i < n; i++) {
    const low = baseline[i] * s.onsetFactor;
    const above = envelope[i] > Math.max(low, s.minOnsetUv);
    if (above && !inSeg) {
      segStart.push(i);
      inSeg = true;
    } else if (!above && inSeg) {
      segEnd.push(i);
      inSeg = false;
    }
  }
  if (inSeg) segEnd.push(n);

  // 2. merge segments closer than the minimum separation, then require the upper threshold
  const gap = Math.round((s.minSeparationMs * fs) / 1000);
  const merged: [number, number][] = [];
  for (let k = 0; k < segStart.length; k++) {
    const last = merged[merged.length - 1];
    if (last && segStart[k] - last[1] < gap) last[1] = segEnd[k];
    else merged.push([segStart[k], segEnd[k]]);
  }
  const bursts: EmgBurst[] = [];
  const minDur = (s.minDurationMs * fs) / 1000;
  const pad = Math.round(0.25 * fs);
  for (const [a, b] of merged) {
    let reachesPeak = false;
    let envSum = 0;
    for (let i = a; i < b; i++) {
      const high = baseline[i] * s.peakFactor;
      if (envelope[i] > Math.max(high, s.minPeakUv)) reachesPeak = true;
      envSum += envelope[i];
    }
    if (!reachesPeak) continue;
    const level = envSum / (b - a);
    // Edges come from a causal (onset) and an anti-causal (offset) high-pass of a local window:
    // the zero-phase filter rings on both sides of a large burst and would widen it.
    const lo = Math.max(0, a - pad);
    const hi = Math.min(n, b + pad);
    const local = samplesSlice(samplesUv, lo, hi);
    const envF = centredMovingMean(absInPlace(oneWay(design, local, false)), w);
    const envB = centredMovingMean(absInPlace(oneWay(design, local, true)), w);
    let first = a;
    while (first < b - 1 && envF[first - lo] <= edgeThreshold(baseline[first], level, s)) first++;
    let last = b - 1;
    while (last > first && envB[last - lo] <= edgeThreshold(baseline[last], level, s)) last--;
    // The moving mean turns a step into a ramp of w samples, so a threshold is crossed early at
    // onset (late at offset) by w·(1/2 − f), f = where the threshold sits on the ramp.
    const on = Math.max(a, Math.min(edgeIndex(first, baseline[first], level, s, w, +1), b - 1));
    const off = Math.max(on + 1, Math.min(edgeIndex(last + 1, baseline[last], level, s, w, -1), b));
    if (off - on < minDur) continue;
    let peak = 0;
    let area = 0;
    for (let i = on; i < off; i++) {
      const r = rectified[i];
      if (r > peak) peak = r;
      area += r;
    }
    const durationMs = ((off - on) * 1000) / fs;
    bursts.push({
      onsetSec: on / fs,
      offsetSec: off / fs,
      durationMs,
      peakUv: peak,
      areaUvMs: (area * 1000) / fs,
      baselineUv: baseline[on],
      compatibleWith: classifyDuration(durationMs, s.classes),
      truncated: a === 0 || b === n,
    });
  }
  const durationSec = n / fs;
  const result: BurstResult = {
    label,
    sampleRateHz: fs,
    durationSec,
    bursts,
    ratePerMin: durationSec > 0 ? bursts.length / (durationSec / 60) : 0,
    durations: summariseDurations(
      bursts.map((b) => b.durationMs),
      s.classes,
    ),
    settings: s,
    filter: design,
    warnings,
  };
  if (result.durations.n > 0 && !result.durations.reliable) {
    warnings.push({
      code: 'DETECT_FEW_BURSTS',
      message: `only ${result.durations.n} bursts: duration classes were validated with at least ${s.classes.minBurstsForClass}`,
    });
  }
  return { result, internals: { rectified, envelope, baseline } };
}

function samplesSlice(x: ArrayLike<number>, lo: number, hi: number): Float64Array {
  const out = new Float64Array(hi - lo);
  for (let i = lo; i < hi; i++) out[i - lo] = x[i];
  return out;
}

function absInPlace(x: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] = Math.abs(x[i]);
  return x;
}

function edgeThreshold(base: number, level: number, s: BurstSettings): number {
  const low = Math.max(base * s.onsetFactor, s.minOnsetUv);
  const rel = level * s.edgeFractionOfLevel;
  return Math.max(rel, low);
}

function edgeIndex(crossing: number, base: number, level: number, s: BurstSettings, w: number, dir: 1 | -1): number {
  const thr = edgeThreshold(base, level, s);
  const f = level > base ? Math.min(1, Math.max(0, (thr - base) / (level - base))) : 0.5;
  return Math.round(crossing + dir * w * (0.5 - f));
}
