import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlmRules, type LmEvent, wasm2016Settings } from '@myotrace/detect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const every = (start: number, step: number, n: number): LmEvent[] =>
  Array.from({ length: n }, (_, i) => ({ onsetSec: start + i * step, durationSec: 1 }));
let dir = '';
let refPath = '';
let testPath = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'myotrace-compare-'));
  // reference: 8 periodic LMs every 20 s + 2 isolated; test: misses LM 3 (onset 40 s), adds one at 2000 s, onsets +0.2 s
  const ref = applyPlmRules({ left: [...every(0, 20, 8), ...every(1000, 200, 2)], right: [], durationSec: 3600 }, wasm2016Settings);
  const testLeft = [...every(0, 20, 8).filter((_, i) => i !== 2), ...every(1000, 200, 2), { onsetSec: 2000, durationSec: 1 }];
  const test = applyPlmRules({ left: testLeft.map((e) => ({ ...e, onsetSec: e.onsetSec + 0.2 })), right: [], durationSec: 3600 }, wasm2016Settings);
  refPath = join(dir, 'ref.json');
  testPath = join(dir, 'test.json');
  writeFileSync(refPath, JSON.stringify(ref));
  writeFileSync(testPath, JSON.stringify(test));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('myotrace compare', () => {
  it('--json gives event agreement and index errors worked out by hand', async () => {
    const r = await cli('compare', refPath, testPath, '--json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    // LM: ref 10, test 10, tp 9 → P = R = F1 = 0.9
    expect(c.lm).toMatchObject({ ref: 10, test: 10, tp: 9, fp: 1, fn: 1, precision: 0.9, recall: 0.9 });
    expect(c.lm.f1).toBeCloseTo(0.9, 12);
    expect(c.lm.meanAbsOnsetErrorSec).toBeCloseTo(0.2, 9);
    // periodic: ref 8 (one series), test 7 (IMI 40 s still periodic)
    expect(c.periodic).toMatchObject({ ref: 8, test: 7, tp: 7, fp: 0, fn: 1 });
    // no hypnogram: 1 h of "sleep"; PLMS 8 vs 7 per hour
    expect(c.indices.plmsIndex).toEqual({ ref: 8, test: 7, error: -1 });
    expect(c.indices.lmIndex).toEqual({ ref: 10, test: 10, error: 0 });
  });
  it('a tolerance below the onset shift matches nothing', async () => {
    const c = JSON.parse((await cli('compare', refPath, testPath, '--json', '--tolerance', '0.1')).stdout);
    expect(c.lm.tp).toBe(0);
    expect(c.lm.f1).toBe(0);
  });
  it('prints a table by default', async () => {
    const r = await cli('compare', refPath, testPath);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/LM\s+10\s+10\s+9\s+1\s+1\s+90\.0%\s+90\.0%\s+90\.0%/);
    expect(r.stdout).toMatch(/plmsIndex\s+8\.00\s+7\.00\s+-1\.00/);
  });
  it('refuses files that are not score JSON with a coded error', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"tool":{"name":"x","version":"1"}}');
    const r = await cli('compare', refPath, bad, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('DETECT_SCORE_JSON_BAD');
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, 'hello');
    expect((await cli('compare', notJson, refPath)).stderr).toContain('DETECT_SCORE_JSON_BAD');
    expect((await cli('compare', refPath, testPath, '--tolerance', 'abc')).code).toBe(2);
  });
});
