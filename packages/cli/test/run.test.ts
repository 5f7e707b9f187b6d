import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('myotrace CLI edge', () => {
  it('prints the version and exits 0', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('0.1.0');
  });
  it('exits 2 on an unknown command', async () => {
    const r = await cli('no-such-command');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command|too many arguments/);
  });
});
