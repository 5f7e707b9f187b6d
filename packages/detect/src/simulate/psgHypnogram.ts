import type { SleepStage } from '../score-types.js';
import type { PsgProfile } from './psgProfiles.js';
import type { SimRng } from './random.js';

export const EPOCH_SEC = 30;

/**
 * A plausible hypnogram in 30-s epochs: wake until sleep onset, then NREM–REM cycles of about
 * 90 minutes (N3 mostly in the first cycles, REM periods growing towards morning), brief
 * awakenings spread over the night at the profile's rate, and a short final awakening.
 */
export function simulateHypnogram(rng: SimRng, epochs: number, profile: PsgProfile): SleepStage[] {
  const out: SleepStage[] = [];
  const hours = (epochs * EPOCH_SEC) / 3600;
  // short simulated "nights" (tests) get proportionally short latencies
  const scale = Math.min(1, hours / 6);
  const push = (stage: SleepStage, minutes: number): void => {
    const n = Math.max(1, Math.round((minutes * 60) / EPOCH_SEC));
    for (let i = 0; i < n && out.length < epochs; i++) out.push(stage);
  };
  push('W', Math.max(1, rng.uniform(...profile.sleepLatencyMin) * scale));
  const wakeRate = rng.uniform(...profile.wasoMinPerHour); // minutes of wake per hour of sleep
  let cycle = 0;
  while (out.length < epochs) {
    const late = Math.min(1, cycle / 4);
    const plan: [SleepStage, number][] = [
      ['N1', rng.uniform(2, 7)],
      ['N2', rng.uniform(12, 25) * (0.6 + 0.4 * scale)],
      ['N3', Math.max(0, rng.uniform(15, 40) * (1 - late) * scale + (late > 0.7 ? 0 : rng.uniform(0, 5)))],
      ['N2', rng.uniform(8, 20)],
      ['R', rng.uniform(6, 12) + late * rng.uniform(10, 22)],
    ];
    for (const [stage, minutes] of plan) {
      if (minutes < 0.5) continue;
      // awakenings: on average wakeRate minutes per hour, in bouts of 1–5 minutes
      let left = minutes;
      while (left > 0 && out.length < epochs) {
        const chunk = Math.min(left, rng.uniform(4, 12));
        push(stage, chunk);
        left -= chunk;
        if (rng.chance((chunk / 60) * (wakeRate / 2.5))) {
          const bout = rng.uniform(1, 4);
          push('W', bout);
          push('N1', rng.uniform(0.5, 2));
        }
      }
    }
    cycle++;
  }
  // final awakening in the last minutes of a full night
  if (hours >= 4) {
    const tail = Math.round((rng.uniform(3, 10) * 60) / EPOCH_SEC);
    for (let i = Math.max(0, epochs - tail); i < epochs; i++) out[i] = 'W';
  }
  return out.slice(0, epochs);
}
