/**
 * Night summary from an ankle-worn accelerometer: leg-movement events detected with the
 * ankle settings are passed through the PLM series rules (WASM 2016 or AASM) of `plm/`.
 * Actigraphy gives only a screening estimate: PLMD needs polysomnography, and without a
 * hypnogram the whole recording counts as sleep time.
 */
import { applyPlmRules } from '../plm/apply.js';
import { aasmSettings, wasm2016Settings } from '../plm/settings.js';
import type { ScoreResult } from '../score-types.js';
import type { SleepContext } from '../sleep/types.js';
import { type AccelJerkResult, type AccelJerkSettings, ankleLmSettings, detectAccelJerks } from './jerks.js';
import type { AccelRecording } from './types.js';

export interface AccelNightOptions {
  standard: 'wasm2016' | 'aasm';
  side: 'left' | 'right';
  sleep?: SleepContext;
  detector?: Partial<AccelJerkSettings>;
}

export interface AccelNightSummary {
  screening: true;
  label: string;
  detection: AccelJerkResult;
  score: ScoreResult;
}

export const SCREENING_LABEL =
  'Screening estimate from an ankle accelerometer, not a diagnosis: periodic limb movement disorder is diagnosed by polysomnography.';

export function accelNightSummary(
  rec: Pick<AccelRecording, 'x' | 'y' | 'z' | 'sampleRateHz'>,
  options: Partial<AccelNightOptions> = {},
): AccelNightSummary {
  const o: AccelNightOptions = { standard: 'wasm2016', side: 'left', ...options };
  const detection = detectAccelJerks(rec, { ...ankleLmSettings, ...(o.detector ?? {}) });
  const lms = detection.events.map((e) => ({ onsetSec: e.onsetSec, durationSec: e.durationSec }));
  const score = applyPlmRules(
    {
      left: o.side === 'left' ? lms : [],
      right: o.side === 'right' ? lms : [],
      durationSec: detection.durationSec,
      sleep: o.sleep,
      warnings: [
        ...detection.warnings,
        { code: 'DETECT_ACCEL_SCREENING', message: SCREENING_LABEL },
        ...(o.sleep
          ? []
          : [
              {
                code: 'DETECT_ACCEL_NO_HYPNOGRAM',
                message:
                  'no hypnogram: the whole recording is treated as sleep time, so indices are per hour of recording',
              },
            ]),
      ],
      channels: {
        left: o.side === 'left' ? 'accelerometer' : null,
        right: o.side === 'right' ? 'accelerometer' : null,
        unit: 'g',
      },
      extraSettings: { accelerometer: detection.settings },
    },
    o.standard === 'aasm' ? aasmSettings : wasm2016Settings,
  );
  return { screening: true, label: SCREENING_LABEL, detection, score };
}
