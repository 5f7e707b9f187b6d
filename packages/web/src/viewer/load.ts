// Build a ViewerModel from a Blob: header on the main thread (a few KB read), the first screen from one windowed
// read, and the whole-night min/max pyramid streamed in from a worker while the person already looks at it.
import { blobSource, type EdfReader, openEdf } from '@myotrace/edf';
import type { HeaderSummary, WorkerResponse } from '../worker/protocol.js';
import { summarise } from '../worker/summary.js';
import { chooseChannels, hypnogramFromAnnotations, type ViewChannel, type ViewerModel } from './model.js';
import { addBuckets, createPyramid } from './pyramid.js';
import { openWindow, readLayout, readWindow, windowable } from './windowed.js';

const FIRST_SCREEN_SEC = 30;
const PYRAMID_CHUNK_SEC = 320; // × any common rate is a multiple of the 32-sample bucket

export interface LoadedModel { model: ViewerModel; stop: () => void }

export async function loadModel(file: Blob, onPyramid: (fraction: number) => void, onHeader?: () => void): Promise<LoadedModel> {
  performance.mark('viewer-open-start');
  const layout = await readLayout(file);
  let header: HeaderSummary;
  let readRaw: ViewerModel['readRaw'];
  let firstReader: EdfReader | null = null;
  if (windowable(layout)) {
    // Header and first screen from a small window; annotations (hypnogram) arrive from the worker's full pass.
    const { reader } = await openWindow(file, layout, 0, FIRST_SCREEN_SEC);
    firstReader = reader;
    const s = summarise(reader);
    header = {
      ...s,
      durationSec: layout.recordCount * layout.recordDurationSec,
      signals: s.signals.map((x) => ({ ...x, sampleCount: Math.round(x.sampleRate * layout.recordCount * layout.recordDurationSec) })),
      annotations: [],
      warnings: s.warnings.filter((w) => w.code !== 'EDF_RECORD_COUNT_MISMATCH'),
    };
    readRaw = (indices, fromSec, toSec) => readWindow(file, layout, indices, fromSec, toSec);
  } else {
    const reader = await openEdf(blobSource(file));
    header = summarise(reader);
    readRaw = (indices, fromSec, toSec) => reader.readSignals(indices, fromSec, toSec);
  }
  const chosen = chooseChannels(header.signals);
  const firstTo = Math.min(header.durationSec, FIRST_SCREEN_SEC);
  const first = firstReader ? await firstReader.readSignals(chosen, 0, firstTo) : await readRaw(chosen, 0, firstTo);
  const channels: ViewChannel[] = chosen.map((index, i) => {
    const s = header.signals[index];
    const { center, half } = robustRange(first[i]);
    return { index, label: s.label, unit: s.unit ?? s.physicalDimension ?? null, fs: s.sampleRate, n: s.sampleCount, pyramid: createPyramid(s.sampleCount), raw: { start: 0, data: first[i] }, center, half };
  });
  performance.mark('viewer-first-data');
  const model: ViewerModel = { header, channels, hypnogram: hypnogramFromAnnotations(header.annotations), readRaw };
  const worker = new Worker(new URL('../worker/analyse.worker.ts', import.meta.url), { type: 'module' });
  const byIndex = new Map(channels.map((c) => [c.index, c]));
  worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
    const m = ev.data;
    if (m.type === 'buckets') {
      const ch = byIndex.get(m.channel);
      if (ch) addBuckets(ch.pyramid, m.firstBucket, m.mins, m.maxs);
      onPyramid(m.progress);
    } else if (m.type === 'header') {
      model.header = { ...model.header, annotations: m.header.annotations, warnings: m.header.warnings };
      model.hypnogram = hypnogramFromAnnotations(m.header.annotations);
      onHeader?.();
    } else if (m.type === 'pyramid-done') {
      onPyramid(1);
      worker.terminate();
    }
  };
  worker.postMessage({ type: 'pyramid', file, channels: chosen, chunkSec: PYRAMID_CHUNK_SEC });
  return { model, stop: () => worker.terminate() };
}

/** Centre and half-range of a lane from the 1st–99th percentile of the first screen (robust to spikes). */
export function robustRange(x: Float32Array): { center: number; half: number } {
  if (x.length === 0) return { center: 0, half: 1 };
  const step = Math.max(1, Math.floor(x.length / 4000));
  const s: number[] = [];
  for (let i = 0; i < x.length; i += step) if (x[i] === x[i]) s.push(x[i]);
  s.sort((a, b) => a - b);
  if (s.length === 0) return { center: 0, half: 1 };
  const lo = s[Math.floor(0.01 * (s.length - 1))];
  const hi = s[Math.ceil(0.99 * (s.length - 1))];
  const center = (lo + hi) / 2;
  const half = Math.max((hi - lo) / 2, 1e-6) * 1.5;
  return { center, half };
}
