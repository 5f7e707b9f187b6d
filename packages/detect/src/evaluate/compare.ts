import type { CodedWarning } from '@myotrace/errors';
import type { ScoreIndices, ScoreResult } from '../score-types.js';
import { type EventMetrics, eventMetrics } from './match.js';

export interface ValueError {
  ref: number | null;
  test: number | null;
  /** test − ref, null when either is null. */
  error: number | null;
}

export interface ScoreComparison {
  toleranceSec: number;
  lm: EventMetrics;
  clm: EventMetrics;
  periodic: EventMetrics;
  indices: Record<keyof ScoreIndices, ValueError>;
  tstMin: ValueError;
  wakeMin: ValueError;
  plmSeriesCount: ValueError;
  warnings: CodedWarning[];
}

export interface CompareOptions {
  /** Largest onset difference for a match (s). Default 1.0. */
  toleranceSec?: number;
}

export const INDEX_KEYS: ReadonlyArray<keyof ScoreIndices> = [
  'lmIndex',
  'clmIndex',
  'plmsIndex',
  'plmwIndex',
  'plmsNrIndex',
  'plmsArousalIndex',
  'periodicityIndex',
];

const diff = (ref: number | null, test: number | null): ValueError => ({
  ref,
  test,
  error: ref === null || test === null ? null : test - ref,
});

/**
 * Agreement of a scored night (`test`) with a reference (`ref`, e.g. an expert's or the simulator's
 * ground truth): event matching for all LMs, CLMs and periodic LMs, and the error of every index.
 * Works on any pair of score-contract objects.
 */
export function compareScores(ref: ScoreResult, test: ScoreResult, opts: CompareOptions = {}): ScoreComparison {
  const toleranceSec = opts.toleranceSec ?? 1.0;
  const warnings: CodedWarning[] = [];
  if (ref.standard !== test.standard) {
    warnings.push({ code: 'EVAL_STANDARD_DIFFERS', message: `the reference was scored by ${ref.standard}, the test by ${test.standard}` });
  }
  if (Math.abs(ref.recording.durationSec - test.recording.durationSec) > 1) {
    warnings.push({
      code: 'EVAL_DURATION_DIFFERS',
      message: `recording durations differ (${ref.recording.durationSec} s vs ${test.recording.durationSec} s): are these the same night?`,
    });
  }
  if (ref.sleep.source !== test.sleep.source) {
    warnings.push({ code: 'EVAL_SLEEP_SOURCE_DIFFERS', message: `sleep staging came from "${ref.sleep.source}" vs "${test.sleep.source}"` });
  }
  const pick = (r: ScoreResult, f: (m: ScoreResult['legMovements'][number]) => boolean) => r.legMovements.filter(f);
  const indices = {} as Record<keyof ScoreIndices, ValueError>;
  for (const k of INDEX_KEYS) indices[k] = diff(ref.indices[k], test.indices[k]);
  return {
    toleranceSec,
    lm: eventMetrics(ref.legMovements, test.legMovements, toleranceSec),
    clm: eventMetrics(pick(ref, (m) => m.candidate), pick(test, (m) => m.candidate), toleranceSec),
    periodic: eventMetrics(pick(ref, (m) => m.periodic), pick(test, (m) => m.periodic), toleranceSec),
    indices,
    tstMin: diff(ref.sleep.tstMin, test.sleep.tstMin),
    wakeMin: diff(ref.sleep.wakeMin, test.sleep.wakeMin),
    plmSeriesCount: diff(ref.plmSeries.length, test.plmSeries.length),
    warnings,
  };
}
