// Phone-night analysis: resampling onto a uniform grid (exact on linear signals) and end-to-end detection of
// placed jerks with the detect package's accelerometer detector.
import { describe, expect, it } from 'vitest';
import { analyseNight, resampleUniform } from '../src/lib/accel.js';

describe('phone night analysis', () => {
  it('resamples irregular samples onto the median rate, exactly for a linear signal', () => {
    const n = 500;
    const t = new Float32Array(n);
    const x = new Float32Array(n);
    let s = 7;
    for (let i = 0; i < n; i++) {
      s = (s * 16807) % 2147483647;
      t[i] = i * 0.02 + ((s / 2147483647) - 0.5) * 0.004; // 50 Hz ± 2 ms jitter
      x[i] = 3 * t[i] + 1;
    }
    const { rateHz, y } = resampleUniform(t, x);
    expect(rateHz).toBe(50);
    for (let k = 0; k < y.length; k++) expect(y[k]).toBeCloseTo(3 * (t[0] + k / 50) + 1, 4);
  });

  it('finds jerks placed at known times in a quiet phone recording', () => {
    const fs = 60;
    const dur = 600;
    const n = dur * fs;
    const t = new Float32Array(n); const x = new Float32Array(n); const y = new Float32Array(n); const z = new Float32Array(n);
    const jerks = [60, 150, 300, 420, 555];
    let s = 3;
    for (let i = 0; i < n; i++) {
      s = (s * 16807) % 2147483647;
      t[i] = i / fs;
      x[i] = 0.01 * ((s / 2147483647) - 0.5);
      y[i] = 0.01 * ((s / 2147483647) - 0.5);
      z[i] = 9.80665;
    }
    for (const j of jerks) for (let i = j * fs; i < j * fs + 12; i++) { x[i] += 4 * Math.sin(((i - j * fs) / 12) * Math.PI * 2); z[i] += 3; }
    const r = analyseNight({ t, x, y, z });
    expect(r.rateHz).toBe(60);
    expect(r.events.length).toBe(jerks.length);
    r.events.forEach((e, i) => expect(Math.abs(e.onsetSec - jerks[i])).toBeLessThan(0.5));
    expect(r.perHour).toBeCloseTo((jerks.length / dur) * 3600, 0);
  });
});
