/** Small statistics used by insights; each is checked against hand-computed cases in the tests. */

/** Pearson correlation; null when fewer than 3 pairs or either side has no variance. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 3 || y.length !== n) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Ratio of two Poisson rates (after / before) with the Wald interval on the log scale:
 * RR = (b/Tb)/(a/Ta), 95% CI = exp(ln RR ± 1.96·sqrt(1/a + 1/b)). With a zero count, 0.5 is added to both counts
 * (Haldane–Anscombe) so an interval still exists; the caller reports that.
 */
export function rateRatio(a: number, ta: number, b: number, tb: number): { rr: number; lo: number; hi: number; corrected: boolean } {
  const corrected = a === 0 || b === 0;
  const aa = corrected ? a + 0.5 : a;
  const bb = corrected ? b + 0.5 : b;
  const rr = bb / tb / (aa / ta);
  const se = Math.sqrt(1 / aa + 1 / bb);
  return { rr, lo: Math.exp(Math.log(rr) - 1.959963984540054 * se), hi: Math.exp(Math.log(rr) + 1.959963984540054 * se), corrected };
}

export const round = (v: number, digits = 3) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
