import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildApp, createUser, openSqlite } from '@myotrace/server';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'myotrace-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function episodeIds(dataDir: string): Promise<string[]> {
  const db = await openSqlite(join(dataDir, 'myotrace.db'));
  const rows = await db.kysely.selectFrom('entries').select('id').where('kind', '=', 'episodes').orderBy('id').execute();
  await db.close();
  return rows.map((r) => r.id);
}

describe('myotrace backup', () => {
  it('backs up online while the server writes, and restores', async () => {
    const data = join(dir, 'data');
    const db = await openSqlite(join(data, 'myotrace.db'));
    const app = await buildApp({ db, dataDir: data, webDist: null });
    const user = await createUser(db, { email: 'b@example.org', password: 'correct horse battery', name: 'B', role: 'patient', hashParams: { N: 1024 } });
    const actor = { id: user.id, name: user.name, role: user.role };
    const mk = () => ({ id: randomUUID(), startAt: '2026-11-20T08:00:00+01:00', bodySites: [], polarity: 'positive', triggers: [], impact: [] });
    const before = [mk(), mk(), mk()];
    for (const e of before) await app.ctx.diary.create(user.patientId as string, 'episodes', e, actor);

    // the server (this app) keeps the database open and writes while the backup runs
    const out = join(dir, 'b1.db');
    const writing = (async () => {
      for (let i = 0; i < 20; i++) await app.ctx.diary.create(user.patientId as string, 'episodes', mk(), actor);
    })();
    const r = await cli('backup', '--data', data, '--out', out);
    await writing;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`backup written to ${out}`);
    expect(existsSync(out)).toBe(true);

    // a backup never overwrites
    expect((await cli('backup', '--data', data, '--out', out)).code).toBe(1);

    const after = [mk(), mk()];
    for (const e of after) await app.ctx.diary.create(user.patientId as string, 'episodes', e, actor);
    await app.close();
    await db.close();
    const all = await episodeIds(data);
    expect(all).toHaveLength(25);

    // a running server (pid file of a live process) blocks a restore
    writeFileSync(join(data, 'server.pid'), String(process.pid));
    const busy = await cli('backup', '--data', data, '--restore', out);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('API_RESTORE_BUSY');
    rmSync(join(data, 'server.pid'));

    const rr = await cli('backup', '--data', data, '--restore', out);
    expect(rr.code, rr.stderr).toBe(0);
    const restored = await episodeIds(data);
    // everything written before the backup started is there; the two written after it are not
    for (const e of before) expect(restored).toContain(e.id);
    for (const e of after) expect(restored).not.toContain(e.id);
    expect(restored.length).toBeGreaterThanOrEqual(3);
    expect(restored.length).toBeLessThanOrEqual(23);

    // garbage is refused before anything is replaced
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all');
    const bad = await cli('backup', '--data', data, '--restore', junk);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('API_BACKUP_CORRUPT');
    expect(await episodeIds(data)).toEqual(restored);
  });
});
