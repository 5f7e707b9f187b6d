import type { CodedWarning } from '@myotrace/errors';

/**
 * The `myotrace score --json` contract (issue 3). Keys and meanings are a stable interface:
 * the simulator's ground truth, `myotrace compare`, the server and the web app all read it.
 * Times are seconds from the first sample of the recording.
 */
export type ScoringStandard = 'wasm2016' | 'aasm';
export type LegSide = 'left' | 'right' | 'bilateral';
export type SleepStage = 'W' | 'N1' | 'N2' | 'N3' | 'R';
export type SleepSourceKind = 'annotations' | 'hypnogram' | 'none';

export interface ScoredLegMovement {
  onset: number;
  duration: number;
  side: LegSide;
  /** A candidate LM (CLM): may take part in a PLM series. */
  candidate: boolean;
  /** Member of a PLM series (counting respiratory-related CLMs, i.e. the PLMS series). */
  periodic: boolean;
  /** WASM: lies in the respiratory window of a respiratory event (CLMr when candidate). */
  respiratory: boolean;
  /** Associated with an arousal (overlap or gap below the setting). */
  arousal: boolean;
  /** Sleep stage at the LM onset; null without a hypnogram or in unscored epochs. */
  stage: SleepStage | null;
}

export interface PlmSeriesSummary {
  /** Onset of the first LM of the series. */
  start: number;
  /** Offset (onset + duration) of the last LM of the series. */
  end: number;
  count: number;
}

export interface ScoreIndices {
  /** LMs in sleep per hour of sleep. */
  lmIndex: number | null;
  /** CLMs in sleep per hour of sleep. */
  clmIndex: number | null;
  /** Periodic LMs in sleep per hour of sleep. */
  plmsIndex: number | null;
  /** Periodic LMs in wake per hour of wake. */
  plmwIndex: number | null;
  /** Periodic LMs in sleep once respiratory-related LMs are removed, per hour of sleep. */
  plmsNrIndex: number | null;
  /** Periodic LMs in sleep associated with an arousal, per hour of sleep. */
  plmsArousalIndex: number | null;
  /** See `PlmSettings.periodicityIndex`. */
  periodicityIndex: number | null;
}

export interface ScoreResult {
  tool: { name: string; version: string };
  standard: ScoringStandard;
  settings: ScoreSettingsRecord;
  recording: { file: string; startTime: string | null; durationSec: number };
  channels: { left: string | null; right: string | null; unit: string | null };
  sleep: { source: SleepSourceKind; tstMin: number; wakeMin: number };
  legMovements: ScoredLegMovement[];
  plmSeries: PlmSeriesSummary[];
  indices: ScoreIndices;
  warnings: CodedWarning[];
}

/**
 * Everything used to produce a result, as plain JSON: the PLM rules (`rules`), and when the
 * pipeline ran, the detector settings per leg and the pipeline's own options. Free-form beyond
 * `rules` because detector settings belong to the detector.
 */
export interface ScoreSettingsRecord {
  rules: import('./plm/settings.js').PlmSettings;
  [key: string]: unknown;
}
