import { butter, notch, sosfiltfilt } from '@myotrace/dsp';
import { describe, expect, it } from 'vitest';
import { BlockFilter } from '../src/lm/blockFilter.js';
import { detectLegMovements, resolveLegMovementSettings, toMicrovolts } from '../src/lm/index.js';
import { createSimRng } from '../src/simulate/random.js';

// Hand-built signals. A sinusoidal "burst" at 400/9 Hz fills the 0.09 s smoothing window with
// exactly 8 half-cycles, so the amplitude trace of a burst of peak A is A·2/π (the mean of a
// rectified sine) up to the band-pass gain at that frequency (measured below). With a silent
// background the baseline is 0, so thresholds can be probed exactly.
const FS = 500;
const F_BURST = 400 / 9;
const quiet = { mains: { mode: 'off' as const }, ecg: { mode: 'off' as const }, smoothingSec: 0.09 };

/** Peak amplitude whose band-passed, rectified mean equals `meanUv`. */
function peakFor(meanUv: number): number {
  // gain of the zero-phase band-pass at F_BURST, measured on a long sine
  const s = new Float64Array(FS * 4);
  for (let i = 0; i < s.length; i++) s[i] = Math.sin((2 * Math.PI * F_BURST * i) / FS);
  const y = sosfiltfilt(butter(2, [10, 100], 'bandpass', FS), s);
  let peak = 0;
  for (let i = FS; i < 3 * FS; i++) peak = Math.max(peak, Math.abs(y[i]));
  return (meanUv * Math.PI) / 2 / peak;
}

/** Silent signal with sine bursts: [onsetSec, durationSec, meanRectifiedUv]. */
function bursts(totalSec: number, list: [number, number, number][]): Float32Array {
  const x = new Float32Array(Math.round(totalSec * FS));
  for (const [on, dur, mean] of list) {
    const a = peakFor(mean);
    const i0 = Math.round(on * FS);
    const i1 = Math.round((on + dur) * FS);
    for (let i = i0; i < i1; i++) x[i] += a * Math.sin((2 * Math.PI * F_BURST * (i - i0)) / FS);
  }
  return x;
}

function gaussNoise(seed: number, n: number, sd: number): Float32Array {
  const x = new Float32Array(n);
  createSimRng(seed).fillGauss(x);
  for (let i = 0; i < n; i++) x[i] *= sd;
  return x;
}

describe('detectLegMovements: thresholds on hand-built signals', () => {
  it('finds a 2 s burst at its onset and offset', () => {
    const r = detectLegMovements(bursts(60, [[20, 2, 20]]), FS, quiet);
    expect(r.events).toHaveLength(1);
    expect(r.events[0].onsetSec).toBeCloseTo(20, 1);
    expect(Math.abs(r.events[0].onsetSec - 20)).toBeLessThan(0.06);
    expect(Math.abs(r.events[0].durationSec - 2)).toBeLessThan(0.1);
    expect(r.stats.medianBaselineUv).toBe(0);
  });

  it('onset needs 8 µV above baseline: 8.4 µV bursts are LMs, 7.6 µV bursts are not', () => {
    expect(detectLegMovements(bursts(60, [[20, 2, 8.4]]), FS, quiet).events).toHaveLength(1);
    expect(detectLegMovements(bursts(60, [[20, 2, 7.6]]), FS, quiet).events).toHaveLength(0);
  });

  it('offset at the start of >= 0.5 s within 2 µV of baseline: a 1.7 µV tail ends the LM, a 2.4 µV tail does not', () => {
    const below = detectLegMovements(
      bursts(60, [
        [20, 2, 20],
        [22, 1.5, 1.7],
      ]),
      FS,
      quiet,
    );
    expect(below.events).toHaveLength(1);
    expect(Math.abs(below.events[0].durationSec - 2)).toBeLessThan(0.1);
    const above = detectLegMovements(
      bursts(60, [
        [20, 2, 20],
        [22, 1.5, 2.4],
      ]),
      FS,
      quiet,
    );
    expect(above.events).toHaveLength(1);
    expect(Math.abs(above.events[0].durationSec - 3.5)).toBeLessThan(0.1);
  });

  it('a pause shorter than 0.5 s keeps one LM; a longer pause splits it', () => {
    const short = detectLegMovements(
      bursts(60, [
        [20, 1, 20],
        [21.35, 1, 20],
      ]),
      FS,
      quiet,
    );
    expect(short.events).toHaveLength(1);
    expect(Math.abs(short.events[0].durationSec - 2.35)).toBeLessThan(0.1);
    const long = detectLegMovements(
      bursts(60, [
        [20, 1, 20],
        [21.7, 1, 20],
      ]),
      FS,
      quiet,
    );
    expect(long.events).toHaveLength(2);
    expect(Math.abs(long.events[1].onsetSec - 21.7)).toBeLessThan(0.06);
  });

  it('minimum duration 0.5 s: a 0.3 s burst is dropped, a 0.7 s burst is kept', () => {
    const r1 = detectLegMovements(bursts(60, [[20, 0.3, 30]]), FS, quiet);
    expect(r1.events).toHaveLength(0);
    expect(r1.stats.rejectedShort).toBe(1);
    expect(detectLegMovements(bursts(60, [[20, 0.7, 30]]), FS, quiet).events).toHaveLength(1);
  });

  it('morphology rule: a spike train whose 0.5 s median stays under 2 µV is rejected, and kept when the rule is off', () => {
    // 30 ms spikes every 0.35 s for 3 s: each crosses the onset threshold, the gaps are too short
    // for an offset, but most of every 0.5 s window is at baseline
    const list: [number, number, number][] = [];
    for (let t = 20; t < 23; t += 0.35) list.push([t, 0.03, 60]);
    const x = bursts(60, list);
    const on = detectLegMovements(x, FS, quiet);
    expect(on.events).toHaveLength(0);
    expect(on.stats.rejectedMorphology).toBe(1);
    const off = detectLegMovements(x, FS, { ...quiet, morphology: { enabled: false } });
    expect(off.events).toHaveLength(1);
  });

  it('thresholds are relative to the baseline: the same burst on a noisy resting level is found', () => {
    const x = gaussNoise(3, 120 * FS, 6);
    const b = bursts(120, [[60, 2, 30]]);
    for (let i = 0; i < x.length; i++) x[i] += b[i];
    const r = detectLegMovements(x, FS, quiet);
    expect(r.stats.medianBaselineUv).toBeGreaterThan(2);
    expect(r.events).toHaveLength(1);
    expect(Math.abs(r.events[0].onsetSec - 60)).toBeLessThan(0.1);
    expect(Math.abs(r.events[0].durationSec - 2)).toBeLessThan(0.25);
  });
});

describe('detectLegMovements: units, artefacts and bookkeeping', () => {
  const night = (): Float32Array => {
    const x = gaussNoise(7, 300 * FS, 2.5);
    const b = bursts(300, [
      [30, 1.5, 25],
      [62, 3, 40],
      [95, 0.8, 15],
      [200, 6, 30],
    ]);
    for (let i = 0; i < x.length; i++) x[i] += b[i];
    return x;
  };

  it('a recording in mV scores exactly like the same recording in µV', () => {
    const uv = night();
    const mv = new Float32Array(uv.length);
    for (let i = 0; i < uv.length; i++) mv[i] = uv[i] / 1000;
    const a = detectLegMovements(uv, FS);
    const b = detectLegMovements(toMicrovolts(mv, 'mV'), FS);
    expect(a.events.length).toBe(4);
    expect(b.events.map((e) => [e.onsetSec, e.durationSec])).toEqual(a.events.map((e) => [e.onsetSec, e.durationSec]));
  });

  it('intermittent mains hum creates no LMs when it is measured and notched (and does without the notch)', () => {
    const x = gaussNoise(8, 300 * FS, 2);
    // 50 Hz hum of 20 µV switched on for 20 s out of every 60 s
    for (let i = 0; i < x.length; i++)
      if ((i / FS) % 60 >= 30 && (i / FS) % 60 < 50) x[i] += 20 * Math.sin((2 * Math.PI * 50 * i) / FS);
    const auto = detectLegMovements(x, FS, { ecg: { mode: 'off' } });
    expect(auto.preprocessing.notches.map((d) => d.cutoffHz)).toEqual([50]);
    expect(auto.preprocessing.mains?.lines.find((l) => l.frequencyHz === 50)?.present).toBe(true);
    expect(auto.events).toHaveLength(0);
    const none = detectLegMovements(x, FS, { ecg: { mode: 'off' }, mains: { mode: 'off' } });
    expect(none.events.length).toBeGreaterThan(0);
  });

  it('no notch is applied to a recording without hum', () => {
    const r = detectLegMovements(night(), FS);
    expect(r.preprocessing.notches).toEqual([]);
    expect(r.warnings.map((w) => w.code)).not.toContain('DETECT_MAINS_NOTCHED');
  });

  it('ECG leaking into the leg lead creates no LMs once its template is subtracted (and does without)', () => {
    const n = 300 * FS;
    const x = gaussNoise(9, n, 2);
    // QRS-like biphasic spikes (R 100 µV) at 133 bpm with a little jitter: close enough together
    // that, unsuppressed, they chain into long false movements
    const rng = createSimRng(10);
    for (let t = 0.3; t < 299; t += 0.45 + 0.01 * rng.gauss()) {
      const c = Math.round(t * FS);
      for (let k = -25; k <= 25; k++) {
        const tt = k / FS;
        x[c + k] += 100 * Math.exp(-0.5 * (tt / 0.008) ** 2) - 30 * Math.exp(-0.5 * ((tt - 0.03) / 0.01) ** 2);
      }
    }
    const auto = detectLegMovements(x, FS, { mains: { mode: 'off' } });
    expect(auto.preprocessing.ecg.beatsSubtracted).toBeGreaterThan(550);
    expect(auto.preprocessing.ecg.medianRrSec).toBeCloseTo(0.45, 1);
    expect(auto.events).toHaveLength(0);
    const off = detectLegMovements(x, FS, { mains: { mode: 'off' }, ecg: { mode: 'off' } });
    expect(off.events.length).toBeGreaterThan(0);
  });

  it('ECG stays suppressed in a block filled by a long movement (template carried over from the previous block)', () => {
    const n = 300 * FS;
    const x = gaussNoise(12, n, 2);
    const rng = createSimRng(13);
    for (let t = 0.3; t < 299; t += 0.8 + 0.01 * rng.gauss()) {
      const c = Math.round(t * FS);
      for (let k = -25; k <= 25; k++) {
        const tt = k / FS;
        x[c + k] += 100 * Math.exp(-0.5 * (tt / 0.008) ** 2) - 30 * Math.exp(-0.5 * ((tt - 0.03) / 0.01) ** 2);
      }
    }
    // a 40-s movement inside the 120–180 s processing block: its spikes break the rhythm test there
    const burst = gaussNoise(14, 40 * FS, 40);
    for (let i = 0; i < burst.length; i++) x[125 * FS + i] += burst[i];
    const r = detectLegMovements(x, FS, { mains: { mode: 'off' } });
    expect(r.preprocessing.ecg.blockFraction).toBe(1);
    expect(r.events).toHaveLength(1);
    expect(Math.abs(r.events[0].onsetSec - 125)).toBeLessThan(0.1);
    expect(Math.abs(r.events[0].durationSec - 40)).toBeLessThan(0.3);
  });

  it('block size does not change the result (overlap removes block-edge effects)', () => {
    const x = night();
    const a = detectLegMovements(x, FS, { processingBlockSec: 60 });
    const b = detectLegMovements(x, FS, { processingBlockSec: 13 });
    expect(b.events.map((e) => e.onsetSec)).toEqual(a.events.map((e) => e.onsetSec));
    expect(b.events.map((e) => e.durationSec)).toEqual(a.events.map((e) => e.durationSec));
  });

  it('records its settings and filter designs as plain JSON, and never mutates the input', () => {
    const x = night();
    const copy = Float32Array.from(x);
    const r = detectLegMovements(x, FS, { onsetAboveBaselineUv: 9 });
    expect(x).toEqual(copy);
    expect(r.settings).toEqual(resolveLegMovementSettings({ onsetAboveBaselineUv: 9 }));
    expect(JSON.parse(JSON.stringify(r.settings))).toEqual(r.settings);
    expect(r.preprocessing.bandPass).toMatchObject({
      kind: 'butterworth',
      type: 'bandpass',
      cutoffHz: [10, 100],
      sampleRateHz: FS,
    });
    expect(JSON.parse(JSON.stringify(r.preprocessing))).toEqual(r.preprocessing);
  });

  it('drops the upper band edge near Nyquist, warns below 200 Hz, rejects rates below 100 Hz with a coded error', () => {
    const x = new Float32Array(200 * 30);
    const r = detectLegMovements(x, 200);
    expect(r.preprocessing.bandPass.type).toBe('highpass');
    expect(r.warnings.map((w) => w.code)).not.toContain('DETECT_LOW_SAMPLE_RATE');
    expect(detectLegMovements(x, 150).warnings.map((w) => w.code)).toContain('DETECT_LOW_SAMPLE_RATE');
    expect(detectLegMovements(new Float32Array(500 * 30), 500).preprocessing.bandPass.type).toBe('bandpass');
    expect(() => detectLegMovements(x, 50)).toThrow(expect.objectContaining({ code: 'DETECT_SAMPLE_RATE_TOO_LOW' }));
  });

  it('treats non-finite samples as 0 and says how many', () => {
    const x = night();
    x[1000] = Number.NaN;
    x[2000] = Number.POSITIVE_INFINITY;
    const r = detectLegMovements(x, FS);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ code: 'DETECT_NON_FINITE_SAMPLES', message: expect.stringMatching(/^2 /) }),
    );
    expect(r.events).toHaveLength(4);
  });

  it('rejects invalid settings with DETECT_INVALID_SETTINGS', () => {
    expect(() => detectLegMovements(night(), FS, { offsetAboveBaselineUv: 9 })).toThrow(
      expect.objectContaining({ code: 'DETECT_INVALID_SETTINGS' }),
    );
    expect(() => detectLegMovements(night(), FS, { baseline: { percentile: 150 } })).toThrow(
      expect.objectContaining({ code: 'DETECT_INVALID_SETTINGS' }),
    );
  });
});

describe('BlockFilter (in-place zero-phase adapter)', () => {
  it('equals @myotrace/dsp sosfiltfilt on the same design', () => {
    const x = gaussNoise(11, 5000, 10);
    for (let i = 0; i < x.length; i++) x[i] += 30 + 0.01 * i;
    const design = butter(2, [10, 100], 'bandpass', FS);
    const cascade = { ...design, sos: [...design.sos, ...notch(50, 30, FS).sos] };
    const ref = sosfiltfilt(cascade, x);
    const got = new BlockFilter(cascade).run(x, 0, x.length).y;
    let maxErr = 0;
    for (let i = 0; i < x.length; i++) maxErr = Math.max(maxErr, Math.abs(got[i] - ref[i]));
    expect(maxErr).toBeLessThan(1e-9);
  });
});
