// Adapter over @myotrace/detect for the browser: one place that knows the detector entry points.
import { aasmSettings, applyPlmRules, backAverage, scoreRecording, wasm2016Settings } from '@myotrace/detect';
import { blobSource, openEdf } from '@myotrace/edf';
import type { BackAveragePlot } from '../worker/protocol.js';
import type { EdfReader } from '@myotrace/edf';
import type { ScoreResult } from '../api/types.js';

export async function scoreOnDevice(
  reader: EdfReader, options: Record<string, unknown>, onProgress: (fraction: number, stage: string) => void,
): Promise<ScoreResult> {
  onProgress(0, 'score');
  const result = await scoreRecording(reader, { ...options, onProgress } as Parameters<typeof scoreRecording>[1]);
  onProgress(1, 'score');
  return result as unknown as ScoreResult;
}

/**
 * Re-apply the PLM rules after a person edited the leg movements on the device: every kept movement goes back to
 * its leg(s) (bilateral → both) and the rules recombine them, so the indices follow the edits exactly as the
 * server would compute them from the same LM lists.
 */
export function rescoreEdited(
  base: ScoreResult,
  lms: { onsetSec: number; durationSec: number; side: 'left' | 'right' | 'both' | null }[],
  stages: { onsetSec: number; durationSec: number; stage: 'W' | 'N1' | 'N2' | 'N3' | 'R' | null }[],
): ScoreResult {
  const left = lms.filter((m) => m.side !== 'right').map((m) => ({ onsetSec: m.onsetSec, durationSec: m.durationSec }));
  const right = lms.filter((m) => m.side === 'right' || m.side === 'both').map((m) => ({ onsetSec: m.onsetSec, durationSec: m.durationSec }));
  const rules = (base as unknown as { settings?: { rules?: unknown } }).settings?.rules;
  const settings = (rules ?? (base.standard === 'aasm' ? aasmSettings : wasm2016Settings)) as Parameters<typeof applyPlmRules>[1];
  const result = applyPlmRules(
    {
      left, right, durationSec: base.recording?.durationSec ?? 0,
      sleep: stages.length ? { source: 'annotations', stages } : undefined,
      channels: { left: base.channels?.left ?? null, right: base.channels?.right ?? null, unit: base.channels?.unit ?? null },
    },
    settings,
  );
  return result as unknown as ScoreResult;
}

const TO_UV: Record<string, number> = { uv: 1, mv: 1000, v: 1e6, nv: 1e-3 };

/** Jerk-locked back-averaging of EEG channels of a file around the given trigger times (detect's backAverage). */
export async function backAverageFile(file: Blob, channels: number[], triggersSec: number[]): Promise<BackAveragePlot> {
  const reader = await openEdf(blobSource(file));
  const data = await reader.readSignals(channels);
  const input = channels.map((ch, i) => {
    const s = reader.signals[ch];
    const f = TO_UV[(s.unit ?? 'uV').toLowerCase()] ?? 1;
    return { label: s.label, sampleRateHz: s.sampleRate, samplesUv: f === 1 ? data[i] : data[i].map((v) => v * f) };
  });
  const r = backAverage(input, triggersSec);
  return {
    timesMs: r.timesMs, channels: r.channels.map((c) => ({ label: c.label, averageUv: c.averageUv })),
    nUsed: r.nUsed, nTriggers: r.nTriggers, statement: r.statement, significant: r.significance.significant,
  };
}
