export { matchEvents, eventMetrics, type EventMetrics, type TimedSpan } from './match.js';
export { compareScores, INDEX_KEYS, type ScoreComparison, type CompareOptions, type ValueError } from './compare.js';
export { parseScoreResult } from './parse.js';
