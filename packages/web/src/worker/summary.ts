import type { EdfReader } from '@myotrace/edf';
import type { HeaderSummary } from './protocol.js';

export function summarise(r: EdfReader): HeaderSummary {
  return {
    durationSec: r.header.durationSec,
    startTime: r.header.startTime,
    signals: r.signals.map((s, index) => ({
      index, label: s.label, unit: s.unit ?? null, sampleRate: s.sampleRate, sampleCount: s.sampleCount, physicalDimension: s.physicalDimension,
    })),
    annotations: r.annotations.map((a) => ({ onset: a.onset, duration: a.duration, text: a.text })),
    warnings: r.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}
