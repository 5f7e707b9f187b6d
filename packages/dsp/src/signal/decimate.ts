import { MyoTraceError } from '@myotrace/errors';
import { assertArrayLike } from '../errors.js';
import type { MinMaxBuckets } from '../types.js';

/**
 * Min/max per bucket for drawing a long trace at screen resolution: bucket b covers samples
 * [floor(b·n/B), floor((b+1)·n/B)), so every sample lands in exactly one bucket and the drawn
 * outline keeps every peak. When B > n, empty buckets repeat the sample at their start.
 * An empty signal gives empty arrays.
 */
export function minMaxDecimate(x: ArrayLike<number>, buckets: number): MinMaxBuckets {
  assertArrayLike(x);
  if (!Number.isInteger(buckets) || buckets < 1) {
    throw new MyoTraceError('DSP_INVALID_ARGUMENT', `buckets must be a positive integer, got ${String(buckets)}.`, {
      field: 'buckets',
      hint: 'Use the plot width in device pixels.',
    });
  }
  const n = x.length;
  if (n === 0) return { min: new Float32Array(0), max: new Float32Array(0) };
  const min = new Float32Array(buckets);
  const max = new Float32Array(buckets);
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.max(start + 1, Math.floor(((b + 1) * n) / buckets));
    let lo = x[Math.min(start, n - 1)];
    let hi = lo;
    for (let i = start + 1; i < end && i < n; i++) {
      const v = x[i];
      if (v < lo) lo = v;
      else if (v > hi) hi = v;
    }
    min[b] = lo;
    max[b] = hi;
  }
  return { min, max };
}
