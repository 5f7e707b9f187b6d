import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movingMax, movingMean, movingMin, movingRms, rectify, type WindowAlign } from '../src/index.js';
import { expectClose, loadGolden, naive } from './helpers.js';

interface MovingCase {
  n: number;
  w: number;
  align: WindowAlign;
  x: number[];
  mean: number[];
  rms: number[];
  max: number[];
  min: number[];
  median: number[];
  p10: number[];
  p90: number[];
}
const golden = loadGolden<{ cases: MovingCase[] }>('moving.json');

const mean = (s: number[]): number => s.reduce((a, b) => a + b, 0) / s.length;

describe('moving windows match numpy on truncated windows', () => {
  for (const g of golden.cases) {
    it(`n ${g.n} w ${g.w} ${g.align}`, () => {
      const x = Float32Array.from(g.x);
      const o = { align: g.align };
      expectClose(movingMean(x, g.w, o), g.mean, 1e-9);
      expectClose(movingRms(x, g.w, o), g.rms, 1e-9);
      expect(Array.from(movingMax(x, g.w, o))).toEqual(g.max);
      expect(Array.from(movingMin(x, g.w, o))).toEqual(g.min);
    });
  }
});

describe('moving windows equal a naive O(n·w) reference (property-based)', () => {
  const arb = fc.record({
    x: fc.array(
      fc.integer({ min: -1000, max: 1000 }).map((v) => v / 8),
      { minLength: 0, maxLength: 120 },
    ),
    w: fc.integer({ min: 1, max: 40 }),
    align: fc.constantFrom<WindowAlign>('center', 'trailing'),
  });
  it('mean, rms, max, min', () => {
    fc.assert(
      fc.property(arb, ({ x, w, align }) => {
        const o = { align };
        expectClose(movingMean(x, w, o), naive(x, w, o, mean), 1e-12, 1e-9);
        expectClose(
          movingRms(x, w, o),
          naive(x, w, o, (s) => Math.sqrt(mean(s.map((v) => v * v)))),
          1e-12,
          1e-9,
        );
        expect(Array.from(movingMax(x, w, o))).toEqual(Array.from(naive(x, w, o, (s) => Math.max(...s))));
        expect(Array.from(movingMin(x, w, o))).toEqual(Array.from(naive(x, w, o, (s) => Math.min(...s))));
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('numerical stability and edge cases', () => {
  it('the running mean does not drift over millions of samples with large alternating values', () => {
    // ±1e8 alternation plus small noise and a step: an uncompensated running sum drifts by about
    // 1e-7 here over 3 M steps; the compensated one must stay within 1e-9 of the exact mean.
    const n = 3_000_000;
    const w = 500;
    const x = new Float64Array(n);
    const base = (i: number): number => (i % 2 ? 1e8 : -1e8) + (i > n / 2 ? 5e7 : 0);
    let s = 1;
    for (let i = 0; i < n; i++) {
      s = (s * 16807) % 2147483647;
      x[i] = base(i) + (s / 2147483647) * 0.1;
    }
    const y = movingMean(x, w, { align: 'trailing' });
    let dev = 0;
    for (let i = n - w; i < n; i++) dev += x[i] - base(i);
    const exact = dev / w + 5e7; // the alternating part cancels over an even window
    expect(Math.abs(y[n - 1] - exact)).toBeLessThan(1e-9);
    const r = movingRms(new Float64Array(n).fill(3), 250);
    expect(r[n - 1000]).toBe(3);
  });
  it('window 1 is the identity (|x| for rms); windows longer than the signal use all of it', () => {
    const x = [3, -1, 4, -1, 5];
    expect(Array.from(movingMean(x, 1))).toEqual(x);
    expect(Array.from(movingRms(x, 1))).toEqual(x.map(Math.abs));
    expect(Array.from(movingMax(x, 99))).toEqual([5, 5, 5, 5, 5]);
    expect(Array.from(movingMin(x, 99))).toEqual([-1, -1, -1, -1, -1]);
    // Centred even window of 2 covers [i − 1, i].
    expect(Array.from(movingMean(x, 2))).toEqual([3, 1, 1.5, 1.5, 2]);
    expect(Array.from(movingMax([1, 2, 3, 2, 1], 3, { align: 'trailing' }))).toEqual([1, 2, 3, 3, 3]);
  });
  it('rectify is |x| and inputs are never mutated', () => {
    const x = Float32Array.from([-2, 0, 3.5, -0.25]);
    const copy = Float32Array.from(x);
    expect(Array.from(rectify(x))).toEqual([2, 0, 3.5, 0.25]);
    movingMean(x, 3);
    movingRms(x, 3);
    movingMax(x, 3);
    movingMin(x, 3);
    expect(x).toEqual(copy);
  });
  it('rejects bad windows with DSP_INVALID_WINDOW', () => {
    for (const w of [0, -3, 2.5, Number.NaN]) {
      expect(() => movingMean([1, 2], w)).toThrow(expect.objectContaining({ code: 'DSP_INVALID_WINDOW' }));
      expect(() => movingMax([1, 2], w)).toThrow(expect.objectContaining({ code: 'DSP_INVALID_WINDOW' }));
    }
    expect(() => movingMean([1, 2], 2, { align: 'left' as WindowAlign })).toThrow(
      expect.objectContaining({ code: 'DSP_INVALID_ARGUMENT' }),
    );
  });
});
