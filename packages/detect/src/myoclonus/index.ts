export {
  type BackAverageChannelInput,
  type BackAverageMode,
  type BackAverageResult,
  type BackAverageSettings,
  backAverage,
  bereitschaftspotentialSettings,
  defaultBackAverageSettings,
} from './backaverage.js';
export {
  type BurstResult,
  type BurstSettings,
  defaultBurstSettings,
  detectBursts,
  detectBurstsWithInternals,
  type EmgBurst,
} from './bursts.js';
export {
  classifyDuration,
  type DurationClass,
  type DurationClassSettings,
  type DurationSummary,
  defaultDurationClassSettings,
  durationClassText,
  summariseDurations,
} from './durationClass.js';
export {
  assessFragmentaryMyoclonus,
  defaultEfmSettings,
  type EfmResult,
  type EfmSettings,
  type StageSpan,
} from './efm.js';
export {
  analyseMuscles,
  type ChannelBursts,
  comparePair,
  defaultMultiMuscleSettings,
  type JerkEvent,
  type MultiMuscleResult,
  type MultiMuscleSettings,
  type PairPattern,
  type PairResult,
} from './multiMuscle.js';
export { burstRhythm, defaultRhythmSettings, type RhythmResult, type RhythmSettings } from './rhythm.js';
export { checkEmgSampleRate, EMG_MIN_SAMPLE_RATE_HZ, EMG_RECOMMENDED_SAMPLE_RATE_HZ } from './sampleRate.js';
export {
  classifySilentPeriod,
  defaultSilentPeriodSettings,
  detectSilentPeriods,
  type SilentPeriod,
  type SilentPeriodClass,
  type SilentPeriodResult,
  type SilentPeriodSettings,
} from './silent.js';
export { median, medianConfidenceInterval } from './stats.js';
export { backAverageSvg, burstDurationSvg } from './svg.js';
