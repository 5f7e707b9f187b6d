import { MyoTraceError } from '@myotrace/errors';
import type { SosFilterDesign } from '../types.js';

/** Coefficients of a validated design packed row-major into a Float64Array (6 per section). */
export function packSos(design: SosFilterDesign): Float64Array {
  const sos = design?.sos;
  if (!Array.isArray(sos) || sos.length === 0) {
    throw new MyoTraceError('DSP_INVALID_DESIGN', 'Filter design has no second-order sections.', {
      field: 'sos',
      hint: 'Create designs with butter() or notch().',
    });
  }
  const out = new Float64Array(sos.length * 6);
  for (let s = 0; s < sos.length; s++) {
    const row = sos[s];
    if (!Array.isArray(row) || row.length !== 6 || !row.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new MyoTraceError(
        'DSP_INVALID_DESIGN',
        `Section ${s} must be six finite numbers [b0, b1, b2, 1, a1, a2].`,
        {
          field: 'sos',
        },
      );
    }
    if (row[3] !== 1) {
      throw new MyoTraceError(
        'DSP_INVALID_DESIGN',
        `Section ${s} has a0 = ${row[3]}; sections must be normalised to a0 = 1.`,
        {
          field: 'sos',
          hint: 'Divide every coefficient of the section by a0.',
        },
      );
    }
    for (let i = 0; i < 6; i++) out[s * 6 + i] = row[i];
  }
  return out;
}

/** The caller's output buffer (checked and trimmed to n) or a new one. */
export function outputBuffer(out: Float64Array | undefined, n: number): Float64Array {
  if (out === undefined) return new Float64Array(n);
  if (!(out instanceof Float64Array) || out.length < n) {
    throw new MyoTraceError('DSP_INVALID_ARGUMENT', `out must be a Float64Array of at least ${n} samples.`, {
      field: 'out',
      hint: 'Allocate the output buffer once with the largest block length.',
    });
  }
  return out.length === n ? out : out.subarray(0, n);
}
