import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classifyAnnotation,
  interpretAnnotations,
  normaliseStages,
  parseNsrrXml,
  parseSleepCsv,
  parseSleepFile,
  resolveSleepInputs,
  sleepMinutes,
  stageAt,
} from '../src/sleep/index.js';

describe('annotation labels', () => {
  it.each([
    ['Sleep stage W', 'W'],
    ['Sleep stage N1', 'N1'],
    ['Sleep stage N2', 'N2'],
    ['Sleep stage N3', 'N3'],
    ['Sleep stage R', 'R'],
    ['Sleep stage 1', 'N1'],
    ['Sleep stage 2', 'N2'],
    ['Sleep stage 3', 'N3'],
    ['Sleep stage 4', 'N3'],
    ['Sleep stage ?', null],
    ['Movement time', null],
    ['Stage 2 sleep|2', 'N2'],
    ['Stage 4 sleep|4', 'N3'],
    ['REM sleep|5', 'R'],
    ['Wake|0', 'W'],
    ['Unscored|9', null],
    ['NREM2|2', 'N2'],
    ['NREM4|4', 'N3'],
    ['REM|5', 'R'],
    ['Stage 2', 'N2'],
    ['Stage N3', 'N3'],
    ['Stage W', 'W'],
  ])('%s is stage %s', (text, stage) => {
    expect(classifyAnnotation(text)).toEqual({ kind: 'stage', stage });
  });
  it.each(['Obstructive Apnea', 'Hypopnea', 'Central apnea|Central Apnea', 'Mixed Apnoea', 'RERA', 'Obstructive apnea|Obstructive Apnea'])(
    '%s is respiratory',
    (text) => expect(classifyAnnotation(text).kind).toBe('respiratory'),
  );
  it.each(['Arousal', 'Arousal|Arousal ()', 'ASDA arousal|Arousal (ASDA)', 'Spontaneous arousal'])('%s is an arousal', (text) =>
    expect(classifyAnnotation(text).kind).toBe('arousal'),
  );
  it.each(['SpO2 desaturation|SpO2 desaturation', 'Lights off', 'Limb Movement (Left)', 'Sleep stage X'])('%s is other', (text) =>
    expect(classifyAnnotation(text).kind).toBe('other'),
  );
});

describe('hypnogram arithmetic', () => {
  const ctx = {
    source: 'annotations' as const,
    stages: normaliseStages([
      { onsetSec: 0, durationSec: 60, stage: 'W' },
      { onsetSec: 60, durationSec: 30, stage: 'N1' },
      { onsetSec: 90, durationSec: 30, stage: 'N2' },
      { onsetSec: 120, durationSec: 30, stage: 'N2' },
      { onsetSec: 150, durationSec: 30, stage: null },
      { onsetSec: 180, durationSec: 600, stage: 'R' },
    ]),
  };
  it('joins neighbouring epochs of one stage and looks up stages by onset (end exclusive)', () => {
    expect(ctx.stages).toHaveLength(5);
    expect(stageAt(ctx, 0)).toBe('W');
    expect(stageAt(ctx, 59.999)).toBe('W');
    expect(stageAt(ctx, 60)).toBe('N1');
    expect(stageAt(ctx, 149.9)).toBe('N2');
    expect(stageAt(ctx, 160)).toBeNull();
    expect(stageAt(ctx, 780)).toBeNull();
    expect(stageAt(ctx, -1)).toBeNull();
  });
  it('clips TST and wake to the recording (Sleep-EDF hypnograms run past the signals)', () => {
    // recording 300 s: W 60, sleep 90 + (300 − 180) = 210 s
    expect(sleepMinutes(ctx, 300)).toEqual({ tstMin: 210 / 60, wakeMin: 1 });
  });
  it('trims overlapping segments so the later one wins', () => {
    const s = normaliseStages([
      { onsetSec: 0, durationSec: 60, stage: 'W' },
      { onsetSec: 30, durationSec: 30, stage: 'N1' },
    ]);
    expect(s).toEqual([
      { onsetSec: 0, durationSec: 30, stage: 'W' },
      { onsetSec: 30, durationSec: 30, stage: 'N1' },
    ]);
  });
});

describe('CSV of epochs', () => {
  it('reads onset,duration,stage', () => {
    const a = parseSleepCsv('onset,duration,stage\n0,30,W\n30,60,N2\n90,30,REM\n120,30,?\n');
    expect(interpretAnnotations(a).stages).toEqual([
      { onsetSec: 0, durationSec: 30, stage: 'W' },
      { onsetSec: 30, durationSec: 60, stage: 'N2' },
      { onsetSec: 90, durationSec: 30, stage: 'R' },
      { onsetSec: 120, durationSec: 30, stage: null },
    ]);
  });
  it('reads epoch,stage with 1-based epochs of 30 s and R&K stages', () => {
    const a = parseSleepCsv('Epoch;Stage\n1;W\n2;1\n3;4\n');
    expect(interpretAnnotations(a).stages).toEqual([
      { onsetSec: 0, durationSec: 30, stage: 'W' },
      { onsetSec: 30, durationSec: 30, stage: 'N1' },
      { onsetSec: 60, durationSec: 30, stage: 'N3' },
    ]);
  });
  it('reads a headerless list of stages, one 30 s epoch per line', () => {
    expect(interpretAnnotations(parseSleepCsv('W\nW\nN2\n')).stages).toEqual([
      { onsetSec: 0, durationSec: 60, stage: 'W' },
      { onsetSec: 60, durationSec: 30, stage: 'N2' },
    ]);
  });
  it('reads events with labels', () => {
    const r = interpretAnnotations(parseSleepCsv('onset,duration,label\n100,15,Obstructive Apnea\n200,3,Arousal\n300,1,Lights on\n'));
    expect(r.respiratoryEvents).toEqual([{ onsetSec: 100, durationSec: 15 }]);
    expect(r.arousals).toEqual([{ onsetSec: 200, durationSec: 3 }]);
  });
  it('names the line of a bad value', () => {
    expect(() => parseSleepCsv('onset,duration,stage\n0,30,W\nabc,30,N2\n')).toThrow(expect.objectContaining({ code: 'DETECT_CSV_BAD', line: 3 }));
    expect(() => parseSleepCsv('onset,stage\n0,N7\n')).toThrow(expect.objectContaining({ code: 'DETECT_CSV_BAD', line: 2 }));
  });
});

const XML = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<PSGAnnotation>
<SoftwareVersion>Compumedics</SoftwareVersion>
<EpochLength>30</EpochLength>
<ScoredEvents>
<ScoredEvent><EventConcept>Recording Start Time</EventConcept><Start>0</Start><Duration>28800.0</Duration><ClockTime>00.00.00 22.00.00</ClockTime></ScoredEvent>
<ScoredEvent><EventType>Stages|Stages</EventType><EventConcept>Wake|0</EventConcept><Start>0.0</Start><Duration>60.0</Duration></ScoredEvent>
<ScoredEvent><EventType>Stages|Stages</EventType><EventConcept>Stage 2 sleep|2</EventConcept><Start>60.0</Start><Duration>90.0</Duration></ScoredEvent>
<ScoredEvent><EventType>Stages|Stages</EventType><EventConcept>REM sleep|5</EventConcept><Start>150.0</Start><Duration>30.0</Duration></ScoredEvent>
<ScoredEvent><EventType>Respiratory|Respiratory</EventType><EventConcept>Obstructive apnea|Obstructive Apnea</EventConcept><Start>70.5</Start><Duration>12.2</Duration></ScoredEvent>
<ScoredEvent><EventType>Respiratory|Respiratory</EventType><EventConcept>SpO2 desaturation|SpO2 desaturation</EventConcept><Start>80</Start><Duration>10</Duration></ScoredEvent>
<ScoredEvent><EventType>Arousals|Arousals</EventType><EventConcept>Arousal|Arousal ()</EventConcept><Start>83.1</Start><Duration>4.0</Duration></ScoredEvent>
<ScoredEvent><EventType>Limb Movement|Limb Movement</EventType><EventConcept>Limb movement - left|Limb Movement (Left)</EventConcept><Start>90</Start><Duration>2</Duration></ScoredEvent>
</ScoredEvents>
</PSGAnnotation>`;

describe('NSRR XML', () => {
  it('reads stages, respiratory events (not desaturations) and arousals', () => {
    const x = parseNsrrXml(XML);
    expect(x.epochSec).toBe(30);
    const r = interpretAnnotations(x.annotations, { epochSec: x.epochSec });
    expect(r.stages).toEqual([
      { onsetSec: 0, durationSec: 60, stage: 'W' },
      { onsetSec: 60, durationSec: 90, stage: 'N2' },
      { onsetSec: 150, durationSec: 30, stage: 'R' },
    ]);
    expect(r.respiratoryEvents).toEqual([{ onsetSec: 70.5, durationSec: 12.2 }]);
    expect(r.arousals).toEqual([{ onsetSec: 83.1, durationSec: 4 }]);
  });
  it('refuses a file that is not an NSRR annotation file', () => {
    expect(() => parseNsrrXml('<html><body/></html>')).toThrow(expect.objectContaining({ code: 'DETECT_XML_BAD' }));
  });
  it('is chosen by parseSleepFile from the extension', async () => {
    const f = await parseSleepFile(new TextEncoder().encode(XML), 'night.xml');
    expect(f.format).toBe('xml');
    expect(f.annotations.map((a) => classifyAnnotation(a.text).kind)).toEqual(['other', 'stage', 'stage', 'stage', 'respiratory', 'arousal', 'other']);
  });
});

describe('resolveSleepInputs', () => {
  const own = [
    { onsetSec: 0, durationSec: 30, text: 'Sleep stage W' },
    { onsetSec: 30, durationSec: 30, text: 'Sleep stage N2' },
    { onsetSec: 40, durationSec: 10, text: 'Hypopnea' },
  ];
  it('uses the recording annotations when no file is given', () => {
    const r = resolveSleepInputs({ recordingAnnotations: own, recordingStartTime: null });
    expect(r.sleep.source).toBe('annotations');
    expect(r.respiratoryEvents).toEqual([{ onsetSec: 40, durationSec: 10 }]);
  });
  it('prefers the hypnogram file for stages and merges events without duplicates', async () => {
    const hyp = await parseSleepFile(new TextEncoder().encode(XML), 'h.xml');
    const r = resolveSleepInputs({
      recordingAnnotations: [...own, { onsetSec: 70.5, durationSec: 12.2, text: 'Obstructive Apnea' }],
      recordingStartTime: null,
      hypnogram: hyp,
    });
    expect(r.sleep.source).toBe('hypnogram');
    expect(r.sleep.stages.map((s) => s.stage)).toEqual(['W', 'N2', 'R']);
    expect(r.respiratoryEvents).toEqual([
      { onsetSec: 40, durationSec: 10 },
      { onsetSec: 70.5, durationSec: 12.2 },
    ]);
  });
  it('uses only the events file for events when one is given', async () => {
    const ev = await parseSleepFile(new TextEncoder().encode('onset,duration,label\n500,20,Central Apnea\n'), 'e.csv');
    const r = resolveSleepInputs({ recordingAnnotations: own, recordingStartTime: null, events: ev });
    expect(r.respiratoryEvents).toEqual([{ onsetSec: 500, durationSec: 20 }]);
  });
  it('shifts an EDF+ hypnogram by the difference of the start times', () => {
    const r = resolveSleepInputs({
      recordingAnnotations: [],
      recordingStartTime: '2020-01-01T22:00:00.000',
      hypnogram: {
        format: 'edf',
        annotations: [{ onsetSec: 0, durationSec: 60, text: 'Sleep stage 2' }],
        epochSec: 30,
        startTime: '2020-01-01T22:00:30.000',
        warnings: [],
      },
    });
    expect(r.sleep.stages).toEqual([{ onsetSec: 30, durationSec: 60, stage: 'N2' }]);
  });
  it('refuses a hypnogram file without stages', () => {
    expect(() =>
      resolveSleepInputs({
        recordingAnnotations: [],
        recordingStartTime: null,
        hypnogram: { format: 'csv', annotations: [{ onsetSec: 1, durationSec: 1, text: 'Arousal' }], epochSec: 30, startTime: null, warnings: [] },
      }),
    ).toThrow(expect.objectContaining({ code: 'DETECT_HYPNOGRAM_EMPTY' }));
  });
});

describe('Sleep-EDF hypnogram (annotation-only EDF+, SC4001EC-Hypnogram.edf from mne-testing-data)', () => {
  const path = '/work/shared/data/edf/mne-testing-data/SC4001EC-Hypnogram.edf';
  it.skipIf(!existsSync(path))('reads stages spanning many epochs and aligns them by start time', async () => {
    const f = await parseSleepFile(new Uint8Array(readFileSync(path)), 'SC4001EC-Hypnogram.edf');
    expect(f.format).toBe('edf');
    // published values (MANIFEST): 154 annotations, first W at 0 for 30630 s, then stage 1 at 30630 for 120 s
    expect(f.annotations).toHaveLength(154);
    expect(f.startTime).toBe('1989-04-24T16:13:00.000');
    const r = resolveSleepInputs({ recordingAnnotations: [], recordingStartTime: '1989-04-24T16:13:00.000', hypnogram: f });
    expect(r.sleep.source).toBe('hypnogram');
    expect(r.sleep.stages[0]).toEqual({ onsetSec: 0, durationSec: 30630, stage: 'W' });
    expect(r.sleep.stages[1]).toEqual({ onsetSec: 30630, durationSec: 120, stage: 'N1' });
    // a recording that starts 30600 s later sees the N1 run at 30 s
    const later = resolveSleepInputs({ recordingAnnotations: [], recordingStartTime: '1989-04-25T00:43:00.000', hypnogram: f });
    expect(stageAt(later.sleep, 29.9)).toBe('W');
    expect(stageAt(later.sleep, 30)).toBe('N1');
  });
});
