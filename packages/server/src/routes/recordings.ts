import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { RecordingsTable } from '../db/types.js';
import { authorize } from '../http/access.js';
import type { AppContext } from '../http/context.js';
import { ApiError, notFound } from '../http/errors.js';
import { writeAnnotationEdf } from '@myotrace/edf';
import { applyEdits, type EventSet, type ScoreResultLike } from '../recordings/events.js';
import { parseSleepContext } from '../recordings/sleep-context.js';
import { blobPath, sniffFormat, storeStream } from '../recordings/storage.js';
import { ErrorBody, PatientIdParams } from '../schemas/common.js';
import { EditsBody, EventsResponse, Job, Recording, RecordingParams, ScoreBody, UploadQuery } from '../schemas/recordings.js';
import type { Api } from './types.js';

export function recordingOut(r: RecordingsTable): Recording {
  return {
    id: r.id,
    patientId: r.patient_id,
    filename: r.filename,
    format: r.format,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    uploadedAt: r.uploaded_at,
    startTime: r.start_time,
    durationSec: r.duration_sec === null ? null : Number(r.duration_sec),
    isDemo: Number(r.is_demo) === 1,
    job: r.job_status
      ? { status: r.job_status, error: r.job_error ? (JSON.parse(r.job_error) as { code: string; message: string }) : null, finishedAt: r.job_finished_at }
      : null,
  };
}

async function loadRecording(ctx: AppContext, pid: string, rid: string): Promise<RecordingsTable> {
  const r = await ctx.db.kysely.selectFrom('recordings').selectAll().where('patient_id', '=', pid).where('id', '=', rid).executeTakeFirst();
  if (!r) throw notFound('recording');
  return r;
}

function formatFromName(name: string): 'edf' | 'bdf' | 'accel-csv' | null {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'edf' ? 'edf' : ext === 'bdf' ? 'bdf' : ext === 'csv' || ext === 'txt' ? 'accel-csv' : null;
}

export async function recordingRoutes(api: Api, ctx: AppContext): Promise<void> {
  const errs = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

  await api.register(async (scope) => {
    // uploads are streamed: the raw request stream is the body, never buffered
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    (scope as Api).post(
      '/patients/:pid/recordings',
      { schema: { tags: ['recordings'], params: PatientIdParams, querystring: UploadQuery, response: { 201: Recording, ...errs, 413: ErrorBody, 415: ErrorBody } } },
      async (req, reply) => {
        await authorize(ctx, req, req.params.pid, 'recording.upload');
        const body = req.body as Readable | undefined;
        if (!body || typeof (body as Readable).on !== 'function') throw new ApiError(400, 'API_VALIDATION', 'send the file as the request body');
        const stored = await storeStream(ctx.config.dataDir, body, ctx.config.maxUploadBytes);
        if (stored.sizeBytes === 0) throw new ApiError(400, 'API_VALIDATION', 'the file is empty');
        const sniffed = await sniffFormat(stored.path);
        const declared = req.query.format ?? formatFromName(req.query.filename);
        const format = declared === 'edf' && sniffed === 'bdf' ? 'bdf' : (declared ?? sniffed);
        if (!format || !sniffed || (format === 'accel-csv') !== (sniffed === 'accel-csv')) {
          throw new ApiError(415, 'API_UNSUPPORTED_MEDIA', 'the file is not an EDF, BDF or accelerometer CSV file');
        }
        const row: RecordingsTable = {
          id: randomUUID(),
          patient_id: req.params.pid,
          filename: req.query.filename,
          format,
          size_bytes: stored.sizeBytes,
          sha256: stored.sha256,
          uploaded_at: new Date().toISOString(),
          start_time: null,
          duration_sec: null,
          is_demo: 0,
          job_status: null,
          job_error: null,
          job_finished_at: null,
          settings: null,
          result: null,
          events: null,
          sleep_context: null,
          edited: 0,
        };
        await ctx.db.kysely.insertInto('recordings').values(row).execute();
        if (req.query.score !== 'false') await ctx.jobs.enqueue(row.id);
        return reply.status(201).send(recordingOut(await loadRecording(ctx, req.params.pid, row.id)));
      },
    );
  });

  api.get('/patients/:pid/recordings', { schema: { tags: ['recordings'], params: PatientIdParams, response: { 200: z.object({ items: z.array(Recording) }), ...errs } } }, async (req) => {
    await authorize(ctx, req, req.params.pid, 'recording.read');
    const rows = await ctx.db.kysely.selectFrom('recordings').selectAll().where('patient_id', '=', req.params.pid).orderBy('uploaded_at', 'desc').execute();
    return { items: rows.map(recordingOut) };
  });

  api.get(
    '/patients/:pid/recordings/:rid',
    { schema: { tags: ['recordings'], params: RecordingParams, response: { 200: Recording.extend({ result: z.record(z.string(), z.unknown()).nullable() }), ...errs } } },
    async (req) => {
      await authorize(ctx, req, req.params.pid, 'recording.read');
      const r = await loadRecording(ctx, req.params.pid, req.params.rid);
      return { ...recordingOut(r), result: r.result ? (JSON.parse(r.result) as Record<string, unknown>) : null };
    },
  );

  api.post('/patients/:pid/recordings/:rid/score', { schema: { tags: ['recordings'], params: RecordingParams, body: ScoreBody, response: { 202: z.object({ job: Job }), ...errs } } }, async (req, reply) => {
    await authorize(ctx, req, req.params.pid, 'recording.edit');
    await loadRecording(ctx, req.params.pid, req.params.rid);
    if (req.body.settings) {
      await ctx.db.kysely.updateTable('recordings').set({ settings: JSON.stringify(req.body.settings) }).where('id', '=', req.params.rid).execute();
    }
    await ctx.jobs.enqueue(req.params.rid);
    return reply.status(202).send({ job: { status: 'queued', error: null, finishedAt: null } });
  });

  const eventSetOf = (r: RecordingsTable): EventSet => {
    if (!r.events) throw new ApiError(409, 'API_CONFLICT', 'this recording has not been scored yet');
    return JSON.parse(r.events) as EventSet;
  };

  api.get('/patients/:pid/recordings/:rid/events', { schema: { tags: ['recordings'], params: RecordingParams, response: { 200: EventsResponse, ...errs, 409: ErrorBody } } }, async (req) => {
    await authorize(ctx, req, req.params.pid, 'recording.read');
    return eventSetOf(await loadRecording(ctx, req.params.pid, req.params.rid));
  });

  api.post(
    '/patients/:pid/recordings/:rid/events/edits',
    { schema: { tags: ['recordings'], params: RecordingParams, body: EditsBody, response: { 200: EventsResponse, ...errs, 409: ErrorBody } } },
    async (req) => {
      await authorize(ctx, req, req.params.pid, 'recording.edit');
      const r = await loadRecording(ctx, req.params.pid, req.params.rid);
      const set = eventSetOf(r);
      const result = r.result ? (JSON.parse(r.result) as ScoreResultLike) : {};
      const next = applyEdits(
        set,
        req.body.edits,
        {
          durationSec: Number(r.duration_sec ?? set.indices.durationHours * 3600),
          sleepHours: set.indices.sleepHours,
          settings: result.settings,
          sleepContext: parseSleepContext(r.sleep_context),
          original: result.legMovements ?? [],
        },
        ctx.jobs.rescorer(),
      );
      await ctx.db.kysely.updateTable('recordings').set({ events: JSON.stringify(next), edited: 1 }).where('id', '=', r.id).execute();
      return next;
    },
  );

  api.get('/patients/:pid/recordings/:rid/annotations.edf', { schema: { tags: ['recordings'], params: RecordingParams } }, async (req, reply) => {
    await authorize(ctx, req, req.params.pid, 'recording.read');
    const r = await loadRecording(ctx, req.params.pid, req.params.rid);
    const set = eventSetOf(r);
    // EDF start times are local wall-clock times without an offset: keep the recording's own, else the upload time
    const start = (r.start_time ?? r.uploaded_at).replace(/(Z|[+-]\d\d:\d\d)$/, '').slice(0, 23);
    const bytes = writeAnnotationEdf({
      startTime: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/.test(start) ? start : r.uploaded_at.slice(0, 19),
      recording: { equipment: 'MyoTrace' },
      annotations: set.events
        .filter((e) => e.status !== 'rejected')
        .map((e) => ({ onset: e.onsetSec, duration: e.durationSec, text: `${e.isPlm ? 'PLM' : 'LM'}${e.side ? ` ${e.side}` : ''}${e.status === 'auto' ? '' : ` (${e.status})`}` })),
    });
    return reply
      .type('application/octet-stream')
      .header('Content-Disposition', `attachment; filename="${r.id}-events.edf"`)
      .send(Buffer.from(bytes));
  });

  api.get('/patients/:pid/recordings/:rid/file', { schema: { tags: ['recordings'], params: RecordingParams } }, async (req, reply) => {
    await authorize(ctx, req, req.params.pid, 'recording.read');
    const r = await loadRecording(ctx, req.params.pid, req.params.rid);
    return reply
      .type('application/octet-stream')
      .header('Content-Length', String(r.size_bytes))
      .header('Content-Disposition', `attachment; filename="${r.id}.${r.format === 'accel-csv' ? 'csv' : r.format}"`)
      .send(createReadStream(blobPath(ctx.config.dataDir, r.sha256)));
  });
}
