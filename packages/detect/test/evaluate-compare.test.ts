import { describe, expect, it } from 'vitest';
import { compareScores, eventMetrics, matchEvents, parseScoreResult } from '../src/evaluate/index.js';
import { applyPlmRules, wasm2016Settings, type LmEvent } from '../src/plm/index.js';

const ev = (onset: number, duration = 1) => ({ onset, duration });

describe('matchEvents', () => {
  it('matches one-to-one within the tolerance, closest pairs first', () => {
    // ref 10 and 11; test 10.6 is closer to 11 (0.4) than to 10 (0.6); test 10.1 goes to 10
    expect(matchEvents([ev(10), ev(11)], [ev(10.6), ev(10.1)], 0.5)).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
  it('includes the tolerance boundary and excludes beyond it', () => {
    expect(matchEvents([ev(10)], [ev(10.5)], 0.5)).toHaveLength(1);
    expect(matchEvents([ev(10)], [ev(10.51)], 0.5)).toHaveLength(0);
  });
  it('never matches an event twice', () => {
    expect(matchEvents([ev(10)], [ev(10), ev(10.1)], 1)).toEqual([[0, 0]]);
  });
});

describe('eventMetrics', () => {
  it('computes precision, recall and F1 by hand', () => {
    // 4 ref, 3 test; 2 matched → P 2/3, R 2/4, F1 = 4/(4+1+2) = 4/7
    const m = eventMetrics([ev(0), ev(20), ev(40), ev(60)], [ev(0.2, 1.5), ev(40.1), ev(80)], 0.5);
    expect(m).toMatchObject({ ref: 4, test: 3, tp: 2, fp: 1, fn: 2 });
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(0.5, 12);
    expect(m.f1).toBeCloseTo(4 / 7, 12);
    expect(m.meanAbsOnsetErrorSec).toBeCloseTo(0.15, 12);
    expect(m.meanAbsDurationErrorSec).toBeCloseTo(0.25, 12);
  });
  it('treats empty lists as perfect agreement and has null errors without matches', () => {
    expect(eventMetrics([], [], 1)).toMatchObject({ precision: 1, recall: 1, f1: 1, meanAbsOnsetErrorSec: null });
    expect(eventMetrics([ev(1)], [], 1)).toMatchObject({ precision: 1, recall: 0, f1: 0 });
  });
});

describe('compareScores', () => {
  const every = (start: number, step: number, n: number): LmEvent[] =>
    Array.from({ length: n }, (_, i) => ({ onsetSec: start + i * step, durationSec: 1 }));
  const ref = applyPlmRules({ left: every(0, 20, 8), right: [], durationSec: 3600 }, wasm2016Settings);
  // test misses the 3rd LM (breaking nothing: IMI 40 s) and adds an isolated one at 1000
  const testLeft = every(0, 20, 8).filter((_, i) => i !== 2);
  testLeft.push({ onsetSec: 1000, durationSec: 1 });
  const test = applyPlmRules({ left: testLeft.map((e) => ({ ...e, onsetSec: e.onsetSec + 0.1 })), right: [], durationSec: 3600 }, wasm2016Settings);
  const c = compareScores(ref, test, { toleranceSec: 0.5 });
  it('scores LMs, CLMs and periodic LMs separately', () => {
    expect(c.lm).toMatchObject({ tp: 7, fp: 1, fn: 1 });
    expect(c.clm).toMatchObject({ tp: 7, fp: 1, fn: 1 });
    expect(c.periodic).toMatchObject({ ref: 8, test: 7, tp: 7, fp: 0, fn: 1 });
    expect(c.periodic.f1).toBeCloseTo(14 / 15, 12);
  });
  it('gives the error of every index (test − ref)', () => {
    expect(c.indices.plmsIndex).toEqual({ ref: 8, test: 7, error: -1 });
    expect(c.indices.lmIndex).toEqual({ ref: 8, test: 8, error: 0 });
    expect(c.indices.plmwIndex).toEqual({ ref: null, test: null, error: null });
    expect(c.plmSeriesCount).toEqual({ ref: 1, test: 1, error: 0 });
    expect(c.warnings).toEqual([]);
  });
  it('warns when the two results were scored by different standards', () => {
    expect(compareScores(ref, { ...test, standard: 'aasm' }).warnings.map((w) => w.code)).toEqual(['EVAL_STANDARD_DIFFERS']);
  });
});

describe('parseScoreResult', () => {
  const good = applyPlmRules({ left: [{ onsetSec: 1, durationSec: 1 }], right: [], durationSec: 60 }, wasm2016Settings);
  it('accepts a contract object after a JSON round trip', () => {
    expect(parseScoreResult(JSON.parse(JSON.stringify(good)))).toEqual(good);
  });
  it('names the first wrong field', () => {
    const bad = JSON.parse(JSON.stringify(good));
    bad.legMovements[0].side = 'middle';
    expect(() => parseScoreResult(bad)).toThrow(expect.objectContaining({ code: 'DETECT_SCORE_JSON_BAD', field: 'legMovements[0].side' }));
    const bad2 = JSON.parse(JSON.stringify(good));
    delete bad2.indices.plmsNrIndex;
    expect(() => parseScoreResult(bad2)).toThrow(expect.objectContaining({ field: 'indices.plmsNrIndex' }));
  });
});
