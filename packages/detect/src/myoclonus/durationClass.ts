/**
 * Burst-duration classes, reported as "compatible with" a generator, never as a diagnosis.
 * Cut-offs (see docs/myoclonus.md for the sources):
 *  - cortical: classically 10–50 ms; a 45 ms cut-off separated cortical from non-cortical
 *    myoclonus with 100% sensitivity and 89.5% specificity when ≥ 10 bursts were measured
 *    (van der Veen et al. 2024);
 *  - cortical–subcortical: 25–100 ms, time-locked to an EEG spike;
 *  - subcortical or spinal: usually longer than 100 ms, up to ~300 ms;
 *  - longer bursts (> 300 ms, variable) resemble voluntary activity, as in functional jerks.
 */
import { median, medianConfidenceInterval } from './stats.js';

export type DurationClass = 'cortical' | 'cortical-subcortical' | 'subcortical-or-spinal' | 'voluntary-like';

export interface DurationClassSettings {
  /** Upper limit of the cortical range, ms (inclusive). */
  corticalMaxMs: number;
  corticalSubcorticalMaxMs: number;
  subcorticalMaxMs: number;
  /** Number of bursts below which the class is flagged as unreliable (van der Veen 2024 used ≥ 10). */
  minBurstsForClass: number;
}

export const defaultDurationClassSettings: DurationClassSettings = {
  corticalMaxMs: 50,
  corticalSubcorticalMaxMs: 100,
  subcorticalMaxMs: 300,
  minBurstsForClass: 10,
};

export const durationClassText: Record<DurationClass, string> = {
  cortical: 'compatible with cortical myoclonus (bursts of at most about 50 ms)',
  'cortical-subcortical': 'compatible with cortical–subcortical myoclonus (bursts of 50–100 ms)',
  'subcortical-or-spinal': 'compatible with subcortical or spinal myoclonus (bursts of 100–300 ms)',
  'voluntary-like': 'bursts longer than 300 ms, resembling voluntary muscle activity (as seen in functional jerks)',
};

export function classifyDuration(
  durationMs: number,
  s: DurationClassSettings = defaultDurationClassSettings,
): DurationClass {
  if (durationMs <= s.corticalMaxMs) return 'cortical';
  if (durationMs <= s.corticalSubcorticalMaxMs) return 'cortical-subcortical';
  if (durationMs <= s.subcorticalMaxMs) return 'subcortical-or-spinal';
  return 'voluntary-like';
}

export interface DurationSummary {
  n: number;
  medianMs: number | null;
  /** Order-statistic 95% CI of the median (null when fewer than 6 bursts). */
  medianCiMs: { lower: number; upper: number; coverage: number } | null;
  iqrMs: [number, number] | null;
  /** Class of the median duration; null without bursts. */
  compatibleWith: DurationClass | null;
  statement: string;
  /** True when the CI of the median lies within one class. */
  ciWithinOneClass: boolean;
  /** Share of bursts at or below 45 ms (the van der Veen 2024 cut-off). */
  fractionAtMost45Ms: number | null;
  counts: Record<DurationClass, number>;
  reliable: boolean;
}

export function summariseDurations(
  durationsMs: ArrayLike<number>,
  s: DurationClassSettings = defaultDurationClassSettings,
): DurationSummary {
  const n = durationsMs.length;
  const counts: Record<DurationClass, number> = {
    cortical: 0,
    'cortical-subcortical': 0,
    'subcortical-or-spinal': 0,
    'voluntary-like': 0,
  };
  let le45 = 0;
  for (let i = 0; i < n; i++) {
    counts[classifyDuration(durationsMs[i], s)]++;
    if (durationsMs[i] <= 45) le45++;
  }
  if (n === 0) {
    return {
      n,
      medianMs: null,
      medianCiMs: null,
      iqrMs: null,
      compatibleWith: null,
      statement: 'no bursts detected',
      ciWithinOneClass: false,
      fractionAtMost45Ms: null,
      counts,
      reliable: false,
    };
  }
  const med = median(durationsMs);
  const ci = medianConfidenceInterval(durationsMs, 0.95);
  const sorted = Float64Array.from(durationsMs as ArrayLike<number>).sort();
  const q = (p: number) => {
    const h = (n - 1) * p;
    const f = Math.floor(h);
    return sorted[f] + (h - f) * (sorted[Math.min(n - 1, f + 1)] - sorted[f]);
  };
  const cls = classifyDuration(med, s);
  const within = ci !== null && classifyDuration(ci.lower, s) === cls && classifyDuration(ci.upper, s) === cls;
  const reliable = n >= s.minBurstsForClass;
  const statement =
    `median burst duration ${med.toFixed(1)} ms over ${n} burst${n === 1 ? '' : 's'}: ${durationClassText[cls]}` +
    (reliable ? '' : `; fewer than ${s.minBurstsForClass} bursts, so the class is uncertain`) +
    '. Informational finding, not a diagnosis.';
  return {
    n,
    medianMs: med,
    medianCiMs: ci,
    iqrMs: [q(0.25), q(0.75)],
    compatibleWith: cls,
    statement,
    ciWithinOneClass: within,
    fractionAtMost45Ms: le45 / n,
    counts,
    reliable,
  };
}
