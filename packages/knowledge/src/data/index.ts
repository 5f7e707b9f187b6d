import type { Entry } from '../schema.js';
import { overviewEntries } from './overview.js';
import { typeEntries } from './types.js';
import { neurophysiologyEntries } from './neurophysiology.js';
import { causeEntries } from './causes.js';
import { sleepEntries } from './sleep.js';
import { conditionEntries } from './conditions.js';
import { testEntries } from './tests.js';
import { treatmentEntries } from './treatments.js';
import { remedyEntries } from './remedies.js';
import { exerciseEntries } from './exercises.js';
import { specialistEntries } from './specialists.js';

/** Every entry, in reading order. */
export const rawEntries: readonly Entry[] = [
  ...overviewEntries,
  ...typeEntries,
  ...neurophysiologyEntries,
  ...causeEntries,
  ...sleepEntries,
  ...conditionEntries,
  ...testEntries,
  ...treatmentEntries,
  ...remedyEntries,
  ...exerciseEntries,
  ...specialistEntries,
];
