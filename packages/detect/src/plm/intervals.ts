import { atLeast, atMost } from './time.js';

/**
 * Closed intervals sorted by start with a running maximum of their ends, so "does [a, b] touch
 * any interval?" is one binary search instead of a scan over every event.
 */
export class IntervalSet {
  private readonly starts: Float64Array;
  private readonly maxEnds: Float64Array;

  constructor(intervals: ReadonlyArray<{ start: number; end: number }>) {
    const sorted = [...intervals].sort((x, y) => x.start - y.start);
    this.starts = new Float64Array(sorted.length);
    this.maxEnds = new Float64Array(sorted.length);
    let m = -Infinity;
    for (let i = 0; i < sorted.length; i++) {
      this.starts[i] = sorted[i].start;
      m = Math.max(m, sorted[i].end);
      this.maxEnds[i] = m;
    }
  }

  get size(): number {
    return this.starts.length;
  }

  /** True when [a, b] and some interval share at least one point (touching counts). */
  touches(a: number, b: number): boolean {
    // last interval whose start <= b (with slack)
    let lo = 0;
    let hi = this.starts.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (atMost(this.starts[mid], b)) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return idx >= 0 && atLeast(this.maxEnds[idx], a);
  }
}
