/**
 * Adapter from the job queue's `Scorer` to @myotrace/detect and @myotrace/edf. Loaded lazily by module name so the
 * server starts (and scores nothing, with a clear job error) while those packages are incomplete.
 */
import { MyoTraceError } from '@myotrace/errors';
import type { Scorer, ScoreInput } from '../recordings/jobs.js';
import type { ScoreResultLike } from '../recordings/events.js';

type Mod = Record<string, unknown>;
async function load(name: string): Promise<Mod | null> {
  try {
    return (await import(/* @vite-ignore */ name)) as Mod;
  } catch {
    return null;
  }
}

export async function detectScorer(): Promise<Scorer> {
  const detect = await load('@myotrace/detect');
  const edfNode = await load('@myotrace/edf/node');
  const scoreRecording = detect?.scoreRecording as ((reader: unknown, options: unknown) => Promise<ScoreResultLike> | ScoreResultLike) | undefined;
  const scoreAccel = (detect?.scoreAccelerometerCsv ?? detect?.scoreAccelCsv) as ((text: string, options: unknown) => Promise<ScoreResultLike> | ScoreResultLike) | undefined;
  const openEdfFile = edfNode?.openEdfFile as ((path: string, opts?: unknown) => Promise<{ close?: () => Promise<void> } & Record<string, unknown>>) | undefined;
  return {
    async score(input: ScoreInput): Promise<ScoreResultLike> {
      if (input.format === 'accel-csv') {
        if (!scoreAccel) throw new MyoTraceError('API_SCORER_UNAVAILABLE', 'accelerometer scoring is not available in this build');
        const { readFile } = await import('node:fs/promises');
        return scoreAccel(await readFile(input.path, 'utf8'), { ...input.settings, file: input.filename });
      }
      if (!scoreRecording || !openEdfFile) throw new MyoTraceError('API_SCORER_UNAVAILABLE', 'EDF scoring is not available in this build');
      const reader = await openEdfFile(input.path);
      try {
        return await scoreRecording(reader, { ...input.settings, file: input.filename });
      } finally {
        await reader.close?.();
      }
    },
  };
}
