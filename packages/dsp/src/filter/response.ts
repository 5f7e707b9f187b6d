import { assertFinite } from '../errors.js';
import type { SosFilterDesign } from '../types.js';
import { packSos } from './validate.js';

/**
 * Magnitude of the design's frequency response |H(e^{jω})| at `freqHz` (single pass;
 * square it for sosfiltfilt). Useful to document a design and to check it in tests.
 */
export function sosGain(design: SosFilterDesign, freqHz: number): number {
  assertFinite(freqHz, 'freqHz', 'DSP_INVALID_FREQUENCY');
  const sos = packSos(design);
  const w = (2 * Math.PI * freqHz) / design.sampleRateHz;
  // z^-1 = e^{-jω}; evaluate each quadratic in z^-1.
  const c1 = Math.cos(w);
  const s1 = -Math.sin(w);
  const c2 = Math.cos(2 * w);
  const s2 = -Math.sin(2 * w);
  let mag = 1;
  for (let o = 0; o < sos.length; o += 6) {
    const nr = sos[o] + sos[o + 1] * c1 + sos[o + 2] * c2;
    const ni = sos[o + 1] * s1 + sos[o + 2] * s2;
    const dr = sos[o + 3] + sos[o + 4] * c1 + sos[o + 5] * c2;
    const di = sos[o + 4] * s1 + sos[o + 5] * s2;
    mag *= Math.hypot(nr, ni) / Math.hypot(dr, di);
  }
  return mag;
}
