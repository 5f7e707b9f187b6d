import { z } from 'zod';
import { Uuid } from './common.js';

export const RecordingFormat = z.enum(['edf', 'bdf', 'accel-csv']);
export type RecordingFormat = z.infer<typeof RecordingFormat>;
export const UploadQuery = z.object({
  filename: z.string().trim().min(1).max(255),
  format: RecordingFormat.optional(),
  score: z.enum(['true', 'false']).optional(),
});
export const JobStatus = z.enum(['queued', 'running', 'done', 'failed']);
export const Job = z.object({
  status: JobStatus,
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;
export const Recording = z.object({
  id: z.string(),
  patientId: z.string(),
  filename: z.string(),
  format: RecordingFormat,
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
  startTime: z.string().nullable(),
  durationSec: z.number().nullable(),
  isDemo: z.boolean(),
  job: Job.nullable(),
});
export type Recording = z.infer<typeof Recording>;
export const RecordingParams = z.object({ pid: Uuid, rid: Uuid });
export const ScoreBody = z.object({ settings: z.record(z.string(), z.unknown()).optional() });

export const ScoredEvent = z.object({
  id: z.string(),
  kind: z.enum(['lm', 'burst', 'jerk']),
  side: z.enum(['left', 'right', 'both']).nullable(),
  onsetSec: z.number(),
  durationSec: z.number(),
  status: z.enum(['auto', 'accepted', 'rejected', 'added', 'moved']),
  isPlm: z.boolean(),
});
export type ScoredEvent = z.infer<typeof ScoredEvent>;
export const Indices = z.object({
  durationHours: z.number(),
  sleepHours: z.number().nullable(),
  lmCount: z.number(),
  plmCount: z.number(),
  lmIndex: z.number(),
  plmIndex: z.number(),
  plmsIndex: z.number().nullable(),
  /** With a stored sleep context: periodic LMs in wake per hour of wake (null without staging or wake). */
  plmwIndex: z.number().nullable().optional(),
  /** With a stored sleep context: periodic LMs per sleep stage and in wake (counts). */
  plmsByStage: z.object({ N1: z.number(), N2: z.number(), N3: z.number(), R: z.number(), W: z.number() }).optional(),
});
export type Indices = z.infer<typeof Indices>;
export const EventsResponse = z.object({ events: z.array(ScoredEvent), indices: Indices, edited: z.boolean() });
export const EventEdit = z.discriminatedUnion('op', [
  z.object({ op: z.literal('accept'), eventId: z.string() }),
  z.object({ op: z.literal('reject'), eventId: z.string() }),
  z.object({
    op: z.literal('add'),
    kind: z.enum(['lm', 'burst', 'jerk']).default('lm'),
    side: z.enum(['left', 'right', 'both']).nullable().default(null),
    onsetSec: z.number().min(0),
    durationSec: z.number().min(0).max(3600),
  }),
  z.object({ op: z.literal('move'), eventId: z.string(), onsetSec: z.number().min(0), durationSec: z.number().min(0).max(3600) }),
]);
export type EventEdit = z.infer<typeof EventEdit>;
export const EditsBody = z.object({ edits: z.array(EventEdit).min(1).max(10_000) });
