import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { SessionInfo } from '../auth/sessions.js';
import { type Action, isAllowed, isAudited, type Relation, relationOf } from '../policy.js';
import type { AppContext } from './context.js';
import { ApiError, forbidden, unauthenticated } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
}

export function requireSession(req: FastifyRequest): SessionInfo {
  if (!req.session) throw unauthenticated();
  return req.session;
}

export async function relationTo(ctx: AppContext, session: SessionInfo, patientId: string): Promise<Relation> {
  const u = session.user;
  if (u.role === 'patient') return u.patientId === patientId ? 'owner' : 'none';
  const grants = await ctx.db.kysely
    .selectFrom('grants')
    .select(['role', 'revoked_at'])
    .where('grantee_id', '=', u.id)
    .where('patient_id', '=', patientId)
    .execute();
  return relationOf(u, patientId, grants.map((g) => ({ role: g.role, revokedAt: g.revoked_at })));
}

/**
 * The one gate in front of patient data: resolves the relation, asks the policy, and audits reads by others.
 * `resource` is the route pattern (never contains patient data).
 */
export async function authorize(ctx: AppContext, req: FastifyRequest, patientId: string, action: Action): Promise<{ session: SessionInfo; relation: Relation }> {
  const session = requireSession(req);
  const relation = await relationTo(ctx, session, patientId);
  if (!isAllowed(relation, action)) throw forbidden();
  if (isAudited(relation, action)) {
    await ctx.db.kysely
      .insertInto('audit_log')
      .values({
        id: randomUUID(),
        patient_id: patientId,
        actor_id: session.user.id,
        action: action === 'report.read' ? 'export' : 'read',
        resource: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`,
        at: new Date().toISOString(),
      })
      .execute();
  }
  return { session, relation };
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export { ApiError };
