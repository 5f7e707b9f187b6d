import type { MovingWindowOptions } from '../types.js';
import { checkWindowArgs, windowSpan } from './bounds.js';

/**
 * Sliding maximum (sign = 1) or minimum (sign = −1) with a monotonic deque of indices held in a
 * ring buffer: each sample enters and leaves once, so O(n) whatever the window.
 */
function movingExtreme(x: ArrayLike<number>, w: number, sign: 1 | -1, opts?: MovingWindowOptions): Float64Array {
  checkWindowArgs(x, w);
  const { left, right } = windowSpan(w, opts);
  const n = x.length;
  const out = new Float64Array(n);
  const cap = Math.min(w, n) + 1;
  const dq = new Int32Array(cap);
  let head = 0; // ring position of the front (the current extreme)
  let size = 0;
  let next = 0; // next index to enter
  for (let i = 0; i < n; i++) {
    const wantHi = Math.min(n, i + right + 1);
    while (next < wantHi) {
      const v = sign * x[next];
      // Drop from the back every index that can no longer be the extreme.
      while (size > 0) {
        let back = head + size - 1;
        if (back >= cap) back -= cap;
        if (sign * x[dq[back]] > v) break;
        size--;
      }
      let slot = head + size;
      if (slot >= cap) slot -= cap;
      dq[slot] = next;
      size++;
      next++;
    }
    const lo = i - left;
    while (dq[head] < lo) {
      head = head + 1 === cap ? 0 : head + 1;
      size--;
    }
    out[i] = x[dq[head]];
  }
  return out;
}

/** Moving maximum over `w` samples (centred by default; truncated at the ends). */
export function movingMax(x: ArrayLike<number>, w: number, opts?: MovingWindowOptions): Float64Array {
  return movingExtreme(x, w, 1, opts);
}

/** Moving minimum over `w` samples (centred by default; truncated at the ends). */
export function movingMin(x: ArrayLike<number>, w: number, opts?: MovingWindowOptions): Float64Array {
  return movingExtreme(x, w, -1, opts);
}
