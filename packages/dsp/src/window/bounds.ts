import { MyoTraceError } from '@myotrace/errors';
import { assertArrayLike, assertWindow } from '../errors.js';
import type { MovingWindowOptions } from '../types.js';

/**
 * Samples before (`left`) and after (`right`) the output sample covered by a window of `w`,
 * with left + right + 1 = w. Centred even windows lean one sample into the past.
 */
export function windowSpan(w: number, opts: MovingWindowOptions | undefined): { left: number; right: number } {
  const align = opts?.align ?? 'center';
  if (align === 'center') {
    const left = Math.floor(w / 2);
    return { left, right: w - 1 - left };
  }
  if (align === 'trailing') return { left: w - 1, right: 0 };
  throw new MyoTraceError('DSP_INVALID_ARGUMENT', `align must be 'center' or 'trailing', got ${String(align)}.`, {
    field: 'align',
  });
}

export function checkWindowArgs(x: ArrayLike<number>, w: number): void {
  assertArrayLike(x);
  assertWindow(w);
}
