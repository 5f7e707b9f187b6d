import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

describe('myotrace kb', () => {
  it('search tolerates typos and lists the best hit first', async () => {
    const r = await cli('kb', 'search', 'levetiracetem', '--limit', '3');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^levetiracetam\s+treatment\s+Levetiracetam/);
  });

  it('search --json returns hits with ids and scores, filtered by kind', async () => {
    const r = await cli('kb', 'search', 'iron', '--kind', 'treatment', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { query: string; hits: { id: string; kind: string; score: number }[] };
    expect(out.query).toBe('iron');
    expect(out.hits[0].id).toBe('iron-therapy');
    expect(out.hits.every((h) => h.kind === 'treatment')).toBe(true);
  });

  it('search with no match says so', async () => {
    const r = await cli('kb', 'search', 'qqqqzzzzxxxx');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no entries match "qqqqzzzzxxxx"\n');
  });

  it('show prints the entry with codes, corrections and sources', async () => {
    const r = await cli('kb', 'show', 'physiological-myoclonus');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Physiological myoclonus {2}\[type: physiological-myoclonus\]/);
    expect(r.stdout).toContain('correction of the seed article');
    expect(r.stdout).toContain('60–70%');
    expect(r.stdout).toContain('https://pubmed.ncbi.nlm.nih.gov/28007358/');
    const m = await cli('kb', 'show', 'myoclonus');
    expect(m.stdout).toContain('codes: ICD-10-CM G25.3; SNOMED CT 17450006; HPO HP:0001336');
  });

  it('show renders exercise routines with step timings', async () => {
    const r = await cli('kb', 'show', 'walking-programme');
    expect(r.stdout).toContain('routine (30 min; most days');
    expect(r.stdout).toContain('2. [1200 s] Walk briskly');
  });

  it('show --json returns the entry object', async () => {
    const r = await cli('kb', 'show', 'cortical-myoclonus', '--json');
    const e = JSON.parse(r.stdout) as { id: string; emg: { burstDurationMs: number[]; analyses: { command: string }[] } };
    expect(e.id).toBe('cortical-myoclonus');
    expect(e.emg.burstDurationMs).toEqual([10, 50]);
    expect(e.emg.analyses.map((a) => a.command)).toEqual(['myotrace bursts', 'myotrace backaverage']);
  });

  it('show with an unknown id exits 1 with KB_UNKNOWN_ENTRY and suggestions', async () => {
    const r = await cli('kb', 'show', 'hypnic-jerk');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error KB_UNKNOWN_ENTRY: no knowledge entry with id "hypnic-jerk"');
    expect(r.stderr).toMatch(/did you mean: hypnic-jerks/);
    const j = await cli('kb', 'show', 'nope', '--json');
    expect(JSON.parse(j.stdout).error.code).toBe('KB_UNKNOWN_ENTRY');
  });

  it('bad options exit 2', async () => {
    expect((await cli('kb', 'search', 'x', '--limit', '0')).code).toBe(2);
    expect((await cli('kb', 'list', '--kind', 'pill')).code).toBe(2);
  });

  it('list --kind lists the entries of one kind', async () => {
    const r = await cli('kb', 'list', '--kind', 'remedy', '--json');
    expect((JSON.parse(r.stdout) as { id: string }[]).map((e) => e.id)).toEqual(['chamomile', 'ginger', 'magnesium-rich-foods', 'peppermint-tea', 'turmeric']);
  });
});
