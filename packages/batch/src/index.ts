export { batchId, batchSettings, canonicalJson, settingsHash, type BatchSettings } from './settings.js';
export { readManifest, isUrl, type Manifest, type ManifestRow } from './manifest.js';
export { httpSource, openRecording, openHeader, redactUrl, type OpenedRecording } from './source.js';
export { scoreRow, validateRow, failureOf, isPermanent, type ScoredRecording, type RecordingFailure } from './score-row.js';
export { BatchStore, type BatchStatus, type BatchResultRow, type RecordingState } from './store.js';
export { runLocal, validateRows, type BatchProgress, type BatchRef, type RunSummary } from './local.js';
export { enqueueBatch, startWorker, queueCounts, jobIdOf, QUEUE_NAME, type ScoreJobData, type WorkerOptions, type RunningWorker } from './queue.js';
export { EXPORT_COLUMNS, flattenResult, resultsToCsv, resultsToJson } from './export.js';
