/**
 * Excessive fragmentary myoclonus (optional AASM rule) in a PSG: EMG bursts of at most 150 ms,
 * at least 5 per minute, for at least 20 minutes of NREM sleep (ATS Quick Hits; AASM manual).
 * Counted per whole minute of NREM sleep from the hypnogram; minutes need not be consecutive
 * (the longest run is reported too).
 */
import { MyoTraceError } from '@myotrace/errors';

/**
 * One scored stretch of the hypnogram; structurally the `StageSegment` of `sleep/` (stage W, N1,
 * N2, N3, R, or null when unscored), so hypnograms from EDF+ annotations, CSV or NSRR XML fit.
 */
export interface StageSpan {
  onsetSec: number;
  durationSec: number;
  stage: string | null;
}

export interface EfmSettings {
  maxBurstMs: number;
  minBurstsPerMin: number;
  minNremMinutes: number;
  nremStages: string[];
}

export const defaultEfmSettings: EfmSettings = {
  maxBurstMs: 150,
  minBurstsPerMin: 5,
  minNremMinutes: 20,
  nremStages: ['N1', 'N2', 'N3'],
};

export interface EfmResult {
  nremMinutes: number;
  /** NREM minutes with at least `minBurstsPerMin` short bursts. */
  qualifyingMinutes: number;
  longestRunMinutes: number;
  /** Short bursts (≤ maxBurstMs) per minute of NREM sleep. */
  nremBurstRatePerMin: number;
  meetsCriteria: boolean;
  statement: string;
  settings: EfmSettings;
}

export function assessFragmentaryMyoclonus(
  bursts: readonly { onsetSec: number; durationMs: number }[],
  stages: readonly StageSpan[],
  durationSec: number,
  settings?: Partial<EfmSettings>,
): EfmResult {
  const s: EfmSettings = { ...defaultEfmSettings, ...(settings ?? {}) };
  if (stages.length === 0)
    throw new MyoTraceError('DETECT_EFM_NO_HYPNOGRAM', 'fragmentary myoclonus needs a hypnogram (NREM sleep)', {
      hint: 'load sleep stages from EDF+ annotations, a CSV or NSRR XML',
    });
  const minutes = Math.floor(durationSec / 60);
  const nremCover = new Float64Array(minutes);
  const nrem = new Set(s.nremStages.map((x) => x.toUpperCase()));
  for (const sp of stages) {
    if (sp.stage === null || !nrem.has(sp.stage.toUpperCase())) continue;
    const a = sp.onsetSec,
      b = sp.onsetSec + sp.durationSec;
    for (let m = Math.max(0, Math.floor(a / 60)); m < Math.min(minutes, Math.ceil(b / 60)); m++) {
      nremCover[m] += Math.max(0, Math.min(b, (m + 1) * 60) - Math.max(a, m * 60));
    }
  }
  const counts = new Int32Array(minutes);
  for (const b of bursts) {
    if (b.durationMs > s.maxBurstMs) continue;
    const m = Math.floor(b.onsetSec / 60);
    if (m >= 0 && m < minutes) counts[m]++;
  }
  let nremMinutes = 0,
    qualifying = 0,
    run = 0,
    longest = 0,
    nremBursts = 0;
  for (let m = 0; m < minutes; m++) {
    const isNrem = nremCover[m] >= 59.999;
    if (!isNrem) {
      run = 0;
      continue;
    }
    nremMinutes++;
    nremBursts += counts[m];
    if (counts[m] >= s.minBurstsPerMin) {
      qualifying++;
      run++;
      longest = Math.max(longest, run);
    } else run = 0;
  }
  const meets = qualifying >= s.minNremMinutes;
  const statement = meets
    ? `${qualifying} minutes of NREM sleep had at least ${s.minBurstsPerMin} EMG bursts of ≤ ${s.maxBurstMs} ms: meets the criteria for excessive fragmentary myoclonus (a PSG finding; informational, not a diagnosis)`
    : `${qualifying} of ${nremMinutes} NREM minutes had at least ${s.minBurstsPerMin} short bursts (criterion: ${s.minNremMinutes} minutes): excessive fragmentary myoclonus criteria not met`;
  return {
    nremMinutes,
    qualifyingMinutes: qualifying,
    longestRunMinutes: longest,
    nremBurstRatePerMin: nremMinutes ? nremBursts / nremMinutes : 0,
    meetsCriteria: meets,
    statement,
    settings: s,
  };
}
