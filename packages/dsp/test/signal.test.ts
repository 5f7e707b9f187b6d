import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  butter,
  envelope,
  envelopeDesign,
  minMaxDecimate,
  movingMedian,
  movingPercentile,
  resample,
  resamplePoly,
  resampleRatio,
  sosfiltfilt,
  type WindowAlign,
} from '../src/index.js';
import { expectClose, loadGolden, naive, rng, sine } from './helpers.js';

interface MovingCase {
  n: number;
  w: number;
  align: WindowAlign;
  x: number[];
  median: number[];
  p10: number[];
  p90: number[];
}
interface ResampleCase {
  fromHz: number;
  toHz: number;
  up: number;
  down: number;
  x: number[];
  y: number[];
}

/** numpy.percentile(..., method='linear') on a plain array. */
function percentileRef(seg: number[], p: number): number {
  const s = [...seg].sort((a, b) => a - b);
  const v = (p / 100) * (s.length - 1);
  const k = Math.floor(v);
  const t = v - k;
  return t === 0 ? s[k] : s[k] + (s[k + 1] - s[k]) * t;
}

describe('moving median and percentile', () => {
  const golden = loadGolden<{ cases: MovingCase[] }>('moving.json');
  for (const g of golden.cases) {
    it(`match numpy: n ${g.n} w ${g.w} ${g.align}`, () => {
      const x = Float32Array.from(g.x);
      const o = { align: g.align };
      expectClose(movingMedian(x, g.w, o), g.median, 1e-12, 1e-9);
      expectClose(movingPercentile(x, g.w, 10, o), g.p10, 1e-12, 1e-9);
      expectClose(movingPercentile(x, g.w, 90, o), g.p90, 1e-12, 1e-9);
    });
  }
  it('equal a sort-per-window reference on random data with ties (property-based)', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 0, maxLength: 150 }),
          w: fc.integer({ min: 1, max: 45 }),
          p: fc.oneof(
            fc.constantFrom(0, 50, 100),
            fc.integer({ min: 0, max: 1000 }).map((v) => v / 10),
          ),
          align: fc.constantFrom<WindowAlign>('center', 'trailing'),
        }),
        ({ x, w, p, align }) => {
          const got = movingPercentile(x, w, p, { align });
          const ref = naive(x, w, { align }, (s) => percentileRef(s, p));
          expectClose(got, ref, 1e-12, 1e-9);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
  it('hand-computed values', () => {
    expect(Array.from(movingMedian([5, 1, 4, 2, 3], 3))).toEqual([3, 4, 2, 3, 2.5]);
    expect(Array.from(movingPercentile([1, 2, 3, 4], 4, 25, { align: 'trailing' }))).toEqual([1, 1.25, 1.5, 1.75]);
  });
  it('rejects percentiles outside 0–100', () => {
    for (const p of [-1, 101, Number.NaN]) {
      expect(() => movingPercentile([1], 1, p)).toThrow(expect.objectContaining({ code: 'DSP_INVALID_PERCENTILE' }));
    }
  });
  it('does not mutate its input', () => {
    const x = Float32Array.from([3, 1, 2, 5, 4]);
    movingMedian(x, 3);
    expect(Array.from(x)).toEqual([3, 1, 2, 5, 4]);
  });
});

describe('resample matches scipy.signal.resample_poly', () => {
  const golden = loadGolden<{ cases: ResampleCase[] }>('resample.json');
  for (const g of golden.cases) {
    it(`${g.fromHz} → ${g.toHz} Hz (${g.up}/${g.down})`, () => {
      expect(resampleRatio(g.fromHz, g.toHz)).toEqual({ up: g.up, down: g.down });
      const x = Float32Array.from(g.x);
      expectClose(resample(x, g.fromHz, g.toHz), g.y);
      expectClose(resamplePoly(g.x, g.up, g.down), g.y);
    });
  }
  it('rational approximation for fractional rates, and a coded error when impossible', () => {
    expect(resampleRatio(1000 / 3, 200)).toEqual({ up: 3, down: 5 });
    expect(resampleRatio(199.5, 100)).toEqual({ up: 200, down: 399 });
    expect(() => resampleRatio(Math.PI * 100, 200)).toThrow(expect.objectContaining({ code: 'DSP_RESAMPLE_RATIO' }));
    expect(() => resample([1, 2], 0, 100)).toThrow(expect.objectContaining({ code: 'DSP_INVALID_SAMPLE_RATE' }));
  });
  it('preserves an in-band sine and removes an out-of-band one (anti-aliasing)', () => {
    const fs = 500;
    const keep = resample(sine(5000, fs, 10, 1), fs, 200);
    const ref = sine(2000, 200, 10, 1);
    let err = 0;
    for (let i = 100; i < 1900; i++) err = Math.max(err, Math.abs(keep[i] - ref[i]));
    // Kaiser(β = 5) design: pass-band ripple of order 1e-3, as in scipy.
    expect(err).toBeLessThan(3e-3);
    // 150 Hz is above the new Nyquist (100 Hz): it must not alias into the output.
    const alias = resample(sine(5000, fs, 150, 1), fs, 200);
    let peak = 0;
    for (let i = 100; i < 1900; i++) peak = Math.max(peak, Math.abs(alias[i]));
    expect(peak).toBeLessThan(0.01);
  });
  it('identity for equal rates; never mutates', () => {
    const x = Float32Array.from([1, 2, 3]);
    expect(Array.from(resample(x, 256, 256))).toEqual([1, 2, 3]);
    resample(x, 256, 200);
    expect(Array.from(x)).toEqual([1, 2, 3]);
  });
});

describe('envelope', () => {
  it('is the zero-phase low-pass of |x| with a recorded design', () => {
    const r = rng(3);
    const x = Float64Array.from({ length: 2000 }, () => r() - 0.5);
    const d = envelopeDesign(500, 5);
    expect(d).toEqual(butter(2, 5, 'lowpass', 500));
    const abs = x.map(Math.abs);
    expectClose(envelope(x, 500, 5), sosfiltfilt(d, abs), 1e-12);
  });
  it('recovers the amplitude of a modulated carrier', () => {
    const fs = 1000;
    const n = 6000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = (i >= 2000 && i < 4000 ? 100 : 10) * Math.sin(2 * Math.PI * 80 * (i / fs));
    const e = envelope(x, fs, 4);
    // Mean of |A sin| is 2A/π.
    expect(e[3000]).toBeCloseTo((2 * 100) / Math.PI, 0);
    expect(e[800]).toBeCloseTo((2 * 10) / Math.PI, 0);
    // Zero phase: the rise is centred on the true onset (half-way level reached at sample ≈ 2000).
    const half = (e[800] + e[3000]) / 2;
    let cross = 0;
    for (let i = 1500; i < 2500; i++) if (e[i] < half && e[i + 1] >= half) cross = i;
    expect(Math.abs(cross - 2000)).toBeLessThan(10);
  });
});

describe('minMaxDecimate', () => {
  it('hand-computed buckets', () => {
    const { min, max } = minMaxDecimate([1, 5, -2, 3, 0, 4, 7, -1, 2, 6], 3);
    // Buckets: [0,3) [3,6) [6,10)
    expect(Array.from(min)).toEqual([-2, 0, -1]);
    expect(Array.from(max)).toEqual([5, 4, 7]);
    expect(min).toBeInstanceOf(Float32Array);
  });
  it('every sample is inside its bucket range and the global extremes survive (property-based)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 400 }),
        (x, buckets) => {
          const { min, max } = minMaxDecimate(x, buckets);
          expect(min.length).toBe(buckets);
          expect(Math.min(...min)).toBe(Math.min(...x));
          expect(Math.max(...max)).toBe(Math.max(...x));
          for (let b = 0; b < buckets; b++) expect(min[b]).toBeLessThanOrEqual(max[b]);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
  it('empty input and invalid bucket counts', () => {
    expect(minMaxDecimate([], 10).min.length).toBe(0);
    expect(() => minMaxDecimate([1], 0)).toThrow(expect.objectContaining({ code: 'DSP_INVALID_ARGUMENT' }));
  });
});
