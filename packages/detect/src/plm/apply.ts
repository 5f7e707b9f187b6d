import type { CodedWarning } from '@myotrace/errors';
import { NO_SLEEP_CONTEXT, normaliseStages, sleepMinutes, stagedFraction, stageAt } from '../sleep/context.js';
import type { SleepContext } from '../sleep/types.js';
import type { PlmSeriesSummary, ScoredLegMovement, ScoreResult } from '../score-types.js';
import { DETECT_VERSION } from '../version.js';
import { combineLegs } from './bilateral.js';
import { isCandidate } from './candidate.js';
import { computeIndices } from './indices.js';
import { IntervalSet } from './intervals.js';
import { prepareLeg } from './prepare.js';
import { findPlmSeries } from './series.js';
import { type PlmSettings, validatePlmSettings } from './settings.js';
import { greaterThan } from './time.js';
import type { LegLm, LmEvent, Movement, TimedEvent } from './types.js';

export interface PlmRulesInput {
  left: readonly LmEvent[];
  right: readonly LmEvent[];
  /** Recording length; TST without a hypnogram and the clipping of the hypnogram. */
  durationSec: number;
  sleep?: SleepContext;
  respiratoryEvents?: readonly TimedEvent[];
  arousals?: readonly TimedEvent[];
  recording?: { file?: string; startTime?: string | null };
  channels?: { left: string | null; right: string | null; unit: string | null };
  tool?: { name: string; version: string };
  /** Warnings from earlier steps (reading, detection), kept first. */
  warnings?: readonly CodedWarning[];
  /** Settings of earlier steps (detector, pipeline) recorded next to `rules`. */
  extraSettings?: Record<string, unknown>;
}

export interface PlmRulesOutcome {
  movements: Movement[];
  /** Index lists into `movements`. */
  series: number[][];
  nrSeries: number[][];
  warnings: CodedWarning[];
}

/** The rules on movement level (every flag kept); `applyPlmRules` turns this into the contract. */
export function runPlmRules(input: PlmRulesInput, s: PlmSettings): PlmRulesOutcome {
  validatePlmSettings(s);
  const warnings: CodedWarning[] = [];
  const sleep = input.sleep ?? NO_SLEEP_CONTEXT;
  const ctx: SleepContext = { source: sleep.source, stages: normaliseStages(sleep.stages) };
  const left = prepareLeg(input.left, 'left', s);
  const right = prepareLeg(input.right, 'right', s);
  const invalid = left.invalid + right.invalid;
  if (invalid > 0) {
    warnings.push({ code: 'DETECT_LM_INVALID', message: `${invalid} leg movement(s) with a negative or non-numeric time were ignored` });
  }
  const tooShort = left.tooShort + right.tooShort;
  if (tooShort > 0) {
    warnings.push({ code: 'DETECT_LM_TOO_SHORT', message: `${tooShort} leg movement(s) shorter than ${s.minLmSec} s were not scored` });
  }

  const respiratory = (input.respiratoryEvents ?? []).filter(validEvent);
  const windows = new IntervalSet(
    respiratory.map((e) =>
      s.respiratory.anchor === 'end'
        ? { start: e.onsetSec + e.durationSec - s.respiratory.beforeSec, end: e.onsetSec + e.durationSec + s.respiratory.afterSec }
        : { start: e.onsetSec - s.respiratory.beforeSec, end: e.onsetSec + e.durationSec + s.respiratory.afterSec },
    ),
  );

  let lms: { left: LegLm[]; right: LegLm[] } = { left: left.lms, right: right.lms };
  if (s.maxLmSec !== null) {
    const max = s.maxLmSec;
    const keep = (l: LegLm): boolean => !greaterThan(l.durationSec, max);
    const dropped = lms.left.length + lms.right.length;
    lms = { left: lms.left.filter(keep), right: lms.right.filter(keep) };
    const n = dropped - lms.left.length - lms.right.length;
    if (n > 0) {
      warnings.push({ code: 'DETECT_LM_TOO_LONG', message: `${n} leg movement(s) longer than ${max} s were not scored (${s.standard})` });
    }
  }
  if (s.respiratory.mode === 'exclude' && windows.size > 0) {
    const keep = (l: LegLm): boolean => !windows.touches(l.onsetSec, l.onsetSec + l.durationSec);
    const before = lms.left.length + lms.right.length;
    lms = { left: lms.left.filter(keep), right: lms.right.filter(keep) };
    const n = before - lms.left.length - lms.right.length;
    if (n > 0) {
      warnings.push({
        code: 'DETECT_LM_RESPIRATORY_EXCLUDED',
        message: `${n} leg movement(s) within the respiratory exclusion window were not scored (${s.standard})`,
      });
    }
  }

  const movements = combineLegs(lms.left, lms.right, s);
  const arousals = new IntervalSet(
    (input.arousals ?? []).filter(validEvent).map((a) => ({ start: a.onsetSec, end: a.onsetSec + a.durationSec })),
  );
  // gap strictly below maxGapSec: widen the LM by just under the gap, then test closed overlap
  const g = Math.max(0, s.arousal.maxGapSec - 2e-6);
  for (const m of movements) {
    m.candidate = isCandidate(m, s);
    m.respiratory = s.respiratory.mode === 'flag' && windows.touches(m.onsetSec, m.endSec);
    m.arousal = arousals.touches(m.onsetSec - g, m.endSec + g);
    m.stage = ctx.source === 'none' ? null : stageAt(ctx, m.onsetSec);
  }

  const series = findPlmSeries(movements, s);
  for (const run of series) for (const i of run) movements[i].periodic = true;

  // PLMS-nr: respiratory-related LMs leave the sequence and the series are found again (PLMScoRe `plm`, case 2)
  const nrIndex: number[] = [];
  for (let i = 0; i < movements.length; i++) if (!movements[i].respiratory) nrIndex.push(i);
  const nrSeries = findPlmSeries(
    nrIndex.map((i) => movements[i]),
    s,
  ).map((run) => run.map((k) => nrIndex[k]));
  for (const run of nrSeries) for (const i of run) movements[i].periodicNr = true;

  return { movements, series, nrSeries, warnings };
}

/**
 * WASM 2016 or AASM rules over two legs' LM lists (plus sleep staging, respiratory events and
 * arousals), giving the `myotrace score --json` contract object. Inputs are never mutated.
 */
export function applyPlmRules(input: PlmRulesInput, s: PlmSettings): ScoreResult {
  const outcome = runPlmRules(input, s);
  const sleep = input.sleep ?? NO_SLEEP_CONTEXT;
  const ctx: SleepContext = { source: sleep.source, stages: normaliseStages(sleep.stages) };
  const { tstMin, wakeMin } = sleepMinutes(ctx, input.durationSec);
  const warnings: CodedWarning[] = [...(input.warnings ?? [])];
  if (ctx.source === 'none') {
    warnings.push({
      code: 'DETECT_NO_HYPNOGRAM',
      message: 'no sleep staging found: the whole recording counts as sleep, so PLMS/LM indices are per hour of recording and PLMW is not computed',
    });
  } else if (tstMin === 0) {
    warnings.push({ code: 'DETECT_NO_SLEEP', message: 'the hypnogram contains no sleep within the recording: sleep indices are null' });
  }
  if (ctx.source !== 'none') {
    const staged = stagedFraction(ctx, input.durationSec);
    if (staged < 0.9) {
      warnings.push({
        code: 'DETECT_HYPNOGRAM_PARTIAL',
        message: `the hypnogram covers ${(100 * staged).toFixed(0)}% of the recording: LMs outside it count neither as sleep nor as wake`,
      });
    }
  }
  warnings.push(...outcome.warnings);

  const legMovements: ScoredLegMovement[] = outcome.movements.map((m) => ({
    onset: round6(m.onsetSec),
    duration: round6(m.endSec - m.onsetSec),
    side: m.side,
    candidate: m.candidate,
    periodic: m.periodic,
    respiratory: m.respiratory,
    arousal: m.arousal,
    stage: m.stage,
  }));
  const plmSeries: PlmSeriesSummary[] = outcome.series.map((run) => ({
    start: round6(outcome.movements[run[0]].onsetSec),
    end: round6(outcome.movements[run[run.length - 1]].endSec),
    count: run.length,
  }));
  return {
    tool: input.tool ?? { name: 'myotrace', version: DETECT_VERSION },
    standard: s.standard,
    settings: { rules: structuredClone(s), ...(input.extraSettings ?? {}) },
    recording: {
      file: input.recording?.file ?? '',
      startTime: input.recording?.startTime ?? null,
      durationSec: input.durationSec,
    },
    channels: input.channels ?? { left: null, right: null, unit: null },
    sleep: { source: ctx.source, tstMin, wakeMin },
    legMovements,
    plmSeries,
    indices: computeIndices(outcome.movements, ctx.source, tstMin, wakeMin, s),
    warnings,
  };
}

function validEvent(e: TimedEvent): boolean {
  return Number.isFinite(e.onsetSec) && Number.isFinite(e.durationSec) && e.durationSec >= 0;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
