import type { SleepSourceKind, SleepStage } from '../score-types.js';
import type { TimedEvent } from '../plm/types.js';

/** One stretch of a hypnogram. `stage` null: unscored, '?' or movement time (neither sleep nor wake). */
export interface StageSegment {
  onsetSec: number;
  durationSec: number;
  stage: SleepStage | null;
}

/** Sleep staging for a recording: segments sorted by onset, not overlapping. */
export interface SleepContext {
  source: SleepSourceKind;
  stages: StageSegment[];
}

/** An annotation as any source gives it, before its text is interpreted. */
export interface RawAnnotation {
  onsetSec: number;
  durationSec: number | null;
  text: string;
}

/** What one file (or a recording's own annotations) contributes. */
export interface SleepEvents {
  stages: StageSegment[];
  respiratoryEvents: TimedEvent[];
  arousals: TimedEvent[];
}
