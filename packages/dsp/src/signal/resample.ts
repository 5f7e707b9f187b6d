import { MyoTraceError } from '@myotrace/errors';
import { assertArrayLike, assertSampleRate } from '../errors.js';

/** Largest up or down factor accepted when approximating a rate ratio. */
export const MAX_RESAMPLE_FACTOR = 1000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Integer up/down factors with toHz/fromHz = up/down in lowest terms. Non-integer rates are
 * approximated by continued fractions (factors ≤ MAX_RESAMPLE_FACTOR, relative error ≤ 1e-9);
 * otherwise DSP_RESAMPLE_RATIO is thrown.
 */
export function resampleRatio(fromHz: number, toHz: number): { up: number; down: number } {
  assertSampleRate(fromHz, 'fromHz');
  assertSampleRate(toHz, 'toHz');
  if (Number.isInteger(fromHz) && Number.isInteger(toHz)) {
    const g = gcd(toHz, fromHz);
    const up = toHz / g;
    const down = fromHz / g;
    if (up <= MAX_RESAMPLE_FACTOR && down <= MAX_RESAMPLE_FACTOR) return { up, down };
  }
  const target = toHz / fromHz;
  // Continued-fraction convergents h/k of the ratio.
  let h0 = 0;
  let h1 = 1;
  let k0 = 1;
  let k1 = 0;
  let r = target;
  for (let iter = 0; iter < 64; iter++) {
    const a = Math.floor(r);
    const h2 = a * h1 + h0;
    const k2 = a * k1 + k0;
    if (h2 > MAX_RESAMPLE_FACTOR || k2 > MAX_RESAMPLE_FACTOR) break;
    [h0, h1, k0, k1] = [h1, h2, k1, k2];
    if (Math.abs(h1 / k1 - target) <= 1e-9 * target) return { up: h1, down: k1 };
    const frac = r - a;
    if (frac < 1e-15) break;
    r = 1 / frac;
  }
  throw new MyoTraceError(
    'DSP_RESAMPLE_RATIO',
    `Cannot resample ${fromHz} Hz to ${toHz} Hz with integer factors up to ${MAX_RESAMPLE_FACTOR}.`,
    { hint: 'Choose a target rate with a simple ratio to the source rate (e.g. 500 → 200, 256 → 200).' },
  );
}

/** Modified Bessel function I0 by its power series (converges fast for the β ≈ 5 used here). */
function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500 && term > sum * 1e-17; k++) {
    term *= q / (k * k);
    sum += term;
  }
  return sum;
}

/**
 * The anti-aliasing FIR of scipy.signal.resample_poly's default: firwin(2·10·max(up, down) + 1,
 * 1/max(up, down), window=('kaiser', 5.0)), normalised to unit DC gain, times `up`.
 */
export function resampleFilter(up: number, down: number, beta = 5): Float64Array {
  const maxRate = Math.max(up, down);
  const halfLen = 10 * maxRate;
  const numTaps = 2 * halfLen + 1;
  const fc = 1 / maxRate;
  const h = new Float64Array(numTaps);
  const i0Beta = besselI0(beta);
  let sum = 0;
  for (let n = 0; n < numTaps; n++) {
    const m = n - halfLen;
    const arg = Math.PI * fc * m;
    const sinc = m === 0 ? 1 : Math.sin(arg) / arg;
    const r = m / halfLen;
    const win = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
    h[n] = fc * sinc * win;
    sum += h[n];
  }
  for (let n = 0; n < numTaps; n++) h[n] = (h[n] / sum) * up;
  return h;
}

/**
 * Polyphase resampling by rational factors, equivalent to
 * `scipy.signal.resample_poly(x, up, down)` with its defaults (Kaiser-windowed sinc FIR,
 * zero padding beyond the ends, output length ceil(n·up/down)). Zero extension means the first
 * and last ~10 output samples taper towards 0 for signals with a DC offset, exactly as scipy.
 */
export function resamplePoly(x: ArrayLike<number>, up: number, down: number): Float64Array {
  assertArrayLike(x);
  for (const [name, v] of [
    ['up', up],
    ['down', down],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new MyoTraceError('DSP_INVALID_ARGUMENT', `${name} must be a positive integer, got ${String(v)}.`, {
        field: name,
      });
    }
  }
  const g = gcd(up, down);
  up /= g;
  down /= g;
  const nIn = x.length;
  if (up === 1 && down === 1) return Float64Array.from(x);
  const nOut = Math.ceil((nIn * up) / down);
  const h = resampleFilter(up, down);
  const halfLen = (h.length - 1) / 2;
  // Delay the filter so output samples land on the filter centre, as scipy does.
  const prePad = down - (halfLen % down);
  const preRemove = Math.floor((halfLen + prePad) / down);
  const out = new Float64Array(nOut);
  for (let i = 0; i < nOut; i++) {
    // Position in the upsampled, filtered stream; sum h[t − m·up] · x[m] over valid m.
    const t = (preRemove + i) * down;
    const u = t - prePad;
    const mMax = Math.min(nIn - 1, Math.floor(u / up));
    const mMin = Math.max(0, Math.ceil((u - h.length + 1) / up));
    let acc = 0;
    for (let m = mMin; m <= mMax; m++) acc += h[u - m * up] * x[m];
    out[i] = acc;
  }
  return out;
}

/**
 * Resample from `fromHz` to `toHz` with an anti-aliased polyphase filter (see resamplePoly);
 * the factors come from resampleRatio. The output rate is exactly fromHz · up / down.
 */
export function resample(x: ArrayLike<number>, fromHz: number, toHz: number): Float64Array {
  const { up, down } = resampleRatio(fromHz, toHz);
  return resamplePoly(x, up, down);
}
