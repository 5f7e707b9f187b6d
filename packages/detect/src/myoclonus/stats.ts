/** Small order statistics used by the myoclonus summaries. Inputs are never mutated. */

export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values as ArrayLike<number>).sort();
}

/** Linear-interpolated quantile (the numpy default, type 7) of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function median(values: ArrayLike<number>): number {
  return quantileSorted(sortedCopy(values), 0.5);
}

function binomialCdfHalf(k: number, n: number): number {
  // P(B <= k) for B ~ Binomial(n, 1/2), summed in log space so n in the thousands is fine
  if (k < 0) return 0;
  if (k >= n) return 1;
  let logC = 0; // log C(n, 0)
  let sum = 0;
  const logHalfN = n * Math.log(0.5);
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log((n - i + 1) / i);
    sum += Math.exp(logC + logHalfN);
  }
  return Math.min(1, sum);
}

/**
 * Distribution-free confidence interval of the median from order statistics: the interval
 * [x_(j), x_(n-j+1)] with the largest j such that P(Binomial(n, 1/2) <= j-1) <= (1-level)/2.
 * Its coverage is at least `level`. Returns null when n is too small (n < 6 for 95%).
 */
export function medianConfidenceInterval(
  values: ArrayLike<number>,
  level = 0.95,
): { lower: number; upper: number; coverage: number } | null {
  const s = sortedCopy(values);
  const n = s.length;
  const tail = (1 - level) / 2;
  let j = 0;
  while (j + 1 <= n && binomialCdfHalf(j, n) <= tail) j++;
  // j is now the count of order statistics excluded on each side
  if (j === 0) return null;
  const coverage = 1 - 2 * binomialCdfHalf(j - 1, n);
  return { lower: s[j - 1], upper: s[n - j], coverage };
}
