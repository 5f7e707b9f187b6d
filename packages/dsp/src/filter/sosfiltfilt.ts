import { MyoTraceError } from '@myotrace/errors';
import { assertArrayLike } from '../errors.js';
import type { PadType, SosFiltFiltOptions, SosFilterDesign } from '../types.js';
import { packedZi, runSos } from './sosfilt.js';
import { packSos } from './validate.js';

const PAD_TYPES: readonly PadType[] = ['odd', 'even', 'constant', 'none'];

/** scipy's default edge length: 3 × (2·sections + 1 − sections whose b2 and a2 are both zero, counted as scipy does). */
export function defaultPadLen(design: SosFilterDesign): number {
  const sos = design.sos;
  let b2Zero = 0;
  let a2Zero = 0;
  for (const row of sos) {
    if (row[2] === 0) b2Zero++;
    if (row[5] === 0) a2Zero++;
  }
  return 3 * (2 * sos.length + 1 - Math.min(b2Zero, a2Zero));
}

/** Write the extended signal: `edge` mirrored/held samples, x, then the same at the end. */
function extend(x: ArrayLike<number>, edge: number, padType: PadType, ext: Float64Array): void {
  const n = x.length;
  const first = x[0];
  const last = x[n - 1];
  for (let i = 0; i < n; i++) ext[edge + i] = x[i];
  for (let i = 1; i <= edge; i++) {
    // Left side: ext[edge - i] mirrors x[i]; right side: ext[edge + n - 1 + i] mirrors x[n - 1 - i].
    if (padType === 'odd') {
      ext[edge - i] = 2 * first - x[i];
      ext[edge + n - 1 + i] = 2 * last - x[n - 1 - i];
    } else if (padType === 'even') {
      ext[edge - i] = x[i];
      ext[edge + n - 1 + i] = x[n - 1 - i];
    } else {
      ext[edge - i] = first;
      ext[edge + n - 1 + i] = last;
    }
  }
}

/**
 * Zero-phase forward–backward filtering, like
 * `scipy.signal.sosfiltfilt(sos, x, padtype='odd', padlen=None)` by default: the signal is
 * extended at both ends, each pass starts from the steady state (sosfilt_zi) scaled by the
 * first sample it sees, and the extension is cut off again. The magnitude response is the
 * design's squared; the phase is zero. Never mutates `x`.
 *
 * Signals not longer than the pad length throw DSP_SIGNAL_TOO_SHORT unless
 * `onShortSignal: 'shrink'` (pad by length − 1 instead).
 */
export function sosfiltfilt(design: SosFilterDesign, x: ArrayLike<number>, opts: SosFiltFiltOptions = {}): Float64Array {
  assertArrayLike(x);
  const sos = packSos(design);
  const padType = opts.padType ?? 'odd';
  if (!PAD_TYPES.includes(padType)) {
    throw new MyoTraceError('DSP_INVALID_ARGUMENT', `padType must be one of ${PAD_TYPES.join(', ')}, got ${String(padType)}.`, {
      field: 'padType',
    });
  }
  let edge = padType === 'none' ? 0 : (opts.padLen ?? defaultPadLen(design));
  if (!Number.isInteger(edge) || edge < 0) {
    throw new MyoTraceError('DSP_INVALID_ARGUMENT', `padLen must be a non-negative integer, got ${String(opts.padLen)}.`, {
      field: 'padLen',
    });
  }
  const n = x.length;
  if (n <= edge) {
    if (opts.onShortSignal === 'shrink' && n > 0) {
      edge = n - 1;
    } else {
      throw new MyoTraceError(
        'DSP_SIGNAL_TOO_SHORT',
        `Zero-phase filtering needs more than ${edge} samples (the edge padding), got ${n}.`,
        {
          field: 'x',
          hint: "Filter a longer stretch, pass a smaller padLen, or use onShortSignal: 'shrink'.",
        },
      );
    }
  }
  if (n === 0) return new Float64Array(0);
  const m = n + 2 * edge;
  const ext = new Float64Array(m);
  if (edge > 0) extend(x, edge, padType, ext);
  else for (let i = 0; i < n; i++) ext[i] = x[i];

  const zi0 = packedZi(sos);
  const zi = new Float64Array(zi0.length);
  // Forward pass, in place (runSos reads each sample before writing it).
  for (let i = 0; i < zi.length; i++) zi[i] = zi0[i] * ext[0];
  runSos(sos, ext, ext, zi);
  // Backward pass from the end, again in place.
  const yLast = ext[m - 1];
  for (let i = 0; i < zi.length; i++) zi[i] = zi0[i] * yLast;
  runSos(sos, ext, ext, zi, true);
  return edge > 0 ? ext.slice(edge, edge + n) : ext;
}
