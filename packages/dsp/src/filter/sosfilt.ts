import { MyoTraceError } from '@myotrace/errors';
import { assertArrayLike } from '../errors.js';
import type { SosFilterDesign } from '../types.js';
import { outputBuffer, packSos } from './validate.js';

/** Samples per block: small enough to stay in L1/L2 cache while every section passes over it. */
const BLOCK = 2048;

/**
 * Run packed sections over `x` (direct form II transposed, as scipy's sosfilt) into `out`.
 * `zi` holds two states per section and is updated in place (final conditions).
 * `reverse` runs from the end to the start, which lets sosfiltfilt avoid reversed copies;
 * `out` may be `x` itself. Work is done block by block, section by section, so coefficients
 * and states live in locals (registers) in the inner loop while the block stays in cache.
 */
export function runSos(
  sos: Float64Array,
  x: ArrayLike<number>,
  out: Float64Array,
  zi: Float64Array,
  reverse = false,
): void {
  const nSec = sos.length / 6;
  const n = x.length;
  for (let blockStart = 0; blockStart < n; blockStart += BLOCK) {
    const blockEnd = Math.min(n, blockStart + BLOCK);
    // Index range of this block in signal order (descending when reversed).
    const lo = reverse ? n - blockEnd : blockStart;
    const hi = reverse ? n - blockStart : blockEnd;
    // Convert the block to float64 once; the section loops then only touch `out` (monomorphic).
    if (out !== x) for (let i = lo; i < hi; i++) out[i] = x[i];
    for (let s = 0; s < nSec; s++) {
      const o = s * 6;
      const b0 = sos[o];
      const b1 = sos[o + 1];
      const b2 = sos[o + 2];
      const a1 = sos[o + 4];
      const a2 = sos[o + 5];
      let z0 = zi[2 * s];
      let z1 = zi[2 * s + 1];
      if (reverse) {
        for (let i = hi - 1; i >= lo; i--) {
          const v = out[i];
          const y = b0 * v + z0;
          z0 = b1 * v - a1 * y + z1;
          z1 = b2 * v - a2 * y;
          out[i] = y;
        }
      } else {
        for (let i = lo; i < hi; i++) {
          const v = out[i];
          const y = b0 * v + z0;
          z0 = b1 * v - a1 * y + z1;
          z1 = b2 * v - a2 * y;
          out[i] = y;
        }
      }
      zi[2 * s] = z0;
      zi[2 * s + 1] = z1;
    }
  }
}

/**
 * Steady-state initial conditions of the cascade for a unit step (scipy.signal.sosfilt_zi):
 * multiply by the first sample to start a filter without a transient.
 * Returned as rows [z0, z1] per section.
 */
export function sosfiltZi(design: SosFilterDesign): number[][] {
  const zi = packedZi(packSos(design));
  const rows: number[][] = [];
  for (let i = 0; i < zi.length; i += 2) rows.push([zi[i], zi[i + 1]]);
  return rows;
}

export function packedZi(sos: Float64Array): Float64Array {
  const nSec = sos.length / 6;
  const zi = new Float64Array(nSec * 2);
  let gain = 1;
  for (let s = 0; s < nSec; s++) {
    const [b0, b1, b2, , a1, a2] = sos.subarray(s * 6, s * 6 + 6);
    const denom = 1 + a1 + a2;
    if (denom === 0) {
      throw new MyoTraceError('DSP_INVALID_DESIGN', `Section ${s} has a pole at z = 1, so it has no steady state.`, {
        hint: 'Use a filter without a pole at DC for zero-phase filtering.',
      });
    }
    // Solve (I − Aᵀ) zi = B for the 2×2 companion system of lfilter_zi.
    const B0 = b1 - a1 * b0;
    const B1 = b2 - a2 * b0;
    const z0 = (B0 + B1) / denom;
    zi[s * 2] = gain * z0;
    zi[s * 2 + 1] = gain * (B1 - a2 * z0);
    gain *= (b0 + b1 + b2) / denom;
  }
  return zi;
}

export interface SosFiltOptions {
  /**
   * Initial filter state. 'zero' (default, scipy's sosfilt) starts from rest, so a DC offset
   * produces a start-up transient; 'steady' starts from the steady state for the first sample
   * (scipy: `sosfilt(sos, x, zi=sosfilt_zi(sos) * x[0])`), so a constant passes without ringing.
   */
  initial?: 'zero' | 'steady';
  /** Write into this buffer instead of allocating (see SosFiltFiltOptions.out); may be x itself. */
  out?: Float64Array;
}

/**
 * Causal filtering with a designed cascade, like `scipy.signal.sosfilt(sos, x)`.
 * Never mutates `x`; returns a new Float64Array of the same length.
 */
export function sosfilt(design: SosFilterDesign, x: ArrayLike<number>, opts: SosFiltOptions = {}): Float64Array {
  assertArrayLike(x);
  const sos = packSos(design);
  const initial = opts.initial ?? 'zero';
  if (initial !== 'zero' && initial !== 'steady') {
    throw new MyoTraceError('DSP_INVALID_ARGUMENT', `initial must be 'zero' or 'steady', got ${String(initial)}.`, {
      field: 'initial',
    });
  }
  const out = outputBuffer(opts.out, x.length);
  let zi: Float64Array;
  if (initial === 'steady' && x.length > 0) {
    zi = packedZi(sos);
    const x0 = x[0]; // read before an in-place run overwrites it
    for (let i = 0; i < zi.length; i++) zi[i] *= x0;
  } else {
    zi = new Float64Array((sos.length / 6) * 2);
  }
  runSos(sos, x, out, zi);
  return out;
}
