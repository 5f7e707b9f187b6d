/**
 * EMG conditioning shared by the burst and silent-period detectors: high-pass, full-wave
 * rectification, a centred moving mean (the "linear envelope"), and a slow baseline that follows
 * tonic activity (a moving percentile computed on block means, so an hour of 2 kHz EMG costs
 * milliseconds instead of a per-sample sort).
 */
import { type ButterDesign, butterworth, zeroPhase } from './dspAdapter.js';

export interface Conditioned {
  /** Rectified high-passed EMG, µV. */
  rectified: Float32Array;
  design: ButterDesign;
}

export function highpassRectify(
  samplesUv: ArrayLike<number>,
  sampleRateHz: number,
  highpassHz: number,
  order: number,
): Conditioned {
  const design = butterworth(order, highpassHz, 'highpass', sampleRateHz);
  const hp = zeroPhase(design, samplesUv);
  const rectified = new Float32Array(hp.length);
  for (let i = 0; i < hp.length; i++) rectified[i] = Math.abs(hp[i]);
  return { rectified, design };
}

/** Centred moving mean with an odd window of `w` samples (shrinks at the edges). */
export function centredMovingMean(x: ArrayLike<number>, w: number): Float32Array {
  const n = x.length;
  const half = Math.max(0, Math.floor(w / 2));
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + x[i];
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(i - half, 0);
    const hi = Math.min(i + half + 1, n);
    out[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
  }
  return out;
}

/**
 * Moving percentile of `x` over `windowSamples`, evaluated on block means of `blockSamples`
 * and linearly interpolated back to every sample.
 */
export function blockPercentileBaseline(
  x: ArrayLike<number>,
  blockSamples: number,
  windowSamples: number,
  percentile: number,
): Float32Array {
  const n = x.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  const b = Math.max(1, Math.round(blockSamples));
  const nb = Math.ceil(n / b);
  const means = new Float64Array(nb);
  for (let k = 0; k < nb; k++) {
    const lo = k * b;
    const hi = Math.min(n, lo + b);
    let s = 0;
    for (let i = lo; i < hi; i++) s += x[i];
    means[k] = s / (hi - lo);
  }
  const halfBlocks = Math.max(1, Math.floor(windowSamples / b / 2));
  const level = new Float64Array(nb);
  const scratch = new Float64Array(2 * halfBlocks + 1);
  for (let k = 0; k < nb; k++) {
    const lo = Math.max(0, k - halfBlocks);
    const hi = Math.min(nb, k + halfBlocks + 1);
    const m = hi - lo;
    for (let i = 0; i < m; i++) scratch[i] = means[lo + i];
    const view = scratch.subarray(0, m).sort();
    const h = (m - 1) * (percentile / 100);
    const f = Math.floor(h);
    level[k] = view[f] + (h - f) * (view[Math.min(m - 1, f + 1)] - view[f]);
  }
  // interpolate between block centres
  for (let i = 0; i < n; i++) {
    const pos = (i - (b - 1) / 2) / b;
    if (pos <= 0) out[i] = level[0];
    else if (pos >= nb - 1) out[i] = level[nb - 1];
    else {
      const k = Math.floor(pos);
      const t = pos - k;
      out[i] = level[k] + t * (level[k + 1] - level[k]);
    }
  }
  return out;
}
