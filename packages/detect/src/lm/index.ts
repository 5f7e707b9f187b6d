export {
  type ChannelOverride,
  classifyLegLabel,
  findLegChannels,
  type LegChannel,
  type LegChannels,
} from './channels.js';
export {
  type DetectedLegMovement,
  detectLegMovements,
  type LegMovementDetection,
  type LegPreprocessingRecord,
} from './detect.js';
export { type MainsLine, type MainsMeasurement, measureMains } from './hum.js';
export {
  defaultLegMovementSettings,
  type LegMovementSettings,
  type LegMovementSettingsInput,
  resolveLegMovementSettings,
} from './settings.js';
export { microvoltFactor, toMicrovolts } from './units.js';
