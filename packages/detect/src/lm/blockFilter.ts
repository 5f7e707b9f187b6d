import { defaultPadLen, type SosFilterDesign, sosfiltZi } from '@myotrace/dsp';

/**
 * Adapter: zero-phase filtering of one block in place, into a buffer reused across blocks.
 *
 * `@myotrace/dsp`'s `sosfiltfilt` returns fresh arrays, which for a whole night's worth of
 * blocks keeps the garbage collector busy and costs more time than the filtering. This applies
 * the same design the same way — odd extension by dsp's `defaultPadLen`, each pass started from
 * dsp's `sosfiltZi` steady state scaled by the first sample it sees — section by section with the
 * coefficients in registers. Equality with `sosfiltfilt` is tested (test/lm-filter.test.ts).
 */
export class BlockFilter {
  private readonly sections: Float64Array;
  private readonly zi: Float64Array;
  private readonly pad: number;
  private ext: Float64Array;

  constructor(design: SosFilterDesign) {
    this.sections = Float64Array.from(design.sos.flat());
    this.zi = Float64Array.from(sosfiltZi(design).flat());
    this.pad = defaultPadLen(design);
    this.ext = new Float64Array(0);
  }

  /**
   * Filters `x[from, to)` (any numeric array, non-finite values read as 0) and returns a view of
   * the result, valid until the next call. Also returns how many non-finite samples lie in
   * `[countFrom, countTo)` (so overlapping blocks count each sample once).
   */
  run(x: ArrayLike<number>, from: number, to: number, countFrom = from, countTo = to): { y: Float64Array; nonFinite: number } {
    const n = to - from;
    const edge = Math.min(this.pad, Math.max(0, n - 1));
    const m = n + 2 * edge;
    if (this.ext.length < m) this.ext = new Float64Array(m);
    const ext = this.ext;
    let nonFinite = 0;
    for (let i = 0; i < n; i++) {
      const v = x[from + i];
      // v - v is NaN for NaN and ±Infinity
      if (v - v === 0) ext[edge + i] = v;
      else {
        ext[edge + i] = 0;
        if (from + i >= countFrom && from + i < countTo) nonFinite++;
      }
    }
    if (n === 0) return { y: ext.subarray(0, 0), nonFinite };
    const first = ext[edge];
    const last = ext[edge + n - 1];
    for (let i = 1; i <= edge; i++) {
      ext[edge - i] = 2 * first - ext[edge + i];
      ext[edge + n - 1 + i] = 2 * last - ext[edge + n - 1 - i];
    }
    const sos = this.sections;
    const zi = this.zi;
    const nSec = sos.length / 6;
    // forward
    const x0 = ext[0];
    for (let s = 0; s < nSec; s++) {
      const o = 6 * s;
      const b0 = sos[o], b1 = sos[o + 1], b2 = sos[o + 2], a1 = sos[o + 4], a2 = sos[o + 5];
      let z1 = zi[2 * s] * x0;
      let z2 = zi[2 * s + 1] * x0;
      for (let i = 0; i < m; i++) {
        const v = ext[i];
        const out = b0 * v + z1;
        z1 = b1 * v - a1 * out + z2;
        z2 = b2 * v - a2 * out;
        ext[i] = out;
      }
    }
    // backward
    const xl = ext[m - 1];
    for (let s = 0; s < nSec; s++) {
      const o = 6 * s;
      const b0 = sos[o], b1 = sos[o + 1], b2 = sos[o + 2], a1 = sos[o + 4], a2 = sos[o + 5];
      let z1 = zi[2 * s] * xl;
      let z2 = zi[2 * s + 1] * xl;
      for (let i = m - 1; i >= 0; i--) {
        const v = ext[i];
        const out = b0 * v + z1;
        z1 = b1 * v - a1 * out + z2;
        z2 = b2 * v - a2 * out;
        ext[i] = out;
      }
    }
    return { y: ext.subarray(edge, edge + n), nonFinite };
  }
}
