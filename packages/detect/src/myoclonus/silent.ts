/**
 * Negative myoclonus: EMG silent periods of 50–500 ms interrupting sustained tonic activity.
 * Duration classes short 50–69 ms, intermediate 70–100 ms, long 101–500 ms follow
 * Clin Neurophysiol 2023;156:166 (PubMed 37952446). Muscle activity must be present before and
 * after the silence (as in the Kuopio silent-period algorithm), so a muscle that simply relaxes
 * is not counted.
 */
import type { CodedWarning } from '@myotrace/errors';
import { MyoTraceError } from '@myotrace/errors';
import { oneWay } from './dspAdapter.js';
import { blockPercentileBaseline, centredMovingMean, highpassRectify } from './envelope.js';
import { checkEmgSampleRate } from './sampleRate.js';

export interface SilentPeriodSettings {
  highpassHz: number;
  highpassOrder: number;
  smoothMs: number;
  /** Tonic level: percentile of the envelope over a sliding window. */
  tonicWindowSec: number;
  tonicPercentile: number;
  tonicBlockMs: number;
  /** Silence: envelope below tonic × this fraction. */
  silenceFraction: number;
  /** Tonic activity before and after must average at least tonic × this fraction. */
  flankFraction: number;
  flankMs: number;
  /** Tonic level below this (µV, envelope) is not "sustained tonic EMG". */
  minTonicUv: number;
  minDurationMs: number;
  maxDurationMs: number;
  /** Dips separated by less than this are one silent period, ms. */
  mergeGapMs: number;
}

export const defaultSilentPeriodSettings: SilentPeriodSettings = {
  highpassHz: 20,
  highpassOrder: 4,
  smoothMs: 10,
  tonicWindowSec: 2,
  tonicPercentile: 60,
  tonicBlockMs: 50,
  silenceFraction: 0.3,
  flankFraction: 0.5,
  flankMs: 100,
  minTonicUv: 8,
  minDurationMs: 50,
  maxDurationMs: 500,
  mergeGapMs: 10,
};

export type SilentPeriodClass = 'short' | 'intermediate' | 'long';

export interface SilentPeriod {
  onsetSec: number;
  offsetSec: number;
  durationMs: number;
  /** Tonic envelope level around the silence, µV. */
  tonicUv: number;
  /** Mean envelope inside the silence divided by the tonic level (0 = complete silence). */
  depth: number;
  durationClass: SilentPeriodClass;
}

export interface SilentPeriodResult {
  label: string | null;
  sampleRateHz: number;
  durationSec: number;
  silentPeriods: SilentPeriod[];
  counts: Record<SilentPeriodClass, number>;
  ratePerMin: number;
  /** Seconds of the recording with sustained tonic activity (where silences can be seen at all). */
  tonicSec: number;
  medianDurationMs: number | null;
  settings: SilentPeriodSettings;
  warnings: CodedWarning[];
}

export function classifySilentPeriod(durationMs: number): SilentPeriodClass {
  if (durationMs < 70) return 'short';
  if (durationMs <= 100) return 'intermediate';
  return 'long';
}

/**
 * Index k in [lo, hi) that best splits x into two segments of different variance (Gaussian
 * log-likelihood); segments are [lo, k) and [k, hi).
 */
function varianceChangePoint(x: Float64Array, lo: number, hi: number): number {
  lo = Math.max(0, lo);
  hi = Math.min(x.length, hi);
  const m = hi - lo;
  if (m < 4) return Math.round((lo + hi) / 2);
  let total = 0;
  for (let i = lo; i < hi; i++) total += x[i] * x[i];
  let left = 0;
  let best = lo + 1;
  let bestLl = -Infinity;
  const eps = 1e-12;
  for (let k = lo + 1; k < hi - 1; k++) {
    left += x[k - 1] * x[k - 1];
    const n1 = k - lo;
    const n2 = hi - k;
    const ll = -n1 * Math.log(left / n1 + eps) - n2 * Math.log((total - left) / n2 + eps);
    if (ll > bestLl) {
      bestLl = ll;
      best = k;
    }
  }
  return best;
}

export function detectSilentPeriods(
  samplesUv: ArrayLike<number>,
  sampleRateHz: number,
  settings?: Partial<SilentPeriodSettings>,
  label: string | null = null,
): SilentPeriodResult {
  const s: SilentPeriodSettings = { ...defaultSilentPeriodSettings, ...(settings ?? {}) };
  if (!(s.silenceFraction > 0 && s.silenceFraction < 1))
    throw new MyoTraceError('DETECT_BAD_SETTING', 'silenceFraction must lie between 0 and 1', {
      field: 'silenceFraction',
    });
  if (!(s.minDurationMs > 0 && s.maxDurationMs > s.minDurationMs))
    throw new MyoTraceError('DETECT_BAD_SETTING', 'silent-period duration limits are inconsistent', {
      field: 'minDurationMs',
    });
  const warnings = checkEmgSampleRate(sampleRateHz, label ?? 'EMG');
  const fs = sampleRateHz;
  const n = samplesUv.length;
  const { rectified, design } = highpassRectify(samplesUv, fs, s.highpassHz, s.highpassOrder);
  let w = Math.max(1, Math.round((s.smoothMs * fs) / 1000));
  if (w % 2 === 0) w += 1;
  const env = centredMovingMean(rectified, w);
  const tonic = blockPercentileBaseline(env, (s.tonicBlockMs * fs) / 1000, s.tonicWindowSec * fs, s.tonicPercentile);

  let tonicSamples = 0;
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    const t = tonic[i];
    if (t >= s.minTonicUv) tonicSamples++;
    const silent = t >= s.minTonicUv && env[i] < t * s.silenceFraction;
    if (silent && start < 0) start = i;
    else if (!silent && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  if (start >= 0) runs.push([start, n]);
  const gap = Math.round((s.mergeGapMs * fs) / 1000);
  const merged: [number, number][] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && r[0] - last[1] < gap) last[1] = r[1];
    else merged.push([r[0], r[1]]);
  }
  const flank = Math.round((s.flankMs * fs) / 1000);
  const pad = Math.round(0.25 * fs);
  const out: SilentPeriod[] = [];
  for (const [a, b] of merged) {
    if (a - flank < 0 || b + flank > n) continue;
    const T = tonic[Math.floor((a + b) / 2)];
    let inside = 0;
    for (let i = a; i < b; i++) inside += env[i];
    const floor = inside / (b - a);
    let before = 0;
    let after = 0;
    for (let i = a - flank; i < a; i++) before += env[i];
    for (let i = b; i < b + flank; i++) after += env[i];
    if (before / flank < T * s.flankFraction || after / flank < T * s.flankFraction) continue;
    // undo the ramp of the moving mean: the threshold sits at fraction g between floor and tonic
    const g = T > floor ? Math.min(1, Math.max(0, (T * s.silenceFraction - floor) / (T - floor))) : 0.5;
    const shift = Math.round(w * (0.5 - g));
    // refine each edge by a maximum-likelihood change point of the EMG variance near it
    const reach = Math.round(0.02 * fs);
    // one-way filters: the anti-causal high-pass cannot ring into the silence after activity
    // stops, the causal one cannot ring into it before activity resumes
    const lo = Math.max(0, a - pad);
    const hi = Math.min(n, b + pad);
    const local = new Float64Array(hi - lo);
    for (let i = lo; i < hi; i++) local[i - lo] = samplesUv[i];
    const anti = oneWay(design, local, true);
    const causal = oneWay(design, local, false);
    const on = lo + varianceChangePoint(anti, a - shift - reach - lo, a - shift + reach - lo);
    const off = lo + varianceChangePoint(causal, b + shift - reach - lo, b + shift + reach - lo);
    const durationMs = ((off - on) * 1000) / fs;
    if (durationMs < s.minDurationMs || durationMs > s.maxDurationMs) continue;
    out.push({
      onsetSec: on / fs,
      offsetSec: off / fs,
      durationMs,
      tonicUv: T,
      depth: T > 0 ? floor / T : 0,
      durationClass: classifySilentPeriod(durationMs),
    });
  }
  const counts: Record<SilentPeriodClass, number> = { short: 0, intermediate: 0, long: 0 };
  for (const p of out) counts[p.durationClass]++;
  const tonicSec = tonicSamples / fs;
  if (tonicSec < 10)
    warnings.push({
      code: 'DETECT_NO_TONIC',
      message: `only ${tonicSec.toFixed(1)} s of sustained tonic EMG: silent periods can only be seen during muscle contraction`,
    });
  const sorted = out.map((p) => p.durationMs).sort((x, y) => x - y);
  const med =
    sorted.length === 0
      ? null
      : sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return {
    label,
    sampleRateHz: fs,
    durationSec: n / fs,
    silentPeriods: out,
    counts,
    ratePerMin: tonicSec > 0 ? out.length / (tonicSec / 60) : 0,
    tonicSec,
    medianDurationMs: med,
    settings: s,
    warnings,
  };
}
