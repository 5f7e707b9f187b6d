export * from './plm/index.js';
export * from './sleep/index.js';
export * from './score-types.js';
export { DETECT_VERSION } from './version.js';
export * from './evaluate/index.js';
export { scoreRecording, type ScoreOptions, type ScoreReader, type ScorePhase } from './score.js';
export { scoreToCsv, scoreToAnnotations, lmAnnotationText } from './score-export.js';
export * from './myoclonus/index.js';
export * from './accel/index.js';
export { simulateEmg, defaultEmgSimOptions, simBurstDurations, type EmgSimOptions, type EmgSimulation, type SimBurstKind, type SimBurstTruth, type SimSilentTruth, type SimSignal } from './simulate/emg.js';
export { simulateEegEmg, defaultEegEmgSimOptions, type EegEmgSimOptions, type EegEmgSimulation } from './simulate/eegEmg.js';
export { simulateAccel, accelSimulationToCsv, defaultAccelSimOptions, type AccelSimOptions, type AccelSimulation, type AccelSimEvent } from './simulate/accel.js';
export * from './lm/index.js';
export {
  simulatePsg, simulatePsgNight, psgTruth, psgToEdf, psgAnnotations, psgName, defaultPsgSimOptions, psgProfiles, psgProfileNames, createSimRng,
  type PsgSimOptions, type PsgSimulation, type PsgNight, type PsgProfile, type PsgProfileName, type PsgEventPlan, type PlacedMovement, type PlacedBurst, type SimRng,
} from './simulate/index.js';
export { emgSimulationToEdf } from './simulate/emg.js';
export { eegEmgSimulationToEdf } from './simulate/eegEmg.js';
