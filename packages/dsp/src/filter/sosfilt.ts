import { MyoTraceError } from '@myotrace/errors';
import { assertArrayLike } from '../errors.js';
import type { SosFilterDesign } from '../types.js';
import { packSos } from './validate.js';

/**
 * Run packed sections over `x` (direct form II transposed, as scipy's sosfilt) into `out`.
 * `zi` holds two states per section and is updated in place (final conditions).
 * `reverse` reads and writes from the end, which lets sosfiltfilt avoid copies.
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
  for (let k = 0; k < n; k++) {
    const idx = reverse ? n - 1 - k : k;
    let v = x[idx];
    for (let s = 0, o = 0, z = 0; s < nSec; s++, o += 6, z += 2) {
      const y = sos[o] * v + zi[z];
      zi[z] = sos[o + 1] * v - sos[o + 4] * y + zi[z + 1];
      zi[z + 1] = sos[o + 2] * v - sos[o + 5] * y;
      v = y;
    }
    out[idx] = v;
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

/**
 * Causal filtering with a designed cascade, like `scipy.signal.sosfilt(sos, x)` (zero initial state).
 * Never mutates `x`; returns a new Float64Array of the same length.
 */
export function sosfilt(design: SosFilterDesign, x: ArrayLike<number>): Float64Array {
  assertArrayLike(x);
  const sos = packSos(design);
  const out = new Float64Array(x.length);
  runSos(sos, x, out, new Float64Array((sos.length / 6) * 2));
  return out;
}
