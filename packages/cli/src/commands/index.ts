import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { register as inspect } from './inspect.js';
import { register as exportCmd } from './export.js';
import { register as serve } from './serve.js';
import { register as backup } from './backup.js';
import { register as score } from './score.js';
import { register as compare } from './compare.js';
import { register as kb } from './kb.js';
import { register as triageCmd } from './triage.js';
import { register as meds } from './meds.js';
import { register as bursts } from './bursts.js';
import { register as backaverage } from './backaverage.js';
import { register as accel } from './accel.js';
import { register as simulate } from './simulate.js';
import { register as batch } from './batch.js';
import { register as worker } from './worker.js';

/**
 * Every command module exports `register(program, io)`. Add one import and one line per module;
 * keep this file a plain list so parallel work on different commands never collides.
 */
type Register = (program: Command, io: CliIO) => void;

const registrations: Register[] = [
  inspect,
  exportCmd,
  serve,
  backup,
  score,
  compare,
  kb,
  triageCmd,
  meds,
  bursts,
  backaverage,
  accel,
  simulate,
  batch,
  worker,
];

export function registerCommands(program: Command, io: CliIO): void {
  for (const register of registrations) register(program, io);
}
