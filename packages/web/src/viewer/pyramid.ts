// Min/max pyramid of a signal for drawing a whole night at any zoom: level k holds, for each bucket of
// BASE·FACTOR^k samples, the minimum and maximum. Built incrementally from chunks as the file is read, so the
// overview fills in while the person already looks at the first screen. Per-pixel-column min/max is then taken
// from the coarsest level whose bucket is not wider than a column (or from raw samples when zoomed in).

export const PYRAMID_BASE = 32;
export const PYRAMID_FACTOR = 8;
export const PYRAMID_LEVELS = 3;

export interface PyramidLevel { bucket: number; min: Float32Array; max: Float32Array }
export interface Pyramid {
  sampleCount: number;
  /** Samples 0..filled-1 have been folded in. */
  filled: number;
  levels: PyramidLevel[];
}

export function createPyramid(sampleCount: number): Pyramid {
  const levels: PyramidLevel[] = [];
  let bucket = PYRAMID_BASE;
  for (let k = 0; k < PYRAMID_LEVELS; k++) {
    const n = Math.ceil(sampleCount / bucket);
    const min = new Float32Array(n).fill(Number.POSITIVE_INFINITY);
    const max = new Float32Array(n).fill(Number.NEGATIVE_INFINITY);
    levels.push({ bucket, min, max });
    bucket *= PYRAMID_FACTOR;
  }
  return { sampleCount, filled: 0, levels };
}

/** Fold a chunk of samples starting at sample `offset` into every level (no allocation per sample). */
export function addChunk(p: Pyramid, offset: number, x: ArrayLike<number>): void {
  const l0 = p.levels[0];
  const n = Math.min(x.length, p.sampleCount - offset);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== v) continue; // NaN (gap): leave the bucket empty
    const b = ((offset + i) / l0.bucket) | 0;
    if (v < l0.min[b]) l0.min[b] = v;
    if (v > l0.max[b]) l0.max[b] = v;
  }
  recomputeUpper(p, Math.floor(offset / l0.bucket), Math.floor((offset + Math.max(0, n - 1)) / l0.bucket));
  p.filled = Math.max(p.filled, offset + n);
}

/** Per-bucket level-0 minima and maxima computed elsewhere (a worker) for buckets from `firstBucket`. */
export function addBuckets(p: Pyramid, firstBucket: number, mins: ArrayLike<number>, maxs: ArrayLike<number>): void {
  const l0 = p.levels[0];
  const n = Math.min(mins.length, l0.min.length - firstBucket);
  for (let i = 0; i < n; i++) {
    l0.min[firstBucket + i] = mins[i];
    l0.max[firstBucket + i] = maxs[i];
  }
  if (n <= 0) return;
  recomputeUpper(p, firstBucket, firstBucket + n - 1);
  p.filled = Math.max(p.filled, Math.min(p.sampleCount, (firstBucket + n) * l0.bucket));
}

/** Level-0 min/max of a chunk that starts on a bucket boundary (used by the worker). */
export function bucketsOf(x: ArrayLike<number>, bucket = PYRAMID_BASE): { mins: Float32Array; maxs: Float32Array } {
  const n = Math.ceil(x.length / bucket);
  const mins = new Float32Array(n).fill(Number.POSITIVE_INFINITY);
  const maxs = new Float32Array(n).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    const b = (i / bucket) | 0;
    if (v < mins[b]) mins[b] = v;
    if (v > maxs[b]) maxs[b] = v;
  }
  return { mins, maxs };
}

function recomputeUpper(p: Pyramid, firstL0: number, lastL0: number): void {
  let first = firstL0;
  let last = lastL0;
  for (let k = 1; k < p.levels.length; k++) {
    const lo = p.levels[k - 1];
    const hi = p.levels[k];
    first = Math.floor(first / PYRAMID_FACTOR);
    last = Math.floor(last / PYRAMID_FACTOR);
    for (let b = first; b <= last && b < hi.min.length; b++) {
      let mn = Number.POSITIVE_INFINITY;
      let mx = Number.NEGATIVE_INFINITY;
      const from = b * PYRAMID_FACTOR;
      const to = Math.min(lo.min.length, from + PYRAMID_FACTOR);
      for (let j = from; j < to; j++) {
        if (lo.min[j] < mn) mn = lo.min[j];
        if (lo.max[j] > mx) mx = lo.max[j];
      }
      hi.min[b] = mn;
      hi.max[b] = mx;
    }
  }
}

/**
 * Per-pixel-column min/max of samples [fromSample, toSample) into outMin/outMax (length = columns).
 * Uses `raw` (samples starting at raw.start) when it covers the range and columns are narrower than a bucket;
 * otherwise the pyramid. Columns without data get NaN.
 */
export function columnsMinMax(
  p: Pyramid, raw: { start: number; data: Float32Array } | null,
  fromSample: number, toSample: number, outMin: Float32Array, outMax: Float32Array,
): void {
  const cols = outMin.length;
  const spp = (toSample - fromSample) / cols;
  const useRaw = raw !== null && spp < PYRAMID_BASE * 2 && fromSample >= raw.start - 1 && toSample <= raw.start + raw.data.length + 1;
  let level: PyramidLevel | null = null;
  if (!useRaw) {
    level = p.levels[0];
    // A column spans at least 4 buckets of the chosen level, so edge buckets add at most a quarter column.
    for (const l of p.levels) if (l.bucket * 4 <= spp) level = l;
  }
  for (let c = 0; c < cols; c++) {
    const a = fromSample + c * spp;
    const b = a + spp;
    let mn = Number.POSITIVE_INFINITY;
    let mx = Number.NEGATIVE_INFINITY;
    if (useRaw && raw) {
      // Include the next sample so that lines connect across columns when zoomed far in.
      const i0 = Math.max(0, Math.floor(a) - raw.start);
      const i1 = Math.min(raw.data.length - 1, Math.ceil(b) - raw.start);
      for (let i = i0; i <= i1; i++) {
        const v = raw.data[i];
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
    } else if (level) {
      const j0 = Math.max(0, Math.floor(a / level.bucket));
      const j1 = Math.min(level.min.length - 1, Math.max(j0, Math.ceil(b / level.bucket) - 1));
      for (let j = j0; j <= j1; j++) {
        if (level.min[j] < mn) mn = level.min[j];
        if (level.max[j] > mx) mx = level.max[j];
      }
    }
    if (mn > mx) { outMin[c] = Number.NaN; outMax[c] = Number.NaN; }
    else { outMin[c] = mn; outMax[c] = mx; }
  }
}
