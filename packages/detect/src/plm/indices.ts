import { isSleepStage } from '../sleep/context.js';
import type { ScoreIndices, SleepSourceKind } from '../score-types.js';
import type { PlmSettings } from './settings.js';
import { atMost, greaterThan, lessThan } from './time.js';
import type { Movement } from './types.js';

export interface IndexCounts {
  lmSleep: number;
  clmSleep: number;
  plmSleep: number;
  plmWake: number;
  plmNrSleep: number;
  plmArousalSleep: number;
}

/** Without a hypnogram every LM counts as sleep; with one, only N1–N3 and R do. */
export function inSleep(m: Movement, source: SleepSourceKind): boolean {
  return source === 'none' ? true : isSleepStage(m.stage);
}

export function countMovements(movements: readonly Movement[], source: SleepSourceKind): IndexCounts {
  const c: IndexCounts = { lmSleep: 0, clmSleep: 0, plmSleep: 0, plmWake: 0, plmNrSleep: 0, plmArousalSleep: 0 };
  for (const m of movements) {
    if (inSleep(m, source)) {
      c.lmSleep++;
      if (m.candidate) c.clmSleep++;
      if (m.periodic) c.plmSleep++;
      if (m.periodicNr) c.plmNrSleep++;
      if (m.periodic && m.arousal) c.plmArousalSleep++;
    } else if (source !== 'none' && m.stage === 'W' && m.periodic) c.plmWake++;
  }
  return c;
}

const perHour = (n: number, minutes: number): number | null => (minutes > 0 ? n / (minutes / 60) : null);

export function computeIndices(
  movements: readonly Movement[],
  source: SleepSourceKind,
  tstMin: number,
  wakeMin: number,
  s: PlmSettings,
): ScoreIndices {
  const c = countMovements(movements, source);
  return {
    lmIndex: perHour(c.lmSleep, tstMin),
    clmIndex: perHour(c.clmSleep, tstMin),
    plmsIndex: perHour(c.plmSleep, tstMin),
    plmwIndex: perHour(c.plmWake, wakeMin),
    plmsNrIndex: perHour(c.plmNrSleep, tstMin),
    plmsArousalIndex: perHour(c.plmArousalSleep, tstMin),
    periodicityIndex:
      s.periodicityIndex === 'plm-over-clm'
        ? c.clmSleep > 0
          ? c.plmSleep / c.clmSleep
          : null
        : ferriPeriodicityIndex(
            movements.filter((m) => m.candidate && inSleep(m, source)).map((m) => m.onsetSec),
            s,
          ),
  };
}

/**
 * Ferri's periodicity index (Sleep 2006, as described in secondary sources): of the IMIs between
 * consecutive CLM onsets, the share that lie in [minImi, maxImi] and belong to an unbroken run of
 * at least 3 such IMIs. Null with fewer than two CLMs.
 */
export function ferriPeriodicityIndex(onsetsSec: readonly number[], s: PlmSettings): number | null {
  const n = onsetsSec.length - 1;
  if (n < 1) return null;
  let inRuns = 0;
  let runLength = 0;
  for (let i = 0; i <= n; i++) {
    const ok = i < n && isPeriodicImi(onsetsSec[i + 1] - onsetsSec[i], s);
    if (ok) runLength++;
    else {
      if (runLength >= 3) inRuns += runLength;
      runLength = 0;
    }
  }
  return inRuns / n;
}

function isPeriodicImi(imi: number, s: PlmSettings): boolean {
  if (lessThan(imi, s.series.minImiSec)) return false;
  return s.series.maxImiInclusive ? atMost(imi, s.series.maxImiSec) : lessThan(imi, s.series.maxImiSec);
}

export interface ImiHistogram {
  binSec: number;
  /** Left edges of the bins, 0, binSec, ... up to maxSec. */
  edgesSec: number[];
  counts: number[];
  /** IMIs above maxSec. */
  overflow: number;
}

/**
 * Histogram of onset-to-onset IMIs between consecutive CLMs that are both in sleep, with no
 * non-CLM LM between them (as SOMAS plots them: 2 s bins over 0–90 s, plus an overflow count).
 * Works on any contract JSON (`legMovements` in onset order).
 */
export function imiHistogram(
  legMovements: ReadonlyArray<{ onset: number; candidate: boolean; stage: string | null }>,
  sleepSource: SleepSourceKind,
  opts: { binSec: number; maxSec: number } = { binSec: 2, maxSec: 90 },
): ImiHistogram {
  const nBins = Math.ceil(opts.maxSec / opts.binSec - 1e-9);
  const counts = new Array<number>(nBins).fill(0);
  let overflow = 0;
  const sleeping = (stage: string | null): boolean =>
    sleepSource === 'none' || stage === 'N1' || stage === 'N2' || stage === 'N3' || stage === 'R';
  const sorted = [...legMovements].sort((a, b) => a.onset - b.onset);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (!a.candidate || !b.candidate || !sleeping(a.stage) || !sleeping(b.stage)) continue;
    const imi = b.onset - a.onset;
    if (greaterThan(imi, opts.maxSec)) overflow++;
    else counts[Math.min(nBins - 1, Math.floor(imi / opts.binSec + 1e-9))]++;
  }
  return { binSec: opts.binSec, edgesSec: counts.map((_, i) => i * opts.binSec), counts, overflow };
}
