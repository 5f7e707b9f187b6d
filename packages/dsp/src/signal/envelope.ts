import { butter } from '../design/butter.js';
import { assertArrayLike } from '../errors.js';
import { sosfiltfilt } from '../filter/sosfiltfilt.js';
import type { SosFilterDesign, SosFiltFiltOptions } from '../types.js';
import { rectify } from '../window/rectify.js';

export interface EnvelopeOptions {
  /** Butterworth order of the smoothing low-pass (applied forward and backward). Default 2. */
  order?: number;
  /** Passed to sosfiltfilt (e.g. onShortSignal: 'shrink' for short segments). */
  filter?: SosFiltFiltOptions;
}

/** The low-pass design `envelope` uses, so callers can record it with their results. */
export function envelopeDesign(fsHz: number, lowpassHz: number, order = 2): SosFilterDesign {
  return butter(order, lowpassHz, 'lowpass', fsHz);
}

/**
 * Linear envelope: full-wave rectification followed by a zero-phase Butterworth low-pass
 * (default 2nd order, so 4th-order magnitude after the forward–backward pass). The result can
 * dip slightly below zero next to sharp bursts (filter ringing); callers that need a
 * non-negative envelope can clamp it.
 */
export function envelope(
  x: ArrayLike<number>,
  fsHz: number,
  lowpassHz: number,
  opts: EnvelopeOptions = {},
): Float64Array {
  assertArrayLike(x);
  const design = envelopeDesign(fsHz, lowpassHz, opts.order ?? 2);
  return sosfiltfilt(design, rectify(x), opts.filter);
}
