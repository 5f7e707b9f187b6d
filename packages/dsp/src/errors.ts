import { MyoTraceError } from '@myotrace/errors';

/** Validation helpers: every DSP input error carries a stable DSP_* code and a hint. */

export function assertFinite(value: number, field: string, code = 'DSP_INVALID_ARGUMENT'): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new MyoTraceError(code, `${field} must be a finite number, got ${String(value)}.`, {
      field,
      hint: `Pass a finite numeric ${field}.`,
    });
  }
}

export function assertSampleRate(sampleRateHz: number, field = 'sampleRateHz'): void {
  assertFinite(sampleRateHz, field, 'DSP_INVALID_SAMPLE_RATE');
  if (sampleRateHz <= 0) {
    throw new MyoTraceError('DSP_INVALID_SAMPLE_RATE', `${field} must be positive, got ${sampleRateHz}.`, {
      field,
      hint: 'Use the sampling rate of the signal in Hz (for EDF: samples per record / record duration).',
    });
  }
}

/** 0 < f < fs/2 (strict: scipy rejects the edges too). */
export function assertBelowNyquist(fHz: number, sampleRateHz: number, field: string): void {
  assertFinite(fHz, field, 'DSP_INVALID_FREQUENCY');
  const nyq = sampleRateHz / 2;
  if (!(fHz > 0 && fHz < nyq)) {
    throw new MyoTraceError(
      'DSP_INVALID_FREQUENCY',
      `${field} = ${fHz} Hz is outside (0, ${nyq}) Hz for a sampling rate of ${sampleRateHz} Hz.`,
      { field, hint: 'Frequencies must lie strictly between 0 and half the sampling rate (Nyquist).' },
    );
  }
}

export function assertWindow(w: number, field = 'window'): void {
  if (!Number.isInteger(w) || w < 1) {
    throw new MyoTraceError(
      'DSP_INVALID_WINDOW',
      `${field} must be a positive integer number of samples, got ${String(w)}.`,
      {
        field,
        hint: 'Convert the window to samples with Math.max(1, Math.round(seconds * sampleRateHz)).',
      },
    );
  }
}

export function assertArrayLike(x: ArrayLike<number>, field = 'x'): void {
  if (x === null || typeof x !== 'object' || typeof (x as { length?: unknown }).length !== 'number') {
    throw new MyoTraceError('DSP_INVALID_ARGUMENT', `${field} must be an array of numbers.`, {
      field,
      hint: 'Pass a Float32Array, Float64Array or number[].',
    });
  }
}
