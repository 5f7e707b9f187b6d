/**
 * `myotrace serve` as a real process: demo logins printed and usable, then the crash-safety test: writes are
 * sent from several concurrent clients, the process is killed with SIGKILL mid-load, restarted on the same data
 * folder, and every write the server had acknowledged (201) must be there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'myotrace-serve-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function startServer(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['packages/cli/bin/myotrace.mjs', 'serve', '--port', '0', '--data', join(dir, 'data'), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (b) => (out += b));
  child.stderr?.on('data', (b) => (out += b));
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
    const check = () => {
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m && (args.includes('--no-demo') || out.includes('password:'))) {
        clearTimeout(t);
        resolve({ child, url: m[1], output: () => out });
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

class Http {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const r = await fetch(`${this.base}${path}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const set = r.headers.getSetCookie();
    if (set.length) this.cookie = set.map((c) => c.split(';')[0]).join('; ');
    const text = await r.text();
    const json = text ? JSON.parse(text) : null;
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: r.status, json };
  }
}

describe('myotrace serve', () => {
  it('prints the demo logins, serves the demo, and loses no acknowledged write when killed', { timeout: 400_000 }, async () => {
    const s1 = await startServer([]);
    expect(s1.output()).toMatch(/patient\s+alex\.demo@demo\.myotrace\.invalid\s+password: demo-patient-password/);
    expect(s1.output()).toMatch(/clinician\s+dr\.demo@demo\.myotrace\.invalid/);
    const demo = new Http(s1.url);
    expect((await demo.call('POST', '/api/v1/auth/login', { email: 'alex.demo@demo.myotrace.invalid', password: 'demo-patient-password' })).status).toBe(200);
    const me = await demo.call('GET', '/api/v1/auth/me');
    expect(me.json.user.isDemo).toBe(true);
    const ins = await demo.call('GET', `/api/v1/patients/${me.json.user.patientId}/insights`);
    expect(ins.json.daily).toHaveLength(90);
    expect(ins.json.totalEpisodes).toBeGreaterThan(200);
    expect(ins.json.medicineChanges.some((c: { name: string; status: string }) => c.name === 'Levetiracetam' && c.status === 'ok')).toBe(true);
    const docs = await fetch(`${s1.url}/api/docs/json`);
    expect((await docs.json()).paths['/api/v1/patients/{pid}/episodes']).toBeDefined();

    // write load from 4 concurrent clients, then SIGKILL
    const user = new Http(s1.url);
    const reg = await user.call('POST', '/api/v1/auth/register', { email: 'crash@example.org', password: 'correct horse battery', name: 'C', role: 'patient' });
    const pid = reg.json.user.patientId;
    const acked: string[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const id = randomUUID();
        try {
          const r = await user.call('POST', `/api/v1/patients/${pid}/episodes`, { id, startAt: '2026-11-20T08:00:00+01:00', bodySites: ['neck'], polarity: 'positive', triggers: [], impact: [] });
          if (r.status === 201) acked.push(id);
        } catch {
          return; // connection dropped by the kill
        }
      }
    };
    const load = [worker(), worker(), worker(), worker()];
    while (acked.length < 300) await new Promise((r) => setTimeout(r, 20));
    s1.child.kill('SIGKILL');
    stop = true;
    await Promise.all(load);
    await new Promise((r) => s1.child.once('exit', r));
    expect(acked.length).toBeGreaterThanOrEqual(300);

    const s2 = await startServer(['--no-demo']);
    const again = new Http(s2.url);
    expect((await again.call('POST', '/api/v1/auth/login', { email: 'crash@example.org', password: 'correct horse battery' })).status).toBe(200);
    const list = await again.call('GET', `/api/v1/patients/${pid}/episodes?limit=10000`);
    const stored = new Set(list.json.items.map((e: { id: string }) => e.id));
    const lost = acked.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    s2.child.kill('SIGTERM');
    await new Promise((r) => s2.child.once('exit', r));
    expect(s2.child.exitCode).toBe(0);
  });
});
