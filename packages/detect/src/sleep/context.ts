import type { SleepStage } from '../score-types.js';
import type { SleepContext, StageSegment } from './types.js';

export const NO_SLEEP_CONTEXT: SleepContext = Object.freeze({ source: 'none', stages: [] }) as SleepContext;

export function isSleepStage(stage: SleepStage | null): boolean {
  return stage === 'N1' || stage === 'N2' || stage === 'N3' || stage === 'R';
}

/** Sorts segments, drops empty ones, and trims overlaps so that a later segment wins where two overlap. */
export function normaliseStages(stages: readonly StageSegment[]): StageSegment[] {
  const sorted = stages
    .filter((s) => Number.isFinite(s.onsetSec) && Number.isFinite(s.durationSec) && s.durationSec > 0)
    .map((s) => ({ ...s }))
    .sort((a, b) => a.onsetSec - b.onsetSec);
  const out: StageSegment[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.onsetSec + prev.durationSec > s.onsetSec) {
      prev.durationSec = s.onsetSec - prev.onsetSec;
      if (prev.durationSec <= 0) out.pop();
    }
    const last = out[out.length - 1];
    // join neighbours with the same stage so lookups and sums stay short (Sleep-EDF style spans)
    if (last && last.stage === s.stage && Math.abs(last.onsetSec + last.durationSec - s.onsetSec) < 1e-9) {
      last.durationSec += s.durationSec;
    } else out.push(s);
  }
  return out;
}

/** Stage of the segment containing time t (onset inclusive, end exclusive), or null. */
export function stageAt(ctx: SleepContext, tSec: number): SleepStage | null {
  const st = ctx.stages;
  let lo = 0;
  let hi = st.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = st[mid];
    if (tSec < s.onsetSec) hi = mid - 1;
    else if (tSec >= s.onsetSec + s.durationSec) lo = mid + 1;
    else return s.stage;
  }
  return null;
}

/**
 * Total sleep time and wake time in minutes within [0, durationSec]. Without a hypnogram the whole
 * recording counts as sleep (the caller adds the warning).
 */
export function sleepMinutes(ctx: SleepContext, durationSec: number): { tstMin: number; wakeMin: number } {
  if (ctx.source === 'none') return { tstMin: durationSec / 60, wakeMin: 0 };
  let sleep = 0;
  let wake = 0;
  for (const s of ctx.stages) {
    const a = Math.max(0, s.onsetSec);
    const b = Math.min(durationSec, s.onsetSec + s.durationSec);
    if (b <= a) continue;
    if (isSleepStage(s.stage)) sleep += b - a;
    else if (s.stage === 'W') wake += b - a;
  }
  return { tstMin: sleep / 60, wakeMin: wake / 60 };
}

/** Share of [0, durationSec] covered by hypnogram segments of any stage (unscored included). */
export function stagedFraction(ctx: SleepContext, durationSec: number): number {
  if (ctx.source === 'none' || durationSec <= 0) return 0;
  let covered = 0;
  for (const s of ctx.stages) covered += Math.max(0, Math.min(durationSec, s.onsetSec + s.durationSec) - Math.max(0, s.onsetSec));
  return covered / durationSec;
}
