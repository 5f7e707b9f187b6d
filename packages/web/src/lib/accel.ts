// Analysis of a phone night recording. Pending @myotrace/detect's accelerometer detector (accel/).
export interface NightResult { events: { onsetSec: number; durationSec: number }[]; perHour: number; rateHz: number }

export function analyseNight(_d: { t: Float32Array; x: Float32Array; y: Float32Array; z: Float32Array }): NightResult {
  throw new Error('accelerometer detector not available yet');
}
