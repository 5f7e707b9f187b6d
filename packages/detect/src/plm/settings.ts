import { MyoTraceError } from '@myotrace/errors';
import type { ScoringStandard } from '../score-types.js';

/**
 * Every threshold and rule variant of the LM/PLM rules, as plain data copied into each result.
 * `null` means "no limit". Boundary conventions (see docs/scoring.md): durations and IMIs are
 * compared inclusively at their stated limits, "less than" gaps are strict, and event windows
 * are closed intervals (touching counts). All comparisons allow `TIME_EPS_SEC` of float slack.
 */
export interface PlmSettings {
  standard: ScoringStandard;
  /** Monolateral LMs shorter than this are discarded (both standards: 0.5 s). */
  minLmSec: number;
  /** AASM: monolateral LMs longer than this are not scored at all (10 s). WASM: null (every LM counts). */
  maxLmSec: number | null;
  /** Same-leg LMs separated by less than this (offset to onset) are one LM (the offset rule needs 0.5 s of quiet). */
  sameLegMergeGapSec: number;
  bilateral: {
    /**
     * `overlap` (WASM 2016): LMs on the two legs that overlap or whose offset-to-onset gap is below
     * `maxGapSec` form one bilateral LM, chained. `onset` (AASM): LMs on the two legs whose onsets
     * are less than `maxOnsetDiffSec` apart count as one LM.
     */
    mode: 'overlap' | 'onset';
    maxGapSec: number;
    maxOnsetDiffSec: number;
  };
  candidate: {
    /** Longest monolateral CLM (WASM 10 s, inclusive). */
    maxMonolateralSec: number | null;
    /** Longest bilateral CLM (WASM 15 s, inclusive). */
    maxBilateralSec: number | null;
    /** Most monolateral components in a bilateral CLM (WASM 4). */
    maxComponents: number | null;
    /** A bilateral LM with a component longer than this is not a CLM (WASM 10 s). */
    maxComponentSec: number | null;
  };
  series: {
    /** Fewest consecutive CLMs in a PLM series (4). */
    minCount: number;
    /** Shortest onset-to-onset IMI inside a series (WASM 10 s, AASM 5 s), inclusive. */
    minImiSec: number;
    /** Longest IMI inside a series (90 s). */
    maxImiSec: number;
    /** Whether an IMI of exactly `maxImiSec` keeps the series (WASM text, PLMScoRe: true; SOMAS: false). */
    maxImiInclusive: boolean;
    /**
     * Whether a CLM that follows an IMI below `minImiSec` may start a new series
     * (PLMScoRe, MATPLM: true; SOMAS: false). It never joins the series before it.
     */
    shortImiStartsSeries: boolean;
    /** Whether an LM that is not a CLM ends a series (WASM 2016: true). */
    nonCandidateBreaks: boolean;
  };
  respiratory: {
    /**
     * `flag` (WASM): LMs touching the window are flagged respiratory; PLMS-nr is recomputed without
     * them (they are removed from the sequence, as PLMScoRe does). `exclude` (AASM): LMs touching the
     * window are not scored.
     */
    mode: 'flag' | 'exclude';
    /** `end`: window around the event's end (WASM −2.0/+10.25 s); `event`: from start − before to end + after (AASM ±0.5 s). */
    anchor: 'end' | 'event';
    beforeSec: number;
    afterSec: number;
  };
  arousal: {
    /** LM and arousal are associated when they overlap or the gap between them (either order) is below this (0.5 s). */
    maxGapSec: number;
  };
  /**
   * `plm-over-clm`: periodic CLMs / CLMs in sleep (SOMAS, PLMScoRe). `ferri2006`: share of the IMIs
   * between consecutive sleep CLMs that lie in [minImi, maxImi] and belong to a run of at least 3 such IMIs.
   */
  periodicityIndex: 'plm-over-clm' | 'ferri2006';
  imiHistogram: { binSec: number; maxSec: number };
  /** ICSD-3 PLMS-index thresholds (finding only): strictly above these. */
  finding: { adultPlmsIndexAbove: number; childPlmsIndexAbove: number; child: boolean };
}

/** Float slack for boundary comparisons: event times are at least 1 ms apart (sample period), so 1 µs is safe. */
export const TIME_EPS_SEC = 1e-6;

export const wasm2016Settings: PlmSettings = deepFreeze({
  standard: 'wasm2016',
  minLmSec: 0.5,
  maxLmSec: null,
  sameLegMergeGapSec: 0.5,
  bilateral: { mode: 'overlap', maxGapSec: 0.5, maxOnsetDiffSec: 5 },
  candidate: { maxMonolateralSec: 10, maxBilateralSec: 15, maxComponents: 4, maxComponentSec: 10 },
  series: {
    minCount: 4,
    minImiSec: 10,
    maxImiSec: 90,
    maxImiInclusive: true,
    shortImiStartsSeries: true,
    nonCandidateBreaks: true,
  },
  respiratory: { mode: 'flag', anchor: 'end', beforeSec: 2.0, afterSec: 10.25 },
  arousal: { maxGapSec: 0.5 },
  periodicityIndex: 'plm-over-clm',
  imiHistogram: { binSec: 2, maxSec: 90 },
  finding: { adultPlmsIndexAbove: 15, childPlmsIndexAbove: 5, child: false },
});

export const aasmSettings: PlmSettings = deepFreeze({
  standard: 'aasm',
  minLmSec: 0.5,
  maxLmSec: 10,
  sameLegMergeGapSec: 0.5,
  bilateral: { mode: 'onset', maxGapSec: 0.5, maxOnsetDiffSec: 5 },
  candidate: { maxMonolateralSec: null, maxBilateralSec: null, maxComponents: null, maxComponentSec: null },
  series: {
    minCount: 4,
    minImiSec: 5,
    maxImiSec: 90,
    maxImiInclusive: true,
    shortImiStartsSeries: true,
    nonCandidateBreaks: false,
  },
  respiratory: { mode: 'exclude', anchor: 'event', beforeSec: 0.5, afterSec: 0.5 },
  arousal: { maxGapSec: 0.5 },
  periodicityIndex: 'plm-over-clm',
  imiHistogram: { binSec: 2, maxSec: 90 },
  finding: { adultPlmsIndexAbove: 15, childPlmsIndexAbove: 5, child: false },
});

export function defaultPlmSettings(standard: ScoringStandard): PlmSettings {
  return structuredClone(standard === 'aasm' ? aasmSettings : wasm2016Settings) as PlmSettings;
}

export type PlmSettingsOverrides = {
  [K in keyof PlmSettings]?: PlmSettings[K] extends object ? Partial<PlmSettings[K]> : PlmSettings[K];
};

/** The standard's defaults with overrides merged one level deep, validated. */
export function plmSettings(standard: ScoringStandard, overrides: PlmSettingsOverrides = {}): PlmSettings {
  const base = defaultPlmSettings(standard) as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) continue;
    const cur = base[k];
    base[k] = cur !== null && typeof cur === 'object' && v !== null && typeof v === 'object' ? { ...cur, ...v } : v;
  }
  const s = base as unknown as PlmSettings;
  validatePlmSettings(s);
  return s;
}

/** Throws DETECT_BAD_SETTINGS naming the field when a value cannot be used. */
export function validatePlmSettings(s: PlmSettings): void {
  const positive = (field: string, v: number | null, allowNull = false): void => {
    if (v === null && allowNull) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new MyoTraceError('DETECT_BAD_SETTINGS', `PLM setting ${field} must be a finite number >= 0`, {
        field,
        hint: 'Use the defaults from wasm2016Settings or aasmSettings and change only documented fields.',
      });
    }
  };
  if (s.standard !== 'wasm2016' && s.standard !== 'aasm') {
    throw new MyoTraceError('DETECT_BAD_SETTINGS', 'standard must be "wasm2016" or "aasm"', { field: 'standard' });
  }
  positive('minLmSec', s.minLmSec);
  positive('maxLmSec', s.maxLmSec, true);
  positive('sameLegMergeGapSec', s.sameLegMergeGapSec);
  positive('bilateral.maxGapSec', s.bilateral.maxGapSec);
  positive('bilateral.maxOnsetDiffSec', s.bilateral.maxOnsetDiffSec);
  positive('candidate.maxMonolateralSec', s.candidate.maxMonolateralSec, true);
  positive('candidate.maxBilateralSec', s.candidate.maxBilateralSec, true);
  positive('candidate.maxComponents', s.candidate.maxComponents, true);
  positive('candidate.maxComponentSec', s.candidate.maxComponentSec, true);
  positive('series.minImiSec', s.series.minImiSec);
  positive('series.maxImiSec', s.series.maxImiSec);
  positive('respiratory.beforeSec', s.respiratory.beforeSec);
  positive('respiratory.afterSec', s.respiratory.afterSec);
  positive('arousal.maxGapSec', s.arousal.maxGapSec);
  positive('imiHistogram.binSec', s.imiHistogram.binSec);
  if (!(s.imiHistogram.binSec > 0)) {
    throw new MyoTraceError('DETECT_BAD_SETTINGS', 'imiHistogram.binSec must be > 0', { field: 'imiHistogram.binSec' });
  }
  if (!Number.isInteger(s.series.minCount) || s.series.minCount < 2) {
    throw new MyoTraceError('DETECT_BAD_SETTINGS', 'series.minCount must be an integer >= 2', { field: 'series.minCount' });
  }
  if (s.series.maxImiSec < s.series.minImiSec) {
    throw new MyoTraceError('DETECT_BAD_SETTINGS', 'series.maxImiSec must not be below series.minImiSec', {
      field: 'series.maxImiSec',
    });
  }
  if (s.bilateral.mode !== 'overlap' && s.bilateral.mode !== 'onset') {
    throw new MyoTraceError('DETECT_BAD_SETTINGS', 'bilateral.mode must be "overlap" or "onset"', { field: 'bilateral.mode' });
  }
  if (s.respiratory.mode !== 'flag' && s.respiratory.mode !== 'exclude') {
    throw new MyoTraceError('DETECT_BAD_SETTINGS', 'respiratory.mode must be "flag" or "exclude"', { field: 'respiratory.mode' });
  }
  if (s.respiratory.anchor !== 'end' && s.respiratory.anchor !== 'event') {
    throw new MyoTraceError('DETECT_BAD_SETTINGS', 'respiratory.anchor must be "end" or "event"', { field: 'respiratory.anchor' });
  }
  if (s.periodicityIndex !== 'plm-over-clm' && s.periodicityIndex !== 'ferri2006') {
    throw new MyoTraceError('DETECT_BAD_SETTINGS', 'periodicityIndex must be "plm-over-clm" or "ferri2006"', {
      field: 'periodicityIndex',
    });
  }
}

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object') {
    for (const v of Object.values(o as object)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
