import type { PlmSettings } from './settings.js';
import { lessThan } from './time.js';
import type { LegLm, LmEvent } from './types.js';

export interface PreparedLeg {
  lms: LegLm[];
  /** Events with a non-finite or negative onset/duration. */
  invalid: number;
  /** Shorter than `minLmSec` after merging. */
  tooShort: number;
  /** Same-leg pairs merged because the quiet gap between them was below `sameLegMergeGapSec`. */
  merged: number;
}

/**
 * One leg's LMs as the rules need them: valid, sorted, same-leg fragments closer than the
 * offset rule allows merged (PLMScoRe `lm_unil` does the same), then the 0.5 s minimum applied.
 * Merging happens before the minimum so two 0.3 s fragments 0.2 s apart become one 0.8 s LM.
 */
export function prepareLeg(events: readonly LmEvent[], leg: 'left' | 'right', s: PlmSettings): PreparedLeg {
  let invalid = 0;
  const valid: LegLm[] = [];
  for (const e of events) {
    if (!Number.isFinite(e.onsetSec) || !Number.isFinite(e.durationSec) || e.durationSec < 0 || e.onsetSec < 0) {
      invalid++;
      continue;
    }
    valid.push({ onsetSec: e.onsetSec, durationSec: e.durationSec, leg });
  }
  valid.sort((a, b) => a.onsetSec - b.onsetSec);
  const merged: LegLm[] = [];
  let mergedCount = 0;
  for (const e of valid) {
    const prev = merged[merged.length - 1];
    if (prev) {
      const prevEnd = prev.onsetSec + prev.durationSec;
      if (lessThan(e.onsetSec - prevEnd, s.sameLegMergeGapSec)) {
        prev.durationSec = Math.max(prevEnd, e.onsetSec + e.durationSec) - prev.onsetSec;
        mergedCount++;
        continue;
      }
    }
    merged.push({ ...e });
  }
  const lms = merged.filter((e) => !lessThan(e.durationSec, s.minLmSec));
  return { lms, invalid, tooShort: merged.length - lms.length, merged: mergedCount };
}
