import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { batchId, batchSettings, canonicalJson, settingsHash } from '../src/index.js';

describe('batch settings identity', () => {
  it('hashes equal settings equally whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    const a = batchSettings({ standard: 'wasm2016', rules: { series: { maxImiInclusive: false } } as never, toolVersion: '0.1.0' });
    const b = { toolVersion: '0.1.0', child: false, rules: { series: { maxImiInclusive: false } }, standard: 'wasm2016' as const };
    expect(settingsHash(a)).toBe(settingsHash(b as never));
  });

  it('gives changed settings or a new tool version a new result set', () => {
    const base = batchSettings({ toolVersion: '0.1.0' });
    const ids = new Set([
      batchId('mros', base),
      batchId('mros', batchSettings({ toolVersion: '0.1.0', standard: 'aasm' })),
      batchId('mros', batchSettings({ toolVersion: '0.1.0', child: true })),
      batchId('mros', batchSettings({ toolVersion: '0.2.0' })),
    ]);
    expect(ids.size).toBe(4);
    expect(batchId('mros', base)).toMatch(/^mros@[0-9a-f]{12}$/);
    // sha256 of the canonical JSON, written out by hand and hashed independently
    const literal = '{"child":false,"rules":{},"standard":"wasm2016","toolVersion":"0.1.0"}';
    expect(settingsHash(base)).toBe(createHash('sha256').update(literal).digest('hex'));
  });

  it('refuses a rule override that does not exist before anything is queued', () => {
    expect(() => batchSettings({ toolVersion: '0.1.0', rules: { series: { minImiSec: -1 } } as never })).toThrow(/series.minImiSec/);
  });
});
