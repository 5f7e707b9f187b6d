/**
 * The parsed-entry snapshot behind DiaryStore.data() must always equal a fresh read from the database: after
 * creates, edits, deletes, restores, writes by a second store (another server process) and rows removed behind
 * its back (the full-reload path).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiaryStore } from '../src/diary/store.js';
import { DATABASES, episode, makeEnv, type TestEnv } from './helpers.js';
import { createUser } from '../src/index.js';

for (const { kind, skip } of DATABASES) {
  describe.skipIf(skip)(`diary snapshot on ${kind}`, () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await makeEnv(kind);
    });
    afterAll(async () => env?.close());

    it('equals the database after every kind of change, from this store and from another', async () => {
      const u = await createUser(env.db, { email: `snap-${randomUUID()}@example.org`, password: 'correct horse battery', name: 'S', role: 'patient', hashParams: { N: 1024 } });
      const pid = u.patientId as string;
      const actor = { id: u.id, name: 'S', role: 'patient' as const };
      const a = new DiaryStore(env.db);
      const b = new DiaryStore(env.db); // a second process writing to the same database
      const same = async (from?: string, to?: string) => {
        const want = await a.dataUncached(pid, 'episodes', from, to);
        const got = await a.data(pid, 'episodes', from, to);
        // order within one instant is not specified: compare as sets of ids plus the time order
        expect(got.map((e) => JSON.stringify(e)).sort()).toEqual(want.map((e) => JSON.stringify(e)).sort());
        const times = got.map((e) => new Date(String((e as { startAt: string }).startAt)).getTime());
        expect(times).toEqual([...times].sort((x, y) => x - y));
        return got.length;
      };
      const ids: string[] = [];
      for (let d = 1; d <= 9; d++) {
        const e = episode({ startAt: `2026-11-0${d}T0${d}:00:00+01:00` });
        ids.push(e.id);
        await a.create(pid, 'episodes', e, actor);
      }
      expect(await same()).toBe(9);
      expect(await same('2026-11-03', '2026-11-05')).toBe(3);
      await a.create(pid, 'episodes', episode({ startAt: '2026-11-10T10:00:00+01:00' }), actor);
      expect(await same()).toBe(10);
      await b.update(pid, 'episodes', ids[0], { ...episode({ startAt: '2026-11-12T07:00:00+01:00', severity: 4 }), id: ids[0] }, actor);
      expect(await same()).toBe(10);
      await b.remove(pid, 'episodes', ids[1], actor);
      expect(await same()).toBe(9);
      await b.restore(pid, 'episodes', ids[1], actor);
      expect(await same()).toBe(10);
      await b.create(pid, 'episodes', episode({ startAt: '2026-11-11T11:00:00+01:00' }), actor);
      expect(await same()).toBe(11);
      // an import with a timestamp in the past is not after the last seen change: caught by count and versions
      await b.bulkInsert(pid, 'episodes', [episode({ startAt: '2026-10-30T09:00:00+01:00' })], actor, '2000-01-01T00:00:00.000Z');
      expect(await same()).toBe(12);
      // rows removed outside the store: the count drops, the snapshot reloads
      await env.db.kysely.deleteFrom('entries').where('patient_id', '=', pid).where('id', '=', ids[2]).execute();
      expect(await same()).toBe(11);
      // other kinds are separate lists
      expect(await a.data(pid, 'medicines')).toEqual([]);
    });
  });
}
