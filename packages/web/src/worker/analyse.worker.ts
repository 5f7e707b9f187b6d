/// <reference lib="webworker" />
// Analysis worker: reads a File with windowed reads (never loads it whole), builds the viewer's min/max pyramid
// chunk by chunk, and runs the detectors on the device. The file is never uploaded.
import { blobSource, type EdfReader, openEdf } from '@myotrace/edf';
import { backAverageFile, scoreOnDevice } from '../lib/detect.js';
import { bucketsOf, PYRAMID_BASE } from '../viewer/pyramid.js';
import { openWindow, readLayout, windowable } from '../viewer/windowed.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { summarise } from './summary.js';

const post = (m: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  try {
    if (req.type === 'pyramid') {
      await buildPyramid(req.file, req.channels, req.chunkSec);
      return;
    }
    if (req.type === 'backaverage') {
      post({ type: 'backaveraged', result: await backAverageFile(req.file, req.channels, req.triggersSec) });
      return;
    }
    const reader = await openEdf(blobSource(req.file));
    post({ type: 'header', header: summarise(reader) });
    const t0 = performance.now();
    const result = await scoreOnDevice(reader, req.options ?? {}, (fraction, stage) => post({ type: 'progress', fraction, stage }));
    post({ type: 'scored', result, elapsedMs: performance.now() - t0 });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    post({ type: 'error', code: err.code ?? 'WEB_ANALYSIS_FAILED', message: err.message ?? String(e) });
  }
};

/**
 * One pass over the file in windows: level-0 min/max buckets per chosen channel, and the EDF+ annotations of each
 * window (shifted to file time), so the hypnogram needs no second pass. Contiguous files use the windowed adapter.
 */
async function buildPyramid(file: Blob, channels: number[], chunkSec: number): Promise<void> {
  const layout = await readLayout(file);
  let full: EdfReader | null = null;
  if (!windowable(layout)) full = await openEdf(blobSource(file));
  const dur = full ? full.header.durationSec : layout.recordCount * layout.recordDurationSec;
  const annotations: { onset: number; duration: number | null; text: string }[] = full ? [...full.annotations] : [];
  let rates: number[] | null = full ? full.signals.map((s) => s.sampleRate) : null;
  let warnings: { code: string; message: string }[] = full ? full.warnings.map((w) => ({ code: w.code, message: w.message })) : [];
  for (let t = 0; t < dur; t += chunkSec) {
    const to = Math.min(dur, t + chunkSec);
    let data: Float32Array[];
    if (full) data = await full.readSignals(channels, t, to);
    else {
      const { reader, offsetSec } = await openWindow(file, layout, t, to);
      rates ??= reader.signals.map((s) => s.sampleRate);
      if (t === 0) warnings = reader.warnings.filter((w) => w.code !== 'EDF_RECORD_COUNT_MISMATCH').map((w) => ({ code: w.code, message: w.message }));
      for (const a of reader.annotations) annotations.push({ onset: a.onset + offsetSec, duration: a.duration, text: a.text });
      data = await reader.readSignals(channels, t - offsetSec, to - offsetSec);
    }
    channels.forEach((ch, i) => {
      const fs = (rates as number[])[ch];
      // Chunks start on bucket boundaries because chunkSec·fs is a multiple of the bucket (chosen by the caller).
      const first = Math.round((t * fs) / PYRAMID_BASE);
      const { mins, maxs } = bucketsOf(data[i]);
      post({ type: 'buckets', channel: ch, firstBucket: first, mins, maxs, progress: to / dur }, [mins.buffer, maxs.buffer]);
    });
  }
  post({ type: 'header', header: { durationSec: dur, startTime: null, signals: [], annotations, warnings } });
  post({ type: 'pyramid-done' });
}
