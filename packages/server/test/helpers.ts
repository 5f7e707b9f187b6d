import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, buildApp, type BuildAppOptions } from '../src/app.js';
import { type Db, openPostgres, openSqlite } from '../src/db/connect.js';

export const PG_URL = process.env.MYOTRACE_TEST_PG_URL;
export const REDIS_URL = process.env.MYOTRACE_TEST_REDIS_URL;
export const PG_SKIP_REASON = 'MYOTRACE_TEST_PG_URL is not set: PostgreSQL variant skipped';

/** Both databases when PostgreSQL is available; the PG entry carries `skip` otherwise. */
export const DATABASES: { kind: 'sqlite' | 'postgres'; skip: boolean }[] = [
  { kind: 'sqlite', skip: false },
  { kind: 'postgres', skip: !PG_URL },
];
if (!PG_URL) console.warn(PG_SKIP_REASON);

export interface TestEnv {
  app: App;
  db: Db;
  dataDir: string;
  close(): Promise<void>;
}

export async function openTestDb(kind: 'sqlite' | 'postgres', dataDir: string): Promise<Db> {
  if (kind === 'sqlite') return openSqlite(join(dataDir, 'myotrace.db'));
  // a fresh schema per test file keeps runs independent on one server
  return openPostgres(PG_URL as string, { schema: `t_${randomUUID().replace(/-/g, '').slice(0, 16)}` });
}

export async function makeEnv(
  kind: 'sqlite' | 'postgres',
  opts: Partial<BuildAppOptions> = {},
  makeJobs?: (db: Db, dataDir: string) => BuildAppOptions['jobs'],
): Promise<TestEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'myotrace-srv-'));
  const db = await openTestDb(kind, dataDir);
  const app = await buildApp({ db, dataDir, webDist: null, passwordHashN: 1024, ...opts, ...(makeJobs ? { jobs: makeJobs(db, dataDir) } : {}) });
  return {
    app,
    db,
    dataDir,
    async close() {
      await app.close();
      if (db.kind === 'postgres') {
        const { sql } = await import('kysely');
        const r = await sql<{ s: string }>`select current_schema() as s`.execute(db.kysely);
        const schema = r.rows[0]?.s;
        if (schema?.startsWith('t_')) await sql.raw(`drop schema "${schema}" cascade`).execute(db.kysely);
      }
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Res {
  status: number;
  json: any;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  raw: Buffer;
}

/** A signed-in (or anonymous) user driving the app through inject(), keeping cookies and the CSRF token. */
export class Client {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  user: any = null;
  constructor(readonly app: App) {}

  async req(method: string, url: string, body?: unknown, opts: { csrf?: boolean; headers?: Record<string, string>; raw?: Buffer | string } = {}): Promise<Res> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && opts.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    let payload: string | Buffer | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      headers['content-type'] ??= 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const r = await this.app.inject({ method: method as 'GET', url, headers, payload });
    for (const c of r.cookies as { name: string; value: string }[]) {
      if (c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let json: any = null;
    try {
      json = r.body ? JSON.parse(r.body) : null;
    } catch {
      json = null;
    }
    return { status: r.statusCode, json, body: r.body, headers: r.headers, raw: r.rawPayload };
  }
  get = (url: string) => this.req('GET', url);
  post = (url: string, body?: unknown) => this.req('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.req('PUT', url, body ?? {});
  patch = (url: string, body?: unknown) => this.req('PATCH', url, body ?? {});
  del = (url: string) => this.req('DELETE', url);

  async register(role: 'patient' | 'carer' | 'clinician', name = `${role} ${randomUUID().slice(0, 6)}`): Promise<this> {
    const email = `${randomUUID().slice(0, 8)}@example.org`;
    const r = await this.req('POST', '/api/v1/auth/register', { email, password: 'correct horse battery', name, role });
    if (r.status !== 201) throw new Error(`register failed ${r.status} ${r.body}`);
    this.user = r.json.user;
    this.csrf = r.json.csrfToken;
    return this;
  }
  get pid(): string {
    return this.user.patientId;
  }
}

export async function share(owner: Client, grantee: Client, role: 'clinician' | 'carer'): Promise<string> {
  const inv = await owner.post(`/api/v1/patients/${owner.pid}/invitations`, { role });
  if (inv.status !== 201) throw new Error(`invite failed ${inv.body}`);
  const acc = await grantee.post('/api/v1/invitations/accept', { code: inv.json.code.toLowerCase().replace('-', ' ') });
  if (acc.status !== 200) throw new Error(`accept failed ${acc.body}`);
  return acc.json.grant.id;
}

export function episode(over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    startAt: '2026-11-20T08:15:00+01:00',
    bodySites: ['arm-left'],
    polarity: 'positive',
    triggers: ['startle'],
    impact: [],
    severity: 2,
    ...over,
  };
}
