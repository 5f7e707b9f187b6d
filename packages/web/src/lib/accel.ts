// Analysis of a phone night recording with @myotrace/detect's accelerometer detector: DeviceMotion delivers
// m/s² at slightly irregular times, the detector wants g at a uniform rate, so samples are converted and
// linearly interpolated onto a uniform grid at the median sampling rate first.
import { defaultAccelJerkSettings, detectAccelJerks, STANDARD_GRAVITY } from '@myotrace/detect';

export interface NightResult { events: { onsetSec: number; durationSec: number }[]; perHour: number; rateHz: number; warnings: { code: string; message: string }[] }

/** Uniform resampling by linear interpolation at the median interval of `t` (seconds). */
export function resampleUniform(t: Float32Array, x: Float32Array): { rateHz: number; y: Float64Array } {
  const n = t.length;
  if (n < 2) return { rateHz: 0, y: new Float64Array(0) };
  const d = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) d[i - 1] = t[i] - t[i - 1];
  const sorted = Float64Array.from(d).sort();
  const med = sorted[sorted.length >> 1];
  const rateHz = Math.round(1 / med);
  const m = Math.floor((t[n - 1] - t[0]) * rateHz) + 1;
  const y = new Float64Array(m);
  let j = 0;
  for (let k = 0; k < m; k++) {
    const tk = t[0] + k / rateHz;
    while (j < n - 2 && t[j + 1] < tk) j++;
    const dt = t[j + 1] - t[j];
    const w = dt > 0 ? Math.min(1, Math.max(0, (tk - t[j]) / dt)) : 0;
    y[k] = x[j] + w * (x[j + 1] - x[j]);
  }
  return { rateHz, y };
}

export function analyseNight(d: { t: Float32Array; x: Float32Array; y: Float32Array; z: Float32Array }): NightResult {
  const gx = resampleUniform(d.t, d.x);
  const gy = resampleUniform(d.t, d.y);
  const gz = resampleUniform(d.t, d.z);
  const toG = (a: Float64Array) => a.map((v) => v / STANDARD_GRAVITY);
  const res = detectAccelJerks({ x: toG(gx.y), y: toG(gy.y), z: toG(gz.y), sampleRateHz: gx.rateHz }, defaultAccelJerkSettings);
  return {
    events: res.events.map((e) => ({ onsetSec: e.onsetSec, durationSec: e.durationSec })),
    perHour: res.ratePerHour, rateHz: gx.rateHz, warnings: res.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}
