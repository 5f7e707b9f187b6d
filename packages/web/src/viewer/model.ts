// Data behind the signal viewer, independent of where the recording comes from (device or server).
import type { HeaderSummary } from '../worker/protocol.js';
import { type Pyramid } from './pyramid.js';

export interface ViewChannel {
  index: number;
  label: string;
  unit: string | null;
  fs: number;
  n: number;
  pyramid: Pyramid;
  raw: { start: number; data: Float32Array } | null;
  /** Lane shows center ± half (physical units). */
  center: number;
  half: number;
}

export interface ViewEvent {
  id: string;
  kind: 'lm' | 'burst' | 'jerk';
  side: 'left' | 'right' | 'both' | null;
  onsetSec: number;
  durationSec: number;
  status: 'auto' | 'accepted' | 'rejected' | 'added' | 'moved';
  isPlm: boolean;
}

export interface HypnoEpoch { onset: number; duration: number; stage: 'W' | 'N1' | 'N2' | 'N3' | 'R' | '?' }

export interface ViewerModel {
  header: HeaderSummary;
  channels: ViewChannel[];
  hypnogram: HypnoEpoch[];
  readRaw(indices: number[], fromSec: number, toSec: number): Promise<Float32Array[]>;
}

const STAGE_PATTERNS: [RegExp, HypnoEpoch['stage']][] = [
  [/sleep stage w|stage w$|^w$|wake/i, 'W'],
  [/sleep stage (n?1)$|stage 1$|^n1$/i, 'N1'],
  [/sleep stage (n?2)$|stage 2$|^n2$/i, 'N2'],
  [/sleep stage (n?3|n?4)$|stage [34]$|^n3$/i, 'N3'],
  [/sleep stage r$|stage r(em)?$|^r(em)?$/i, 'R'],
  [/sleep stage \?|movement time/i, '?'],
];

/** Hypnogram from EDF+ annotations (AASM and R&K labels, Sleep-EDF style); 30 s epochs when no duration. */
export function hypnogramFromAnnotations(anns: { onset: number; duration: number | null; text: string }[]): HypnoEpoch[] {
  const out: HypnoEpoch[] = [];
  for (const a of anns) {
    const text = a.text.trim();
    for (const [re, stage] of STAGE_PATTERNS) {
      if (re.test(text)) {
        out.push({ onset: a.onset, duration: a.duration ?? 30, stage });
        break;
      }
    }
  }
  return out.sort((x, y) => x.onset - y.onset);
}

/** Channels to show first: leg EMG, then other EMG/EEG/ECG; at most `max`; very slow channels last. */
export function chooseChannels(signals: HeaderSummary['signals'], max = 6): number[] {
  const score = (label: string, fs: number) => {
    const l = label.toLowerCase();
    if (/tib|leg|\blat\b|\brat\b|lat$|rat$|plm/.test(l)) return 0;
    if (/emg|chin/.test(l)) return 1;
    if (/eeg|c3|c4|f3|f4|o1|o2|fpz|pz/.test(l)) return 2;
    if (/ecg|ekg/.test(l)) return 3;
    if (/acc|motion/.test(l)) return 2;
    return fs >= 10 ? 4 : 5;
  };
  return signals
    .map((s) => ({ i: s.index, k: score(s.label, s.sampleRate) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .slice(0, max)
    .map((x) => x.i)
    .sort((a, b) => a - b);
}

/** The event after (dir=1) or before (dir=-1) time t, skipping rejected ones. */
export function neighbourEvent(events: ViewEvent[], t: number, dir: 1 | -1): ViewEvent | null {
  let best: ViewEvent | null = null;
  for (const e of events) {
    if (e.status === 'rejected') continue;
    if (dir === 1 ? e.onsetSec > t + 1e-6 : e.onsetSec < t - 1e-6) {
      if (!best || (dir === 1 ? e.onsetSec < best.onsetSec : e.onsetSec > best.onsetSec)) best = e;
    }
  }
  return best;
}

/** Convert the score contract's leg movements into viewer events (ids by position, stable per result). */
export function eventsFromScore(lms: { onset: number; duration: number; side: string; periodic?: boolean }[]): ViewEvent[] {
  return lms.map((m, i) => ({
    id: `lm-${i}`, kind: 'lm', side: m.side === 'bilateral' ? 'both' : (m.side as 'left' | 'right'),
    onsetSec: m.onset, durationSec: m.duration, status: 'auto', isPlm: Boolean(m.periodic),
  }));
}
