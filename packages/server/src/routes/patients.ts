import { randomInt, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { authorize, requireSession } from '../http/access.js';
import type { AppContext } from '../http/context.js';
import { ApiError, forbidden, notFound } from '../http/errors.js';
import { patientSummary } from '../insights/summary.js';
import { isAllowed } from '../policy.js';
import {
  AcceptInvitationBody,
  AuditEntry,
  Grant,
  GrantParams,
  Invitation,
  InvitationBody,
  PatchPatientBody,
  Patient,
  PatientProfile,
  PatientRef,
  PatientSummary,
} from '../schemas/auth.js';
import { ErrorBody, PatientIdParams } from '../schemas/common.js';
import { patientsOf } from './auth.js';
import type { Api } from './types.js';

const INVITE_DAYS = 7;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: codes are read aloud and typed

export function newInvitationCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
export function normaliseCode(code: string): string {
  const s = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4)}` : s;
}

export async function loadPatient(ctx: AppContext, pid: string): Promise<Patient> {
  const p = await ctx.db.kysely.selectFrom('patients').selectAll().where('id', '=', pid).executeTakeFirst();
  if (!p) throw notFound('patient');
  return { id: p.id, name: p.name, isDemo: Number(p.is_demo) === 1, profile: JSON.parse(p.profile) as PatientProfile, createdAt: p.created_at };
}

async function grantRows(ctx: AppContext, pid: string, id?: string) {
  let q = ctx.db.kysely
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.grantee_id')
    .select(['grants.id', 'grants.patient_id', 'grants.grantee_id', 'grants.role', 'grants.created_at', 'grants.revoked_at', 'users.name', 'users.email'])
    .where('grants.patient_id', '=', pid);
  if (id) q = q.where('grants.id', '=', id);
  const rows = await q.orderBy('grants.created_at', 'desc').execute();
  return rows.map(
    (r): Grant => ({
      id: r.id,
      patientId: r.patient_id,
      granteeId: r.grantee_id,
      granteeName: r.name,
      granteeEmail: r.email,
      role: r.role,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
    }),
  );
}

export async function patientRoutes(api: Api, ctx: AppContext): Promise<void> {
  const errs = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

  api.get('/patients', { schema: { tags: ['patients'], response: { 200: z.object({ items: z.array(PatientSummary) }), ...errs } } }, async (req) => {
    const s = requireSession(req);
    const refs = await patientsOf(ctx, s.user);
    const items = [];
    for (const ref of refs) {
      // each summary reads the patient's data, so it goes through the same gate (and audit) as any read
      await authorize(ctx, req, ref.id, 'insights.read');
      items.push(await patientSummary(ctx, ref));
    }
    return { items };
  });

  api.get('/patients/:pid', { schema: { tags: ['patients'], params: PatientIdParams, response: { 200: Patient, ...errs } } }, async (req) => {
    await authorize(ctx, req, req.params.pid, 'patient.read');
    return loadPatient(ctx, req.params.pid);
  });

  api.patch('/patients/:pid', { schema: { tags: ['patients'], params: PatientIdParams, body: PatchPatientBody, response: { 200: Patient, ...errs } } }, async (req) => {
    await authorize(ctx, req, req.params.pid, 'patient.update');
    const cur = await loadPatient(ctx, req.params.pid);
    const profile = req.body.profile ? { ...cur.profile, ...req.body.profile } : cur.profile;
    await ctx.db.kysely
      .updateTable('patients')
      .set({ name: req.body.name ?? cur.name, profile: JSON.stringify(profile) })
      .where('id', '=', req.params.pid)
      .execute();
    return loadPatient(ctx, req.params.pid);
  });

  api.post(
    '/patients/:pid/invitations',
    { schema: { tags: ['sharing'], params: PatientIdParams, body: InvitationBody, response: { 201: Invitation, ...errs } } },
    async (req, reply) => {
      const { session } = await authorize(ctx, req, req.params.pid, 'sharing.manage');
      const now = new Date();
      const inv = {
        id: randomUUID(),
        patient_id: req.params.pid,
        code: newInvitationCode(),
        role: req.body.role,
        created_by: session.user.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString(),
        accepted_at: null,
        accepted_by: null,
      };
      await ctx.db.kysely.insertInto('invitations').values(inv).execute();
      return reply.status(201).send({ id: inv.id, code: inv.code, role: inv.role, createdAt: inv.created_at, expiresAt: inv.expires_at, acceptedAt: null });
    },
  );

  api.get(
    '/patients/:pid/invitations',
    { schema: { tags: ['sharing'], params: PatientIdParams, response: { 200: z.object({ items: z.array(Invitation) }), ...errs } } },
    async (req) => {
      await authorize(ctx, req, req.params.pid, 'sharing.manage');
      const rows = await ctx.db.kysely.selectFrom('invitations').selectAll().where('patient_id', '=', req.params.pid).orderBy('created_at', 'desc').execute();
      return { items: rows.map((r) => ({ id: r.id, code: r.code, role: r.role, createdAt: r.created_at, expiresAt: r.expires_at, acceptedAt: r.accepted_at })) };
    },
  );

  api.post(
    '/invitations/accept',
    { schema: { tags: ['sharing'], body: AcceptInvitationBody, response: { 200: z.object({ grant: Grant, patient: PatientRef }), ...errs, 410: ErrorBody } } },
    async (req) => {
      const s = requireSession(req);
      const code = normaliseCode(req.body.code);
      const inv = await ctx.db.kysely.selectFrom('invitations').selectAll().where('code', '=', code).executeTakeFirst();
      if (!inv) throw notFound('invitation');
      if (inv.accepted_at) throw new ApiError(410, 'API_GONE', 'this invitation code has already been used');
      if (inv.expires_at < new Date().toISOString()) throw new ApiError(410, 'API_GONE', 'this invitation code has expired');
      if (s.user.role !== inv.role) throw new ApiError(403, 'API_FORBIDDEN', `this invitation is for a ${inv.role} account`);
      const now = new Date().toISOString();
      const gid = randomUUID();
      await ctx.db.kysely.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('invitations')
          .set({ accepted_at: now, accepted_by: s.user.id })
          .where('id', '=', inv.id)
          .where('accepted_at', 'is', null)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new ApiError(410, 'API_GONE', 'this invitation code has already been used');
        await trx.insertInto('grants').values({ id: gid, patient_id: inv.patient_id, grantee_id: s.user.id, role: inv.role, created_at: now, revoked_at: null }).execute();
      });
      const [grant] = await grantRows(ctx, inv.patient_id, gid);
      const p = await loadPatient(ctx, inv.patient_id);
      return { grant, patient: { id: p.id, name: p.name, relation: inv.role, isDemo: p.isDemo } };
    },
  );

  api.get('/patients/:pid/grants', { schema: { tags: ['sharing'], params: PatientIdParams, response: { 200: z.object({ items: z.array(Grant) }), ...errs } } }, async (req) => {
    await authorize(ctx, req, req.params.pid, 'sharing.manage');
    return { items: await grantRows(ctx, req.params.pid) };
  });

  api.delete('/patients/:pid/grants/:gid', { schema: { tags: ['sharing'], params: GrantParams, response: { 200: Grant, ...errs } } }, async (req) => {
    await authorize(ctx, req, req.params.pid, 'sharing.manage');
    const [g] = await grantRows(ctx, req.params.pid, req.params.gid);
    if (!g) throw notFound('grant');
    if (!g.revokedAt) {
      await ctx.db.kysely.updateTable('grants').set({ revoked_at: new Date().toISOString() }).where('id', '=', g.id).execute();
    }
    const [after] = await grantRows(ctx, req.params.pid, req.params.gid);
    return after;
  });

  api.get(
    '/patients/:pid/audit',
    {
      schema: {
        tags: ['sharing'],
        params: PatientIdParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(500) }),
        response: { 200: z.object({ items: z.array(AuditEntry) }), ...errs },
      },
    },
    async (req) => {
      const { relation } = await authorize(ctx, req, req.params.pid, 'audit.read');
      if (!isAllowed(relation, 'audit.read')) throw forbidden();
      const rows = await ctx.db.kysely
        .selectFrom('audit_log')
        .innerJoin('users', 'users.id', 'audit_log.actor_id')
        .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'audit_log.action', 'audit_log.resource', 'users.name', 'users.role'])
        .where('audit_log.patient_id', '=', req.params.pid)
        .orderBy('audit_log.at', 'desc')
        .limit(req.query.limit)
        .execute();
      return {
        items: rows.map((r) => ({ id: r.id, at: r.at, actorId: r.actor_id, actorName: r.name, actorRole: r.role, action: r.action, resource: r.resource })),
      };
    },
  );
}
