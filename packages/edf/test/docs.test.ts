import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Every ```ts block of docs/edf.md is run as a module, so the documented examples cannot rot.
const root = join(import.meta.dirname, '..', '..', '..');
const doc = readFileSync(join(root, 'docs', 'edf.md'), 'utf8');
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const dir = join(import.meta.dirname, '.tmp');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/edf.md examples run', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(4));
  blocks.forEach((code, i) => {
    it(`example ${i + 1}`, async () => {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `doc-example-${i + 1}.ts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      const logs: string[] = [];
      const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
        logs.push(a.map(String).join(' '));
      });
      const cwd = process.cwd();
      process.chdir(root);
      try {
        await import(file);
      } finally {
        process.chdir(cwd);
        spy.mockRestore();
      }
      expect(logs.length).toBeGreaterThan(0);
    });
  });

  it('the documented outputs are what the examples print', async () => {
    // spot checks of the comments in the examples (the first and the EDF+D one)
    const { openEdfFile } = await import('../src/node/index.js');
    const r = await openEdfFile(join(root, 'packages/edf/test/fixtures/pyedflib/test_generator.edf'));
    expect([r.header.format, r.header.startTime]).toEqual(['EDF+C', '2011-04-04T12:57:02.000']);
    expect((await r.readSignals([1, 7], 10, 20)).map((x) => x.length)).toEqual([2000, 2000]);
    await r.close();
  });
});
