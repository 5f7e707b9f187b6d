import { MyoTraceError } from '@myotrace/errors';
import { assertArrayLike } from '../errors.js';
import type { PadType, SosFilterDesign, SosFiltFiltOptions } from '../types.js';
import { packedZi, runSos } from './sosfilt.js';
import { outputBuffer, packSos } from './validate.js';

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

/**
 * Extension samples for one end: pad[k] is the sample k + 1 steps beyond the edge
 * (odd: 2·x_edge − x_mirror; even: x_mirror; constant: x_edge), as scipy's odd_ext/even_ext/const_ext.
 */
function edgePad(x: ArrayLike<number>, edge: number, padType: PadType, atEnd: boolean): Float64Array {
  const n = x.length;
  const pad = new Float64Array(edge);
  const e = atEnd ? x[n - 1] : x[0];
  for (let k = 0; k < edge; k++) {
    const mirror = atEnd ? x[n - 2 - k] : x[k + 1];
    pad[k] = padType === 'odd' ? 2 * e - mirror : padType === 'even' ? mirror : e;
  }
  return pad;
}

function reversed(a: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[a.length - 1 - i];
  return out;
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
export function sosfiltfilt(
  design: SosFilterDesign,
  x: ArrayLike<number>,
  opts: SosFiltFiltOptions = {},
): Float64Array {
  assertArrayLike(x);
  const sos = packSos(design);
  const padType = opts.padType ?? 'odd';
  if (!PAD_TYPES.includes(padType)) {
    throw new MyoTraceError(
      'DSP_INVALID_ARGUMENT',
      `padType must be one of ${PAD_TYPES.join(', ')}, got ${String(padType)}.`,
      {
        field: 'padType',
      },
    );
  }
  let edge = padType === 'none' ? 0 : (opts.padLen ?? defaultPadLen(design));
  if (!Number.isInteger(edge) || edge < 0) {
    throw new MyoTraceError(
      'DSP_INVALID_ARGUMENT',
      `padLen must be a non-negative integer, got ${String(opts.padLen)}.`,
      {
        field: 'padLen',
      },
    );
  }
  const n = x.length;
  if (n <= edge) {
    if (opts.onShortSignal === 'shrink') {
      if (n === 0) return outputBuffer(opts.out, 0);
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
  // The extended signal is [left pad (time-reversed), x, right pad]; it is filtered piecewise so
  // that only the two short pads are allocated besides the output.
  const left = edge > 0 ? reversed(edgePad(x, edge, padType, false)) : new Float64Array(0);
  const right = edge > 0 ? edgePad(x, edge, padType, true) : new Float64Array(0);
  const out = outputBuffer(opts.out, n);
  const zi0 = packedZi(sos);
  const zi = new Float64Array(zi0.length);
  // Forward pass from the steady state for the first extended sample.
  const first = edge > 0 ? left[0] : x[0];
  for (let i = 0; i < zi.length; i++) zi[i] = zi0[i] * first;
  runSos(sos, left, left, zi);
  runSos(sos, x, out, zi);
  runSos(sos, right, right, zi);
  // Backward pass from the steady state for the last forward output. The left pad's backward
  // output would be discarded, so it is not computed.
  const last = edge > 0 ? right[edge - 1] : out[n - 1];
  for (let i = 0; i < zi.length; i++) zi[i] = zi0[i] * last;
  runSos(sos, right, right, zi, true);
  runSos(sos, out, out, zi, true);
  return out;
}
