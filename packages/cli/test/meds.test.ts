import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'myotrace-meds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, value: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
}

describe('myotrace meds check', () => {
  it('prints alerts by severity, recognised and unrecognised medicines', async () => {
    const p = file('p1.json', { profile: { sex: 'female', ageYears: 28, conditions: ['juvenile-myoclonic-epilepsy'] }, medicines: ['Epilim 500 mg', 'Lamictal', 'Zzzyxol'] });
    const r = await cli('meds', 'check', '--profile', p);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('medicines recognised: Epilim 500 mg (valproate), Lamictal (lamotrigine)');
    expect(r.stdout).toContain('NOT recognised (no medicine-specific check done): Zzzyxol');
    const high = r.stdout.indexOf('[HIGH] valproate-pregnancy-prevention');
    const moderate = r.stdout.indexOf('[MODERATE] lamotrigine-myoclonic-epilepsy');
    expect(high).toBeGreaterThan(0);
    expect(moderate).toBeGreaterThan(high);
  });

  it('reads a flat profile, extra --medicine names and a --diary file; --json', async () => {
    const days = [];
    for (let i = 1; i <= 28; i++) days.push({ date: `2026-02-${String(i).padStart(2, '0')}`, jerks: i <= 14 ? 2 : 6 });
    const p = file('p2.json', { sex: 'male', medicines: [{ name: 'Lyrica', startedOn: '2026-02-15' }] });
    const d = file('d2.json', { days });
    const r = await cli('meds', 'check', '--profile', p, '--diary', d, '--medicine', 'Rivotril', 'OxyContin', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { alerts: { ruleId: string; data?: Record<string, number> }[] };
    expect(out.alerts.map((a) => a.ruleId)).toEqual(['benzodiazepine-opioid', 'benzodiazepine-dependence', 'diary-rise-after-change', 'alpha2delta-myoclonus']);
    expect(out.alerts[2].data).toMatchObject({ beforePerDay: 2, afterPerDay: 6 });
  });

  it('a bad profile exits 1 with KB_BAD_PROFILE; --profile is required (exit 2)', async () => {
    const r = await cli('meds', 'check', '--profile', file('bad.json', { profile: { conditions: ['flu'] } }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error KB_BAD_PROFILE');
    expect((await cli('meds', 'check')).code).toBe(2);
    expect((await cli('meds', 'check', '--profile', file('notjson.json', 'nope'))).stderr).toContain('KB_BAD_JSON');
  });
});
