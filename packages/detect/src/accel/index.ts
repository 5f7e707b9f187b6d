export type { AccelFormat, AccelRecording, AccelUnit } from './types.js';
export { parseAccelCsv, STANDARD_GRAVITY, type AccelCsvOptions } from './csv.js';
export { detectAccelJerks, defaultAccelJerkSettings, ankleLmSettings, type AccelEvent, type AccelJerkResult, type AccelJerkSettings } from './jerks.js';
export { accelNightSummary, SCREENING_LABEL, type AccelNightOptions, type AccelNightSummary } from './night.js';
