/**
 * Adapter from the job queue's `Scorer` to @myotrace/detect and @myotrace/edf: EDF/BDF files are scored with
 * `scoreRecording` over a file source (windowed reads, never the whole file in memory), accelerometer CSV with
 * `accelNightSummary` (a screening estimate, labelled as such in the result). `rescore` re-applies the PLM rules
 * of the original settings to events a clinician edited.
 */
import { readFile } from 'node:fs/promises';
import { accelNightSummary, applyPlmRules, parseAccelCsv, type PlmSettings, resolveSleepInputs, type ScoreOptions, scoreRecording } from '@myotrace/detect';
import { openEdf } from '@myotrace/edf';
import { fileSource } from '@myotrace/edf/node';
import type { ScoreResultLike } from '../recordings/events.js';
import type { Scorer, ScoreInput } from '../recordings/jobs.js';
import type { StoredSleepContext } from '../recordings/sleep-context.js';

export const detectScorer: Scorer = {
  async score(input: ScoreInput): Promise<ScoreResultLike & { sleepContext?: StoredSleepContext | null }> {
    const settings = input.settings as Record<string, unknown>;
    const standard = settings.standard === 'aasm' ? 'aasm' : 'wasm2016';
    if (input.format === 'accel-csv') {
      const rec = parseAccelCsv(await readFile(input.path, 'utf8'));
      const s = accelNightSummary(rec, { standard, ...(settings.side === 'right' ? { side: 'right' } : {}) });
      return { ...s.score, screening: true, screeningLabel: s.label } as unknown as ScoreResultLike;
    }
    const source = await fileSource(input.path);
    try {
      const reader = await openEdf(source);
      const options: ScoreOptions = { ...(settings as ScoreOptions), standard, file: input.filename };
      const result = await scoreRecording(reader, options);
      // the same resolution scoreRecording made, kept so that edited events are re-scored with this staging
      const inputs = resolveSleepInputs({
        recordingAnnotations: reader.annotations.map((a) => ({ onsetSec: a.onset, durationSec: a.duration, text: a.text })),
        recordingStartTime: reader.header.startTime,
        hypnogram: options.hypnogram,
        events: options.events,
      });
      const sleepContext: StoredSleepContext = {
        version: 1,
        standard: result.standard,
        rules: result.settings.rules,
        durationSec: result.recording.durationSec,
        sleep: inputs.sleep,
        respiratoryEvents: inputs.respiratoryEvents,
        arousals: inputs.arousals,
      };
      return { ...(result as unknown as ScoreResultLike), sleepContext };
    } finally {
      await source.close();
    }
  },
  rescore(events, ctx) {
    const rules = (ctx.settings as { rules?: PlmSettings } | undefined)?.rules;
    if (!rules) return null;
    const active = events.filter((e) => e.status !== 'rejected');
    const left = active.filter((e) => e.side !== 'right').map((e) => ({ onsetSec: e.onsetSec, durationSec: e.durationSec }));
    const right = active.filter((e) => e.side === 'right' || e.side === 'both').map((e) => ({ onsetSec: e.onsetSec, durationSec: e.durationSec }));
    const r = applyPlmRules({ left, right, durationSec: ctx.durationSec }, rules);
    // bilateral combination may merge events: an event is periodic when the movement containing it is
    const periodic = events.map((e) => {
      if (e.status === 'rejected') return false;
      const m = r.legMovements.find((lm) => lm.onset <= e.onsetSec + 1e-6 && e.onsetSec <= lm.onset + lm.duration + 1e-6);
      return !!m?.periodic;
    });
    // without the hypnogram here, indices are per hour of sleep from the original scoring (see indicesOf)
    return { periodic, plmsIndex: null };
  },
};
