/**
 * The sleep context of a scored recording (hypnogram, respiratory events, arousals, the rules used), stored as
 * JSON next to the result so that a clinician's edits are re-scored with the same staging the original scoring
 * used. `rescoreWithContext` re-applies the detect package's PLM rules (candidate limits, series, indices) to
 * the reviewed events: unchanged events keep the facts the original scoring decided for them (candidate,
 * respiratory, arousal, stage: their monolateral components are not kept), moved and added events are judged
 * afresh from their own span, so an unedited re-score reproduces the original indices exactly.
 */
import {
  computeIndices,
  findPlmSeries,
  isCandidate,
  type LegLm,
  type Movement,
  normaliseStages,
  type PlmSettings,
  type ScoreIndices,
  type SleepContext,
  sleepMinutes,
  type SleepStage,
  stageAt,
  TIME_EPS_SEC,
  type TimedEvent,
} from '@myotrace/detect';
import type { ScoredEvent } from '../schemas/recordings.js';

export interface StoredSleepContext {
  version: 1;
  standard: string;
  rules: PlmSettings;
  durationSec: number;
  sleep: SleepContext;
  respiratoryEvents: TimedEvent[];
  arousals: TimedEvent[];
}

/** What the original scoring decided about one of its movements (ScoreResult.legMovements[i]). */
export interface OriginalMovement {
  onset: number;
  duration: number;
  side: 'left' | 'right' | 'bilateral';
  candidate?: boolean;
  respiratory?: boolean;
  arousal?: boolean;
  stage?: SleepStage | null;
}

export interface ContextRescore {
  /** Per input event: member of a PLM series. */
  periodic: boolean[];
  indices: ScoreIndices;
  tstMin: number;
  wakeMin: number;
  /** Periodic LMs in each sleep stage, and in wake. */
  plmsByStage: Record<'N1' | 'N2' | 'N3' | 'R', number>;
  plmWake: number;
}

export function parseSleepContext(text: string | null | undefined): StoredSleepContext | null {
  if (!text) return null;
  const c = JSON.parse(text) as StoredSleepContext;
  return c && c.version === 1 && c.rules ? c : null;
}

/** Closed overlap of [a, b] with any interval, with the rules' time tolerance. */
function touches(intervals: readonly { start: number; end: number }[], a: number, b: number): boolean {
  for (const iv of intervals) if (iv.start <= b + TIME_EPS_SEC && iv.end >= a - TIME_EPS_SEC) return true;
  return false;
}

export function rescoreWithContext(events: readonly ScoredEvent[], original: readonly OriginalMovement[], c: StoredSleepContext): ContextRescore {
  const s = c.rules;
  const sleep: SleepContext = { source: c.sleep.source, stages: normaliseStages(c.sleep.stages) };
  const windows = c.respiratoryEvents.map((e) =>
    s.respiratory.anchor === 'end'
      ? { start: e.onsetSec + e.durationSec - s.respiratory.beforeSec, end: e.onsetSec + e.durationSec + s.respiratory.afterSec }
      : { start: e.onsetSec - s.respiratory.beforeSec, end: e.onsetSec + e.durationSec + s.respiratory.afterSec },
  );
  const arousals = c.arousals.map((a) => ({ start: a.onsetSec, end: a.onsetSec + a.durationSec }));
  const gap = Math.max(0, s.arousal.maxGapSec - 2e-6);

  const movements: Movement[] = [];
  const eventOf: number[] = [];
  const order = events.map((e, i) => ({ e, i })).sort((x, y) => x.e.onsetSec - y.e.onsetSec);
  for (const { e, i } of order) {
    if (e.status === 'rejected' || e.kind !== 'lm') continue;
    const side = e.side === 'both' ? 'bilateral' : e.side === 'right' ? 'right' : 'left';
    const end = e.onsetSec + e.durationSec;
    const comp = (leg: 'left' | 'right'): LegLm => ({ onsetSec: e.onsetSec, durationSec: e.durationSec, leg });
    const m: Movement = {
      onsetSec: e.onsetSec,
      endSec: end,
      side,
      components: side === 'bilateral' ? [comp('left'), comp('right')] : [comp(side)],
      candidate: false,
      respiratory: false,
      arousal: false,
      stage: null,
      periodic: false,
      periodicNr: false,
    };
    const k = /^lm-(\d+)$/.exec(e.id);
    const orig = k && (e.status === 'auto' || e.status === 'accepted') ? original[Number(k[1]) - 1] : undefined;
    if (orig && orig.candidate !== undefined) {
      m.candidate = orig.candidate;
      m.respiratory = !!orig.respiratory;
      m.arousal = !!orig.arousal;
      m.stage = orig.stage ?? null;
    } else {
      // a moved or added event: judged from its own span like a detector's LM
      if (e.durationSec + TIME_EPS_SEC < s.minLmSec) continue;
      if (s.maxLmSec !== null && e.durationSec > s.maxLmSec + TIME_EPS_SEC) continue;
      if (s.respiratory.mode === 'exclude' && touches(windows, e.onsetSec, end)) continue;
      m.candidate = isCandidate(m, s);
      m.respiratory = s.respiratory.mode === 'flag' && touches(windows, e.onsetSec, end);
      m.arousal = touches(arousals, e.onsetSec - gap, end + gap);
      m.stage = sleep.source === 'none' ? null : stageAt(sleep, e.onsetSec);
    }
    movements.push(m);
    eventOf.push(i);
  }

  for (const run of findPlmSeries(movements, s)) for (const j of run) movements[j].periodic = true;
  const nr: number[] = [];
  for (let j = 0; j < movements.length; j++) if (!movements[j].respiratory) nr.push(j);
  for (const run of findPlmSeries(nr.map((j) => movements[j]), s)) for (const k of run) movements[nr[k]].periodicNr = true;

  const { tstMin, wakeMin } = sleepMinutes(sleep, c.durationSec);
  const periodic = new Array<boolean>(events.length).fill(false);
  const plmsByStage = { N1: 0, N2: 0, N3: 0, R: 0 };
  let plmWake = 0;
  movements.forEach((m, j) => {
    periodic[eventOf[j]] = m.periodic;
    if (!m.periodic) return;
    if (m.stage === 'W') plmWake++;
    else if (m.stage) plmsByStage[m.stage]++;
  });
  return { periodic, indices: computeIndices(movements, sleep.source, tstMin, wakeMin, s), tstMin, wakeMin, plmsByStage, plmWake };
}
