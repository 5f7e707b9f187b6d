import { describe, expect, it } from 'vitest';
import {
  aasmSettings,
  applyPlmRules,
  findPlmSeries,
  imiHistogram,
  type LmEvent,
  type PlmSettings,
  plmSettings,
  plmsFinding,
  runPlmRules,
  wasm2016Settings,
} from '../src/plm/index.js';

// Hand-built event lists; every expected value below is worked out by hand from the rule text.
const lm = (onsetSec: number, durationSec = 1): LmEvent => ({ onsetSec, durationSec });
const W = wasm2016Settings;
const A = aasmSettings;
const run = (left: LmEvent[], right: LmEvent[] = [], s: PlmSettings = W, extra: Partial<Parameters<typeof runPlmRules>[0]> = {}) =>
  runPlmRules({ left, right, durationSec: 3600, ...extra }, s);
const every = (start: number, step: number, n: number, dur = 1): LmEvent[] =>
  Array.from({ length: n }, (_, i) => lm(start + i * step, dur));

describe('minimum LM duration (0.5 s, both standards)', () => {
  it('keeps 0.5 s exactly and drops 0.49 s', () => {
    for (const s of [W, A]) {
      const r = run([lm(10, 0.5), lm(100, 0.49)], [], s);
      expect(r.movements.map((m) => m.onsetSec)).toEqual([10]);
      expect(r.warnings.map((w) => w.code)).toContain('DETECT_LM_TOO_SHORT');
    }
  });
  it('merges same-leg fragments less than 0.5 s apart before the minimum is applied', () => {
    // 0.3 s + gap 0.2 s + 0.3 s = one 0.8 s LM
    const r = run([lm(10, 0.3), lm(10.5, 0.3)]);
    expect(r.movements).toHaveLength(1);
    expect(r.movements[0].endSec - r.movements[0].onsetSec).toBeCloseTo(0.8, 9);
    // gap of exactly 0.5 s: two LMs, both too short
    expect(run([lm(10, 0.3), lm(10.8, 0.3)]).movements).toHaveLength(0);
  });
});

describe('WASM 2016 candidate LMs', () => {
  it('monolateral: 10 s is a CLM, 10.01 s is an LM but not a CLM', () => {
    const r = run([lm(0, 10), lm(100, 10.01)]);
    expect(r.movements.map((m) => [m.side, m.candidate])).toEqual([
      ['left', true],
      ['left', false],
    ]);
  });
  it('keeps LMs of any length as LMs (no upper limit in WASM)', () => {
    const r = run([lm(0, 120)]);
    expect(r.movements).toHaveLength(1);
    expect(r.movements[0].candidate).toBe(false);
  });
  it('bilateral: 15 s is a CLM, 15.01 s is not', () => {
    // left 0–8, right 7–15 → bilateral 0–15
    expect(run([lm(0, 8)], [lm(7, 8)]).movements.map((m) => [m.side, m.candidate])).toEqual([['bilateral', true]]);
    expect(run([lm(0, 8)], [lm(7, 8.01)]).movements.map((m) => [m.side, m.candidate])).toEqual([['bilateral', false]]);
  });
  it('bilateral with a component longer than 10 s is not a CLM even when the total is under 15 s', () => {
    const r = run([lm(0, 10.5)], [lm(1, 2)]);
    expect(r.movements.map((m) => [m.side, m.candidate])).toEqual([['bilateral', false]]);
    const r2 = run([lm(0, 10)], [lm(1, 2)]);
    expect(r2.movements.map((m) => [m.side, m.candidate])).toEqual([['bilateral', true]]);
  });
  it('bilateral with 4 components is a CLM, with 5 it is not', () => {
    // alternating legs, each 1 s, each starting 0.2 s after the previous ends → one chain
    const four = run([lm(0), lm(2.4)], [lm(1.2), lm(3.6)]);
    expect(four.movements).toHaveLength(1);
    expect(four.movements[0].components).toHaveLength(4);
    expect(four.movements[0].candidate).toBe(true);
    const five = run([lm(0), lm(2.4), lm(4.8)], [lm(1.2), lm(3.6)]);
    expect(five.movements).toHaveLength(1);
    expect(five.movements[0].components).toHaveLength(5);
    expect(five.movements[0].candidate).toBe(false);
  });
});

describe('WASM 2016 bilateral combination (overlap or < 0.5 s offset-to-onset)', () => {
  it('combines overlapping LMs', () => {
    const r = run([lm(10, 2)], [lm(11, 2)]);
    expect(r.movements).toHaveLength(1);
    expect(r.movements[0]).toMatchObject({ onsetSec: 10, endSec: 13, side: 'bilateral' });
  });
  it('combines a 0.49 s gap in either order, not a 0.5 s gap', () => {
    expect(run([lm(10, 1)], [lm(11.49, 1)]).movements.map((m) => m.side)).toEqual(['bilateral']);
    expect(run([lm(11.49, 1)], [lm(10, 1)]).movements.map((m) => m.side)).toEqual(['bilateral']);
    expect(run([lm(10, 1)], [lm(11.5, 1)]).movements.map((m) => m.side)).toEqual(['left', 'right']);
  });
  it('measures the gap from the latest offset of the movement so far', () => {
    // left 0–5, right 1–2 (inside), right 5.3–6: joins because 5.3 − 5 < 0.5
    const r = run([lm(0, 5)], [lm(1, 1), lm(5.3, 0.7)]);
    expect(r.movements).toHaveLength(1);
  });
});

describe('AASM bilateral (onsets < 5 s apart count as one)', () => {
  it('pairs onsets 4.99 s apart, not 5 s apart', () => {
    expect(run([lm(100, 1)], [lm(104.99, 1)], A).movements.map((m) => m.side)).toEqual(['bilateral']);
    expect(run([lm(100, 1)], [lm(105, 1)], A).movements.map((m) => m.side)).toEqual(['left', 'right']);
  });
  it('never pairs two LMs of the same leg, and pairs each LM once', () => {
    const r = run([lm(100, 1), lm(103, 1)], [lm(104, 1)], A);
    // left100 + left103 cannot pair; left103 + right104 pair
    expect(r.movements.map((m) => [m.onsetSec, m.side])).toEqual([
      [100, 'left'],
      [103, 'bilateral'],
    ]);
  });
  it('does not score LMs longer than 10 s (10 s exactly is scored)', () => {
    const r = run([lm(0, 10), lm(100, 10.01)], [], A);
    expect(r.movements.map((m) => m.onsetSec)).toEqual([0]);
    expect(r.movements[0].candidate).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain('DETECT_LM_TOO_LONG');
  });
});

describe('PLM series', () => {
  it('needs at least 4 CLMs', () => {
    expect(run(every(0, 20, 3)).series).toEqual([]);
    expect(run(every(0, 20, 4)).series).toEqual([[0, 1, 2, 3]]);
  });
  it('WASM: IMI of exactly 10 s and exactly 90 s keep the series; 9.99 s and 90.01 s do not', () => {
    expect(run(every(0, 10, 4)).series).toHaveLength(1);
    expect(run(every(0, 90, 4)).series).toHaveLength(1);
    expect(run(every(0, 9.99, 4)).series).toHaveLength(0);
    expect(run(every(0, 90.01, 4)).series).toHaveLength(0);
  });
  it('a float IMI like 12.3 → 22.3 counts as exactly 10 s', () => {
    expect(run([12.3, 22.3, 32.3, 42.3].map((t) => lm(t))).series).toHaveLength(1);
  });
  it('maxImiInclusive=false (SOMAS) rejects an IMI of exactly 90 s', () => {
    const s = plmSettings('wasm2016', { series: { maxImiInclusive: false } });
    expect(run(every(0, 90, 4), [], s).series).toHaveLength(0);
    expect(run(every(0, 89.99, 4), [], s).series).toHaveLength(1);
  });
  it('AASM: IMI 5 s keeps the series, 4.99 s does not', () => {
    expect(run(every(0, 5, 4), [], A).series).toHaveLength(1);
    expect(run(every(0, 4.99, 4), [], A).series).toHaveLength(0);
  });
  it('a long IMI (> 90 s) ends the series and the CLM after it starts a new one', () => {
    // 0,20,40,60 | 200,220,240,260
    const r = run([...every(0, 20, 4), ...every(200, 20, 4)]);
    expect(r.series).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
  });
  it('a non-CLM LM (too long) breaks a series (WASM)', () => {
    // CLMs at 0,20,40 then a 12 s LM at 50, then CLMs at 70, 90, 110
    const events = [...every(0, 20, 3), lm(50, 12), ...every(70, 20, 3)];
    const r = run(events);
    expect(r.movements[3].candidate).toBe(false);
    expect(r.series).toEqual([]);
    // without the breaker the 6 CLMs (IMIs 20,20,30,20,20) form one series
    expect(run([...every(0, 20, 3), ...every(70, 20, 3)]).series).toEqual([[0, 1, 2, 3, 4, 5]]);
  });
  it('nonCandidateBreaks=false ignores non-CLMs', () => {
    const s = plmSettings('wasm2016', { series: { nonCandidateBreaks: false } });
    const r = run([...every(0, 20, 3), lm(50, 12), ...every(70, 20, 3)], [], s);
    expect(r.series).toEqual([[0, 1, 2, 4, 5, 6]]);
  });
  describe('restart after a short IMI', () => {
    // CLMs at 0,20,40,60, then 65 (IMI 5 s), then 85,105,125 (IMI 20 s)
    const events = [...every(0, 20, 4), lm(65), ...every(85, 20, 3)];
    it('default (PLMScoRe, MATPLM): the short-IMI CLM closes the run and starts the next one', () => {
      const r = run(events);
      expect(r.series).toEqual([
        [0, 1, 2, 3],
        [4, 5, 6, 7],
      ]);
    });
    it('shortImiStartsSeries=false (SOMAS): the short-IMI CLM can neither join nor start a series', () => {
      const s = plmSettings('wasm2016', { series: { shortImiStartsSeries: false } });
      const r = run(events, [], s);
      expect(r.series).toEqual([[0, 1, 2, 3]]);
      // one more CLM at 145 gives 85..145 = 4 CLMs, a series that starts after the short-IMI CLM
      const r2 = run([...events, lm(145)], [], s);
      expect(r2.series).toEqual([
        [0, 1, 2, 3],
        [5, 6, 7, 8],
      ]);
    });
    it('AASM restarts the same way with its 5 s minimum (IMI 4 s)', () => {
      const ev = [...every(0, 20, 4), lm(64), ...every(84, 20, 3)];
      expect(run(ev, [], A).series).toEqual([
        [0, 1, 2, 3],
        [4, 5, 6, 7],
      ]);
      const s = plmSettings('aasm', { series: { shortImiStartsSeries: false } });
      expect(run(ev, [], s).series).toEqual([[0, 1, 2, 3]]);
    });
  });
  it('findPlmSeries measures IMIs from CLM onset to CLM onset of the combined movement', () => {
    const items = [0, 10, 20, 30].map((t) => ({ onsetSec: t, candidate: true }));
    expect(findPlmSeries(items, W)).toEqual([[0, 1, 2, 3]]);
  });
  it('IMI uses bilateral onsets: a bilateral LM counts once in the series', () => {
    // left 0,20,40,60; right 0.3, 20.3 (overlapping) → 4 movements, 2 of them bilateral
    const r = run(every(0, 20, 4), [lm(0.3), lm(20.3)]);
    expect(r.movements.map((m) => m.side)).toEqual(['bilateral', 'bilateral', 'left', 'left']);
    expect(r.series).toEqual([[0, 1, 2, 3]]);
  });
});

describe('respiratory events', () => {
  // apnoea 100–120 s: WASM window 118–130.25 s (end − 2.0 to end + 10.25)
  const apnoea = [{ onsetSec: 100, durationSec: 20 }];
  it('WASM: flags an LM ending exactly at end − 2.0 s, not one ending 0.01 s before', () => {
    expect(run([lm(117, 1)], [], W, { respiratoryEvents: apnoea }).movements[0].respiratory).toBe(true);
    expect(run([lm(116.99, 1)], [], W, { respiratoryEvents: apnoea }).movements[0].respiratory).toBe(false);
  });
  it('WASM: flags an LM starting exactly at end + 10.25 s, not 0.01 s later', () => {
    expect(run([lm(130.25, 1)], [], W, { respiratoryEvents: apnoea }).movements[0].respiratory).toBe(true);
    expect(run([lm(130.26, 1)], [], W, { respiratoryEvents: apnoea }).movements[0].respiratory).toBe(false);
  });
  it('WASM: an LM during the event but ending before end − 2 s is not respiratory', () => {
    expect(run([lm(105, 2)], [], W, { respiratoryEvents: apnoea }).movements[0].respiratory).toBe(false);
  });
  it('WASM: respiratory CLMs stay in PLMS but leave PLMS-nr', () => {
    // CLMs every 20 s from 0; apnoea ending at 41 → window 39–51.25 touches the CLM at 40
    const r = runPlmRules(
      { left: every(0, 20, 6), right: [], durationSec: 3600, respiratoryEvents: [{ onsetSec: 30, durationSec: 11 }] },
      W,
    );
    expect(r.movements.map((m) => m.respiratory)).toEqual([false, false, true, false, false, false]);
    expect(r.series).toEqual([[0, 1, 2, 3, 4, 5]]);
    // without the CLM at 40 the IMI 20→60 is 40 s: still one series of 5
    expect(r.nrSeries).toEqual([[0, 1, 3, 4, 5]]);
    expect(r.movements.map((m) => m.periodicNr)).toEqual([true, true, false, true, true, true]);
  });
  it('WASM: removing respiratory LMs can break a series in PLMS-nr', () => {
    // CLMs at 0,20,40,60; 40 is respiratory → nr sequence 0,20,60 = 3 CLMs, no series
    const r = runPlmRules(
      { left: every(0, 20, 4), right: [], durationSec: 3600, respiratoryEvents: [{ onsetSec: 30, durationSec: 11 }] },
      W,
    );
    expect(r.series).toHaveLength(1);
    expect(r.nrSeries).toHaveLength(0);
  });
  it('AASM: no LM is scored from 0.5 s before the event start to 0.5 s after its end', () => {
    const ev = { respiratoryEvents: apnoea };
    // ends exactly at 99.5 → excluded; ends at 99.49 → scored
    expect(run([lm(98.5, 1)], [], A, ev).movements).toHaveLength(0);
    expect(run([lm(98.49, 1)], [], A, ev).movements).toHaveLength(1);
    // starts exactly at 120.5 → excluded; at 120.51 → scored
    expect(run([lm(120.5, 1)], [], A, ev).movements).toHaveLength(0);
    expect(run([lm(120.51, 1)], [], A, ev).movements).toHaveLength(1);
    // during the event → excluded, with a warning
    const r = run([lm(110, 1)], [], A, ev);
    expect(r.movements).toHaveLength(0);
    expect(r.warnings.map((w) => w.code)).toContain('DETECT_LM_RESPIRATORY_EXCLUDED');
  });
  it('AASM: an excluded LM is absent from the IMI sequence (the series continues around it)', () => {
    // LMs every 20 s; the one at 40 falls in an apnoea → remaining 0,20,60,80: IMIs 20,40,20
    const r = runPlmRules(
      { left: every(0, 20, 5), right: [], durationSec: 3600, respiratoryEvents: [{ onsetSec: 39, durationSec: 3 }] },
      A,
    );
    expect(r.movements.map((m) => m.onsetSec)).toEqual([0, 20, 60, 80]);
    expect(r.series).toEqual([[0, 1, 2, 3]]);
  });
});

describe('arousal association (overlap or < 0.5 s gap, either order)', () => {
  const arousalAt = (onsetSec: number, durationSec = 3) => ({ arousals: [{ onsetSec, durationSec }] });
  it('overlap', () => {
    expect(run([lm(100, 2)], [], W, arousalAt(101)).movements[0].arousal).toBe(true);
  });
  it('arousal after the LM: gap 0.49 s yes, 0.5 s no', () => {
    expect(run([lm(100, 2)], [], W, arousalAt(102.49)).movements[0].arousal).toBe(true);
    expect(run([lm(100, 2)], [], W, arousalAt(102.5)).movements[0].arousal).toBe(false);
  });
  it('arousal before the LM: gap 0.49 s yes, 0.5 s no', () => {
    expect(run([lm(100, 2)], [], W, arousalAt(96.51, 3)).movements[0].arousal).toBe(true);
    expect(run([lm(100, 2)], [], W, arousalAt(96.5, 3)).movements[0].arousal).toBe(false);
  });
});

describe('applyPlmRules: contract object and indices', () => {
  // 2 h recording; hypnogram: W 0–600, N2 600–4200, R 4200–6600, W 6600–7200
  const sleep = {
    source: 'hypnogram' as const,
    stages: [
      { onsetSec: 0, durationSec: 600, stage: 'W' as const },
      { onsetSec: 600, durationSec: 3600, stage: 'N2' as const },
      { onsetSec: 4200, durationSec: 2400, stage: 'R' as const },
      { onsetSec: 6600, durationSec: 600, stage: 'W' as const },
    ],
  };
  // wake series of 5 at 100..180; sleep series of 10 at 1000..1180; 2 isolated sleep LMs; one long LM in sleep
  const left = [...every(100, 20, 5), ...every(1000, 20, 10), lm(3000), lm(5000), lm(6000, 30)];
  const result = applyPlmRules(
    { left, right: [], durationSec: 7200, sleep, arousals: [{ onsetSec: 1020.5, durationSec: 3 }, { onsetSec: 1060, durationSec: 1 }] },
    W,
  );
  it('computes TST, wake and every index by hand', () => {
    expect(result.sleep).toEqual({ source: 'hypnogram', tstMin: 100, wakeMin: 20 });
    const h = 100 / 60;
    expect(result.indices.lmIndex).toBeCloseTo(13 / h, 10);
    expect(result.indices.clmIndex).toBeCloseTo(12 / h, 10);
    expect(result.indices.plmsIndex).toBeCloseTo(10 / h, 10);
    expect(result.indices.plmwIndex).toBeCloseTo(5 / (20 / 60), 10);
    expect(result.indices.plmsNrIndex).toBeCloseTo(10 / h, 10);
    expect(result.indices.plmsArousalIndex).toBeCloseTo(2 / h, 10);
    expect(result.indices.periodicityIndex).toBeCloseTo(10 / 12, 10);
  });
  it('lists series and stages', () => {
    expect(result.plmSeries).toEqual([
      { start: 100, end: 181, count: 5 },
      { start: 1000, end: 1181, count: 10 },
    ]);
    expect(result.legMovements.map((m) => m.stage)).toEqual([
      ...Array(5).fill('W'),
      ...Array(10).fill('N2'),
      'N2',
      'R',
      'R',
    ]);
    expect(result.legMovements[16]).toEqual({
      onset: 5000, duration: 1, side: 'left', candidate: true, periodic: false, respiratory: false, arousal: false, stage: 'R',
    });
    expect(result.settings.rules).toEqual(W);
    expect(result.standard).toBe('wasm2016');
  });
  it('without a hypnogram the whole recording is sleep and a warning says so', () => {
    const r = applyPlmRules({ left: every(0, 20, 4), right: [], durationSec: 3600 }, W);
    expect(r.sleep).toEqual({ source: 'none', tstMin: 60, wakeMin: 0 });
    expect(r.indices.plmsIndex).toBe(4);
    expect(r.indices.plmwIndex).toBeNull();
    expect(r.legMovements.every((m) => m.stage === null)).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain('DETECT_NO_HYPNOGRAM');
  });
  it('warns when the hypnogram covers less than 90% of the recording', () => {
    const part = { source: 'hypnogram' as const, stages: [{ onsetSec: 0, durationSec: 3000, stage: 'N2' as const }] };
    expect(applyPlmRules({ left: [], right: [], durationSec: 3600, sleep: part }, W).warnings.map((w) => w.code)).toContain('DETECT_HYPNOGRAM_PARTIAL');
    expect(applyPlmRules({ left: [], right: [], durationSec: 3300, sleep: part }, W).warnings.map((w) => w.code)).not.toContain('DETECT_HYPNOGRAM_PARTIAL');
    expect(result.warnings).toEqual([]);
  });
  it('ferri2006 periodicity index: share of periodic IMIs in runs of >= 3', () => {
    // CLM onsets 0,20,40,60 (3 periodic IMIs), 65 (IMI 5), 85,105 (2 periodic IMIs): 5 of 6 IMIs periodic, 3 in a run of >=3
    const s = plmSettings('wasm2016', { periodicityIndex: 'ferri2006' });
    const r = applyPlmRules({ left: [...every(0, 20, 4), lm(65), lm(85), lm(105)], right: [], durationSec: 3600 }, s);
    expect(r.indices.periodicityIndex).toBeCloseTo(3 / 6, 12);
  });
  it('does not mutate its inputs', () => {
    const l = [lm(0.2, 0.3), lm(0.6, 0.3)];
    const copy = structuredClone(l);
    applyPlmRules({ left: l, right: [], durationSec: 100 }, W);
    expect(l).toEqual(copy);
  });
});

describe('settings', () => {
  it('rejects impossible values with DETECT_BAD_SETTINGS', () => {
    expect(() => plmSettings('wasm2016', { series: { minImiSec: -1 } })).toThrow(/minImiSec/);
    expect(() => plmSettings('wasm2016', { series: { minImiSec: 100 } })).toThrow(/maxImiSec/);
  });
  it('records the standard defaults as frozen plain data', () => {
    expect(JSON.parse(JSON.stringify(W))).toEqual(W);
    expect(Object.isFrozen(W.series)).toBe(true);
    expect(plmSettings('aasm').series.minImiSec).toBe(5);
  });
});

describe('AASM IMI upper bound', () => {
  it('90 s inclusive by default, 90.01 s breaks', () => {
    expect(run(every(0, 90, 4), [], A).series).toHaveLength(1);
    expect(run(every(0, 90.01, 4), [], A).series).toHaveLength(0);
  });
});

describe('IMI histogram', () => {
  it('counts IMIs between consecutive sleep CLMs in 2 s bins with an overflow, skipping pairs around a non-CLM', () => {
    // CLMs at 0, 10 (IMI 10 → bin 5), 13 (IMI 3 → bin 1), 103.5 (IMI 90.5 → overflow); non-CLM at 150 (12 s); CLM at 170 (both pairs around the non-CLM skipped)
    const r = applyPlmRules({ left: [lm(0), lm(10), lm(13), lm(103.5), lm(150, 12), lm(170)], right: [], durationSec: 600 }, W);
    const h = imiHistogram(r.legMovements, r.sleep.source);
    expect(h.counts).toHaveLength(45);
    expect(h.edgesSec.slice(0, 3)).toEqual([0, 2, 4]);
    const nonZero = h.counts.flatMap((n, i) => (n > 0 ? [[i, n]] : []));
    expect(nonZero).toEqual([
      [1, 1],
      [5, 1],
    ]);
    expect(h.overflow).toBe(1);
  });
  it('puts an IMI of exactly 90 s in the last bin', () => {
    const r = applyPlmRules({ left: [lm(0), lm(90)], right: [], durationSec: 600 }, W);
    const h = imiHistogram(r.legMovements, r.sleep.source);
    expect(h.counts[44]).toBe(1);
    expect(h.overflow).toBe(0);
  });
});

describe('ICSD-3 finding', () => {
  it('is "above" only strictly above 15/h (adults) and 5/h (children), never a diagnosis', () => {
    expect(plmsFinding(15, W).code).toBe('PLMS_INDEX_NOT_ABOVE_ICSD3');
    const above = plmsFinding(15.01, W);
    expect(above.code).toBe('PLMS_INDEX_ABOVE_ICSD3');
    expect(above.text).toContain('not a diagnosis');
    expect(plmsFinding(5, W, true).code).toBe('PLMS_INDEX_NOT_ABOVE_ICSD3');
    expect(plmsFinding(5.1, W, true)).toMatchObject({ code: 'PLMS_INDEX_ABOVE_ICSD3', population: 'child', thresholdPerHour: 5 });
    expect(plmsFinding(null, W).code).toBe('PLMS_INDEX_UNAVAILABLE');
  });
});
