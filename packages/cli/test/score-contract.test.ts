import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlmRules, normaliseStages, plmSettings, wasm2016Settings } from '@myotrace/detect';
import { writeAnnotationEdf } from '@myotrace/edf';
import { openEdfFile } from '@myotrace/edf/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { legRecordingEdf, standardNight } from '../../detect/test/score-fixture.js';
import { VERSION } from '../src/version.js';
import { cli } from './helpers.js';

// The contract of issue 3, key for key: .strict() rejects any extra or missing key.
const nullableNum = z.number().nullable();
const ContractSchema = z
  .object({
    tool: z.object({ name: z.literal('myotrace'), version: z.string() }).strict(),
    standard: z.enum(['wasm2016', 'aasm']),
    settings: z.record(z.string(), z.unknown()),
    recording: z.object({ file: z.string(), startTime: z.string().nullable(), durationSec: z.number() }).strict(),
    channels: z.object({ left: z.string().nullable(), right: z.string().nullable(), unit: z.string().nullable() }).strict(),
    sleep: z.object({ source: z.enum(['annotations', 'hypnogram', 'none']), tstMin: z.number(), wakeMin: z.number() }).strict(),
    legMovements: z.array(
      z
        .object({
          onset: z.number(),
          duration: z.number(),
          side: z.enum(['left', 'right', 'bilateral']),
          candidate: z.boolean(),
          periodic: z.boolean(),
          respiratory: z.boolean(),
          arousal: z.boolean(),
          stage: z.enum(['W', 'N1', 'N2', 'N3', 'R']).nullable(),
        })
        .strict(),
    ),
    plmSeries: z.array(z.object({ start: z.number(), end: z.number(), count: z.number().int() }).strict()),
    indices: z
      .object({
        lmIndex: nullableNum,
        clmIndex: nullableNum,
        plmsIndex: nullableNum,
        plmwIndex: nullableNum,
        plmsNrIndex: nullableNum,
        plmsArousalIndex: nullableNum,
        periodicityIndex: nullableNum,
      })
      .strict(),
    warnings: z.array(z.object({ code: z.string(), message: z.string() }).strict()),
  })
  .strict();

const night = standardNight();
let dir = '';
let edf = '';
const stages = normaliseStages([
  { onsetSec: 0, durationSec: 300, stage: 'W' },
  { onsetSec: 300, durationSec: 600, stage: 'N2' },
  { onsetSec: 900, durationSec: 300, stage: 'R' },
]);
// independent reference: the placed events through the rules
const truth = applyPlmRules(
  { left: night.left, right: night.right, durationSec: night.durationSec, sleep: { source: 'annotations', stages }, respiratoryEvents: night.respiratory, arousals: night.arousals },
  wasm2016Settings,
);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'myotrace-score-'));
  edf = join(dir, 'night.edf');
  writeFileSync(edf, legRecordingEdf(night));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('myotrace score --json (contract)', () => {
  it('prints one JSON object that matches the contract schema and the hand-built truth', async () => {
    const r = await cli('score', edf, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const parsed = ContractSchema.parse(json);
    expect(parsed.tool).toEqual({ name: 'myotrace', version: VERSION });
    expect(parsed.standard).toBe('wasm2016');
    expect(parsed.recording).toEqual({ file: 'night.edf', startTime: '2024-03-01T22:00:00.000', durationSec: 1200 });
    expect(parsed.channels).toEqual({ left: 'LAT', right: 'RAT', unit: 'uV' });
    expect(parsed.sleep).toEqual({ source: 'annotations', tstMin: 15, wakeMin: 5 });
    expect(parsed.legMovements.map((m) => [m.side, m.candidate, m.periodic, m.respiratory, m.arousal, m.stage])).toEqual(
      truth.legMovements.map((m) => [m.side, m.candidate, m.periodic, m.respiratory, m.arousal, m.stage]),
    );
    parsed.legMovements.forEach((m, i) => expect(Math.abs(m.onset - truth.legMovements[i].onset)).toBeLessThan(0.2));
    expect(parsed.plmSeries.map((s) => s.count)).toEqual([4, 8, 5]);
    expect(parsed.indices.plmsIndex).toBeCloseTo(52, 9); // 13 PLM in 0.25 h of sleep
    expect(parsed.indices.plmwIndex).toBeCloseTo(48, 9); // 4 PLM in 5 min of wake
    expect(parsed.indices).toEqual(truth.indices);
    expect((parsed.settings.rules as { series: { minImiSec: number } }).series.minImiSec).toBe(10);
  });

  it('--standard aasm records the AASM rules', async () => {
    const r = await cli('score', edf, '--json', '--standard', 'aasm');
    const parsed = ContractSchema.parse(JSON.parse(r.stdout));
    expect(parsed.standard).toBe('aasm');
    expect(parsed.settings.rules).toEqual(plmSettings('aasm'));
  });

  it('prints a human summary with the ICSD-3 finding by default, paediatric with --child', async () => {
    const r = await cli('score', edf);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PLMS index \(\/h sleep\)\s+52\.0/);
    expect(r.stdout).toContain('above the ICSD-3 threshold for adults (> 15/h)');
    expect(r.stdout).toContain('not a diagnosis');
    const child = await cli('score', edf, '--child');
    expect(child.stdout).toContain('above the ICSD-3 threshold for children (> 5/h)');
  });

  it('--format csv lists every LM with the contract fields', async () => {
    const r = await cli('score', edf, '--format', 'csv');
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('onset,duration,side,candidate,periodic,respiratory,arousal,stage');
    expect(rows).toHaveLength(21);
    const wake = rows[1].split(',');
    expect(wake.slice(2)).toEqual(['left', 'true', 'true', 'false', 'false', 'W']);
  });

  it('--format edf -o writes an annotation-only EDF+ that our reader reads back', async () => {
    const out = join(dir, 'night-lm.edf');
    const r = await cli('score', edf, '--format', 'edf', '-o', out);
    expect(r.code).toBe(0);
    const json = JSON.parse((await cli('score', edf, '--json')).stdout);
    const back = await openEdfFile(out);
    try {
      expect(back.signals).toHaveLength(0);
      expect(back.header.startTime).toBe('2024-03-01T22:00:00.000');
      expect(back.annotations).toHaveLength(20 + 3);
      const lms = back.annotations.filter((a) => !a.text.startsWith('PLM series'));
      lms.forEach((a, i) => {
        expect(a.onset).toBeCloseTo(json.legMovements[i].onset, 6);
        expect(a.duration).toBeCloseTo(json.legMovements[i].duration, 6);
      });
      expect(lms[0].text).toBe('PLM left');
      expect(lms.map((a) => a.text)).toContain('PLM right (resp)');
      expect(lms.map((a) => a.text)).toContain('PLM right (arousal)');
      expect(lms.map((a) => a.text)).toContain('LM right'); // the 20 s non-CLM
      expect(back.annotations.filter((a) => a.text.startsWith('PLM series')).map((a) => a.text)).toEqual([
        'PLM series (4)',
        'PLM series (8)',
        'PLM series (5)',
      ]);
    } finally {
      await back.close();
    }
  });

  it('--rule changes one documented rule setting and records it; unknown keys are usage errors', async () => {
    const r = JSON.parse((await cli('score', edf, '--json', '--rule', 'series.maxImiInclusive=false', '--rule', 'periodicityIndex=ferri2006')).stdout);
    expect(r.settings.rules.series.maxImiInclusive).toBe(false);
    expect(r.settings.rules.periodicityIndex).toBe('ferri2006');
    // Ferri PI over the 15 sleep CLMs' 14 IMIs: 7 (series of 8) + 4 (series of 5) periodic IMIs in runs >= 3 → 11/14
    expect(r.indices.periodicityIndex).toBeCloseTo(11 / 14, 9);
    expect((await cli('score', edf, '--rule', 'series.nope=1')).code).toBe(2);
    expect((await cli('score', edf, '--rule', 'series.minImiSec')).code).toBe(2);
    const bad = await cli('score', edf, '--json', '--rule', 'series.minImiSec=-3');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('DETECT_BAD_SETTINGS');
  });

  it('refuses --format edf without -o (exit 2) and --json with --format csv', async () => {
    expect((await cli('score', edf, '--format', 'edf')).code).toBe(2);
    expect((await cli('score', edf, '--json', '--format', 'csv')).code).toBe(2);
  });

  it('gives coded errors for unsuitable input', async () => {
    const noLegs = join(dir, 'noleg.edf');
    writeFileSync(noLegs, legRecordingEdf({ ...night, labels: ['EEG C3', 'EEG C4'] }));
    const r = await cli('score', noLegs, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('DETECT_NO_LEG_CHANNELS');
    const ok = await cli('score', noLegs, '--json', '--left', 'EEG C3', '--right', 'EEG C4');
    expect(ok.code).toBe(0);
    const slow = join(dir, 'slow.edf');
    writeFileSync(slow, legRecordingEdf({ ...night, durationSec: 60, fs: 50, left: [], right: [], annotations: [] }));
    const s = await cli('score', slow);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('DETECT_RATE_TOO_LOW');
    expect(s.stderr).toContain('what to do');
  });

  it('refuses a leg channel without a voltage unit unless --unit names it', async () => {
    const blank = join(dir, 'blank-unit.edf');
    writeFileSync(blank, legRecordingEdf({ ...night, unit: '' }));
    const r = await cli('score', blank, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('DETECT_UNSUPPORTED_UNIT');
    const ok = JSON.parse((await cli('score', blank, '--json', '--unit', 'uV')).stdout);
    expect(ok.channels.unit).toBe('uV');
    expect(ok.indices).toEqual(truth.indices);
  });

  it('takes the hypnogram from --hypnogram (annotation-only EDF+ and CSV)', async () => {
    // stages differ from the recording's own: everything N3 except the first 10 min of wake
    const hypEdf = join(dir, 'hyp.edf');
    writeFileSync(
      hypEdf,
      writeAnnotationEdf({
        startTime: '2024-03-01T22:00:00.000',
        annotations: [
          { onset: 0, duration: 600, text: 'Sleep stage W' },
          { onset: 600, duration: 3000, text: 'Sleep stage 3' },
        ],
      }),
    );
    const a = JSON.parse((await cli('score', edf, '--json', '--hypnogram', hypEdf)).stdout);
    expect(a.sleep).toEqual({ source: 'hypnogram', tstMin: 10, wakeMin: 10 });
    expect(new Set(a.legMovements.map((m: { stage: string }) => m.stage))).toEqual(new Set(['W', 'N3']));
    const csv = join(dir, 'hyp.csv');
    writeFileSync(csv, `epoch,stage\n${Array.from({ length: 40 }, (_, i) => `${i + 1},${i < 20 ? 'W' : 'N2'}`).join('\n')}\n`);
    const b = JSON.parse((await cli('score', edf, '--json', '--hypnogram', csv)).stdout);
    expect(b.sleep).toEqual({ source: 'hypnogram', tstMin: 10, wakeMin: 10 });
    // --events replaces the recording's own respiratory events and arousals
    const ev = join(dir, 'events.csv');
    writeFileSync(ev, 'onset,duration,label\n300,20,Hypopnea\n');
    const c = JSON.parse((await cli('score', edf, '--json', '--events', ev)).stdout);
    // hypopnoea 300–320: window 318–330.25 touches the bilateral LM at 330; the LM at 965 is no longer respiratory
    expect(c.legMovements.filter((m: { respiratory: boolean }) => m.respiratory).map((m: { onset: number }) => Math.round(m.onset))).toEqual([330]);
    expect(c.legMovements.some((m: { arousal: boolean }) => m.arousal)).toBe(false);
  });

  it('writes -o for JSON without printing it', async () => {
    const out = join(dir, 'score.json');
    const r = await cli('score', edf, '--json', '-o', out);
    expect(r.stdout).toBe('');
    expect(ContractSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).legMovements).toHaveLength(20);
  });
});
