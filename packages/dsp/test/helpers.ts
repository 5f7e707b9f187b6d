import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export function loadGolden<T>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'golden', name), 'utf8')) as T;
}

/**
 * Element-wise agreement within `rel` relative error; values near zero (below `floorFrac` of the
 * array's peak magnitude) are compared with the absolute tolerance rel × floorFrac × peak instead.
 */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel = 1e-6,
  floorFrac = 1e-3,
): void {
  expect(actual.length).toBe(expected.length);
  let peak = 0;
  for (let i = 0; i < expected.length; i++) peak = Math.max(peak, Math.abs(expected[i]));
  const floor = floorFrac * peak;
  let worst = 0;
  let worstAt = -1;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), floor, Number.MIN_VALUE);
    if (!(err <= worst)) {
      worst = err;
      worstAt = i;
    }
  }
  if (!(worst <= rel)) {
    throw new Error(`max relative error ${worst} at ${worstAt}: got ${actual[worstAt]}, expected ${expected[worstAt]}`);
  }
}

/** Deterministic pseudo-random numbers (mulberry32) for invariant tests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sine(n: number, fs: number, fHz: number, amp = 1, phase = 0): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = amp * Math.sin(2 * Math.PI * fHz * (i / fs) + phase);
  return out;
}

/** Naive O(n·w) reference with the documented truncated-window semantics. */
export function naive(
  x: ArrayLike<number>,
  w: number,
  opts: { align?: 'center' | 'trailing' },
  stat: (seg: number[]) => number,
): Float64Array {
  const n = x.length;
  const left = opts.align === 'trailing' ? w - 1 : Math.floor(w / 2);
  const right = w - 1 - left;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const seg: number[] = [];
    for (let j = Math.max(0, i - left); j <= Math.min(n - 1, i + right); j++) seg.push(x[j]);
    out[i] = stat(seg);
  }
  return out;
}
