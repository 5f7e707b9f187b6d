import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource, type EdfWriteSignal, openEdf, writeAnnotationEdf, writeEdf } from '../src/index.js';
import { physical64 } from './helpers.js';

/** Deterministic pseudo-random integers (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A signal whose physical samples sit exactly on the digital grid, with the digital values kept for checking. */
function gridSignal(
  label: string,
  rate: number,
  n: number,
  dmin: number,
  dmax: number,
  pmin: number,
  pmax: number,
  seed: number,
) {
  const r = rng(seed);
  const digital = new Int32Array(n);
  const samples = new Float64Array(n);
  const gain = (pmax - pmin) / (dmax - dmin);
  for (let i = 0; i < n; i++) {
    digital[i] = dmin + Math.floor(r() * (dmax - dmin + 1));
    samples[i] = gain * (digital[i] - dmin) + pmin;
  }
  const signal: EdfWriteSignal = {
    label,
    physicalDimension: 'uV',
    physicalMin: pmin,
    physicalMax: pmax,
    digitalMin: dmin,
    digitalMax: dmax,
    sampleRate: rate,
    samples,
  };
  return { signal, digital };
}

describe('writer round trips', () => {
  it('EDF+C: mixed and non-integer rates, exact digital values, physical to 1e-9 of the range, strict-clean', async () => {
    const dur = 5;
    const recs = 12;
    const a = gridSignal('EMG tibialis L', 256, 256 * dur * recs, -32768, 32767, -3276.8, 3276.7, 1);
    const b = gridSignal('Resp', 12.8, 64 * recs, -2048, 2047, -500, 500, 2);
    const c = gridSignal('Neg gain', 33.4, 167 * recs, -100, 100, 50, -50, 3);
    const bytes = writeEdf({
      format: 'EDF+C',
      startTime: '2023-06-07T22:10:00',
      recordDurationSec: dur,
      patient: { code: 'MT-001', sex: 'M', birthdate: '1950-02-28', name: 'Test Person' },
      recording: { admincode: 'A1', technician: 'Tech', equipment: 'MyoTrace writer', additional: 'round trip' },
      signals: [a.signal, b.signal, c.signal],
    });
    const r = await openEdf(bytesSource(bytes), { strict: true });
    expect(r.warnings).toEqual([]);
    expect(r.header.format).toBe('EDF+C');
    expect(r.header.startTime).toBe('2023-06-07T22:10:00.000');
    expect(r.header.patient).toMatchObject({ code: 'MT-001', sex: 'M', birthdate: '1950-02-28', name: 'Test Person' });
    expect(r.header.recording).toMatchObject({
      startDate: '2023-06-07',
      admincode: 'A1',
      technician: 'Tech',
      equipment: 'MyoTrace writer',
      additional: 'round trip',
    });
    expect(r.signals.map((s) => s.sampleRate)).toEqual([256, 12.8, 33.4]);
    for (const [k, g] of [a, b, c].entries()) {
      expect(Array.from(await r.readDigital(k))).toEqual(Array.from(g.digital));
      const p = await physical64(r, k);
      const range = Math.abs(g.signal.physicalMax - g.signal.physicalMin);
      let worst = 0;
      for (let i = 0; i < p.length; i++) worst = Math.max(worst, Math.abs(p[i] - g.signal.samples[i]));
      expect(worst).toBeLessThan(1e-9 * range);
    }
  });

  it('annotations: exact onsets, durations and UTF-8 text with line feeds', async () => {
    const annotations = [
      { onset: 0, duration: null, text: 'Lights off' },
      { onset: 0.1, duration: 0.5, text: 'LM left\nfirst of a series' },
      { onset: 1234.5678, duration: 12.25, text: 'Arousal (µV drop) — 仰卧' },
      { onset: 59.9999999, duration: 0, text: 'edge\tcase\r' },
      { onset: -2.5, duration: null, text: 'before the first sample' },
      { onset: 5000, duration: 30, text: 'after the end of the data' },
    ];
    const s = gridSignal('X', 10, 10 * 1300, -32768, 32767, -1, 1, 4).signal;
    const r = await openEdf(
      bytesSource(
        writeEdf({
          format: 'EDF+C',
          startTime: '2020-01-01T00:00:00',
          recordDurationSec: 1,
          signals: [s],
          annotations,
        }),
      ),
      { strict: true },
    );
    expect(r.annotations).toEqual([...annotations].sort((x, y) => x.onset - y.onset));
  });

  it('sub-second start time goes into the first time-keeping TAL', async () => {
    const s = gridSignal('X', 100, 1000, -32768, 32767, -1, 1, 5).signal;
    const bytes = writeEdf({
      format: 'EDF+C',
      startTime: '2001-02-03T04:05:06.789',
      recordDurationSec: 1,
      signals: [s],
      annotations: [{ onset: 2.5, duration: null, text: 'a' }],
    });
    const r = await openEdf(bytesSource(bytes), { strict: true });
    expect(r.header.startTime).toBe('2001-02-03T04:05:06.789');
    expect(r.header.firstSampleOffsetSec).toBeCloseTo(0.789, 12);
    expect(r.annotations[0].onset).toBeCloseTo(2.5, 9);
  });

  it('EDF+D with gaps: records at real times, gaps exposed, NaN in gaps, windows across a gap', async () => {
    const fs = 50;
    const onsets = [0, 1, 2, 10, 11, 30];
    const g = gridSignal('EMG', fs, fs * onsets.length, -32768, 32767, -100, 100, 6);
    const bytes = writeEdf({
      format: 'EDF+D',
      startTime: '2024-03-04T23:59:59',
      recordDurationSec: 1,
      recordOnsetsSec: onsets,
      signals: [g.signal],
      annotations: [
        { onset: 5, duration: 1, text: 'in a gap' },
        { onset: 30.5, duration: null, text: 'last record' },
      ],
    });
    const r = await openEdf(bytesSource(bytes), { strict: true });
    expect(r.header.format).toBe('EDF+D');
    expect(r.header.durationSec).toBe(31);
    expect(Array.from(r.recordOnsetsSec)).toEqual(onsets);
    expect(r.segments).toEqual([
      { startSec: 0, durationSec: 3, firstRecord: 0, recordCount: 3 },
      { startSec: 10, durationSec: 2, firstRecord: 3, recordCount: 2 },
      { startSec: 30, durationSec: 1, firstRecord: 5, recordCount: 1 },
    ]);
    expect(r.gaps).toEqual([
      { startSec: 3, durationSec: 7 },
      { startSec: 12, durationSec: 18 },
    ]);
    expect(r.annotations.map((a) => [a.onset, a.text])).toEqual([
      [5, 'in a gap'],
      [30.5, 'last record'],
    ]);
    const x = await r.readSignal(0);
    expect(x.length).toBe(31 * fs);
    const phys = (i: number) => Math.fround(g.signal.samples[i]);
    expect(x[0]).toBeCloseTo(phys(0), 4);
    expect(Number.isNaN(x[3 * fs])).toBe(true);
    expect(Number.isNaN(x[10 * fs - 1])).toBe(true);
    expect(x[10 * fs]).toBeCloseTo(phys(3 * fs), 4);
    expect(x[30 * fs + 7]).toBeCloseTo(phys(5 * fs + 7), 4);
    // a window from 2.5 s to 10.5 s: 25 samples of record 2, a gap of 7 s, 25 samples of record 3
    const w = await r.readSignal(0, 2.5, 10.5);
    expect(w.length).toBe(8 * fs);
    expect(w[0]).toBeCloseTo(phys(2 * fs + 25), 4);
    expect(Number.isNaN(w[25])).toBe(true);
    expect(w[7.5 * fs]).toBeCloseTo(phys(3 * fs), 4);
    const d = await r.readDigital(0, 10, 12);
    expect(Array.from(d)).toEqual(Array.from(g.digital.subarray(3 * fs, 5 * fs)));
  });

  for (const format of ['EDF+C', 'EDF+D'] as const) {
    it(`${format}: 10,000 annotations (half of them at one instant) are all kept`, async () => {
      const r0 = rng(7);
      const annotations = Array.from({ length: 10_000 }, (_, i) => ({
        onset: i < 5000 ? 0.5 : Math.round(r0() * 60_000) / 1000,
        duration: i % 3 === 0 ? null : Math.round(r0() * 1000) / 100,
        text: `event ${i} ${'x'.repeat(i % 40)}`,
      }));
      const s = gridSignal('X', 4, 4 * 60, -32768, 32767, -1, 1, 8).signal;
      const bytes = writeEdf({
        format,
        startTime: '2020-01-01T00:00:00',
        recordDurationSec: 1,
        signals: [s],
        annotations,
        ...(format === 'EDF+D'
          ? { recordOnsetsSec: Array.from({ length: 60 }, (_, k) => (k < 30 ? k : k + 100)) }
          : {}),
      });
      const r = await openEdf(bytesSource(bytes), { strict: true });
      const key = (a: { onset: number; duration: number | null; text: string }) => `${a.onset}|${a.duration}|${a.text}`;
      expect(r.annotations.length).toBe(10_000);
      expect(r.annotations.map(key).sort()).toEqual(annotations.map(key).sort());
      // spread: no record carries more than a fraction of them
      expect(r.header.recordBytes).toBeLessThan(60_000);
    });
  }

  for (const format of ['BDF+C', 'BDF+D'] as const) {
    it(`${format}: 24-bit values round-trip exactly`, async () => {
      const g = gridSignal('EEG Cz', 512, 512 * 4, -8388608, 8388607, -262144, 262143, 9);
      const bytes = writeEdf({
        format,
        startTime: '2020-01-01T00:00:00',
        recordDurationSec: 1,
        signals: [g.signal],
        annotations: [{ onset: 1, duration: 2, text: 'x' }],
        ...(format === 'BDF+D' ? { recordOnsetsSec: [0, 1, 5, 6] } : {}),
      });
      const r = await openEdf(bytesSource(bytes), { strict: true });
      expect(r.header.format).toBe(format);
      expect(r.signals[0].digitalMin).toBe(-8388608);
      expect(Array.from(await r.readDigital(0, 0, 2))).toEqual(Array.from(g.digital.subarray(0, 1024)));
      expect(r.annotations).toEqual([{ onset: 1, duration: 2, text: 'x' }]);
    });
  }

  it('annotation-only EDF+ and BDF+ (scored events)', async () => {
    const annotations = Array.from({ length: 154 }, (_, i) => ({
      onset: i * 30,
      duration: 30,
      text: `Sleep stage ${['W', '1', '2', '3', 'R'][i % 5]}`,
    }));
    for (const format of ['EDF+C', 'BDF+C'] as const) {
      const bytes = writeAnnotationEdf({
        format,
        startTime: '1989-04-24T16:13:00',
        annotations,
        patient: { sex: 'F' },
      });
      const r = await openEdf(bytesSource(bytes), { strict: true });
      expect(r.header.format).toBe(format);
      expect(r.signals).toEqual([]);
      expect(r.header.recordDurationSec).toBe(0);
      expect(r.annotations).toEqual(annotations);
    }
  });

  it('refuses specifications it cannot write faithfully, with coded errors', () => {
    const s = gridSignal('X', 10, 10, -32768, 32767, -1, 1, 10).signal;
    const base = { format: 'EDF+C' as const, startTime: '2020-01-01T00:00:00', recordDurationSec: 1, signals: [s] };
    expect(() => writeEdf({ ...base, signals: [{ ...s, sampleRate: 10.5 }] })).toThrow(
      expect.objectContaining({ code: 'EDF_WRITE_BAD_RATE' }),
    );
    expect(() => writeEdf({ ...base, startTime: '2020-02-30T00:00:00' })).toThrow(
      expect.objectContaining({ code: 'EDF_WRITE_BAD_START' }),
    );
    expect(() => writeEdf({ ...base, signals: [{ ...s, label: 'a label that is too long' }] })).toThrow(
      expect.objectContaining({ code: 'EDF_WRITE_FIELD_TOO_LONG' }),
    );
    expect(() => writeEdf({ ...base, signals: [{ ...s, physicalMax: -1 }] })).toThrow(
      expect.objectContaining({ code: 'EDF_WRITE_BAD_SCALING' }),
    );
    expect(() => writeEdf({ ...base, annotations: [{ onset: 1, duration: null, text: 'bad\u0014byte' }] })).toThrow(
      expect.objectContaining({ code: 'EDF_WRITE_BAD_TEXT' }),
    );
    expect(() => writeEdf({ ...base, format: 'EDF+D', recordOnsetsSec: [0, 0.5] })).toThrow(
      expect.objectContaining({ code: 'EDF_WRITE_BAD_RECORDS' }),
    );
  });
});

const PY = '/usr/bin/python3';
const hasMne =
  existsSync(PY) &&
  (() => {
    try {
      execFileSync(PY, ['-c', 'import mne'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

describe.skipIf(!hasMne)('files we write read the same in MNE-Python (independent reader)', () => {
  it('EDF+C data and annotations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'myotrace-edf-'));
    try {
      const a = gridSignal('EMG', 200, 200 * 10, -32768, 32767, -1000, 1000, 11);
      const annotations = [
        { onset: 1.25, duration: 0.5, text: 'LM' },
        { onset: 7, duration: null, text: 'Arousal' },
      ];
      const path = join(dir, 'w.edf');
      writeFileSync(
        path,
        writeEdf({
          format: 'EDF+C',
          startTime: '2022-05-06T07:08:09',
          recordDurationSec: 1,
          signals: [a.signal],
          annotations,
        }),
      );
      const out = execFileSync(
        PY,
        [
          '-c',
          `
import json, mne
raw = mne.io.read_raw_edf(${JSON.stringify(path)}, preload=True, verbose='error')
d = raw.get_data()[0] * 1e6
print(json.dumps({"n": int(d.size), "first": [float(x) for x in d[:50]], "ann": [[float(o), float(du), t] for o, du, t in zip(raw.annotations.onset, raw.annotations.duration, raw.annotations.description)], "meas": raw.info["meas_date"].strftime("%Y-%m-%dT%H:%M:%S")}))
`,
        ],
        { encoding: 'utf8' },
      );
      const mne = JSON.parse(out) as { n: number; first: number[]; ann: [number, number, string][]; meas: string };
      expect(mne.n).toBe(2000);
      mne.first.forEach((v, i) => {
        expect(v).toBeCloseTo(a.signal.samples[i], 6);
      });
      expect(mne.ann).toEqual([
        [1.25, 0.5, 'LM'],
        [7, 0, 'Arousal'],
      ]);
      expect(mne.meas).toBe('2022-05-06T07:08:09');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
