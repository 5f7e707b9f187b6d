export { type AccelCsvOptions, parseAccelCsv, STANDARD_GRAVITY } from './csv.js';
export {
  type AccelEvent,
  type AccelJerkResult,
  type AccelJerkSettings,
  ankleLmSettings,
  defaultAccelJerkSettings,
  detectAccelJerks,
} from './jerks.js';
export { type AccelNightOptions, type AccelNightSummary, accelNightSummary, SCREENING_LABEL } from './night.js';
export type { AccelFormat, AccelRecording, AccelUnit } from './types.js';
