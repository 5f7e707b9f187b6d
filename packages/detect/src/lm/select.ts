/**
 * k-th smallest of a[from, to) by quickselect (Hoare partition, median-of-three pivot).
 * Reorders that part of `a`; callers pass scratch copies. Average O(length).
 */
export function selectInPlace(a: Float32Array | Float64Array, from: number, to: number, k: number): number {
  let lo = from;
  let hi = to - 1;
  const target = from + k;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // median of three to the middle
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target];
  }
  return a[target];
}

function swap(a: Float32Array | Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Percentile p (0–100) of a[from, to) by the nearest-rank-below rule, on a scratch copy. */
export function percentileOf(
  src: ArrayLike<number>,
  from: number,
  to: number,
  p: number,
  scratch: Float64Array,
): number {
  const n = to - from;
  for (let i = 0; i < n; i++) scratch[i] = src[from + i];
  const k = Math.min(n - 1, Math.max(0, Math.floor((p / 100) * (n - 1) + 0.5)));
  return selectInPlace(scratch, 0, n, k);
}
