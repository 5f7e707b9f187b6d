export interface TimedSpan {
  onset: number;
  duration: number;
}

export interface EventMetrics {
  /** Events in the reference and in the scored list. */
  ref: number;
  test: number;
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); 1 when the scored list is empty (nothing wrong was marked). */
  precision: number;
  /** tp / (tp + fn); 1 when the reference is empty. */
  recall: number;
  /** 2tp / (2tp + fp + fn); 1 when both lists are empty. */
  f1: number;
  /** Mean |onset difference| over matched pairs (s), null without matches. */
  meanAbsOnsetErrorSec: number | null;
  meanAbsDurationErrorSec: number | null;
}

/**
 * One-to-one matching of scored events to reference events: a pair may match when their onsets
 * differ by at most `toleranceSec`; pairs are taken greedily from the smallest onset difference
 * up, so each event matches at most once. Returns the matched index pairs.
 */
export function matchEvents(ref: readonly TimedSpan[], test: readonly TimedSpan[], toleranceSec: number): Array<[number, number]> {
  const r = ref.map((e, i) => ({ t: e.onset, i })).sort((a, b) => a.t - b.t);
  const t = test.map((e, i) => ({ t: e.onset, i })).sort((a, b) => a.t - b.t);
  const pairs: Array<{ d: number; ri: number; ti: number }> = [];
  let lo = 0;
  for (const a of r) {
    while (lo < t.length && t[lo].t < a.t - toleranceSec - 1e-9) lo++;
    for (let k = lo; k < t.length && t[k].t <= a.t + toleranceSec + 1e-9; k++) {
      pairs.push({ d: Math.abs(t[k].t - a.t), ri: a.i, ti: t[k].i });
    }
  }
  pairs.sort((x, y) => x.d - y.d || x.ri - y.ri || x.ti - y.ti);
  const usedR = new Uint8Array(ref.length);
  const usedT = new Uint8Array(test.length);
  const out: Array<[number, number]> = [];
  for (const p of pairs) {
    if (usedR[p.ri] || usedT[p.ti]) continue;
    usedR[p.ri] = 1;
    usedT[p.ti] = 1;
    out.push([p.ri, p.ti]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

export function eventMetrics(ref: readonly TimedSpan[], test: readonly TimedSpan[], toleranceSec: number): EventMetrics {
  const pairs = matchEvents(ref, test, toleranceSec);
  const tp = pairs.length;
  const fp = test.length - tp;
  const fn = ref.length - tp;
  let onsetErr = 0;
  let durErr = 0;
  for (const [i, j] of pairs) {
    onsetErr += Math.abs(ref[i].onset - test[j].onset);
    durErr += Math.abs(ref[i].duration - test[j].duration);
  }
  return {
    ref: ref.length,
    test: test.length,
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    f1: 2 * tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn),
    meanAbsOnsetErrorSec: tp > 0 ? onsetErr / tp : null,
    meanAbsDurationErrorSec: tp > 0 ? durErr / tp : null,
  };
}
