/**
 * @myotrace/dsp — isomorphic signal processing for MyoTrace (Node and browser).
 * Filter designs are plain JSON data; every function returns new arrays and never mutates inputs.
 */
export type {
  FilterType,
  MinMaxBuckets,
  MovingWindowOptions,
  PadType,
  SosFilterDesign,
  SosFiltFiltOptions,
  WindowAlign,
} from './types.js';
export { butter, MAX_BUTTER_ORDER } from './design/butter.js';
export { notch } from './design/notch.js';
export { sosfilt, sosfiltZi, type SosFiltOptions } from './filter/sosfilt.js';
export { sosfiltfilt, defaultPadLen } from './filter/sosfiltfilt.js';
export { sosGain } from './filter/response.js';
export { rectify } from './window/rectify.js';
export { movingMean, movingRms } from './window/mean.js';
export { movingMax, movingMin } from './window/extrema.js';
export { movingMedian, movingPercentile } from './window/percentile.js';
export { envelope, envelopeDesign, type EnvelopeOptions } from './signal/envelope.js';
export { resample, resamplePoly, resampleRatio, resampleFilter, MAX_RESAMPLE_FACTOR } from './signal/resample.js';
export { minMaxDecimate } from './signal/decimate.js';
export { assertSosFilterDesign, describeFilter } from './design/describe.js';
