import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.js';
import type { User } from '../schemas/auth.js';
import { hashPassword } from './password.js';

export const SESSION_COOKIE = 'mt_session';
export const CSRF_COOKIE = 'mt_csrf';
export const SESSION_DAYS = 30;

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

/** Only the hash of the session token is stored, so a database leak does not hand out live sessions. */
export async function createSession(db: Db, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.kysely
    .insertInto('sessions')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
  tokenHash: string;
}

/**
 * Sessions looked up in the last few seconds are answered from memory: every API request resolves its session,
 * and this saves a query on each. Logout in this process evicts at once; other processes (several servers on one
 * PostgreSQL) see a logout within SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 5000;
const sessionCache = new Map<string, { info: SessionInfo; until: number; expiresAt: string }>();

export async function resolveSession(db: Db, token: string): Promise<SessionInfo | null> {
  const key = sha256(token);
  const now = Date.now();
  const hit = sessionCache.get(key);
  if (hit && hit.until > now && hit.expiresAt > new Date(now).toISOString()) return hit.info;
  const info = await loadSession(db, token);
  if (info) {
    if (sessionCache.size > 10_000) sessionCache.clear();
    sessionCache.set(key, { info: info.info, until: now + SESSION_CACHE_MS, expiresAt: info.expiresAt });
    return info.info;
  }
  sessionCache.delete(key);
  return null;
}

async function loadSession(db: Db, token: string): Promise<{ info: SessionInfo; expiresAt: string } | null> {
  const row = await db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.token_hash', 'sessions.csrf_token', 'sessions.expires_at', 'users.id', 'users.email', 'users.name', 'users.role', 'users.patient_id', 'users.is_demo'])
    .where('sessions.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.expires_at < new Date().toISOString()) return null;
  return {
    info: {
      user: { id: row.id, email: row.email, name: row.name, role: row.role, patientId: row.patient_id, isDemo: Number(row.is_demo) === 1 },
      csrfToken: row.csrf_token,
      tokenHash: row.token_hash,
    },
    expiresAt: row.expires_at,
  };
}

export async function destroySession(db: Db, tokenHash: string): Promise<void> {
  sessionCache.delete(tokenHash);
  await db.kysely.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export function userFromRow(row: { id: string; email: string; name: string; role: User['role']; patient_id: string | null; is_demo: number }): User {
  return { id: row.id, email: row.email, name: row.name, role: row.role, patientId: row.patient_id, isDemo: Number(row.is_demo) === 1 };
}

/** Creates a user; a patient account also gets its own patient record. */
export async function createUser(
  db: Db,
  input: { email: string; password: string; name: string; role: User['role']; isDemo?: boolean; hashParams?: { N?: number } },
): Promise<User> {
  const hash = await hashPassword(input.password, input.hashParams);
  const now = new Date().toISOString();
  const id = randomUUID();
  const patientId = input.role === 'patient' ? randomUUID() : null;
  await db.kysely.transaction().execute(async (trx) => {
    if (patientId) {
      await trx.insertInto('patients').values({ id: patientId, name: input.name, profile: '{}', is_demo: input.isDemo ? 1 : 0, created_at: now }).execute();
    }
    await trx
      .insertInto('users')
      .values({ id, email: input.email, name: input.name, role: input.role, password_hash: hash, patient_id: patientId, is_demo: input.isDemo ? 1 : 0, created_at: now })
      .execute();
  });
  return { id, email: input.email, name: input.name, role: input.role, patientId, isDemo: !!input.isDemo };
}
