import { describe, expect, it } from 'vitest';
import {
  butter,
  defaultPadLen,
  notch,
  type PadType,
  type SosFilterDesign,
  sosfilt,
  sosfiltfilt,
  sosfiltZi,
} from '../src/index.js';
import { expectClose, loadGolden, rng, sine } from './helpers.js';

interface FilterCase {
  order?: number;
  cutoffHz?: number | [number, number];
  type?: 'lowpass' | 'highpass' | 'bandpass' | 'bandstop';
  notch?: { f0Hz: number; q: number };
  sampleRateHz: number;
  padtype: PadType;
  padlen: number | null;
  sos: number[][];
  zi: number[][];
  sosfilt: number[];
  sosfiltSteady: number[];
  sosfiltfilt: number[];
}
const golden = loadGolden<{ x: number[]; cases: FilterCase[] }>('filter.json');
const x32 = Float32Array.from(golden.x);

function designOf(g: FilterCase): SosFilterDesign {
  if (g.notch) return notch(g.notch.f0Hz, g.notch.q, g.sampleRateHz);
  return butter(g.order as number, g.cutoffHz as number, g.type as 'lowpass', g.sampleRateHz);
}

describe('sosfilt / sosfilt_zi / sosfiltfilt match scipy', () => {
  for (const g of golden.cases) {
    const label = g.notch
      ? `notch ${g.notch.f0Hz} Hz`
      : `${g.type} ${g.order} ${JSON.stringify(g.cutoffHz)} pad ${g.padtype}/${g.padlen ?? 'default'}`;
    it(label, () => {
      const d = designOf(g);
      // The input is float32-representable, so the Float32Array holds exactly scipy's input.
      expect(Array.from(x32)).toEqual(golden.x);
      expectClose(sosfiltZi(d).flat(), g.zi.flat(), 1e-6, 1e-6);
      expectClose(sosfilt(d, x32), g.sosfilt);
      expectClose(sosfilt(d, x32, { initial: 'steady' }), g.sosfiltSteady);
      const opts = { padType: g.padtype, ...(g.padlen === null ? {} : { padLen: g.padlen }) };
      expectClose(sosfiltfilt(d, x32, opts), g.sosfiltfilt);
      expectClose(sosfiltfilt(d, golden.x, opts), g.sosfiltfilt);
    });
  }
});

describe('zero-phase filtering invariants', () => {
  const fs = 500;
  it('a pass-band sine comes out with no lag and unit gain', () => {
    const bp = butter(4, [10, 100], 'bandpass', fs);
    const x = sine(5000, fs, 40, 100);
    const y = sosfiltfilt(bp, x);
    // Away from the edges the output equals the input (|H|² ≈ 1 at 40 Hz, zero phase).
    let maxErr = 0;
    let cross = 0;
    for (let i = 1000; i < 4000; i++) {
      maxErr = Math.max(maxErr, Math.abs(y[i] - x[i]));
      cross += y[i] * x[i];
    }
    expect(maxErr).toBeLessThan(1.5); // 1.5 % of the amplitude: |H(40 Hz)|² of this design is 0.99
    // The cross-correlation peaks at lag 0: a one-sample shift correlates worse.
    let shifted = 0;
    for (let i = 1000; i < 4000; i++) shifted += y[i + 1] * x[i];
    expect(cross).toBeGreaterThan(shifted);
  });
  it('a causal filter does lag, which sosfiltfilt removes (peak lag measured)', () => {
    const lp = butter(4, 5, 'lowpass', fs);
    const x = sine(5000, fs, 2, 1);
    const lagOf = (y: Float64Array): number => {
      let best = 0;
      let bestLag = 0;
      for (let lag = -50; lag <= 50; lag++) {
        let s = 0;
        for (let i = 1000; i < 4000; i++) s += y[i + lag] * x[i];
        if (s > best) {
          best = s;
          bestLag = lag;
        }
      }
      return bestLag;
    };
    expect(lagOf(sosfilt(lp, x))).toBeGreaterThan(10);
    expect(lagOf(sosfiltfilt(lp, x))).toBe(0);
  });
  it('stop-band sines are attenuated as the squared design response predicts', () => {
    const hp = butter(4, 20, 'highpass', fs);
    const x = sine(6000, fs, 2, 100);
    const y = sosfiltfilt(hp, x);
    let peak = 0;
    for (let i = 1000; i < 5000; i++) peak = Math.max(peak, Math.abs(y[i]));
    // |H(2 Hz)| = 1/√(1 + (20/2)^8) ≈ 1e-4 for the analog prototype; squared ≈ 1e-8 → < 1e-5 of 100.
    expect(peak).toBeLessThan(1e-3);
    const bs = notch(50, 30, fs);
    const hum = sosfiltfilt(bs, sine(6000, fs, 50, 100));
    let humPeak = 0;
    for (let i = 1000; i < 5000; i++) humPeak = Math.max(humPeak, Math.abs(hum[i]));
    expect(humPeak).toBeLessThan(0.01);
  });
  it('DC gain: low-pass and band-stop keep a constant, high-pass and band-pass remove it', () => {
    const c = new Float64Array(3000).fill(37.5);
    const keep = [butter(3, 10, 'lowpass', fs), butter(3, [45, 55], 'bandstop', fs), notch(50, 30, fs)];
    for (const d of keep) {
      const y = sosfiltfilt(d, c);
      for (let i = 0; i < y.length; i += 97) expect(y[i]).toBeCloseTo(37.5, 9);
    }
    // Steady-state start: the causal filter has no transient on a constant either.
    const yc = sosfilt(butter(3, 10, 'lowpass', fs), c, { initial: 'steady' });
    for (let i = 0; i < yc.length; i += 97) expect(yc[i]).toBeCloseTo(37.5, 9);
    // From rest, the same filter rings up to the level first.
    expect(sosfilt(butter(3, 10, 'lowpass', fs), c)[0]).toBeLessThan(1);
    for (const d of [butter(3, 10, 'highpass', fs), butter(3, [10, 100], 'bandpass', fs)]) {
      const y = sosfiltfilt(d, c);
      for (let i = 0; i < y.length; i += 97) expect(Math.abs(y[i])).toBeLessThan(1e-9);
    }
  });
  it('linearity: filtering a sum equals the sum of filtered parts', () => {
    const r = rng(7);
    const a = Float64Array.from({ length: 800 }, () => r() - 0.5);
    const b = Float64Array.from({ length: 800 }, () => r() - 0.5);
    const d = butter(5, [5, 60], 'bandpass', 250);
    const sum = a.map((v, i) => 2 * v + b[i]);
    const ya = sosfiltfilt(d, a);
    const yb = sosfiltfilt(d, b);
    expectClose(
      sosfiltfilt(d, sum),
      ya.map((v, i) => 2 * v + yb[i]),
      1e-9,
      1e-3,
    );
  });
  it('never mutates inputs or the design', () => {
    const d = butter(4, [10, 100], 'bandpass', fs);
    const dCopy = JSON.parse(JSON.stringify(d));
    const x = Float32Array.from(golden.x);
    const xCopy = Float32Array.from(x);
    const arr = [...golden.x];
    sosfilt(d, x);
    sosfiltfilt(d, x);
    sosfiltfilt(d, arr, { padType: 'even' });
    sosfiltfilt(d, x, { padType: 'none' });
    expect(x).toEqual(xCopy);
    expect(arr).toEqual(golden.x);
    expect(d).toEqual(dCopy);
  });
});

describe('edge cases', () => {
  const d = butter(4, [10, 100], 'bandpass', 500);
  it('default pad length as scipy computes it', () => {
    expect(defaultPadLen(d)).toBe(3 * (2 * 4 + 1));
    // Odd low-pass: one section has b2 = a2 = 0, so one tap fewer.
    expect(defaultPadLen(butter(3, 15, 'lowpass', 256))).toBe(3 * (2 * 2 + 1 - 1));
  });
  it('signals not longer than the pad throw DSP_SIGNAL_TOO_SHORT, or shrink on request', () => {
    const short = new Float64Array(27).fill(1);
    expect(() => sosfiltfilt(d, short)).toThrow(expect.objectContaining({ code: 'DSP_SIGNAL_TOO_SHORT' }));
    const y = sosfiltfilt(butter(2, 10, 'lowpass', 500), short, { onShortSignal: 'shrink' });
    expect(y.length).toBe(27);
    for (const v of y) expect(v).toBeCloseTo(1, 9);
    expect(sosfiltfilt(d, new Float64Array(28)).length).toBe(28);
    expect(sosfiltfilt(d, [], { onShortSignal: 'shrink' }).length).toBe(0);
    expect(() => sosfiltfilt(d, [])).toThrow(expect.objectContaining({ code: 'DSP_SIGNAL_TOO_SHORT' }));
  });
  it('empty input gives empty output for sosfilt', () => {
    expect(sosfilt(d, []).length).toBe(0);
  });
  it('rejects malformed designs', () => {
    const bad = { ...d, sos: [[1, 0, 0, 2, 0, 0]] };
    expect(() => sosfilt(bad, [1, 2, 3])).toThrow(expect.objectContaining({ code: 'DSP_INVALID_DESIGN' }));
    expect(() => sosfilt({ ...d, sos: [] }, [1])).toThrow(expect.objectContaining({ code: 'DSP_INVALID_DESIGN' }));
    expect(() => sosfiltfilt(d, new Float64Array(100), { padType: 'zero' as PadType })).toThrow(
      expect.objectContaining({ code: 'DSP_INVALID_ARGUMENT' }),
    );
  });
});

describe('caller-provided output buffers', () => {
  const d = butter(3, [5, 60], 'bandpass', 250);
  const x = Float32Array.from(golden.x);
  it('give the same values as fresh arrays, also in place and with a larger buffer', () => {
    const ref = sosfiltfilt(d, x);
    const big = new Float64Array(x.length + 100).fill(Number.NaN);
    const y = sosfiltfilt(d, x, { out: big });
    expect(y.buffer).toBe(big.buffer);
    expect(Array.from(y)).toEqual(Array.from(ref));
    const inPlace = Float64Array.from(x);
    expect(sosfiltfilt(d, inPlace, { out: inPlace })).toBe(inPlace);
    expect(Array.from(inPlace)).toEqual(Array.from(ref));
    const c = Float64Array.from(x);
    sosfilt(d, c, { out: c, initial: 'steady' });
    expect(Array.from(c)).toEqual(Array.from(sosfilt(d, x, { initial: 'steady' })));
  });
  it('reject a buffer that is too short', () => {
    expect(() => sosfiltfilt(d, x, { out: new Float64Array(10) })).toThrow(
      expect.objectContaining({ code: 'DSP_INVALID_ARGUMENT' }),
    );
    expect(() => sosfilt(d, x, { out: new Float32Array(x.length) as unknown as Float64Array })).toThrow(
      expect.objectContaining({ code: 'DSP_INVALID_ARGUMENT' }),
    );
  });
});
