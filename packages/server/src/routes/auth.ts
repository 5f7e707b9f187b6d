import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { createSession, createUser, CSRF_COOKIE, destroySession, SESSION_COOKIE, SESSION_DAYS, userFromRow } from '../auth/sessions.js';
import { requireSession } from '../http/access.js';
import type { AppContext } from '../http/context.js';
import { ApiError, conflict } from '../http/errors.js';
import { AuthResponse, LoginBody, MeResponse, RegisterBody } from '../schemas/auth.js';
import { ErrorBody } from '../schemas/common.js';
import type { PatientRef } from '../schemas/auth.js';
import type { Api } from './types.js';

let dummyHash: Promise<string> | null = null;

function setAuthCookies(ctx: AppContext, reply: FastifyReply, token: string, csrfToken: string): void {
  const base = { path: '/', sameSite: 'lax' as const, secure: ctx.config.secureCookies, maxAge: SESSION_DAYS * 86_400 };
  reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
}

export async function patientsOf(ctx: AppContext, user: { id: string; role: string; patientId: string | null }): Promise<PatientRef[]> {
  if (user.role === 'patient') {
    if (!user.patientId) return [];
    const p = await ctx.db.kysely.selectFrom('patients').select(['id', 'name', 'is_demo']).where('id', '=', user.patientId).executeTakeFirst();
    return p ? [{ id: p.id, name: p.name, relation: 'self', isDemo: Number(p.is_demo) === 1 }] : [];
  }
  const rows = await ctx.db.kysely
    .selectFrom('grants')
    .innerJoin('patients', 'patients.id', 'grants.patient_id')
    .select(['patients.id', 'patients.name', 'patients.is_demo', 'grants.role'])
    .where('grants.grantee_id', '=', user.id)
    .where('grants.revoked_at', 'is', null)
    .where('grants.role', '=', user.role as 'carer' | 'clinician')
    .orderBy('patients.name')
    .execute();
  const seen = new Set<string>();
  const out: PatientRef[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({ id: r.id, name: r.name, relation: r.role, isDemo: Number(r.is_demo) === 1 });
  }
  return out;
}

export async function authRoutes(api: Api, ctx: AppContext): Promise<void> {
  const errors = { 400: ErrorBody, 401: ErrorBody, 409: ErrorBody, 429: ErrorBody };

  api.post('/auth/register', { schema: { tags: ['auth'], body: RegisterBody, response: { 201: AuthResponse, ...errors } } }, async (req, reply) => {
    const b = req.body;
    const taken = await ctx.db.kysely.selectFrom('users').select('id').where('email', '=', b.email).executeTakeFirst();
    if (taken) throw conflict('an account with this email already exists');
    let user;
    try {
      user = await createUser(ctx.db, { ...b, hashParams: ctx.config.passwordHashN ? { N: ctx.config.passwordHashN } : {} });
    } catch (err) {
      if ((err as { code?: string }).code === '23505' || String((err as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) {
        throw conflict('an account with this email already exists');
      }
      throw err;
    }
    const s = await createSession(ctx.db, user.id);
    setAuthCookies(ctx, reply, s.token, s.csrfToken);
    return reply.status(201).send({ user, csrfToken: s.csrfToken });
  });

  api.post('/auth/login', { schema: { tags: ['auth'], body: LoginBody, response: { 200: AuthResponse, ...errors } } }, async (req, reply) => {
    const { email, password } = req.body;
    const keys = [`email:${email}`, `ip:${req.ip}`];
    const waitMs = Math.max(...keys.map((k) => ctx.limiter.retryAfterMs(k)));
    if (waitMs > 0) {
      reply.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      throw new ApiError(429, 'API_RATE_LIMITED', 'too many failed sign-in attempts; wait before trying again');
    }
    const row = await ctx.db.kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    // verify against a dummy hash when the email is unknown, so timing does not reveal which emails exist
    dummyHash ??= hashPassword('not a real password', ctx.config.passwordHashN ? { N: ctx.config.passwordHashN } : {});
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash));
    if (!row || !ok) {
      for (const k of keys) ctx.limiter.fail(k);
      throw new ApiError(401, 'API_BAD_CREDENTIALS', 'wrong email or password');
    }
    for (const k of keys) ctx.limiter.succeed(k);
    const s = await createSession(ctx.db, row.id);
    setAuthCookies(ctx, reply, s.token, s.csrfToken);
    return { user: userFromRow(row), csrfToken: s.csrfToken };
  });

  api.post('/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
    const s = requireSession(req);
    await destroySession(ctx.db, s.tokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  api.get('/auth/me', { schema: { tags: ['auth'], response: { 200: MeResponse, 401: ErrorBody } } }, async (req) => {
    const s = requireSession(req);
    return { user: s.user, csrfToken: s.csrfToken, patients: await patientsOf(ctx, s.user) };
  });
}
