/**
 * Several muscles: groups bursts of different channels into jerks, orders channels by onset,
 * estimates a propagation velocity from user-given distances, and tells synchronous
 * agonist–antagonist bursting (co-contraction, as in myoclonus) from alternating bursting (a
 * tremor hint). Informational patterns, not diagnoses.
 */
import { MyoTraceError } from '@myotrace/errors';
import { median } from './stats.js';

export interface ChannelBursts {
  label: string;
  bursts: { onsetSec: number; offsetSec: number; durationMs: number }[];
}

export interface MultiMuscleSettings {
  /** Bursts whose onsets lie within this of a jerk's first onset belong to that jerk, ms. */
  maxLagMs: number;
  /** Distance of each muscle from a common reference point (e.g. along the spinal cord), cm. */
  distancesCm: Record<string, number> | null;
  /** Agonist–antagonist pairs to compare (default: consecutive channels). */
  pairs: [string, string][] | null;
  /** Bursts needed on each side of a pair before a pattern is named. */
  minBurstsPerPair: number;
}

export const defaultMultiMuscleSettings: MultiMuscleSettings = {
  maxLagMs: 100,
  distancesCm: null,
  pairs: null,
  minBurstsPerPair: 5,
};

export interface JerkEvent {
  onsetSec: number;
  /** Channels in order of onset. */
  order: string[];
  /** Onset of each participating channel relative to the jerk's first onset, ms. */
  latenciesMs: Record<string, number>;
}

export interface ChannelLatency {
  label: string;
  /** Jerks in which the channel took part. */
  n: number;
  medianLatencyMs: number | null;
  /** How often the channel fired first. */
  firstCount: number;
}

export type PairPattern = 'synchronous' | 'alternating' | 'mixed' | 'insufficient';

export interface PairResult {
  a: string;
  b: string;
  /** Share of bursts (of both channels) overlapping a burst of the other channel. */
  overlapFraction: number;
  /** Median phase of b's onsets within a's burst cycle (0 = with a, 0.5 = half-way). */
  medianPhase: number | null;
  pattern: PairPattern;
}

export interface MultiMuscleResult {
  events: JerkEvent[];
  channels: ChannelLatency[];
  /** Channels sorted by median latency. */
  order: string[];
  propagation: { velocityMPerS: number; r2: number; channelsUsed: number } | null;
  pairs: PairResult[];
  settings: MultiMuscleSettings;
}

function overlaps(
  x: { onsetSec: number; offsetSec: number },
  list: { onsetSec: number; offsetSec: number }[],
): boolean {
  // list is sorted by onset; binary search the last burst starting before x ends
  let lo = 0,
    hi = list.length - 1,
    idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].onsetSec < x.offsetSec) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let k = idx; k >= 0 && k >= idx - 3; k--) if (list[k].offsetSec > x.onsetSec) return true;
  return false;
}

export function comparePair(a: ChannelBursts, b: ChannelBursts, minBursts = 5): PairResult {
  const A = [...a.bursts].sort((p, q) => p.onsetSec - q.onsetSec);
  const B = [...b.bursts].sort((p, q) => p.onsetSec - q.onsetSec);
  if (A.length < minBursts || B.length < minBursts)
    return { a: a.label, b: b.label, overlapFraction: 0, medianPhase: null, pattern: 'insufficient' };
  let ov = 0;
  for (const x of A) if (overlaps(x, B)) ov++;
  for (const x of B) if (overlaps(x, A)) ov++;
  const overlapFraction = ov / (A.length + B.length);
  const phases: number[] = [];
  let k = 0;
  for (const y of B) {
    while (k + 1 < A.length && A[k + 1].onsetSec <= y.onsetSec) k++;
    if (k + 1 >= A.length || A[k].onsetSec > y.onsetSec) continue;
    const period = A[k + 1].onsetSec - A[k].onsetSec;
    if (period > 0) phases.push((y.onsetSec - A[k].onsetSec) / period);
  }
  const medianPhase = phases.length ? median(phases) : null;
  let pattern: PairPattern = 'mixed';
  if (overlapFraction >= 0.7) pattern = 'synchronous';
  else if (overlapFraction <= 0.3 && medianPhase !== null && medianPhase >= 0.3 && medianPhase <= 0.7)
    pattern = 'alternating';
  return { a: a.label, b: b.label, overlapFraction, medianPhase, pattern };
}

export function analyseMuscles(channels: ChannelBursts[], settings?: Partial<MultiMuscleSettings>): MultiMuscleResult {
  const s: MultiMuscleSettings = { ...defaultMultiMuscleSettings, ...(settings ?? {}) };
  if (channels.length < 2)
    throw new MyoTraceError('DETECT_MULTI_TOO_FEW', 'multi-muscle analysis needs at least two channels', {
      hint: 'give two or more EMG channels',
    });
  const all: { label: string; onsetSec: number }[] = [];
  for (const ch of channels) for (const b of ch.bursts) all.push({ label: ch.label, onsetSec: b.onsetSec });
  all.sort((p, q) => p.onsetSec - q.onsetSec);
  const lag = s.maxLagMs / 1000;
  const events: JerkEvent[] = [];
  let i = 0;
  while (i < all.length) {
    const first = all[i].onsetSec;
    const lat: Record<string, number> = {};
    const order: string[] = [];
    let j = i;
    while (j < all.length && all[j].onsetSec - first <= lag) {
      const x = all[j];
      if (!(x.label in lat)) {
        lat[x.label] = (x.onsetSec - first) * 1000;
        order.push(x.label);
      }
      j++;
    }
    if (order.length >= 2) events.push({ onsetSec: first, order, latenciesMs: lat });
    i = j;
  }
  const stats: ChannelLatency[] = channels.map((ch) => {
    const l: number[] = [];
    let firstCount = 0;
    for (const e of events) {
      if (ch.label in e.latenciesMs) l.push(e.latenciesMs[ch.label]);
      if (e.order[0] === ch.label) firstCount++;
    }
    return { label: ch.label, n: l.length, medianLatencyMs: l.length ? median(l) : null, firstCount };
  });
  const order = stats
    .filter((c) => c.medianLatencyMs !== null)
    .sort((p, q) => (p.medianLatencyMs as number) - (q.medianLatencyMs as number))
    .map((c) => c.label);

  let propagation: MultiMuscleResult['propagation'] = null;
  if (s.distancesCm) {
    const pts = stats
      .filter((c) => c.medianLatencyMs !== null && s.distancesCm && c.label in s.distancesCm)
      .map((c) => ({
        d: (s.distancesCm as Record<string, number>)[c.label] / 100,
        t: (c.medianLatencyMs as number) / 1000,
      }));
    if (pts.length >= 2) {
      // least squares of distance on latency: slope = velocity (m/s)
      const mt = pts.reduce((a, p) => a + p.t, 0) / pts.length;
      const md = pts.reduce((a, p) => a + p.d, 0) / pts.length;
      let stt = 0,
        std = 0,
        sdd = 0;
      for (const p of pts) {
        stt += (p.t - mt) ** 2;
        std += (p.t - mt) * (p.d - md);
        sdd += (p.d - md) ** 2;
      }
      if (stt > 0 && sdd > 0)
        propagation = { velocityMPerS: std / stt, r2: (std * std) / (stt * sdd), channelsUsed: pts.length };
    }
  }
  const labels = channels.map((c) => c.label);
  const pairList = s.pairs ?? labels.slice(1).map((l, k) => [labels[k], l] as [string, string]);
  const pairs = pairList.map(([a, b]) => {
    const ca = channels.find((c) => c.label === a);
    const cb = channels.find((c) => c.label === b);
    if (!ca || !cb)
      throw new MyoTraceError('DETECT_MULTI_UNKNOWN_CHANNEL', `pair ${a}/${b} names a channel that was not analysed`, {
        field: 'pairs',
      });
    return comparePair(ca, cb, s.minBurstsPerPair);
  });
  return { events, channels: stats, order, propagation, pairs, settings: s };
}
