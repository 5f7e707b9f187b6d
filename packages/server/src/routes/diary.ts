import { z } from 'zod';
import { authorize } from '../http/access.js';
import type { AppContext } from '../http/context.js';
import { ErrorBody, Uuid } from '../schemas/common.js';
import { DIARY_KINDS, type DiaryKind, EntryMeta, EntryParams, HistoryItem, ListQuery } from '../schemas/diary.js';
import { PatientIdParams } from '../schemas/common.js';
import type { Actor } from '../schemas/common.js';
import type { Api } from './types.js';

/** The same seven routes for every diary kind (see docs/api.md "Diary"). */
export async function diaryRoutes(api: Api, ctx: AppContext): Promise<void> {
  const errs = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  for (const kind of Object.keys(DIARY_KINDS) as DiaryKind[]) {
    const def = DIARY_KINDS[kind];
    const input = def.schema as unknown as z.ZodObject<z.ZodRawShape>;
    const entry = input.extend(EntryMeta.shape);
    const writeAction = def.writer === 'clinical' ? 'clinical.write' : 'diary.write';
    const tags = [`diary: ${kind}`];
    const base = `/patients/:pid/${kind}`;
    const actorOf = (u: { id: string; name: string; role: Actor['role'] }): Actor => ({ id: u.id, name: u.name, role: u.role });

    api.get(base, { schema: { tags, params: PatientIdParams, querystring: ListQuery, response: { 200: z.object({ items: z.array(entry), total: z.number() }), ...errs } } }, async (req) => {
      await authorize(ctx, req, req.params.pid, 'diary.read');
      const q = req.query;
      return ctx.diary.list(req.params.pid, kind, {
        from: q.from,
        to: q.to,
        includeDeleted: q.includeDeleted === 'true' || q.includeDeleted === '1',
        limit: q.limit,
        offset: q.offset,
      });
    });

    api.post(base, { schema: { tags, params: PatientIdParams, body: input, response: { 200: entry, 201: entry, ...errs } } }, async (req, reply) => {
      const { session } = await authorize(ctx, req, req.params.pid, writeAction);
      const body = req.body as Record<string, unknown> & { id: string };
      const r = await ctx.diary.create(req.params.pid, kind, body, actorOf(session.user));
      return reply.status(r.created ? 201 : 200).send(r.entry);
    });

    api.get(`${base}/:id`, { schema: { tags, params: EntryParams, response: { 200: entry, ...errs } } }, async (req) => {
      await authorize(ctx, req, req.params.pid, 'diary.read');
      return ctx.diary.get(req.params.pid, kind, req.params.id);
    });

    const putBody = input.extend({ id: Uuid.optional(), baseVersion: z.number().int().min(1).optional() });
    api.put(`${base}/:id`, { schema: { tags, params: EntryParams, body: putBody, response: { 200: entry, 201: entry, ...errs } } }, async (req, reply) => {
      const { session } = await authorize(ctx, req, req.params.pid, writeAction);
      const { baseVersion, ...data } = req.body as Record<string, unknown> & { baseVersion?: number };
      const r = await ctx.diary.update(req.params.pid, kind, req.params.id, { ...data, id: req.params.id }, actorOf(session.user), baseVersion);
      return reply.status(r.created ? 201 : 200).send(r.entry);
    });

    api.delete(`${base}/:id`, { schema: { tags, params: EntryParams, response: { 200: entry, ...errs } } }, async (req) => {
      const { session } = await authorize(ctx, req, req.params.pid, writeAction);
      return ctx.diary.remove(req.params.pid, kind, req.params.id, actorOf(session.user));
    });

    api.post(`${base}/:id/restore`, { schema: { tags, params: EntryParams, response: { 200: entry, ...errs, 410: ErrorBody } } }, async (req) => {
      const { session } = await authorize(ctx, req, req.params.pid, writeAction);
      return ctx.diary.restore(req.params.pid, kind, req.params.id, actorOf(session.user));
    });

    api.get(`${base}/:id/history`, { schema: { tags, params: EntryParams, response: { 200: z.object({ items: z.array(HistoryItem) }), ...errs } } }, async (req) => {
      await authorize(ctx, req, req.params.pid, 'diary.read');
      return { items: await ctx.diary.history(req.params.pid, kind, req.params.id) };
    });
  }
}
