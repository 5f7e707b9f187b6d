import type { MovingWindowOptions } from '../types.js';
import { checkWindowArgs, windowSpan } from './bounds.js';

/**
 * Sliding mean of x (or of x², for RMS) over [i − left, i + right] ∩ [0, n), divided by the number
 * of samples present. O(n): a running sum with Neumaier compensation, so that adding and removing
 * samples over millions of steps does not drift (an 8-hour night at 500 Hz is 14.4 M steps, and
 * EMG can ride on a large DC offset).
 */
function movingAverage(x: ArrayLike<number>, w: number, square: boolean, opts?: MovingWindowOptions): Float64Array {
  checkWindowArgs(x, w);
  const { left, right } = windowSpan(w, opts);
  const n = x.length;
  const out = new Float64Array(n);
  let sum = 0;
  let comp = 0;
  // Prime the window with x[0 .. right − 1]; each step then adds x[i + right] and drops x[i − left − 1].
  const primed = Math.min(right, n);
  for (let j = 0; j < primed; j++) {
    const v = square ? x[j] * x[j] : x[j];
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  for (let i = 0; i < n; i++) {
    const add = i + right;
    if (add < n) {
      const v = square ? x[add] * x[add] : x[add];
      const t = sum + v;
      comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
    }
    const drop = i - left - 1;
    if (drop >= 0) {
      const v = -(square ? x[drop] * x[drop] : x[drop]);
      const t = sum + v;
      comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
    }
    const count = Math.min(add, n - 1) - Math.max(drop, -1);
    const mean = (sum + comp) / count;
    // Rounding can leave a tiny negative mean of squares; NaN still propagates.
    out[i] = square ? Math.sqrt(Math.max(mean, 0)) : mean;
  }
  return out;
}

/** Moving mean over a window of `w` samples (centred by default; truncated at the ends). */
export function movingMean(x: ArrayLike<number>, w: number, opts?: MovingWindowOptions): Float64Array {
  return movingAverage(x, w, false, opts);
}

/** Moving root-mean-square over a window of `w` samples (centred by default; truncated at the ends). */
export function movingRms(x: ArrayLike<number>, w: number, opts?: MovingWindowOptions): Float64Array {
  return movingAverage(x, w, true, opts);
}
