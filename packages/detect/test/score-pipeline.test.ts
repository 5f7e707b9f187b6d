import { bytesSource, openEdf } from '@myotrace/edf';
import { describe, expect, it } from 'vitest';
import { compareScores } from '../src/evaluate/index.js';
import { applyPlmRules, wasm2016Settings } from '../src/plm/index.js';
import { scoreRecording } from '../src/score.js';
import { normaliseStages } from '../src/sleep/context.js';
import { legRecordingEdf, standardNight } from './score-fixture.js';

const night = standardNight();
const open = (bytes: Uint8Array) => openEdf(bytesSource(bytes));

// Ground truth: the placed events through the rules (independent of the detector).
const truth = applyPlmRules(
  {
    left: night.left,
    right: night.right,
    durationSec: night.durationSec,
    sleep: {
      source: 'annotations',
      stages: normaliseStages([
        { onsetSec: 0, durationSec: 300, stage: 'W' },
        { onsetSec: 300, durationSec: 600, stage: 'N2' },
        { onsetSec: 900, durationSec: 300, stage: 'R' },
      ]),
    },
    respiratoryEvents: night.respiratory,
    arousals: night.arousals,
  },
  wasm2016Settings,
);

describe('ground truth of the fixture (hand-checked)', () => {
  it('has the counts worked out by hand', () => {
    // 4 wake + 8 bilateral + 2 isolated + 1 long + 5 = 20 movements
    expect(truth.legMovements).toHaveLength(20);
    expect(truth.plmSeries.map((s) => s.count)).toEqual([4, 8, 5]);
    // sleep 15 min = 0.25 h: LM 16, CLM 15, PLM 13, nr: series of 5 loses the LM at 965 → 4 left → still periodic → 12
    expect(truth.indices.lmIndex).toBeCloseTo(16 / 0.25, 9);
    expect(truth.indices.clmIndex).toBeCloseTo(15 / 0.25, 9);
    expect(truth.indices.plmsIndex).toBeCloseTo(13 / 0.25, 9);
    expect(truth.indices.plmsNrIndex).toBeCloseTo(12 / 0.25, 9);
    expect(truth.indices.plmsArousalIndex).toBeCloseTo(1 / 0.25, 9);
    expect(truth.indices.plmwIndex).toBeCloseTo(4 / (5 / 60), 9);
  });
});

describe('scoreRecording on a generated EDF+', () => {
  it('finds every placed LM and reproduces every index', async () => {
    const reader = await open(legRecordingEdf(night));
    const fractions: number[] = [];
    const r = await scoreRecording(reader, { file: 'night.edf', readWindowSec: 300, onProgress: (f) => fractions.push(f) });
    const cmp = compareScores(truth, r, { toleranceSec: 0.3 });
    expect(cmp.lm.f1).toBe(1);
    expect(cmp.clm.f1).toBe(1);
    expect(cmp.periodic.f1).toBe(1);
    expect(cmp.lm.meanAbsOnsetErrorSec).toBeLessThan(0.1);
    for (const [k, v] of Object.entries(cmp.indices)) expect(Math.abs(v.error ?? 0), k).toBeLessThan(1e-9);
    expect(r.sleep).toEqual({ source: 'annotations', tstMin: 15, wakeMin: 5 });
    expect(r.channels).toEqual({ left: 'LAT', right: 'RAT', unit: 'uV' });
    expect(r.recording).toEqual({ file: 'night.edf', startTime: '2024-03-01T22:00:00.000', durationSec: 1200 });
    expect(r.legMovements.filter((m) => m.respiratory).map((m) => Math.round(m.onset))).toEqual([965]);
    expect(r.legMovements.filter((m) => m.arousal).map((m) => Math.round(m.onset))).toEqual([995]);
    // progress: 4 read windows, then 2 legs, then done; never decreasing
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBe(7);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect((r.settings.pipeline as { legs: unknown[] }).legs).toHaveLength(2);
    expect(r.settings.detector).toHaveProperty('left.settings.onsetAboveBaselineUv', 8);
  });

  it('scores a file in mV exactly like the same file in µV', async () => {
    const uv = await scoreRecording(await open(legRecordingEdf(night)));
    const mv = await scoreRecording(await open(legRecordingEdf({ ...night, unit: 'mV' })));
    expect(mv.channels.unit).toBe('mV');
    expect(mv.legMovements.length).toBe(uv.legMovements.length);
    mv.legMovements.forEach((m, i) => {
      expect(Math.abs(m.onset - uv.legMovements[i].onset)).toBeLessThanOrEqual(1 / night.fs + 1e-9);
      expect(Math.abs(m.duration - uv.legMovements[i].duration)).toBeLessThanOrEqual(2 / night.fs + 1e-9);
    });
    expect(mv.indices).toEqual(uv.indices);
  });

  it('uses AASM when asked: respiratory LM not scored, IMI from 5 s', async () => {
    const r = await scoreRecording(await open(legRecordingEdf(night)), { standard: 'aasm' });
    expect(r.standard).toBe('aasm');
    expect(r.settings.rules.series.minImiSec).toBe(5);
    // AASM exclusion window: apnoea 925–955 ± 0.5 s → 924.5–955.5: the LM at 935 is not scored, the one at 965 is
    expect(r.legMovements.some((m) => Math.abs(m.onset - 935) < 0.3)).toBe(false);
    expect(r.legMovements.some((m) => Math.abs(m.onset - 965) < 0.3)).toBe(true);
    expect(r.legMovements.some((m) => Math.abs(m.onset - 760) < 0.3)).toBe(false); // 20 s LM is not an AASM LM
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['DETECT_LM_RESPIRATORY_EXCLUDED', 'DETECT_LM_TOO_LONG']));
  });

  it('honours --left/--right overrides and the child threshold setting', async () => {
    const bytes = legRecordingEdf({ ...night, labels: ['EMG5', 'EMG6'] });
    await expect(scoreRecording(await open(bytes))).rejects.toMatchObject({ code: 'DETECT_NO_LEG_CHANNELS' });
    const r = await scoreRecording(await open(bytes), { left: 'EMG5', right: 'EMG6', child: true });
    expect(r.channels).toMatchObject({ left: 'EMG5', right: 'EMG6' });
    expect(r.settings.rules.finding.child).toBe(true);
    expect(r.legMovements).toHaveLength(20);
  });

  it('gives the same result whatever the read window (windows need not divide the recording)', async () => {
    const bytes = legRecordingEdf(night);
    const a = await scoreRecording(await open(bytes), { readWindowSec: 7 });
    const b = await scoreRecording(await open(bytes), { readWindowSec: 5000 });
    expect(a.legMovements).toEqual(b.legMovements);
    expect(a.indices).toEqual(b.indices);
  });

  it('scores a single leg with a warning when the other leg channel is missing', async () => {
    const r = await scoreRecording(await open(legRecordingEdf({ ...night, labels: ['LAT', 'EEG C3'] })));
    expect(r.channels).toMatchObject({ left: 'LAT', right: null });
    expect(r.warnings.map((w) => w.code)).toContain('DETECT_ONE_LEG');
    expect(r.legMovements.every((m) => m.side === 'left')).toBe(true);
    // every placed left LM is found (4 wake + 8 + 2 isolated)
    expect(r.legMovements).toHaveLength(14);
  });

  it('refuses a sample rate too low for the rules', async () => {
    const bytes = legRecordingEdf({ ...night, durationSec: 60, fs: 50, left: [], right: [], annotations: [] });
    await expect(scoreRecording(await open(bytes))).rejects.toMatchObject({ code: 'DETECT_RATE_TOO_LOW' });
  });
});
