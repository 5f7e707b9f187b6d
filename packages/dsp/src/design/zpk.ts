import { MyoTraceError } from '@myotrace/errors';
import { abs, add, type Complex, c, conj, div, mul, neg, prod, scale, sqrt, sub } from './complex.js';

/**
 * Zeros/poles/gain transforms following the textbook (and scipy.signal) route:
 * analog prototype → frequency transform → bilinear transform → second-order sections.
 * Section pairing reproduces scipy's zpk2sos(pairing='nearest') so designs agree with scipy's.
 */
export interface Zpk {
  z: Complex[];
  p: Complex[];
  k: number;
}

/** Analog Butterworth prototype: poles on the unit circle in the left half plane (scipy buttap). */
export function buttap(order: number): Zpk {
  const p: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) {
    // Same operation order as numpy's `1j * pi * m / (2 * N)` (complex division = multiply by reciprocal).
    const theta = Math.PI * m * (1 / (2 * order));
    p.push(c(-Math.cos(theta), -Math.sin(theta)));
  }
  return { z: [], p, k: 1 };
}

const relativeDegree = (zpk: Zpk): number => zpk.p.length - zpk.z.length;

export function lp2lp(zpk: Zpk, wo: number): Zpk {
  const degree = relativeDegree(zpk);
  return { z: zpk.z.map((v) => scale(v, wo)), p: zpk.p.map((v) => scale(v, wo)), k: zpk.k * wo ** degree };
}

export function lp2hp(zpk: Zpk, wo: number): Zpk {
  const degree = relativeDegree(zpk);
  const z = zpk.z.map((v) => div(c(wo), v));
  const p = zpk.p.map((v) => div(c(wo), v));
  for (let i = 0; i < degree; i++) z.push(c(0));
  const k = zpk.k * div(prod(zpk.z.map(neg)), prod(zpk.p.map(neg))).re;
  return { z, p, k };
}

function shiftPair(values: Complex[], wo: number): Complex[] {
  const plus: Complex[] = [];
  const minus: Complex[] = [];
  for (const v of values) {
    const root = sqrt(sub(mul(v, v), c(wo * wo)));
    plus.push(add(v, root));
    minus.push(sub(v, root));
  }
  return plus.concat(minus);
}

export function lp2bp(zpk: Zpk, wo: number, bw: number): Zpk {
  const degree = relativeDegree(zpk);
  const z = shiftPair(
    zpk.z.map((v) => scale(v, bw / 2)),
    wo,
  );
  const p = shiftPair(
    zpk.p.map((v) => scale(v, bw / 2)),
    wo,
  );
  for (let i = 0; i < degree; i++) z.push(c(0));
  return { z, p, k: zpk.k * bw ** degree };
}

export function lp2bs(zpk: Zpk, wo: number, bw: number): Zpk {
  const degree = relativeDegree(zpk);
  const z = shiftPair(
    zpk.z.map((v) => div(c(bw / 2), v)),
    wo,
  );
  const p = shiftPair(
    zpk.p.map((v) => div(c(bw / 2), v)),
    wo,
  );
  for (let i = 0; i < degree; i++) z.push(c(0, wo));
  for (let i = 0; i < degree; i++) z.push(c(0, -wo));
  const k = zpk.k * div(prod(zpk.z.map(neg)), prod(zpk.p.map(neg))).re;
  return { z, p, k };
}

/** Bilinear transform with fs = 2 (scipy's normalised digital design), zeros at infinity → z = −1. */
export function bilinear(zpk: Zpk, fs: number): Zpk {
  const degree = relativeDegree(zpk);
  const fs2 = c(2 * fs);
  const z = zpk.z.map((v) => div(add(fs2, v), sub(fs2, v)));
  const p = zpk.p.map((v) => div(add(fs2, v), sub(fs2, v)));
  for (let i = 0; i < degree; i++) z.push(c(-1));
  const k = zpk.k * div(prod(zpk.z.map((v) => sub(fs2, v))), prod(zpk.p.map((v) => sub(fs2, v)))).re;
  return { z, p, k };
}

const EPS = 2.220446049250313e-16;
const isReal = (v: Complex): boolean => v.im === 0;

/**
 * Split into one member of each conjugate pair (positive imaginary part, sorted by real part,
 * then |imag|) followed by the real values (sorted), as scipy's _cplxreal does.
 */
export function cplxreal(values: Complex[]): { complex: Complex[]; real: number[] } {
  const tol = 100 * EPS;
  const sorted = [...values].sort((a, b) => a.re - b.re || Math.abs(a.im) - Math.abs(b.im));
  const real: number[] = [];
  const pos: Complex[] = [];
  const negs: Complex[] = [];
  for (const v of sorted) {
    if (Math.abs(v.im) <= tol * abs(v)) real.push(v.re);
    else if (v.im > 0) pos.push(v);
    else negs.push(v);
  }
  if (pos.length !== negs.length) {
    throw new MyoTraceError('DSP_DESIGN_FAILED', 'Filter design produced a complex root without its conjugate.', {
      hint: 'This is an internal numerical problem; try a lower order or a different cutoff.',
    });
  }
  // Within runs of (nearly) equal real part, order by |imag| so the conjugates line up.
  const sortRuns = (arr: Complex[]): void => {
    let start = 0;
    while (start < arr.length) {
      let stop = start;
      while (stop + 1 < arr.length && arr[stop + 1].re - arr[stop].re <= tol * abs(arr[stop])) stop++;
      if (stop > start) {
        const run = arr.slice(start, stop + 1).sort((a, b) => Math.abs(a.im) - Math.abs(b.im));
        for (let i = 0; i < run.length; i++) arr[start + i] = run[i];
      }
      start = stop + 1;
    }
  };
  sortRuns(pos);
  sortRuns(negs);
  const complex: Complex[] = [];
  for (let i = 0; i < pos.length; i++) {
    if (abs(sub(pos[i], conj(negs[i]))) > tol * abs(negs[i])) {
      throw new MyoTraceError('DSP_DESIGN_FAILED', 'Filter design produced unmatched complex conjugates.', {
        hint: 'This is an internal numerical problem; try a lower order or a different cutoff.',
      });
    }
    complex.push(scale(add(pos[i], conj(negs[i])), 0.5));
  }
  return { complex, real };
}

/** Index of the value nearest to `to`, restricted to real, complex or any values. */
function nearestIdx(from: Complex[], to: Complex, which: 'real' | 'complex' | 'any'): number {
  const order = from.map((v, i) => ({ i, d: abs(sub(v, to)) })).sort((a, b) => a.d - b.d || a.i - b.i);
  for (const { i } of order) {
    if (which === 'any' || (which === 'real') === isReal(from[i])) return i;
  }
  throw new MyoTraceError('DSP_DESIGN_FAILED', 'No suitable zero to pair with a pole.', {
    hint: 'This is an internal numerical problem; try a lower order or a different cutoff.',
  });
}

/**
 * Digital "worst" pole: the one closest to the unit circle (first on exact ties, like argmin).
 * Designs symmetric about fs/4 have pole pairs at mathematically equal distance, where the choice
 * follows last-bit rounding — in scipy as here. The arithmetic above mirrors numpy's so that the
 * choice usually agrees; where it does not, the same sections appear in another order.
 */
function worstIdx(values: Complex[], among?: number[]): number {
  const idx = among ?? values.map((_, i) => i);
  let best = idx[0];
  let bestD = Math.abs(1 - abs(values[best]));
  for (const i of idx) {
    const d = Math.abs(1 - abs(values[i]));
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

/** poly() of up to two roots, with the real part kept (conjugate pairs give real coefficients). */
function poly(roots: Complex[]): number[] {
  if (roots.length === 0) return [1];
  if (roots.length === 1) return [1, -roots[0].re];
  const [r1, r2] = roots;
  const s = add(r1, r2);
  const p = mul(r1, r2);
  return [1, -s.re, p.re];
}

function singleSection(z: Complex[], p: Complex[]): number[] {
  const row = [0, 0, 0, 0, 0, 0];
  const b = poly(z);
  const a = poly(p);
  for (let i = 0; i < b.length; i++) row[3 - b.length + i] = b[i];
  for (let i = 0; i < a.length; i++) row[6 - a.length + i] = a[i];
  return row;
}

/** Second-order sections from zeros/poles/gain with scipy's 'nearest' pairing (digital). */
export function zpk2sos(zpk: Zpk): number[][] {
  let z = [...zpk.z];
  let p = [...zpk.p];
  if (z.length === 0 && p.length === 0) return [[zpk.k, 0, 0, 1, 0, 0]];
  while (p.length < z.length) p.push(c(0));
  while (z.length < p.length) z.push(c(0));
  const nSections = Math.floor((Math.max(p.length, z.length) + 1) / 2);
  if (p.length % 2 === 1) {
    p.push(c(0));
    z.push(c(0));
  }
  const zs = cplxreal(z);
  const ps = cplxreal(p);
  z = [...zs.complex, ...zs.real.map((v) => c(v))];
  p = [...ps.complex, ...ps.real.map((v) => c(v))];

  const sos: number[][] = new Array(nSections);
  for (let si = nSections - 1; si >= 0; si--) {
    const p1Idx = worstIdx(p);
    const p1 = p[p1Idx];
    p.splice(p1Idx, 1);
    const realPolesLeft = p.filter(isReal).length;
    if (isReal(p1) && realPolesLeft === 0) {
      // Last remaining real pole: pair with the nearest real zero (and padding zeros).
      const z1Idx = nearestIdx(z, p1, 'real');
      const z1 = z[z1Idx];
      z.splice(z1Idx, 1);
      sos[si] = singleSection([z1, c(0)], [p1, c(0)]);
    } else if (p.length + 1 === z.length && !isReal(p1) && realPolesLeft === 1 && z.filter(isReal).length === 1) {
      // One real pole and one real zero left: this complex pole must take a complex zero.
      const z1Idx = nearestIdx(z, p1, 'complex');
      const z1 = z[z1Idx];
      z.splice(z1Idx, 1);
      sos[si] = singleSection([z1, conj(z1)], [p1, conj(p1)]);
    } else {
      let p2: Complex;
      if (isReal(p1)) {
        const realIdx = p.map((v, i) => (isReal(v) ? i : -1)).filter((i) => i >= 0);
        const p2Idx = worstIdx(p, realIdx);
        p2 = p[p2Idx];
        p.splice(p2Idx, 1);
      } else {
        p2 = conj(p1);
      }
      if (z.length > 0) {
        const z1Idx = nearestIdx(z, p1, 'any');
        const z1 = z[z1Idx];
        z.splice(z1Idx, 1);
        if (!isReal(z1)) {
          sos[si] = singleSection([z1, conj(z1)], [p1, p2]);
        } else if (z.length > 0) {
          const z2Idx = nearestIdx(z, p1, 'real');
          const z2 = z[z2Idx];
          z.splice(z2Idx, 1);
          sos[si] = singleSection([z1, z2], [p1, p2]);
        } else {
          sos[si] = singleSection([z1], [p1, p2]);
        }
      } else {
        sos[si] = singleSection([], [p1, p2]);
      }
    }
  }
  for (let i = 0; i < 3; i++) sos[0][i] *= zpk.k;
  // −0 does not survive JSON; store +0 so designs round-trip exactly.
  for (const row of sos) for (let i = 0; i < 6; i++) if (row[i] === 0) row[i] = 0;
  return sos;
}
