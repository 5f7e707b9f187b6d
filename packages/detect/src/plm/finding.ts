import type { PlmSettings } from './settings.js';

export interface PlmsFinding {
  /** `PLMS_INDEX_ABOVE_ICSD3`, `PLMS_INDEX_NOT_ABOVE_ICSD3` or `PLMS_INDEX_UNAVAILABLE`. */
  code: string;
  /** The ICSD-3 threshold applied (per hour). */
  thresholdPerHour: number;
  population: 'adult' | 'child';
  text: string;
}

/**
 * The PLMS index stated against the ICSD-3 criterion B threshold (> 15/h adults, > 5/h children).
 * A finding in the criterion's terms, never a diagnosis: PLMD also needs clinical sleep
 * disturbance or impaired functioning that no other disorder explains better.
 */
export function plmsFinding(plmsIndex: number | null, s: Pick<PlmSettings, 'finding'>, child = s.finding.child): PlmsFinding {
  const population = child ? 'child' : 'adult';
  const threshold = child ? s.finding.childPlmsIndexAbove : s.finding.adultPlmsIndexAbove;
  if (plmsIndex === null) {
    return {
      code: 'PLMS_INDEX_UNAVAILABLE',
      thresholdPerHour: threshold,
      population,
      text: 'The PLMS index could not be computed (no sleep time).',
    };
  }
  const value = plmsIndex.toFixed(1);
  const caveat =
    'This is a measurement, not a diagnosis: periodic limb movement disorder (ICSD-3) also requires clinically significant sleep disturbance or impaired functioning not better explained by another condition, and is not diagnosed alongside restless legs syndrome, narcolepsy, untreated obstructive sleep apnoea or REM sleep behaviour disorder.';
  if (plmsIndex > threshold) {
    return {
      code: 'PLMS_INDEX_ABOVE_ICSD3',
      thresholdPerHour: threshold,
      population,
      text: `PLMS index ${value}/h is above the ICSD-3 threshold for ${population === 'child' ? 'children' : 'adults'} (> ${threshold}/h). ${caveat}`,
    };
  }
  return {
    code: 'PLMS_INDEX_NOT_ABOVE_ICSD3',
    thresholdPerHour: threshold,
    population,
    text: `PLMS index ${value}/h is not above the ICSD-3 threshold for ${population === 'child' ? 'children' : 'adults'} (> ${threshold}/h).`,
  };
}
