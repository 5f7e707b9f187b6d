import type { CodedWarning } from '@myotrace/errors';

export type AccelFormat = 'generic' | 'phyphox' | 'sensor-logger' | 'physics-toolbox' | 'actigraph' | 'axivity';
export type AccelUnit = 'g' | 'm/s2';

/** A three-axis accelerometer recording, resampled to a uniform rate, in g. */
export interface AccelRecording {
  format: AccelFormat;
  /** Unit of the file (values here are always converted to g). */
  sourceUnit: AccelUnit;
  /** False when the export already removed gravity (e.g. phyphox "Linear Acceleration"). */
  gravityIncluded: boolean | null;
  sampleRateHz: number;
  /** Time of the first sample as written in the file (ISO-like text), when it has one. */
  startTime: string | null;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  /** Rows read, and statistics of the original sampling. */
  rows: number;
  timing: { medianIntervalMs: number; maxGapMs: number; resampled: boolean };
  warnings: CodedWarning[];
}
