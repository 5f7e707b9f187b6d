import { MyoTraceError } from '@myotrace/errors';
import { assertBelowNyquist, assertSampleRate } from '../errors.js';
import type { FilterType, SosFilterDesign } from '../types.js';
import { bilinear, buttap, lp2bp, lp2bs, lp2hp, lp2lp, type Zpk, zpk2sos } from './zpk.js';

const TYPES: readonly FilterType[] = ['lowpass', 'highpass', 'bandpass', 'bandstop'];
export const MAX_BUTTER_ORDER = 12;

/**
 * Digital Butterworth filter as second-order sections, equivalent to
 * `scipy.signal.butter(order, cutoffHz, type, output='sos', fs=sampleRateHz)`
 * (same poles, zeros, gain placement and section order).
 *
 * Band filters take `[lowHz, highHz]` and, as in scipy, have 2 × order poles.
 * Apply with `sosfilt` (causal) or `sosfiltfilt` (zero phase, doubles the order's attenuation).
 */
export function butter(
  order: number,
  cutoffHz: number | readonly [number, number],
  type: FilterType,
  sampleRateHz: number,
): SosFilterDesign {
  if (!Number.isInteger(order) || order < 1 || order > MAX_BUTTER_ORDER) {
    throw new MyoTraceError(
      'DSP_INVALID_ORDER',
      `Butterworth order must be an integer 1..${MAX_BUTTER_ORDER}, got ${String(order)}.`,
      {
        field: 'order',
        hint: 'Orders 2–5 are usual for EMG; higher orders in second-order sections are stable but rarely needed.',
      },
    );
  }
  if (!TYPES.includes(type)) {
    throw new MyoTraceError(
      'DSP_INVALID_FILTER_TYPE',
      `Filter type must be one of ${TYPES.join(', ')}, got ${String(type)}.`,
      {
        field: 'type',
      },
    );
  }
  assertSampleRate(sampleRateHz);
  const band = type === 'bandpass' || type === 'bandstop';
  let edges: number[];
  if (band) {
    if (!Array.isArray(cutoffHz) || cutoffHz.length !== 2) {
      throw new MyoTraceError(
        'DSP_INVALID_FREQUENCY',
        `A ${type} filter needs two cutoff frequencies [lowHz, highHz].`,
        {
          field: 'cutoffHz',
          hint: 'Pass cutoffHz as a two-element array, e.g. [10, 100].',
        },
      );
    }
    edges = [cutoffHz[0], cutoffHz[1]];
    assertBelowNyquist(edges[0], sampleRateHz, 'cutoffHz[0]');
    assertBelowNyquist(edges[1], sampleRateHz, 'cutoffHz[1]');
    if (!(edges[0] < edges[1])) {
      throw new MyoTraceError('DSP_INVALID_FREQUENCY', `Band edges must increase, got [${edges[0]}, ${edges[1]}] Hz.`, {
        field: 'cutoffHz',
        hint: 'Give [lowHz, highHz] with lowHz < highHz.',
      });
    }
  } else {
    if (typeof cutoffHz !== 'number') {
      throw new MyoTraceError('DSP_INVALID_FREQUENCY', `A ${type} filter needs a single cutoff frequency in Hz.`, {
        field: 'cutoffHz',
      });
    }
    edges = [cutoffHz];
    assertBelowNyquist(cutoffHz, sampleRateHz, 'cutoffHz');
  }

  // Pre-warp the normalised edges (fs = 2 internally, as scipy) for the bilinear transform.
  const fsNorm = 2;
  const warped = edges.map((f) => 2 * fsNorm * Math.tan((Math.PI * ((2 * f) / sampleRateHz)) / fsNorm));
  const proto = buttap(order);
  let analog: Zpk;
  if (type === 'lowpass') analog = lp2lp(proto, warped[0]);
  else if (type === 'highpass') analog = lp2hp(proto, warped[0]);
  else {
    const bw = warped[1] - warped[0];
    const wo = Math.sqrt(warped[0] * warped[1]);
    analog = type === 'bandpass' ? lp2bp(proto, wo, bw) : lp2bs(proto, wo, bw);
  }
  const sos = zpk2sos(bilinear(analog, fsNorm));
  return {
    kind: 'butterworth',
    type,
    order,
    cutoffHz: band ? [edges[0], edges[1]] : edges[0],
    sampleRateHz,
    sos,
  };
}
