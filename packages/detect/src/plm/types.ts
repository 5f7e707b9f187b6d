import type { LegSide, SleepStage } from '../score-types.js';

/** One monolateral leg movement as a detector (or a human scorer) marks it. */
export interface LmEvent {
  onsetSec: number;
  durationSec: number;
}

/** A respiratory event or an arousal. */
export interface TimedEvent {
  onsetSec: number;
  durationSec: number;
}

export interface LegLm extends LmEvent {
  leg: 'left' | 'right';
}

/** An LM after bilateral combination, with everything the rules decided about it. */
export interface Movement {
  onsetSec: number;
  endSec: number;
  side: LegSide;
  components: LegLm[];
  candidate: boolean;
  respiratory: boolean;
  arousal: boolean;
  stage: SleepStage | null;
  /** Member of a PLM series (respiratory-related LMs kept). */
  periodic: boolean;
  /** Member of a PLM series once respiratory-related LMs are removed (false for those removed). */
  periodicNr: boolean;
}
