import type { CodedWarning } from '@myotrace/errors';
import type { TimedEvent } from '../plm/types.js';
import { normaliseStages } from './context.js';
import { classifyAnnotation } from './labels.js';
import type { RawAnnotation, SleepEvents, StageSegment } from './types.js';

export interface InterpretOptions {
  /** Stage annotations without a duration last this long (one epoch). */
  epochSec?: number;
  /** Added to every onset (aligns a separate file's clock with the recording's first sample). */
  offsetSec?: number;
}

/**
 * Sorts raw annotations into hypnogram segments, respiratory events and arousals. Stage
 * annotations may span many epochs (Sleep-EDF hypnograms give one annotation per run of a stage).
 */
export function interpretAnnotations(
  annotations: readonly RawAnnotation[],
  opts: InterpretOptions = {},
): SleepEvents & { warnings: CodedWarning[] } {
  const epochSec = opts.epochSec ?? 30;
  const offset = opts.offsetSec ?? 0;
  const stages: StageSegment[] = [];
  const respiratoryEvents: TimedEvent[] = [];
  const arousals: TimedEvent[] = [];
  let zeroLength = 0;
  for (const a of annotations) {
    if (!Number.isFinite(a.onsetSec)) continue;
    const meaning = classifyAnnotation(a.text);
    const onsetSec = a.onsetSec + offset;
    if (meaning.kind === 'stage') {
      stages.push({ onsetSec, durationSec: a.durationSec && a.durationSec > 0 ? a.durationSec : epochSec, stage: meaning.stage });
    } else if (meaning.kind === 'respiratory' || meaning.kind === 'arousal') {
      const durationSec = a.durationSec ?? 0;
      if (!(durationSec > 0)) zeroLength++;
      (meaning.kind === 'respiratory' ? respiratoryEvents : arousals).push({ onsetSec, durationSec: Math.max(0, durationSec) });
    }
  }
  const warnings: CodedWarning[] = [];
  if (zeroLength > 0) {
    warnings.push({
      code: 'DETECT_EVENT_NO_DURATION',
      message: `${zeroLength} respiratory event(s) or arousal(s) had no duration and were treated as instants`,
    });
  }
  const byOnset = (x: TimedEvent, y: TimedEvent): number => x.onsetSec - y.onsetSec;
  return {
    stages: normaliseStages(stages),
    respiratoryEvents: respiratoryEvents.sort(byOnset),
    arousals: arousals.sort(byOnset),
    warnings,
  };
}

/** Union of event lists without exact duplicates (the same event from two sources counts once). */
export function mergeEvents(...lists: ReadonlyArray<readonly TimedEvent[]>): TimedEvent[] {
  const seen = new Set<string>();
  const out: TimedEvent[] = [];
  for (const list of lists) {
    for (const e of list) {
      const key = `${e.onsetSec.toFixed(3)}/${e.durationSec.toFixed(3)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ onsetSec: e.onsetSec, durationSec: e.durationSec });
    }
  }
  return out.sort((a, b) => a.onsetSec - b.onsetSec);
}
