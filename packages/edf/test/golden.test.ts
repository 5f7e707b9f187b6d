import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath, fromBits, GOLDEN, has, json, open, physical64 } from './helpers.js';

interface GoldenSignal {
  index: number;
  label: string;
  physicalMinimum: number;
  physicalMaximum: number;
  digitalMinimum: number;
  digitalMaximum: number;
  sampleCount: number;
  digital: number[];
  physicalBits: string[];
}

// edfcore's golden files: pyEDFlib 0.1.42 digital and float64 physical values (bit patterns).
describe('edfcore golden values (pyEDFlib 0.1.42)', () => {
  for (const name of ['edf-asymmetric', 'edf-narrow-digital', 'edf-negative-gain', 'edf-symmetric', 'bdf-24bit']) {
    it(`${name}: digital values exact, float64 physical bit for bit, Float32 reads = fround`, async () => {
      const ext = name.startsWith('bdf') ? 'bdf' : 'edf';
      const g = json<{ signals: GoldenSignal[] }>(dataPath(`edfcore-golden/${name}.json`) as string);
      const r = await open(`edfcore-golden/${name}.${ext}`);
      expect(r.signals.length).toBe(g.signals.length);
      for (const gs of g.signals) {
        const s = r.signals[gs.index];
        expect([s.label, s.physicalMin, s.physicalMax, s.digitalMin, s.digitalMax, s.sampleCount]).toEqual([
          gs.label,
          gs.physicalMinimum,
          gs.physicalMaximum,
          gs.digitalMinimum,
          gs.digitalMaximum,
          gs.sampleCount,
        ]);
        expect(Array.from(await r.readDigital(gs.index))).toEqual(gs.digital);
        const p64 = await physical64(r, gs.index);
        const want = gs.physicalBits.map(fromBits);
        expect(Array.from(p64)).toEqual(want);
        const p32 = await r.readSignal(gs.index);
        expect(Array.from(p32)).toEqual(want.map(Math.fround));
      }
    });
  }

  it('edf-asymmetric: agrees with MNE (SI units) to 1e-12 relative', async () => {
    const g = json<{ signals: { index: number; toSiDivisor: number; siBits: string[] }[] }>(
      dataPath('edfcore-golden/edf-asymmetric.mne.json') as string,
    );
    const r = await open('edfcore-golden/edf-asymmetric.edf');
    for (const gs of g.signals) {
      const p = await physical64(r, gs.index);
      gs.siBits.map(fromBits).forEach((si, k) => {
        const ours = p[k] / gs.toSiDivisor;
        expect(Math.abs(ours - si)).toBeLessThanOrEqual(1e-12 * Math.max(1e-300, Math.abs(si)) + 1e-300);
      });
    }
  });

  it('edf-annotations: onsets to the bit, durations (-1 = none), texts', async () => {
    const g = json<{ annotations: { onsetBits: string; durationSeconds: number; text: string }[] }>(
      dataPath('edfcore-golden/edf-annotations.json') as string,
    );
    const r = await open('edfcore-golden/edf-annotations.edf');
    expect(r.annotations).toEqual(
      g.annotations.map((a) => ({
        onset: fromBits(a.onsetBits),
        duration: a.durationSeconds === -1 ? null : a.durationSeconds,
        text: a.text,
      })),
    );
  });

  for (const ext of ['edf', 'bdf']) {
    it.skipIf(
      !has(`mne-testing-data/test_generator_2.${ext}`) || !has(`edfcore-golden/corpus-test_generator_2.${ext}.json`),
    )(`test_generator_2.${ext}: start, middle and end windows of every signal`, async () => {
      const g = json<{
        signals: {
          index: number;
          windows: { firstSampleIndex: number; digital: number[]; physicalBits: string[] }[];
        }[];
      }>(dataPath(`edfcore-golden/corpus-test_generator_2.${ext}.json`) as string);
      const r = await open(`mne-testing-data/test_generator_2.${ext}`);
      let compared = 0;
      for (const gs of g.signals) {
        const dig = await r.readDigital(gs.index);
        const p64 = await physical64(r, gs.index);
        for (const w of gs.windows) {
          const n = w.digital.length;
          expect(Array.from(dig.subarray(w.firstSampleIndex, w.firstSampleIndex + n))).toEqual(w.digital);
          expect(Array.from(p64.subarray(w.firstSampleIndex, w.firstSampleIndex + n))).toEqual(
            w.physicalBits.map(fromBits),
          );
          // windowed read by time gives the same samples (Float32)
          const fs = r.signals[gs.index].sampleRate;
          const win = await r.readSignal(gs.index, w.firstSampleIndex / fs, (w.firstSampleIndex + n) / fs);
          expect(Array.from(win)).toEqual(w.physicalBits.map((b) => Math.fround(fromBits(b))));
          compared += n;
        }
      }
      expect(compared).toBe(8448);
    });
  }
});

interface EeglabGolden {
  channels: number;
  samplesPerChannel: number;
  windows: { firstSampleIndex: number; values: number[][] }[];
}

// EEGLAB exports shipped with MNE-Python, excerpted by golden/make_eeglab_golden.py (scipy.io.loadmat).
describe('EEGLAB reference values (MNE-Python test data)', () => {
  it('test.bdf equals the EEGLAB BioSemi reader to 0.01 µV (MNE asserts 8 decimals in volts)', async () => {
    const g = json<EeglabGolden>(join(GOLDEN, 'eeglab-test.bdf.json'));
    const r = await open('mne-python/test.bdf');
    expect(g.channels).toBe(72);
    for (let c = 0; c < g.channels; c++) {
      const x = await r.readSignal(c);
      expect(x.length).toBe(g.samplesPerChannel);
      for (const w of g.windows) {
        w.values[c].forEach((v, k) => {
          expect(Math.abs(x[w.firstSampleIndex + k] - v)).toBeLessThanOrEqual(0.01);
        });
      }
    }
  });

  it('test.edf equals its EEGLAB export (stored as float32 µV)', async () => {
    const g = json<EeglabGolden>(join(GOLDEN, 'eeglab-test.edf.json'));
    const r = await open('mne-python/test.edf');
    expect(g.channels).toBe(139);
    for (let c = 0; c < g.channels; c++) {
      const x = await r.readSignal(c);
      for (const w of g.windows) {
        w.values[c].forEach((v, k) => {
          expect(Math.abs(x[w.firstSampleIndex + k] - v)).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(v)));
        });
      }
    }
  });
});
