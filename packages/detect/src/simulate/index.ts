/**
 * Simulators with exact ground truth. Each generator is its own module; add one export line per
 * module here.
 */

export {
  defaultPsgSimOptions,
  type PsgNight,
  type PsgSimOptions,
  type PsgSimulation,
  psgAnnotations,
  psgName,
  psgToEdf,
  psgTruth,
  simulatePsg,
  simulatePsgNight,
} from './psg.js';
export type {
  BurstShape,
  MovementOrigin,
  PlacedBurst,
  PlacedMovement,
  PlacedRespiratoryEvent,
  PlacedSpan,
  PsgEventPlan,
} from './psgEvents.js';
export { type PsgProfile, type PsgProfileName, psgProfileNames, psgProfiles } from './psgProfiles.js';
export { createSimRng, inverseNormalCdf, type SimRng } from './random.js';
