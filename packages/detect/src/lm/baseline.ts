import { percentileOf, selectInPlace } from './select.js';

/**
 * Resting-baseline estimate of the amplitude trace, in two O(n) stages:
 *
 *  1. the median amplitude of each `blockSec` block (a resting block's median is its noise
 *     floor; a block half-filled by a burst is still summarised by its quieter half);
 *  2. the `percentile`-th percentile of those block medians over a centred `windowSec` window.
 *
 * A low percentile over a long window follows slow drift (electrode impedance, sweat, changes in
 * resting tone) and the level of background noise, while movements — even dense PLM series or a
 * long movement occupying most of a minute — stay above it. Values between block centres are
 * interpolated linearly so the baseline has no steps.
 */
export class RunningBaseline {
  readonly blockSamples: number;
  readonly values: Float32Array;

  constructor(amplitude: Float32Array, sampleRateHz: number, blockSec: number, windowSec: number, percentile: number) {
    const n = amplitude.length;
    const bs = Math.max(1, Math.round(blockSec * sampleRateHz));
    this.blockSamples = bs;
    const nb = Math.max(1, Math.ceil(n / bs));
    const medians = new Float32Array(nb);
    // the amplitude trace is already smoothed, so every 4th sample describes a block as well
    // as all of them do, at a quarter of the cost
    const stride = bs >= 64 ? 4 : 1;
    const scratch = new Float64Array(Math.ceil(bs / stride) + 1);
    for (let k = 0; k < nb; k++) {
      const from = k * bs;
      const to = Math.min(n, from + bs);
      let m = 0;
      for (let i = from; i < to; i += stride) scratch[m++] = amplitude[i];
      medians[k] = m > 0 ? selectInPlace(scratch, 0, m, m >> 1) : 0;
    }
    const half = Math.max(0, Math.floor(windowSec / blockSec / 2));
    const values = new Float32Array(nb);
    const wscratch = new Float64Array(2 * half + 1);
    for (let k = 0; k < nb; k++) {
      const from = Math.max(0, k - half);
      const to = Math.min(nb, k + half + 1);
      values[k] = percentileOf(medians, from, to, percentile, wscratch);
    }
    this.values = values;
  }

  /**
   * For the stretch starting at sample i over which the interpolation is one straight line:
   * [baseline at i, change per sample, first sample after the stretch].
   */
  segment(i: number): [number, number, number] {
    const bs = this.blockSamples;
    const v = this.values;
    const last = v.length - 1;
    // block centres sit at k·bs + (bs − 1)/2; between centres k and k+1 the line is fixed
    const t = (i + 0.5) / bs - 0.5;
    if (t < 0 || last === 0) {
      const stop = last === 0 ? Number.MAX_SAFE_INTEGER : Math.ceil((bs - 1) / 2 + 1e-9);
      return [v[0], 0, Math.max(stop, i + 1)];
    }
    const k = Math.floor(t);
    if (k >= last) return [v[last], 0, Number.MAX_SAFE_INTEGER];
    const slope = (v[k + 1] - v[k]) / bs;
    const stop = Math.max(i + 1, Math.ceil((k + 1) * bs + (bs - 1) / 2 - 1e-9));
    return [this.at(i), slope, stop];
  }

  /** Baseline at sample i (µV). */
  at(i: number): number {
    const v = this.values;
    const t = (i + 0.5) / this.blockSamples - 0.5;
    if (t <= 0) return v[0];
    const k = Math.floor(t);
    if (k >= v.length - 1) return v[v.length - 1];
    const f = t - k;
    return v[k] + f * (v[k + 1] - v[k]);
  }
}
