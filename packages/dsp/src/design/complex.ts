/** Minimal complex arithmetic for filter design (not hot code: allocation is fine here). */
export interface Complex {
  re: number;
  im: number;
}

export const c = (re: number, im = 0): Complex => ({ re, im });
export const add = (a: Complex, b: Complex): Complex => ({ re: a.re + b.re, im: a.im + b.im });
export const sub = (a: Complex, b: Complex): Complex => ({ re: a.re - b.re, im: a.im - b.im });
export const mul = (a: Complex, b: Complex): Complex => ({
  re: a.re * b.re - a.im * b.im,
  im: a.re * b.im + a.im * b.re,
});
export const scale = (a: Complex, s: number): Complex => ({ re: a.re * s, im: a.im * s });
export const neg = (a: Complex): Complex => ({ re: -a.re, im: -a.im });
export const conj = (a: Complex): Complex => ({ re: a.re, im: -a.im });
export const abs = (a: Complex): number => hypot(a.re, a.im);

/**
 * √(x² + y²) by the corrected-square-root method glibc's hypot uses (Borges 2019, non-FMA
 * variant), so magnitudes round as they do under numpy on Linux; Math.hypot's last bit differs
 * and would change how scipy-equivalent designs break exact ties. Extremes use Math.hypot.
 */
export function hypot(x: number, y: number): number {
  x = Math.abs(x);
  y = Math.abs(y);
  const ax = Math.max(x, y);
  const ay = Math.min(x, y);
  if (!Number.isFinite(ax) || ax > 2 ** 511 || ay < 2 ** -511) return Math.hypot(x, y);
  if (ay <= ax * 2 ** -54) return ax + ay;
  let h = Math.sqrt(ax * ax + ay * ay);
  let t1: number;
  let t2: number;
  if (h <= 2 * ay) {
    const delta = h - ay;
    t1 = ax * (2 * delta - ax);
    t2 = (delta - 2 * (ax - ay)) * delta;
  } else {
    const delta = h - ax;
    t1 = 2 * delta * (ax - 2 * ay);
    t2 = (4 * delta - ay) * ay + delta * delta;
  }
  h -= (t1 + t2) / (2 * h);
  return h;
}

export function div(a: Complex, b: Complex): Complex {
  // Smith's algorithm with a reciprocal, operation for operation as numpy's complex division,
  // so designs round like scipy's.
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const scl = 1 / (b.re + b.im * r);
    return { re: (a.re + a.im * r) * scl, im: (a.im - a.re * r) * scl };
  }
  const r = b.re / b.im;
  const scl = 1 / (b.im + b.re * r);
  return { re: (a.re * r + a.im) * scl, im: (a.im * r - a.re) * scl };
}

const copysign = (mag: number, sign: number): number =>
  sign < 0 || Object.is(sign, -0) ? -Math.abs(mag) : Math.abs(mag);

/**
 * Principal square root (branch cut on the negative real axis), computed as glibc's csqrt
 * (which numpy uses) for finite, normal-range values, signed zeros included.
 */
export function sqrt(a: Complex): Complex {
  if (a.im === 0) {
    return a.re < 0 ? { re: 0, im: copysign(Math.sqrt(-a.re), a.im) } : { re: Math.sqrt(a.re), im: copysign(0, a.im) };
  }
  if (a.re === 0) {
    const r = Math.sqrt(0.5 * Math.abs(a.im));
    return { re: r, im: copysign(r, a.im) };
  }
  const d = hypot(a.re, a.im);
  let r: number;
  let s: number;
  // 2·Re·Im = Im(x) avoids cancellation in d ± Re(x).
  if (a.re > 0) {
    r = Math.sqrt(0.5 * (d + a.re));
    s = 0.5 * (a.im / r);
  } else {
    s = Math.sqrt(0.5 * (d - a.re));
    r = Math.abs(0.5 * (a.im / s));
  }
  return { re: r, im: copysign(s, a.im) };
}

export function prod(values: Complex[]): Complex {
  let p = c(1);
  for (const v of values) p = mul(p, v);
  return p;
}
