import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../src/index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'myotrace-manifest-'));

describe('readManifest', () => {
  it('reads a CSV manifest with quoted cells, resolving paths against the manifest folder', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'cohort.csv'),
      'path,hypnogram,subject,cohort\nnights/a.edf,nights/a-Hypnogram.edf,S1,"MrOS, visit 1"\n# a comment\n/abs/b.edf,,S2,\nhttps://data.example/c.edf,,,\n',
    );
    const m = await readManifest(join(dir, 'cohort.csv'));
    expect(m.name).toBe('cohort');
    expect(m.rows).toEqual([
      { id: 'a', path: join(dir, 'nights/a.edf'), hypnogram: join(dir, 'nights/a-Hypnogram.edf'), subject: 'S1', cohort: 'MrOS, visit 1' },
      { id: 'b', path: '/abs/b.edf', subject: 'S2' },
      { id: 'c', path: 'https://data.example/c.edf' },
    ]);
  });

  it('gives repeated file stems distinct ids and refuses repeated explicit ids', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'm.tsv'), 'path\tsubject\nx/n.edf\tA\ny/n.edf\tB\n');
    expect((await readManifest(join(dir, 'm.tsv'))).rows.map((r) => r.id)).toEqual(['n', 'n-2']);
    writeFileSync(join(dir, 'dup.json'), JSON.stringify([{ id: 'k', path: 'a.edf' }, { id: 'k', path: 'b.edf' }]));
    await expect(readManifest(join(dir, 'dup.json'))).rejects.toMatchObject({ code: 'BATCH_DUPLICATE_ID' });
  });

  it('names the line of a malformed row and the missing column', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.csv'), 'file,subject\na.edf,S1\n');
    await expect(readManifest(join(dir, 'bad.csv'))).rejects.toMatchObject({ code: 'BATCH_BAD_MANIFEST', line: 1 });
    writeFileSync(join(dir, 'bad2.csv'), 'path,subject\na.edf,S1\n,S2\n');
    await expect(readManifest(join(dir, 'bad2.csv'))).rejects.toMatchObject({ code: 'BATCH_BAD_MANIFEST', line: 3 });
    writeFileSync(join(dir, 'bad3.json'), '{"recordings": [{"subject": "x"}]}');
    await expect(readManifest(join(dir, 'bad3.json'))).rejects.toMatchObject({ code: 'BATCH_BAD_MANIFEST', line: 1 });
    await expect(readManifest(join(dir, 'missing.csv'))).rejects.toMatchObject({ code: 'BATCH_INPUT_NOT_FOUND' });
  });

  it('builds a manifest from a folder, pairing Sleep-EDF and NSRR sidecars by name', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sleep-edf'));
    mkdirSync(join(dir, 'shhs'));
    for (const f of ['sleep-edf/SC4001E0-PSG.edf', 'sleep-edf/SC4001EC-Hypnogram.edf', 'shhs/shhs1-200001.edf', 'shhs/shhs1-200001-nsrr.xml', 'shhs/notes.txt']) {
      writeFileSync(join(dir, f), 'x');
    }
    const m = await readManifest(dir);
    expect(m.rows).toEqual([
      {
        id: 'shhs1-200001',
        path: join(dir, 'shhs/shhs1-200001.edf'),
        subject: 'shhs1-200001',
        cohort: 'shhs',
        hypnogram: join(dir, 'shhs/shhs1-200001-nsrr.xml'),
        events: join(dir, 'shhs/shhs1-200001-nsrr.xml'),
      },
      {
        id: 'SC4001E0',
        path: join(dir, 'sleep-edf/SC4001E0-PSG.edf'),
        subject: 'SC4001E0',
        cohort: 'sleep-edf',
        hypnogram: join(dir, 'sleep-edf/SC4001EC-Hypnogram.edf'),
      },
    ]);
  });
});
