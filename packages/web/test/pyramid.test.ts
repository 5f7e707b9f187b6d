// Min/max pyramid and per-pixel-column decimation, checked against a brute-force reference on random signals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBuckets, addChunk, bucketsOf, columnsMinMax, createPyramid, PYRAMID_BASE } from '../src/viewer/pyramid.js';

function bruteColumns(x: Float32Array, from: number, to: number, cols: number) {
  const spp = (to - from) / cols;
  const mins: number[] = [];
  const maxs: number[] = [];
  for (let c = 0; c < cols; c++) {
    const a = from + c * spp;
    const b = a + spp;
    let mn = Infinity;
    let mx = -Infinity;
    for (let i = Math.max(0, Math.floor(a)); i < Math.min(x.length, Math.ceil(b)); i++) { mn = Math.min(mn, x[i]); mx = Math.max(mx, x[i]); }
    mins.push(mn); maxs.push(mx);
  }
  return { mins, maxs };
}

describe('pyramid', () => {
  it('whole-signal columns aligned to buckets equal brute-force min/max exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.constantFrom(1, 2, 3, 5, 8, 64, 128), fc.integer({ min: 0, max: 1e6 }), (cols, mult, seed) => {
      // n chosen so that each column covers whole buckets of every level it may use: then the answer is exact.
      const n = cols * PYRAMID_BASE * mult;
      const x = new Float32Array(n);
      let s = seed;
      for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) % 2147483648; x[i] = (s / 2147483648) * 200 - 100; }
      const p = createPyramid(n);
      // Feed in uneven chunks, as the worker would.
      for (let o = 0; o < n; o += 777) addChunk(p, o, x.subarray(o, Math.min(n, o + 777)));
      const mn = new Float32Array(cols);
      const mx = new Float32Array(cols);
      columnsMinMax(p, null, 0, n, mn, mx);
      const ref = bruteColumns(x, 0, n, cols);
      expect(Array.from(mn)).toEqual(ref.mins.map((v) => Math.fround(v)));
      expect(Array.from(mx)).toEqual(ref.maxs.map((v) => Math.fround(v)));
    }), { numRuns: 40 });
  });

  it('unaligned columns contain the exact min/max and stay within a quarter column of it', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 300 }), fc.integer({ min: 5000, max: 30000 }), fc.integer({ min: 0, max: 1e6 }), (cols, n, seed) => {
      const x = new Float32Array(n);
      let s = seed;
      for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) % 2147483648; x[i] = (s / 2147483648) * 200 - 100; }
      const p = createPyramid(n);
      addChunk(p, 0, x);
      const from = Math.floor(n / 7);
      const mn = new Float32Array(cols);
      const mx = new Float32Array(cols);
      columnsMinMax(p, null, from, n, mn, mx);
      const spp = (n - from) / cols;
      for (let c = 0; c < cols; c++) {
        const a = Math.floor(from + c * spp);
        const b = Math.min(n, Math.ceil(from + (c + 1) * spp));
        let emn = Infinity; let emx = -Infinity;
        for (let i = a; i < b; i++) { emn = Math.min(emn, x[i]); emx = Math.max(emx, x[i]); }
        expect(mn[c]).toBeLessThanOrEqual(emn);
        expect(mx[c]).toBeGreaterThanOrEqual(emx);
        const pad = Math.ceil(spp / 4) + PYRAMID_BASE;
        let wmn = Infinity; let wmx = -Infinity;
        for (let i = Math.max(0, a - pad); i < Math.min(n, b + pad); i++) { wmn = Math.min(wmn, x[i]); wmx = Math.max(wmx, x[i]); }
        expect(mn[c]).toBeGreaterThanOrEqual(wmn);
        expect(mx[c]).toBeLessThanOrEqual(wmx);
      }
    }), { numRuns: 30 });
  });

  it('raw path equals brute force when zoomed in (columns narrower than a bucket)', () => {
    const x = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7) * 50 + (i % 13));
    const p = createPyramid(x.length);
    addChunk(p, 0, x);
    const cols = 100;
    const mn = new Float32Array(cols);
    const mx = new Float32Array(cols);
    columnsMinMax(p, { start: 0, data: x }, 200, 400, mn, mx); // 2 samples per column
    for (let c = 0; c < cols; c++) {
      // raw path includes the next sample so that lines connect
      const a = 200 + 2 * c;
      const ref = [x[a], x[a + 1], x[a + 2]];
      expect(mn[c]).toBe(Math.min(...ref));
      expect(mx[c]).toBe(Math.max(...ref));
    }
  });

  it('worker buckets (addBuckets) give the same pyramid as folding samples (addChunk)', () => {
    const n = PYRAMID_BASE * 8 * 8 * 3 + 17;
    const x = Float32Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) - 500);
    const a = createPyramid(n);
    addChunk(a, 0, x);
    const b = createPyramid(n);
    const chunk = PYRAMID_BASE * 100;
    for (let o = 0; o < n; o += chunk) {
      const { mins, maxs } = bucketsOf(x.subarray(o, Math.min(n, o + chunk)));
      addBuckets(b, o / PYRAMID_BASE, mins, maxs);
    }
    for (let k = 0; k < a.levels.length; k++) {
      expect(Array.from(b.levels[k].min)).toEqual(Array.from(a.levels[k].min));
      expect(Array.from(b.levels[k].max)).toEqual(Array.from(a.levels[k].max));
    }
    expect(b.filled).toBe(n);
  });

  it('columns without data yet are NaN (overview still filling)', () => {
    const p = createPyramid(PYRAMID_BASE * 100);
    addChunk(p, 0, new Float32Array(PYRAMID_BASE * 50).fill(3));
    const mn = new Float32Array(10);
    const mx = new Float32Array(10);
    columnsMinMax(p, null, 0, PYRAMID_BASE * 100, mn, mx);
    expect(Array.from(mn.slice(0, 5))).toEqual([3, 3, 3, 3, 3]);
    expect(mn.slice(5).every((v) => Number.isNaN(v))).toBe(true);
  });
});
