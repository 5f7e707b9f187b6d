import { assertArrayLike } from '../errors.js';

/** Full-wave rectification |x| into a new Float64Array. */
export function rectify(x: ArrayLike<number>): Float64Array {
  assertArrayLike(x);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = Math.abs(x[i]);
  return out;
}
