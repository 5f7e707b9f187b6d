/**
 * Simulators with exact ground truth. Each generator is its own module; add one export line per
 * module here.
 */
export { createSimRng, inverseNormalCdf, type SimRng } from './random.js';
export {
  simulatePsg,
  simulatePsgNight,
  psgTruth,
  psgToEdf,
  psgAnnotations,
  psgName,
  defaultPsgSimOptions,
  type PsgSimOptions,
  type PsgSimulation,
  type PsgNight,
} from './psg.js';
export { psgProfiles, psgProfileNames, type PsgProfile, type PsgProfileName } from './psgProfiles.js';
export type { PsgEventPlan, PlacedMovement, PlacedBurst, PlacedRespiratoryEvent, PlacedSpan, BurstShape, MovementOrigin } from './psgEvents.js';
