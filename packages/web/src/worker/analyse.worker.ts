/// <reference lib="webworker" />
// Analysis worker: reads a File with windowed reads (never loads it whole), builds the viewer's min/max pyramid
// chunk by chunk, and runs the detectors on the device. The file is never uploaded.
import { blobSource, openEdf } from '@myotrace/edf';
import { scoreOnDevice } from '../lib/detect.js';
import { bucketsOf, PYRAMID_BASE } from '../viewer/pyramid.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { summarise } from './summary.js';

const post = (m: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  try {
    const reader = await openEdf(blobSource(req.file));
    post({ type: 'header', header: summarise(reader) });
    if (req.type === 'pyramid') {
      const dur = reader.header.durationSec;
      for (let t = 0; t < dur; t += req.chunkSec) {
        const to = Math.min(dur, t + req.chunkSec);
        const data = await reader.readSignals(req.channels, t, to);
        req.channels.forEach((ch, i) => {
          const fs = reader.signals[ch].sampleRate;
          // Chunks start on bucket boundaries because chunkSec·fs is a multiple of the bucket (chosen by the caller).
          const first = Math.round((t * fs) / PYRAMID_BASE);
          const { mins, maxs } = bucketsOf(data[i]);
          post({ type: 'buckets', channel: ch, firstBucket: first, mins, maxs, progress: to / dur }, [mins.buffer, maxs.buffer]);
        });
      }
      post({ type: 'pyramid-done' });
    } else {
      const t0 = performance.now();
      const result = await scoreOnDevice(reader, req.options ?? {}, (fraction, stage) => post({ type: 'progress', fraction, stage }));
      post({ type: 'scored', result, elapsedMs: performance.now() - t0 });
    }
  } catch (e) {
    const err = e as { code?: string; message?: string };
    post({ type: 'error', code: err.code ?? 'WEB_ANALYSIS_FAILED', message: err.message ?? String(e) });
  }
};
