// Messages between the viewer/recordings screens and the analysis worker.
import type { ScoreResult } from '../api/types.js';

export interface HeaderSummary {
  durationSec: number;
  startTime: string | null;
  signals: { index: number; label: string; unit: string | null; sampleRate: number; sampleCount: number; physicalDimension: string }[];
  annotations: { onset: number; duration: number | null; text: string }[];
  warnings: { code: string; message: string }[];
}

export type WorkerRequest =
  | { type: 'pyramid'; file: Blob; channels: number[]; chunkSec: number }
  | { type: 'score'; file: Blob; options?: Record<string, unknown> }
  | { type: 'backaverage'; file: Blob; channels: number[]; triggersSec: number[] };

export type WorkerResponse =
  | { type: 'header'; header: HeaderSummary }
  | { type: 'buckets'; channel: number; firstBucket: number; mins: Float32Array; maxs: Float32Array; progress: number }
  | { type: 'pyramid-done' }
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'scored'; result: ScoreResult; elapsedMs: number }
  | { type: 'backaveraged'; result: BackAveragePlot }
  | { type: 'error'; code: string; message: string };

/** What the viewer draws of a back-average (from @myotrace/detect's BackAverageResult). */
export interface BackAveragePlot {
  timesMs: number[];
  channels: { label: string; averageUv: number[] }[];
  nUsed: number;
  nTriggers: number;
  statement: string;
  significant: boolean;
}
