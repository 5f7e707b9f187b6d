export * from './plm/index.js';
export * from './sleep/index.js';
export * from './score-types.js';
export { DETECT_VERSION } from './version.js';
export * from './evaluate/index.js';
export { scoreRecording, type ScoreOptions, type ScoreReader, type ScorePhase } from './score.js';
export { scoreToCsv, scoreToAnnotations, lmAnnotationText } from './score-export.js';
