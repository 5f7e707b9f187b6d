import { butter, notch, type SosFilterDesign } from '@myotrace/dsp';
import { type CodedWarning, MyoTraceError } from '@myotrace/errors';
import { RunningBaseline } from './baseline.js';
import { BlockFilter } from './blockFilter.js';
import { EcgScratch, suppressEcgInPlace } from './ecg.js';
import { type MainsMeasurement, measureMains } from './hum.js';
import { type LegMovementSettings, type LegMovementSettingsInput, resolveLegMovementSettings } from './settings.js';

/** One detected leg movement on one leg. */
export interface DetectedLegMovement {
  onsetSec: number;
  durationSec: number;
  /** Highest amplitude above the baseline during the movement (µV). */
  peakAboveBaselineUv: number;
  /** Mean amplitude above the baseline during the movement (µV). */
  meanAboveBaselineUv: number;
  /** Baseline at the onset (µV). */
  baselineUv: number;
}

/** What the pre-processing did, as plain data (recorded beside the settings). */
export interface LegPreprocessingRecord {
  sampleRateHz: number;
  bandPass: SosFilterDesign;
  notches: SosFilterDesign[];
  mains: MainsMeasurement | null;
  ecg: {
    mode: 'auto' | 'off';
    /** Fraction of processing blocks in which an ECG rhythm was found and subtracted. */
    blockFraction: number;
    beatsSubtracted: number;
    medianRrSec: number | null;
    medianTemplatePeakUv: number | null;
  };
  /** Width of the moving mean in input samples. */
  smoothingSamples: number;
  /** Rate of the amplitude trace the rules run on (input rate / D, about 100 Hz). */
  envelopeRateHz: number;
}

export interface LegMovementDetection {
  events: DetectedLegMovement[];
  settings: LegMovementSettings;
  preprocessing: LegPreprocessingRecord;
  stats: {
    /** Threshold crossings shorter than the minimum duration. */
    rejectedShort: number;
    /** Crossings failing the morphology rule. */
    rejectedMorphology: number;
    /** Seconds in which the baseline exceeded maxBaselineUv (no detection there). */
    excludedSec: number;
    /** Median of the baseline over the recording (µV). */
    medianBaselineUv: number;
  };
  warnings: CodedWarning[];
}

const MIN_RATE_HZ = 100;

/**
 * Detects leg movements in one leg's EMG (samples in µV) by the WASM/AASM amplitude rules:
 * onset where the amplitude rises `onsetAboveBaselineUv` over the resting baseline, offset at the
 * start of a period of at least `offsetQuietSec` within `offsetAboveBaselineUv` of it, the WASM
 * computer-scoring morphology rule and a minimum duration. See docs/detection.md for the method.
 * The input is not modified.
 */
export function detectLegMovements(
  samplesUv: Float32Array,
  sampleRateHz: number,
  settingsInput: LegMovementSettingsInput = {},
): LegMovementDetection {
  const settings = resolveLegMovementSettings(settingsInput);
  const fs = sampleRateHz;
  const warnings: CodedWarning[] = [];
  if (!(Number.isFinite(fs) && fs >= MIN_RATE_HZ)) {
    throw new MyoTraceError(
      'DETECT_SAMPLE_RATE_TOO_LOW',
      `Leg EMG sampled at ${fs} Hz; at least ${MIN_RATE_HZ} Hz is needed (200 Hz or more recommended).`,
      {
        hint: 'Leg-movement scoring needs the 10–100 Hz EMG band; use a recording sampled at 200 Hz or more.',
      },
    );
  }
  if (fs < 200) {
    warnings.push({
      code: 'DETECT_LOW_SAMPLE_RATE',
      message: `Leg EMG sampled at ${fs} Hz, below the 200 Hz the AASM recommends; the band-pass is limited to ${(0.45 * fs).toFixed(0)} Hz.`,
    });
  }
  const n = samplesUv.length;

  // -- filter designs ------------------------------------------------------------------------
  const [lo, hi] = settings.bandPassHz;
  const bandPass =
    hi < 0.45 * fs
      ? butter(settings.filterOrder, [lo, hi], 'bandpass', fs)
      : butter(settings.filterOrder, lo, 'highpass', fs);
  const topHz = hi < 0.45 * fs ? hi : 0.45 * fs;
  let mains: MainsMeasurement | null = null;
  const notchHz: number[] = [];
  if (settings.mains.mode === 'auto' && n >= 2 * fs) {
    mains = measureMains(samplesUv, fs, { ...settings.mains, maxHz: Math.min(0.45 * fs, topHz * 1.25) });
    const present = new Set(mains.lines.filter((l) => l.present).map((l) => l.frequencyHz));
    for (const f0 of [50, 60]) {
      if (!present.has(f0)) continue;
      notchHz.push(f0);
      // harmonics only with their fundamental, and only where the pass band still lets them through
      for (const h of [2, 3]) if (present.has(h * f0)) notchHz.push(h * f0);
    }
  } else if (settings.mains.mode === '50' || settings.mains.mode === '60') {
    notchHz.push(Number(settings.mains.mode));
  }
  const notches = notchHz.filter((f) => f < 0.49 * fs).map((f) => notch(f, settings.mains.q, fs));
  if (notches.length > 0) {
    warnings.push({
      code: 'DETECT_MAINS_NOTCHED',
      message: `Mains hum measured; notch filter applied at ${notches.map((d) => d.cutoffHz).join(', ')} Hz.`,
    });
  }

  // -- block-wise filtering, ECG suppression, rectification and smoothing ----------------------
  // The amplitude trace is a 0.1 s moving mean, so it is kept at ~100 Hz (every D-th sample):
  // rectified samples are summed in groups of D and the moving mean runs over groups. Onsets and
  // offsets are then resolved to D / fs (10 ms at 500 Hz, 7.8 ms at 256 Hz).
  const D = Math.max(1, Math.floor(fs / 100));
  const fe = fs / D;
  const ne = Math.ceil(n / D);
  const amplitude = new Float32Array(ne);
  const hw = Math.max(0, Math.round((settings.smoothingSec * fe - 1) / 2));
  const blockGroups = Math.max(1, Math.round(settings.processingBlockSec * fe));
  const block = blockGroups * D;
  // filter transients of a 10 Hz Butterworth die out within a fraction of a second; 1 s of
  // overlap on each side makes block processing indistinguishable from whole-signal filtering
  const margin = (Math.ceil(fe) + hw) * D;
  // the notches run in the same zero-phase cascade as the band-pass (one pass instead of two)
  const cascade: SosFilterDesign =
    notches.length === 0 ? bandPass : { ...bandPass, sos: [...bandPass.sos, ...notches.flatMap((d) => d.sos)] };
  const filter = new BlockFilter(cascade);
  const ecgScratch = new EcgScratch();
  const groups = new Float64Array(blockGroups + 2 * hw + 2);
  let ecgBlocks = 0;
  let blocks = 0;
  let beats = 0;
  let nonFinite = 0;
  const rrs: number[] = [];
  const templatePeaks: number[] = [];
  for (let s = 0; s < n; s += block) {
    const e = Math.min(n, s + block);
    const a = Math.max(0, s - margin);
    const b = Math.min(n, e + margin);
    const run = filter.run(samplesUv, a, b, s, e);
    const y = run.y;
    nonFinite += run.nonFinite;
    blocks++;
    if (settings.ecg.mode === 'auto') {
      const r = suppressEcgInPlace(y, fs, settings.ecg, ecgScratch);
      if (r.detected) {
        ecgBlocks++;
        beats += r.beats;
        if (r.rrSec !== null) rrs.push(r.rrSec);
        templatePeaks.push(r.templatePeakUv);
      }
    }
    // group sums of |y| for groups [s/D − hw, e/D + hw), clipped to the recording
    const g0 = Math.max(0, s / D - hw);
    const g1 = Math.min(ne, Math.ceil(e / D) + hw);
    {
      // one flat pass; a group is complete every D samples (the last may be short at the end)
      const end = Math.min(b, g1 * D) - a;
      let acc = 0;
      let c = 0;
      let g = 0;
      for (let i = g0 * D - a; i < end; i++) {
        acc += Math.abs(y[i]);
        if (++c === D) {
          groups[g++] = acc;
          acc = 0;
          c = 0;
        }
      }
      if (c > 0) groups[g] = acc;
    }
    // centred moving mean over 2·hw+1 groups (fewer at the recording's ends)
    const k0 = s / D;
    const k1 = Math.ceil(e / D);
    let lo = Math.max(g0, k0 - hw);
    let hi = Math.min(g1 - 1, k0 + hw);
    let sum = 0;
    let count = 0;
    for (let g = lo; g <= hi; g++) {
      sum += groups[g - g0];
      count += Math.min(n, (g + 1) * D) - g * D;
    }
    for (let k = k0; k < k1; k++) {
      if (k > k0) {
        const nhi = k + hw;
        const nlo = k - hw;
        if (nhi < g1) {
          hi = nhi;
          sum += groups[hi - g0];
          count += Math.min(n, (hi + 1) * D) - hi * D;
        }
        if (nlo > g0) {
          sum -= groups[lo - g0];
          count -= Math.min(n, (lo + 1) * D) - lo * D;
          lo = nlo;
        }
      }
      amplitude[k] = sum / count;
    }
  }
  if (nonFinite > 0)
    warnings.push({
      code: 'DETECT_NON_FINITE_SAMPLES',
      message: `${nonFinite} non-finite leg EMG samples were treated as 0.`,
    });

  // -- baseline and threshold rules (on the amplitude trace, at fe) ----------------------------
  const baseline = new RunningBaseline(
    amplitude,
    fe,
    settings.baseline.blockSec,
    settings.baseline.windowSec,
    settings.baseline.percentile,
  );
  const onUv = settings.onsetAboveBaselineUv;
  const offUv = settings.offsetAboveBaselineUv;
  const quietN = Math.max(1, Math.round(settings.offsetQuietSec * fe));
  const minN = Math.round(settings.minDurationSec * fe);
  const morphN = Math.max(1, Math.round(settings.morphology.windowSec * fe));
  const morphNeed = (morphN >> 1) + 1; // median ≥ T ⇔ more than half the window ≥ T
  // a trace sample k stands for the centre of its group
  const timeOf = (k: number): number => (k * D + (D - 1) / 2) / fs;
  const events: DetectedLegMovement[] = [];
  let rejectedShort = 0;
  let rejectedMorphology = 0;
  let excluded = 0;
  let active = false;
  let onset = 0;
  let quietStart = -1;

  const close = (from: number, to: number): void => {
    const len = to - from;
    if (len < minN || len <= 0) {
      rejectedShort++;
      return;
    }
    let peak = -Infinity;
    let total = 0;
    let count = 0; // samples in the current morphology window at or above baseline + T
    let passed = !settings.morphology.enabled;
    const mT = settings.morphology.medianAboveBaselineUv;
    for (let i = from; i < to; i++) {
      const above = amplitude[i] - baseline.at(i);
      if (above > peak) peak = above;
      total += above;
      if (!passed) {
        if (above >= mT) count++;
        const out = i - morphN;
        if (out >= from && amplitude[out] - baseline.at(out) >= mT) count--;
        if (i - from + 1 >= morphN && count >= morphNeed) passed = true;
      }
    }
    if (!passed) {
      rejectedMorphology++;
      return;
    }
    events.push({
      onsetSec: round6(timeOf(from)),
      durationSec: round6((len * D) / fs),
      peakAboveBaselineUv: round2(peak),
      meanAboveBaselineUv: round2(total / len),
      baselineUv: round2(baseline.at(from)),
    });
  };

  // walk the baseline block by block, interpolating incrementally (no per-sample division)
  for (let i = 0; i < ne; ) {
    const [b0, slope, segEnd] = baseline.segment(i);
    const stop = Math.min(ne, segEnd);
    let b = b0;
    for (; i < stop; i++, b += slope) {
      const v = amplitude[i];
      if (!active) {
        if (b > settings.maxBaselineUv) {
          excluded++;
          continue;
        }
        if (v >= b + onUv) {
          active = true;
          onset = i;
          quietStart = -1;
        }
      } else if (v <= b + offUv) {
        if (quietStart < 0) quietStart = i;
        if (i - quietStart + 1 >= quietN) {
          close(onset, quietStart);
          active = false;
        }
      } else {
        quietStart = -1;
      }
    }
  }
  if (active) {
    close(onset, quietStart >= 0 ? quietStart : ne);
    warnings.push({
      code: 'DETECT_LM_AT_END',
      message: 'A leg movement was still in progress at the end of the recording; it ends there.',
    });
  }
  const excludedSec = excluded / fe;
  if (excludedSec > 0) {
    warnings.push({
      code: 'DETECT_HIGH_BASELINE',
      message: `Resting leg EMG above ${settings.maxBaselineUv} µV for ${excludedSec.toFixed(0)} s (electrode problem or artefact); no leg movements were detected there.`,
    });
  }
  const sortedRr = [...rrs].sort((x, y) => x - y);
  const sortedTp = [...templatePeaks].sort((x, y) => x - y);
  const sortedBase = Float32Array.from(baseline.values).sort();
  return {
    events,
    settings,
    preprocessing: {
      sampleRateHz: fs,
      bandPass,
      notches,
      mains,
      ecg: {
        mode: settings.ecg.mode,
        blockFraction: blocks > 0 ? round2(ecgBlocks / blocks) : 0,
        beatsSubtracted: beats,
        medianRrSec: sortedRr.length ? round2(sortedRr[sortedRr.length >> 1]) : null,
        medianTemplatePeakUv: sortedTp.length ? round2(sortedTp[sortedTp.length >> 1]) : null,
      },
      smoothingSamples: (2 * hw + 1) * D,
      envelopeRateHz: fe,
    },
    stats: {
      rejectedShort,
      rejectedMorphology,
      excludedSec: round2(excludedSec),
      medianBaselineUv: sortedBase.length ? round2(sortedBase[sortedBase.length >> 1]) : 0,
    },
    warnings,
  };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
