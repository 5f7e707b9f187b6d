/** Plain-data descriptions shared by every DSP function. All JSON-serialisable. */

export type FilterType = 'lowpass' | 'highpass' | 'bandpass' | 'bandstop';

/**
 * A digital IIR filter as cascaded second-order sections, the form scipy calls `sos`.
 * Each row is `[b0, b1, b2, 1, a1, a2]` (a0 is always 1). The design is recorded with
 * every result that used it, so it is kept as plain numbers.
 */
export interface SosFilterDesign {
  kind: 'butterworth' | 'notch';
  type: FilterType;
  /**
   * Prototype order as given to `butter` (scipy semantics: band filters have 2×order poles).
   * For a notch this is 2 (one biquad).
   */
  order: number;
  /** One edge for low/high-pass (and the notch centre), two edges for band filters. */
  cutoffHz: number | [number, number];
  sampleRateHz: number;
  /** Quality factor, present on notch designs only. */
  q?: number;
  sos: number[][];
}

export type PadType = 'odd' | 'even' | 'constant' | 'none';

export interface SosFiltFiltOptions {
  /** Edge extension before the forward–backward pass; scipy's default is 'odd'. */
  padType?: PadType;
  /** Samples of extension at each end; default as scipy: 3 × (2·sections + 1 − trailing-zero sections). */
  padLen?: number;
  /**
   * What to do when the signal is not longer than the pad length. 'error' (default, as scipy)
   * throws DSP_SIGNAL_TOO_SHORT; 'shrink' pads with length − 1 samples instead (documented
   * fallback for short segments; results then differ from scipy's default).
   */
  onShortSignal?: 'error' | 'shrink';
  /**
   * Write the result into this buffer (length ≥ x.length) instead of allocating; the return value
   * is then `out.subarray(0, x.length)`. It may be `x` itself (in place) when x is a Float64Array.
   * For loops over many blocks, where fresh arrays would keep the garbage collector busy.
   */
  out?: Float64Array;
}

/** Where a moving window sits relative to the output sample. */
export type WindowAlign = 'center' | 'trailing';

export interface MovingWindowOptions {
  /**
   * 'center' (default): output i summarises x[i − floor(w/2) … i + ceil(w/2) − 1]
   * (odd w is symmetric; even w has one more sample before i, like MATLAB movmean).
   * 'trailing': x[i − w + 1 … i] (look-back, causal).
   * Near the ends the window is truncated to the samples that exist ("shrink").
   */
  align?: WindowAlign;
}

export interface MinMaxBuckets {
  min: Float32Array;
  max: Float32Array;
}
