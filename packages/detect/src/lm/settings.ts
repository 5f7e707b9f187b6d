import { MyoTraceError } from '@myotrace/errors';

/**
 * Every choice the leg-movement detector makes, as plain JSON. The resolved object is copied
 * into each result so a score can always be explained and reproduced. Amplitudes are µV.
 */
export interface LegMovementSettings {
  /** Zero-phase Butterworth band-pass [low, high] Hz. The high edge is dropped (high-pass only) when it is not below 0.45 × the sample rate. */
  bandPassHz: [number, number];
  /** Butterworth prototype order (a band-pass has twice as many poles; zero-phase filtering doubles the attenuation). */
  filterOrder: number;
  /** Mains hum: 'auto' notches 50 and/or 60 Hz (and in-band harmonics) only where hum is measured; 'off' never notches. */
  mains: {
    mode: 'auto' | 'off' | '50' | '60';
    /** Notch quality factor (bandwidth = f0 / q). */
    q: number;
    /** A frequency counts as hum in a segment when its power exceeds the median of nearby bins by this much. */
    detectRatioDb: number;
    /** ... and its amplitude (sinusoid peak) is at least this. */
    minAmplitudeUv: number;
    /** ... in at least this fraction of the measured segments. */
    minSegmentFraction: number;
  };
  /** ECG artefact: find QRS-like spikes that recur at a heart rhythm and subtract their median template. */
  ecg: {
    mode: 'auto' | 'off';
    /** Spike threshold, in robust noise SDs of the band-passed signal. */
    thresholdSd: number;
    /** Heart-rate range that counts as a rhythm. */
    minRrSec: number;
    maxRrSec: number;
    /** Fraction of spike intervals within ±20 % of the median interval needed to call it ECG. */
    minRegularFraction: number;
    /** Template window around the aligned peak. */
    templateBeforeSec: number;
    templateAfterSec: number;
  };
  /** Width of the centred moving mean applied to the rectified signal (the amplitude trace). */
  smoothingSec: number;
  baseline: {
    method: 'block-median-running-percentile';
    /** Length of the blocks whose median amplitude is taken. */
    blockSec: number;
    /** Centred window over which the low percentile of block medians is the baseline. */
    windowSec: number;
    /** Percentile (0–100) of the block medians within the window. */
    percentile: number;
  };
  /** LM onset: amplitude rises this far above the baseline. */
  onsetAboveBaselineUv: number;
  /** LM offset: start of a period in which the amplitude stays at most this far above the baseline ... */
  offsetAboveBaselineUv: number;
  /** ... lasting at least this long. */
  offsetQuietSec: number;
  /** LMs shorter than this are discarded. */
  minDurationSec: number;
  /** WASM computer-scoring morphology rule: some window of this length has a median amplitude at least this far above baseline. */
  morphology: { enabled: boolean; windowSec: number; medianAboveBaselineUv: number };
  /** Where the baseline itself exceeds this (electrode off, heavy artefact), no LM is detected and a warning is given. */
  maxBaselineUv: number;
  /** Length of the blocks the filters run over (with overlap); bounds memory. */
  processingBlockSec: number;
}

export const defaultLegMovementSettings: LegMovementSettings = {
  bandPassHz: [10, 100],
  filterOrder: 2,
  mains: { mode: 'auto', q: 30, detectRatioDb: 10, minAmplitudeUv: 0.5, minSegmentFraction: 0.25 },
  ecg: {
    mode: 'auto',
    thresholdSd: 4,
    minRrSec: 0.33,
    maxRrSec: 2,
    minRegularFraction: 0.5,
    templateBeforeSec: 0.08,
    templateAfterSec: 0.12,
  },
  smoothingSec: 0.1,
  baseline: { method: 'block-median-running-percentile', blockSec: 1, windowSec: 60, percentile: 20 },
  onsetAboveBaselineUv: 8,
  offsetAboveBaselineUv: 2,
  offsetQuietSec: 0.5,
  minDurationSec: 0.5,
  morphology: { enabled: true, windowSec: 0.5, medianAboveBaselineUv: 2 },
  maxBaselineUv: 20,
  processingBlockSec: 60,
};

/** Deep partial of the settings, as accepted from callers and the CLI. */
export type LegMovementSettingsInput = {
  [K in keyof LegMovementSettings]?: LegMovementSettings[K] extends unknown[]
    ? LegMovementSettings[K]
    : LegMovementSettings[K] extends object
      ? Partial<LegMovementSettings[K]>
      : LegMovementSettings[K];
};

function bad(field: string, message: string): MyoTraceError {
  return new MyoTraceError('DETECT_INVALID_SETTINGS', `Leg-movement setting ${field}: ${message}`, { field });
}

function positive(v: number, field: string): void {
  if (!(typeof v === 'number' && Number.isFinite(v) && v > 0))
    throw bad(field, `must be a positive number, got ${String(v)}`);
}

/** Defaults merged with `input`, validated; a fresh object the caller may keep. */
export function resolveLegMovementSettings(input: LegMovementSettingsInput = {}): LegMovementSettings {
  const d = defaultLegMovementSettings;
  const s: LegMovementSettings = {
    bandPassHz: [...(input.bandPassHz ?? d.bandPassHz)] as [number, number],
    filterOrder: input.filterOrder ?? d.filterOrder,
    mains: { ...d.mains, ...input.mains },
    ecg: { ...d.ecg, ...input.ecg },
    smoothingSec: input.smoothingSec ?? d.smoothingSec,
    baseline: { ...d.baseline, ...input.baseline },
    onsetAboveBaselineUv: input.onsetAboveBaselineUv ?? d.onsetAboveBaselineUv,
    offsetAboveBaselineUv: input.offsetAboveBaselineUv ?? d.offsetAboveBaselineUv,
    offsetQuietSec: input.offsetQuietSec ?? d.offsetQuietSec,
    minDurationSec: input.minDurationSec ?? d.minDurationSec,
    morphology: { ...d.morphology, ...input.morphology },
    maxBaselineUv: input.maxBaselineUv ?? d.maxBaselineUv,
    processingBlockSec: input.processingBlockSec ?? d.processingBlockSec,
  };
  const [lo, hi] = s.bandPassHz;
  positive(lo, 'bandPassHz[0]');
  positive(hi, 'bandPassHz[1]');
  if (!(lo < hi)) throw bad('bandPassHz', 'low edge must be below the high edge');
  if (!Number.isInteger(s.filterOrder) || s.filterOrder < 1 || s.filterOrder > 8)
    throw bad('filterOrder', 'must be an integer 1..8');
  if (!['auto', 'off', '50', '60'].includes(s.mains.mode))
    throw bad('mains.mode', "must be 'auto', 'off', '50' or '60'");
  positive(s.mains.q, 'mains.q');
  if (!['auto', 'off'].includes(s.ecg.mode)) throw bad('ecg.mode', "must be 'auto' or 'off'");
  positive(s.ecg.thresholdSd, 'ecg.thresholdSd');
  positive(s.ecg.minRrSec, 'ecg.minRrSec');
  if (!(s.ecg.maxRrSec > s.ecg.minRrSec)) throw bad('ecg.maxRrSec', 'must exceed ecg.minRrSec');
  positive(s.ecg.templateBeforeSec, 'ecg.templateBeforeSec');
  positive(s.ecg.templateAfterSec, 'ecg.templateAfterSec');
  positive(s.smoothingSec, 'smoothingSec');
  positive(s.baseline.blockSec, 'baseline.blockSec');
  positive(s.baseline.windowSec, 'baseline.windowSec');
  if (!(s.baseline.percentile >= 0 && s.baseline.percentile <= 100))
    throw bad('baseline.percentile', 'must lie in 0..100');
  positive(s.onsetAboveBaselineUv, 'onsetAboveBaselineUv');
  if (!(s.offsetAboveBaselineUv >= 0)) throw bad('offsetAboveBaselineUv', 'must be ≥ 0');
  if (!(s.offsetAboveBaselineUv < s.onsetAboveBaselineUv))
    throw bad('offsetAboveBaselineUv', 'must be below onsetAboveBaselineUv');
  positive(s.offsetQuietSec, 'offsetQuietSec');
  if (!(s.minDurationSec >= 0)) throw bad('minDurationSec', 'must be ≥ 0');
  positive(s.morphology.windowSec, 'morphology.windowSec');
  positive(s.maxBaselineUv, 'maxBaselineUv');
  if (!(s.processingBlockSec >= 5)) throw bad('processingBlockSec', 'must be at least 5 s');
  return s;
}
