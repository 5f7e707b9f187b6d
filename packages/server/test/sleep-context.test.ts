/**
 * Re-scoring edited events with the stored sleep context: hand-computed WASM 2016 cases over a small hypnogram.
 *
 * Hypnogram of a 1 h recording: W 0–600 s, N2 600–3000 s, W 3000–3600 s → TST 40 min (2/3 h), wake 20 min (1/3 h).
 * LMs (left, 2 s): a wake series at 100, 130, 160, 190 s and an N2 series at 700, 730, 760, 790 s, plus an
 * isolated N2 LM at 2000 s. Series need ≥ 4 candidate LMs with onset-to-onset intervals of 10–90 s.
 *   PLMS = 4 → 4 / (2/3 h) = 6 /h;  PLMW = 4 → 4 / (1/3 h) = 12 /h;  LMs in sleep 5 → 7.5 /h.
 */
import { applyPlmRules, plmSettings, type StageSegment } from '@myotrace/detect';
import { describe, expect, it } from 'vitest';
import { applyEdits, eventsFromResult, type ScoreResultLike } from '../src/recordings/events.js';
import type { StoredSleepContext } from '../src/recordings/sleep-context.js';

const rules = plmSettings('wasm2016');
const stages: StageSegment[] = [
  { onsetSec: 0, durationSec: 600, stage: 'W' },
  ...Array.from({ length: 80 }, (_, i) => ({ onsetSec: 600 + 30 * i, durationSec: 30, stage: 'N2' as const })),
  { onsetSec: 3000, durationSec: 600, stage: 'W' },
];
const ctx: StoredSleepContext = {
  version: 1,
  standard: 'wasm2016',
  rules,
  durationSec: 3600,
  sleep: { source: 'hypnogram', stages },
  respiratoryEvents: [],
  arousals: [],
};
const onsets = [100, 130, 160, 190, 700, 730, 760, 790, 2000];
// the original result, produced by the detect package's own rules over the same inputs
const result = applyPlmRules(
  { left: onsets.map((o) => ({ onsetSec: o, durationSec: 2 })), right: [], durationSec: 3600, sleep: ctx.sleep, respiratoryEvents: [], arousals: [] },
  rules,
) as unknown as ScoreResultLike;
const rescoreCtx = { durationSec: 3600, sleepHours: 2 / 3, settings: result.settings, sleepContext: ctx, original: result.legMovements };

describe('re-scoring with the stored sleep context', () => {
  it('the original result has the hand-computed indices', () => {
    expect(result.indices).toMatchObject({ plmsIndex: 6, lmIndex: 7.5 });
    expect((result.indices as { plmwIndex: number }).plmwIndex).toBeCloseTo(12, 9);
  });

  it('an unedited re-score reproduces the original indices and PLMS per stage', () => {
    const set = eventsFromResult(result, ctx);
    const again = applyEdits(set, [], rescoreCtx);
    for (const s of [set, again]) {
      expect(s.indices).toMatchObject({ sleepHours: 0.67, lmCount: 9, plmCount: 8, lmIndex: 7.5, plmsIndex: 6, plmwIndex: 12, plmsByStage: { N1: 0, N2: 4, N3: 0, R: 0, W: 4 } });
    }
    expect(again.events.map((e) => e.isPlm)).toEqual(set.events.map((e) => e.isPlm));
  });

  it('an LM added inside the N2 series raises PLMS by one: 5 / (2/3 h) = 7.5 /h', () => {
    const set = eventsFromResult(result, ctx);
    const r = applyEdits(set, [{ op: 'add', kind: 'lm', side: 'left', onsetSec: 745, durationSec: 2 }], rescoreCtx);
    expect(r.indices).toMatchObject({ plmsIndex: 7.5, lmIndex: 9, plmwIndex: 12, plmsByStage: { N2: 5, W: 4 } });
    expect(r.events.find((e) => e.onsetSec === 745)?.isPlm).toBe(true);
  });

  it('an LM added in wake counts for PLMW, not PLMS: 5 / (1/3 h) = 15 /h', () => {
    const set = eventsFromResult(result, ctx);
    const r = applyEdits(set, [{ op: 'add', kind: 'lm', side: 'both', onsetSec: 220, durationSec: 2 }], rescoreCtx);
    expect(r.indices).toMatchObject({ plmsIndex: 6, lmIndex: 7.5, plmwIndex: 15, plmsByStage: { N2: 4, W: 5 } });
  });

  it('rejecting one N2 LM breaks that series (3 left): PLMS 0; moving the isolated LM does not help (IMI > 90 s)', () => {
    const set = eventsFromResult(result, ctx);
    const r = applyEdits(set, [{ op: 'reject', eventId: 'lm-6' }, { op: 'move', eventId: 'lm-9', onsetSec: 1000, durationSec: 2 }], rescoreCtx);
    expect(r.indices).toMatchObject({ plmsIndex: 0, lmIndex: 6, plmwIndex: 12, plmsByStage: { N2: 0, W: 4 } });
    // moving it to 820 s continues the series: 700, 760, 790, 820 → PLMS 4 again
    const m = applyEdits(set, [{ op: 'reject', eventId: 'lm-6' }, { op: 'move', eventId: 'lm-9', onsetSec: 820, durationSec: 2 }], rescoreCtx);
    expect(m.indices).toMatchObject({ plmsIndex: 6, plmsByStage: { N2: 4, W: 4 } });
  });

  it('an added movement longer than the candidate limit (10 s monolateral) breaks the series', () => {
    const set = eventsFromResult(result, ctx);
    // 745 s, 12 s long: an LM that is not a candidate; WASM 2016: a non-candidate LM breaks the series (730→745 ends it)
    const r = applyEdits(set, [{ op: 'add', kind: 'lm', side: 'left', onsetSec: 745, durationSec: 12 }], rescoreCtx);
    expect(rules.series.nonCandidateBreaks).toBe(true);
    expect(r.indices.plmsByStage?.N2).toBe(0);
    expect(r.indices.plmsIndex).toBe(0);
  });
});
