import { describe, expect, it } from 'vitest';
import {
  assertSosFilterDesign,
  butter,
  describeFilter,
  type FilterType,
  notch,
  type SosFilterDesign,
  sosfilt,
  sosGain,
} from '../src/index.js';
import { expectClose, loadGolden } from './helpers.js';

interface ButterCase {
  order: number;
  cutoffHz: number | [number, number];
  type: FilterType;
  sampleRateHz: number;
  poleDistanceTie: boolean;
  sos: number[][];
}
interface NotchCase {
  f0Hz: number;
  q: number;
  sampleRateHz: number;
  b: number[];
  a: number[];
}
const golden = loadGolden<{ provenance: { scipy: string }; butter: ButterCase[]; notch: NotchCase[] }>('butter.json');

describe('butter matches scipy.signal.butter(output="sos")', () => {
  it('golden file comes from scipy', () => {
    expect(golden.provenance.scipy).toMatch(/^1\./);
    expect(golden.butter.length).toBeGreaterThan(300);
  });
  for (const g of golden.butter) {
    const label = `${g.type} order ${g.order} ${JSON.stringify(g.cutoffHz)} Hz @ ${g.sampleRateHz} Hz`;
    it(label, () => {
      const d = butter(g.order, g.cutoffHz, g.type, g.sampleRateHz);
      expect(d.sos.length).toBe(g.sos.length);
      if (!g.poleDistanceTie) {
        // Same section order and pairing: compare row by row, numerator and denominator each
        // relative to their largest coefficient (agreement is ~1e-14; 1e-9 leaves headroom).
        for (let s = 0; s < g.sos.length; s++) {
          expectClose(d.sos[s].slice(0, 3), g.sos[s].slice(0, 3), 1e-9, 1);
          expectClose(d.sos[s].slice(3), g.sos[s].slice(3), 1e-9, 1);
        }
      } else {
        // Equal-distance pole pairs: scipy's order there follows rounding noise. The same
        // denominators must appear, and the cascade must behave identically.
        const key = (r: number[]): string => `${r[4].toFixed(9)},${r[5].toFixed(9)}`;
        expect(d.sos.map(key).sort()).toEqual(g.sos.map(key).sort());
      }
      // The cascades behave alike: impulse responses within 1e-6 of their peak (high-order designs
      // near Nyquist amplify last-bit coefficient differences to ~3e-7 here).
      const impulse = new Float64Array(400);
      impulse[0] = 1;
      const ref: SosFilterDesign = { ...d, sos: g.sos };
      expectClose(sosfilt(d, impulse), sosfilt(ref, impulse), 1e-6, 1);
      expect(d).toEqual({
        kind: 'butterworth',
        type: g.type,
        order: g.order,
        cutoffHz: g.cutoffHz,
        sampleRateHz: g.sampleRateHz,
        sos: d.sos,
      });
      expect(JSON.parse(JSON.stringify(d))).toEqual(d);
    });
  }
});

describe('notch matches scipy.signal.iirnotch', () => {
  for (const g of golden.notch) {
    it(`${g.f0Hz} Hz Q ${g.q} @ ${g.sampleRateHz} Hz`, () => {
      const d = notch(g.f0Hz, g.q, g.sampleRateHz);
      expect(d.kind).toBe('notch');
      expect(d.q).toBe(g.q);
      expectClose(d.sos[0], [...g.b, ...g.a], 1e-12, 1e-6);
      expect(sosGain(d, g.f0Hz)).toBeLessThan(1e-9);
      // −3 dB at f0 ± f0/(2Q) (approximately, the bilinear transform warps the edges slightly).
      expect(sosGain(d, 0)).toBeCloseTo(1, 12);
    });
  }
});

describe('Butterworth frequency response (independent of scipy)', () => {
  it('−3 dB at the cutoff, unit gain in the pass band', () => {
    for (const order of [1, 2, 4, 7, 12]) {
      const lp = butter(order, 30, 'lowpass', 250);
      expect(sosGain(lp, 0)).toBeCloseTo(1, 10);
      expect(sosGain(lp, 30)).toBeCloseTo(Math.SQRT1_2, 10);
      const hp = butter(order, 30, 'highpass', 250);
      expect(sosGain(hp, 125)).toBeCloseTo(1, 10);
      expect(sosGain(hp, 30)).toBeCloseTo(Math.SQRT1_2, 10);
      const bp = butter(order, [20, 60], 'bandpass', 250);
      expect(sosGain(bp, 20)).toBeCloseTo(Math.SQRT1_2, 10);
      expect(sosGain(bp, 60)).toBeCloseTo(Math.SQRT1_2, 10);
      expect(sosGain(bp, Math.sqrt(20 * 60) * 1.0)).toBeGreaterThan(0.99);
      const bs = butter(order, [45, 55], 'bandstop', 250);
      expect(sosGain(bs, 0)).toBeCloseTo(1, 10);
      expect(sosGain(bs, 45)).toBeCloseTo(Math.SQRT1_2, 10);
    }
  });
  it('order-n roll-off: about 6n dB per octave well above the cutoff', () => {
    const lp = butter(4, 10, 'lowpass', 1000);
    const ratio = 20 * Math.log10(sosGain(lp, 80) / sosGain(lp, 40));
    expect(ratio).toBeGreaterThan(-25);
    expect(ratio).toBeLessThan(-23);
  });
});

describe('validation', () => {
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (e) {
      return (e as { code?: string }).code;
    }
    return undefined;
  };
  it('rejects bad orders, frequencies and rates with DSP_* codes', () => {
    expect(code(() => butter(0, 10, 'lowpass', 100))).toBe('DSP_INVALID_ORDER');
    expect(code(() => butter(13, 10, 'lowpass', 100))).toBe('DSP_INVALID_ORDER');
    expect(code(() => butter(2.5, 10, 'lowpass', 100))).toBe('DSP_INVALID_ORDER');
    expect(code(() => butter(2, 50, 'lowpass', 100))).toBe('DSP_INVALID_FREQUENCY');
    expect(code(() => butter(2, 0, 'highpass', 100))).toBe('DSP_INVALID_FREQUENCY');
    expect(code(() => butter(2, Number.NaN, 'highpass', 100))).toBe('DSP_INVALID_FREQUENCY');
    expect(code(() => butter(2, [30, 20], 'bandpass', 100))).toBe('DSP_INVALID_FREQUENCY');
    expect(code(() => butter(2, 20, 'bandpass', 100))).toBe('DSP_INVALID_FREQUENCY');
    expect(code(() => butter(2, [10, 20], 'lowpass', 100))).toBe('DSP_INVALID_FREQUENCY');
    expect(code(() => butter(2, 10, 'lowpass', -1))).toBe('DSP_INVALID_SAMPLE_RATE');
    expect(code(() => butter(2, 10, 'lowpass', Number.POSITIVE_INFINITY))).toBe('DSP_INVALID_SAMPLE_RATE');
    expect(code(() => butter(2, 10, 'allpass' as FilterType, 100))).toBe('DSP_INVALID_FILTER_TYPE');
    expect(code(() => notch(60, 30, 100))).toBe('DSP_INVALID_FREQUENCY');
    expect(code(() => notch(50, 0, 200))).toBe('DSP_INVALID_ARGUMENT');
  });
});

describe('describeFilter and assertSosFilterDesign', () => {
  it('describes designs in one line', () => {
    expect(describeFilter(butter(4, [10, 100], 'bandpass', 500), { zeroPhase: true })).toBe(
      'Butterworth band-pass 10–100 Hz, order 4, zero-phase (fs 500 Hz)',
    );
    expect(describeFilter(butter(2, 0.5, 'highpass', 256))).toBe('Butterworth high-pass 0.5 Hz, order 2 (fs 256 Hz)');
    expect(describeFilter(notch(50, 30, 200))).toBe('notch 50 Hz, Q 30 (fs 200 Hz)');
  });
  it('accepts designs round-tripped through JSON and rejects damaged ones', () => {
    const d = JSON.parse(JSON.stringify(butter(3, [1, 20], 'bandstop', 100)));
    expect(assertSosFilterDesign(d)).toBe(d);
    const bad = [
      null,
      { ...d, kind: 'chebyshev' },
      { ...d, type: 'allpass' },
      { ...d, order: 0 },
      { ...d, sampleRateHz: -5 },
      { ...d, cutoffHz: [1] },
      { ...d, sos: [[1, 2, 3]] },
      { ...notch(50, 30, 200), q: undefined },
    ];
    for (const b of bad) {
      expect(() => assertSosFilterDesign(b)).toThrow(expect.objectContaining({ code: 'DSP_INVALID_DESIGN' }));
    }
  });
});
