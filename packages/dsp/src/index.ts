/**
 * @myotrace/dsp — isomorphic signal processing for MyoTrace (Node and browser).
 * Filter designs are plain JSON data; functions return new arrays (or fill a caller-given `out`
 * buffer where offered) and never mutate their inputs.
 */

export { butter, MAX_BUTTER_ORDER } from './design/butter.js';
export { assertSosFilterDesign, describeFilter } from './design/describe.js';
export { notch } from './design/notch.js';
export { sosGain } from './filter/response.js';
export { type SosFiltOptions, sosfilt, sosfiltZi } from './filter/sosfilt.js';
export { defaultPadLen, sosfiltfilt } from './filter/sosfiltfilt.js';
export { minMaxDecimate } from './signal/decimate.js';
export { type EnvelopeOptions, envelope, envelopeDesign } from './signal/envelope.js';
export { MAX_RESAMPLE_FACTOR, resample, resampleFilter, resamplePoly, resampleRatio } from './signal/resample.js';
export type {
  FilterType,
  MinMaxBuckets,
  MovingWindowOptions,
  PadType,
  SosFilterDesign,
  SosFiltFiltOptions,
  WindowAlign,
} from './types.js';
export { movingMax, movingMin } from './window/extrema.js';
export { movingMean, movingRms } from './window/mean.js';
export { movingMedian, movingPercentile } from './window/percentile.js';
export { rectify } from './window/rectify.js';
