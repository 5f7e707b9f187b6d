/**
 * The filters the myoclonus and accelerometer detectors use, on top of `@myotrace/dsp`:
 * Butterworth designs and scipy-compatible zero-phase filtering come from dsp (with this
 * package's coded errors for bad settings), plus one-directional filtering with a steady-state
 * start, which dsp does not offer and the burst detector needs to place edges without
 * filter pre-ringing.
 */

import { butter, type SosFilterDesign, sosfiltfilt } from '@myotrace/dsp';
import { MyoTraceError } from '@myotrace/errors';

export type ButterDesign = SosFilterDesign;

export function butterworth(
  order: number,
  cutoffHz: number,
  type: 'lowpass' | 'highpass',
  sampleRateHz: number,
): ButterDesign {
  if (!(order >= 1 && order <= 12 && Number.isInteger(order))) {
    throw new MyoTraceError('DETECT_BAD_FILTER', `filter order ${order} is not an integer from 1 to 12`, {
      field: 'order',
    });
  }
  if (!(cutoffHz > 0 && cutoffHz < sampleRateHz / 2)) {
    throw new MyoTraceError(
      'DETECT_BAD_FILTER',
      `cut-off ${cutoffHz} Hz must lie between 0 and the Nyquist frequency ${sampleRateHz / 2} Hz`,
      {
        field: 'cutoffHz',
        hint: 'lower the cut-off or use a recording with a higher sample rate',
      },
    );
  }
  return butter(order, cutoffHz, type, sampleRateHz);
}

/** Zero-phase (forward-backward) filtering, scipy `sosfiltfilt` semantics; short inputs shrink the padding. */
export function zeroPhase(design: ButterDesign, x: ArrayLike<number>): Float64Array {
  if (x.length === 0) return new Float64Array(0);
  return sosfiltfilt(design, x, { onShortSignal: 'shrink' });
}

/** In-place causal filtering of `y` by every section (direct form II transposed). */
function filterInPlace(sos: number[][], y: Float64Array): void {
  for (const s of sos) {
    const b0 = s[0],
      b1 = s[1],
      b2 = s[2],
      a1 = s[4],
      a2 = s[5];
    // start from the steady state for the first sample, so a DC offset does not ring
    const x0 = y[0];
    const dc = (b0 + b1 + b2) / (1 + a1 + a2);
    let z1 = dc * x0 - b0 * x0;
    let z2 = b2 * x0 - a2 * dc * x0;
    for (let i = 0; i < y.length; i++) {
      const x = y[i];
      const out = b0 * x + z1;
      z1 = b1 * x - a1 * out + z2;
      z2 = b2 * x - a2 * out;
      y[i] = out;
    }
  }
}

/**
 * One-directional filtering: causal (`reverse = false`) or anti-causal (`reverse = true`).
 * A causal high-pass cannot respond before an edge and an anti-causal one cannot respond after
 * it, which the burst detector uses to place onsets and offsets without filter pre-ringing.
 */
export function oneWay(design: ButterDesign, x: ArrayLike<number>, reverse: boolean): Float64Array {
  const y = Float64Array.from(x as ArrayLike<number>);
  if (y.length === 0) return y;
  if (reverse) y.reverse();
  filterInPlace(design.sos, y);
  if (reverse) y.reverse();
  return y;
}
