import { type CodedWarning, MyoTraceError } from '@myotrace/errors';

/** Below this a 20 ms burst spans fewer than 4 samples and durations become meaningless. */
export const EMG_MIN_SAMPLE_RATE_HZ = 200;
/** Recommended EMG sampling for myoclonus work (Merchant et al., Mov Disord Clin Pract 2020). */
export const EMG_RECOMMENDED_SAMPLE_RATE_HZ = 1000;

/** Throws DETECT_EMG_RATE_TOO_LOW below 200 Hz; returns a warning below 1 kHz. */
export function checkEmgSampleRate(sampleRateHz: number, label = 'EMG'): CodedWarning[] {
  if (!(sampleRateHz >= EMG_MIN_SAMPLE_RATE_HZ)) {
    throw new MyoTraceError(
      'DETECT_EMG_RATE_TOO_LOW',
      `channel ${label} is sampled at ${sampleRateHz} Hz; burst analysis needs at least ${EMG_MIN_SAMPLE_RATE_HZ} Hz`,
      { hint: 'record EMG at 1 kHz or more for myoclonus work', field: 'sampleRateHz' },
    );
  }
  if (sampleRateHz < EMG_RECOMMENDED_SAMPLE_RATE_HZ) {
    const samplesPer20 = Math.round((sampleRateHz * 20) / 1000);
    return [
      {
        code: 'DETECT_EMG_RATE_LOW',
        message: `channel ${label} is sampled at ${sampleRateHz} Hz (below 1 kHz): a 20 ms burst spans only ${samplesPer20} samples, so onsets and durations are coarse`,
      },
    ];
  }
  return [];
}
