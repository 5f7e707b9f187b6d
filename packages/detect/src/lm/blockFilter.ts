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
  /**
   * One direction over ext[0, m). Sections run two at a time in one loop: the second section's
   * recurrence overlaps the first's in the CPU pipeline, which nearly halves the time of a
   * latency-bound biquad loop.
   */
  private pass(ext: Float64Array, m: number, x0: number, backward: boolean): void {
    const sos = this.sections;
    const zi = this.zi;
    const nSec = sos.length / 6;
    let s = 0;
    for (; s + 1 < nSec; s += 2) {
      const o = 6 * s;
      const b0 = sos[o],
        b1 = sos[o + 1],
        b2 = sos[o + 2],
        a1 = sos[o + 4],
        a2 = sos[o + 5];
      const c0 = sos[o + 6],
        c1 = sos[o + 7],
        c2 = sos[o + 8],
        d1 = sos[o + 10],
        d2 = sos[o + 11];
      let z1 = zi[2 * s] * x0,
        z2 = zi[2 * s + 1] * x0;
      let w1 = zi[2 * s + 2] * x0,
        w2 = zi[2 * s + 3] * x0;
      if (!backward) {
        for (let i = 0; i < m; i++) {
          const v = ext[i];
          const u = b0 * v + z1;
          z1 = b1 * v - a1 * u + z2;
          z2 = b2 * v - a2 * u;
          const out = c0 * u + w1;
          w1 = c1 * u - d1 * out + w2;
          w2 = c2 * u - d2 * out;
          ext[i] = out;
        }
      } else {
        for (let i = m - 1; i >= 0; i--) {
          const v = ext[i];
          const u = b0 * v + z1;
          z1 = b1 * v - a1 * u + z2;
          z2 = b2 * v - a2 * u;
          const out = c0 * u + w1;
          w1 = c1 * u - d1 * out + w2;
          w2 = c2 * u - d2 * out;
          ext[i] = out;
        }
      }
    }
    if (s < nSec) {
      const o = 6 * s;
      const b0 = sos[o],
        b1 = sos[o + 1],
        b2 = sos[o + 2],
        a1 = sos[o + 4],
        a2 = sos[o + 5];
      let z1 = zi[2 * s] * x0,
        z2 = zi[2 * s + 1] * x0;
      const step = backward ? -1 : 1;
      for (let k = 0, i = backward ? m - 1 : 0; k < m; k++, i += step) {
        const v = ext[i];
        const out = b0 * v + z1;
        z1 = b1 * v - a1 * out + z2;
        z2 = b2 * v - a2 * out;
        ext[i] = out;
      }
    }
  }

  run(
    x: ArrayLike<number>,
    from: number,
    to: number,
    countFrom = from,
    countTo = to,
  ): { y: Float64Array; nonFinite: number } {
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
    // forward, then backward; each pass starts from the steady state for its first sample
    this.pass(ext, m, ext[0], false);
    this.pass(ext, m, ext[m - 1], true);
    return { y: ext.subarray(edge, edge + n), nonFinite };
  }
}
