import { MyoTraceError } from '@myotrace/errors';
import { assertBelowNyquist, assertFinite, assertSampleRate } from '../errors.js';
import type { SosFilterDesign } from '../types.js';

/**
 * Second-order IIR notch at `f0Hz` with quality factor `q` (−3 dB bandwidth = f0/q),
 * equivalent to `scipy.signal.iirnotch(f0Hz, q, fs=sampleRateHz)` as one SOS row.
 * Typical mains suppression: notch(50, 30, fs) or notch(60, 30, fs).
 */
export function notch(f0Hz: number, q: number, sampleRateHz: number): SosFilterDesign {
  assertSampleRate(sampleRateHz);
  assertBelowNyquist(f0Hz, sampleRateHz, 'f0Hz');
  assertFinite(q, 'q', 'DSP_INVALID_ARGUMENT');
  if (q <= 0) {
    throw new MyoTraceError('DSP_INVALID_ARGUMENT', `Notch quality factor q must be positive, got ${q}.`, {
      field: 'q',
      hint: 'q = f0 / bandwidth; 30 gives a 1.7 Hz wide notch at 50 Hz.',
    });
  }
  const w0 = (2 * f0Hz) / sampleRateHz; // fraction of Nyquist
  const bw = (w0 / q) * Math.PI;
  const w0Rad = w0 * Math.PI;
  // Attenuation at the band edges is −3 dB (gb = 1/√2), so √(1 − gb²)/gb = 1.
  const beta = Math.tan(bw / 2);
  const gain = 1 / (1 + beta);
  const cosW0 = Math.cos(w0Rad);
  return {
    kind: 'notch',
    type: 'bandstop',
    order: 2,
    cutoffHz: f0Hz,
    sampleRateHz,
    q,
    sos: [[gain, -2 * gain * cosW0, gain, 1, -2 * gain * cosW0, 2 * gain - 1]],
  };
}
