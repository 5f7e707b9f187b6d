import { MyoTraceError } from '@myotrace/errors';
import type { MovingWindowOptions } from '../types.js';
import { checkWindowArgs, windowSpan } from './bounds.js';

/**
 * Sliding order statistics with two indexed heaps: a max-heap holding the k + 1 smallest
 * values of the window and a min-heap holding the rest, where k = floor(p/100 · (m − 1)) for a
 * window of m samples. Each step removes one sample by its ring slot and inserts one, then
 * moves heap tops to restore the split: O(log w) per sample, O(n log w) in all, O(w) memory.
 * Interpolation between the k-th and (k+1)-th smallest values is numpy's default ('linear').
 */
class SlidingQuantile {
  private readonly values: Float64Array;
  private readonly lo: Int32Array; // max-heap of slots
  private readonly hi: Int32Array; // min-heap of slots
  private readonly pos: Int32Array; // slot → index within its heap
  private readonly inLo: Uint8Array; // slot → 1 if in the lower heap
  private nLo = 0;
  private nHi = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
    this.lo = new Int32Array(capacity);
    this.hi = new Int32Array(capacity);
    this.pos = new Int32Array(capacity);
    this.inLo = new Uint8Array(capacity);
  }

  get size(): number {
    return this.nLo + this.nHi;
  }

  insert(slot: number, v: number): void {
    this.values[slot] = v;
    if (this.nLo > 0 && v <= this.values[this.lo[0]]) {
      this.inLo[slot] = 1;
      this.lo[this.nLo] = slot;
      this.pos[slot] = this.nLo++;
      this.up(this.lo, this.pos[slot], true);
    } else {
      this.inLo[slot] = 0;
      this.hi[this.nHi] = slot;
      this.pos[slot] = this.nHi++;
      this.up(this.hi, this.pos[slot], false);
    }
  }

  remove(slot: number): void {
    const isLo = this.inLo[slot] === 1;
    const heap = isLo ? this.lo : this.hi;
    const i = this.pos[slot];
    const last = isLo ? --this.nLo : --this.nHi;
    if (i !== last) {
      const moved = heap[last];
      heap[i] = moved;
      this.pos[moved] = i;
      // The moved element may belong above or below its new place.
      this.up(heap, i, isLo);
      this.down(heap, this.pos[moved], isLo);
    }
  }

  /** Move tops between heaps until the lower heap holds exactly `target` values. */
  balance(target: number): void {
    while (this.nLo > target) {
      const s = this.lo[0];
      this.remove(s);
      this.inLo[s] = 0;
      this.hi[this.nHi] = s;
      this.pos[s] = this.nHi++;
      this.up(this.hi, this.pos[s], false);
    }
    while (this.nLo < target && this.nHi > 0) {
      const s = this.hi[0];
      this.remove(s);
      this.inLo[s] = 1;
      this.lo[this.nLo] = s;
      this.pos[s] = this.nLo++;
      this.up(this.lo, this.pos[s], true);
    }
  }

  topLo(): number {
    return this.values[this.lo[0]];
  }

  topHi(): number {
    return this.values[this.hi[0]];
  }

  // `max` selects max-heap order; heaps are compared through the shared values array.
  private before(a: number, b: number, max: boolean): boolean {
    return max ? this.values[a] > this.values[b] : this.values[a] < this.values[b];
  }

  private up(heap: Int32Array, i: number, max: boolean): void {
    const s = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(s, heap[parent], max)) break;
      heap[i] = heap[parent];
      this.pos[heap[i]] = i;
      i = parent;
    }
    heap[i] = s;
    this.pos[s] = i;
  }

  private down(heap: Int32Array, i: number, max: boolean): void {
    const n = max ? this.nLo : this.nHi;
    const s = heap[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.before(heap[child + 1], heap[child], max)) child++;
      if (!this.before(heap[child], s, max)) break;
      heap[i] = heap[child];
      this.pos[heap[i]] = i;
      i = child;
    }
    heap[i] = s;
    this.pos[s] = i;
  }
}

/** numpy's linear interpolation (_lerp), which is exact at both ends. */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/**
 * Moving percentile `p` (0–100, numpy 'linear' interpolation) over `w` samples,
 * centred by default and truncated at the ends. O(n log w). Inputs must not contain NaN.
 */
export function movingPercentile(x: ArrayLike<number>, w: number, p: number, opts?: MovingWindowOptions): Float64Array {
  checkWindowArgs(x, w);
  if (typeof p !== 'number' || !(p >= 0 && p <= 100)) {
    throw new MyoTraceError('DSP_INVALID_PERCENTILE', `Percentile must be between 0 and 100, got ${String(p)}.`, {
      field: 'p',
      hint: 'Use 50 for the median.',
    });
  }
  const { left, right } = windowSpan(w, opts);
  const n = x.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const cap = Math.min(w, n);
  const q = new SlidingQuantile(cap);
  const frac = p / 100;
  for (let j = 0; j < Math.min(right, n); j++) q.insert(j % cap, x[j]);
  for (let i = 0; i < n; i++) {
    const drop = i - left - 1;
    if (drop >= 0) q.remove(drop % cap); // before the insert: it may free the same slot
    const add = i + right;
    if (add < n) q.insert(add % cap, x[add]);
    const virtual = frac * (q.size - 1);
    const k = Math.floor(virtual);
    q.balance(k + 1);
    const t = virtual - k;
    out[i] = t > 0 ? lerp(q.topLo(), q.topHi(), t) : q.topLo();
  }
  return out;
}

/** Moving median over `w` samples (centred by default; truncated at the ends). O(n log w). */
export function movingMedian(x: ArrayLike<number>, w: number, opts?: MovingWindowOptions): Float64Array {
  return movingPercentile(x, w, 50, opts);
}
