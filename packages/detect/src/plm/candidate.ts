import type { PlmSettings } from './settings.js';
import { greaterThan } from './time.js';
import type { Movement } from './types.js';

const over = (v: number, limit: number | null): boolean => limit !== null && greaterThan(v, limit);

/**
 * Whether a movement is a candidate LM (CLM). WASM 2016: monolateral 0.5–10 s; bilateral
 * 0.5–15 s with at most 4 monolateral components, none longer than 10 s (limits inclusive).
 * Same-leg fragments were merged earlier, so a movement on one side has one component.
 */
export function isCandidate(m: Movement, s: PlmSettings): boolean {
  const duration = m.endSec - m.onsetSec;
  const c = s.candidate;
  if (m.side !== 'bilateral') return !over(duration, c.maxMonolateralSec);
  if (over(duration, c.maxBilateralSec)) return false;
  if (c.maxComponents !== null && m.components.length > c.maxComponents) return false;
  for (const comp of m.components) if (over(comp.durationSec, c.maxComponentSec)) return false;
  return true;
}
