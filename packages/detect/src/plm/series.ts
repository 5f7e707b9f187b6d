import type { PlmSettings } from './settings.js';
import { atLeast, greaterThan, lessThan } from './time.js';

export interface SeriesItem {
  onsetSec: number;
  candidate: boolean;
}

/**
 * PLM series over movements in onset order; returns the index lists of runs with at least
 * `minCount` CLMs. A CLM joins the run when its onset-to-onset IMI from the previous CLM lies in
 * [minImi, maxImi] (maxImi inclusive per setting). IMI above the maximum: the run ends and this
 * CLM starts the next one. IMI below the minimum: the run ends; the CLM starts the next run only
 * when `shortImiStartsSeries`. A non-CLM ends the run when `nonCandidateBreaks` (and the next CLM
 * starts afresh, since no IMI is measured across a non-CLM); otherwise non-CLMs are ignored.
 */
export function findPlmSeries(items: readonly SeriesItem[], s: PlmSettings): number[][] {
  const { minImiSec, maxImiSec, maxImiInclusive, shortImiStartsSeries, nonCandidateBreaks, minCount } = s.series;
  const out: number[][] = [];
  let run: number[] = [];
  let prevOnset: number | null = null;
  const close = (): void => {
    if (run.length >= minCount) out.push(run);
    run = [];
  };
  for (let i = 0; i < items.length; i++) {
    const m = items[i];
    if (!m.candidate) {
      if (nonCandidateBreaks) {
        close();
        prevOnset = null;
      }
      continue;
    }
    if (prevOnset === null) {
      run = [i];
      prevOnset = m.onsetSec;
      continue;
    }
    const imi = m.onsetSec - prevOnset;
    prevOnset = m.onsetSec;
    if (lessThan(imi, minImiSec)) {
      close();
      if (shortImiStartsSeries) run = [i];
    } else if (maxImiInclusive ? greaterThan(imi, maxImiSec) : atLeast(imi, maxImiSec)) {
      close();
      run = [i];
    } else {
      run.push(i);
    }
  }
  close();
  return out;
}
