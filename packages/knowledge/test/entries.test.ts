import { describe, expect, it } from 'vitest';
import { rawEntries } from '../src/data/index.js';
import { EntrySchema, allSources, routineDurationSec, entryIds, getEntry, listEntries, listSeedCorrections, medicineCatalogue, type Entry } from '../src/index.js';

describe('knowledge entries', () => {
  it('every entry passes the schema', () => {
    const failures = rawEntries
      .map((e) => ({ id: e.id, r: EntrySchema.safeParse(e) }))
      .filter((x) => !x.r.success)
      .map((x) => `${x.id}: ${x.r.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    expect(failures).toEqual([]);
  });

  it('the schema rejects an entry without sources, without a summary, or with a bad code', () => {
    const good = rawEntries.find((e) => e.id === 'myoclonus') as Entry;
    expect(EntrySchema.safeParse(good).success).toBe(true);
    expect(EntrySchema.safeParse({ ...good, sources: [] }).success).toBe(false);
    expect(EntrySchema.safeParse({ ...good, summary: 'short' }).success).toBe(false);
    expect(EntrySchema.safeParse({ ...good, codes: { hpo: ['HP:1336'] } }).success).toBe(false);
    expect(EntrySchema.safeParse({ ...good, lastReviewed: '24/11/2026' }).success).toBe(false);
    expect(EntrySchema.safeParse({ ...good, sources: [{ id: 'x', citation: 'A citation text', url: 'not a url' }] }).success).toBe(false);
  });

  it('ids are unique', () => {
    const ids = rawEntries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(entryIds()).toEqual(ids);
  });

  it('every entry has at least one source with a citation and an http(s) link, and every correction is sourced', () => {
    const unsourced: string[] = [];
    for (const e of listEntries()) {
      if (e.sources.length === 0) unsourced.push(e.id);
      for (const s of e.sources) if (!/^https:\/\//.test(s.url) || s.citation.length < 10) unsourced.push(`${e.id}:${s.id}`);
      for (const c of e.corrections ?? []) if (c.sources.length === 0) unsourced.push(`${e.id}:correction`);
    }
    expect(unsourced).toEqual([]);
  });

  it('every cited source is in the source registry, unchanged (so citations cannot drift)', () => {
    const registry = new Map(allSources.map((s) => [s.id, s]));
    const stray = listEntries().flatMap((e) =>
      [...e.sources, ...(e.corrections ?? []).flatMap((c) => c.sources)]
        .filter((s) => JSON.stringify(registry.get(s.id)) !== JSON.stringify(s))
        .map((s) => `${e.id}:${s.id}`),
    );
    expect(stray).toEqual([]);
    expect(new Set(allSources.map((s) => s.id)).size).toBe(allSources.length);
  });

  it('link integrity: related ids, treatment medicine ids and catalogue entry ids all exist', () => {
    const ids = new Set(entryIds());
    const meds = new Set(medicineCatalogue.map((m) => m.id));
    const broken: string[] = [];
    for (const e of listEntries()) {
      for (const r of e.related) if (!ids.has(r) || r === e.id) broken.push(`${e.id} → ${r}`);
      if (e.kind === 'treatment') for (const m of e.medicineIds) if (!meds.has(m)) broken.push(`${e.id} → medicine ${m}`);
    }
    for (const m of medicineCatalogue) if (m.entryId !== null && !ids.has(m.entryId)) broken.push(`medicine ${m.id} → ${m.entryId}`);
    expect(broken).toEqual([]);
  });

  it('carries the verified codes on the right entries', () => {
    expect(getEntry('myoclonus').codes).toEqual({ icd10cm: ['G25.3'], snomedCt: ['17450006'], hpo: ['HP:0001336'] });
    expect(getEntry('plmd').codes?.icd10cm).toEqual(['G47.61']);
    expect(getEntry('plmd').codes?.icd11).toEqual(['7A81']);
    expect(getEntry('restless-legs-syndrome').codes?.icd10cm).toEqual(['G25.81']);
  });

  it('neurophysiological classes each have an EMG signature linked to a MyoTrace analysis', () => {
    const classes = ['cortical-myoclonus', 'cortical-subcortical-myoclonus', 'subcortical-myoclonus', 'spinal-segmental-myoclonus', 'propriospinal-myoclonus', 'peripheral-myoclonus', 'functional-jerks'];
    for (const id of classes) {
      const e = getEntry(id);
      expect(e.kind, id).toBe('neurophysiology');
      if (e.kind !== 'neurophysiology') continue;
      expect(e.emg.analyses.length, id).toBeGreaterThan(0);
      if (e.emg.burstDurationMs) expect(e.emg.burstDurationMs[0]).toBeLessThan(e.emg.burstDurationMs[1]);
    }
    const cortical = getEntry('cortical-myoclonus');
    if (cortical.kind === 'neurophysiology') {
      expect(cortical.emg.burstDurationMs).toEqual([10, 50]);
      expect(cortical.emg.analyses.map((a) => a.command)).toEqual(['myotrace bursts', 'myotrace backaverage']);
    }
    expect(getEntry('plmd').analyses?.map((a) => a.command)).toEqual(['myotrace score']);
  });

  it('exercise routines have positive step durations and the walk is 20–30 minutes of walking', () => {
    for (const e of listEntries('exercise')) {
      if (e.kind !== 'exercise') continue;
      for (const s of e.routine.steps) expect(Number.isInteger(s.durationSec) && s.durationSec > 0).toBe(true);
      expect(e.routine.cautions.length).toBeGreaterThan(0);
    }
    const walk = getEntry('walking-programme');
    if (walk.kind !== 'exercise') throw new Error('kind');
    const total = walk.routine.steps.reduce((a, s) => a + s.durationSec, 0);
    expect(total).toBe(30 * 60);
    expect(walk.routine.steps[1].durationSec).toBe(20 * 60);
    const balance = getEntry('balance-training');
    if (balance.kind !== 'exercise') throw new Error('kind');
    expect(balance.routine.cautions.join(' ')).toMatch(/support/);
    expect(routineDurationSec(balance.routine)).toBe(2 * (30 + 30 + 30 + 15 + 15 + 60 + 60 + 60));
    expect(routineDurationSec(walk.routine)).toBe(1800);
  });

  it('remedies carry an honest evidence grade and at least one interaction', () => {
    for (const id of ['chamomile', 'ginger', 'magnesium-rich-foods', 'peppermint-tea', 'turmeric']) {
      const e = getEntry(id);
      if (e.kind !== 'remedy') throw new Error(`${id} is not a remedy`);
      expect(e.evidenceGrade).toBe('none-for-myoclonus');
      expect(e.interactions.length).toBeGreaterThan(0);
    }
  });

  it('entries are frozen so callers cannot corrupt the shared data', () => {
    const e = getEntry('myoclonus');
    expect(Object.isFrozen(e)).toBe(true);
    expect(Object.isFrozen(e.details)).toBe(true);
  });

  it('getEntry on an unknown id throws KB_UNKNOWN_ENTRY', () => {
    expect(() => getEntry('no-such-entry')).toThrowError(expect.objectContaining({ code: 'KB_UNKNOWN_ENTRY' }));
  });

  it('lists the seed corrections, including the two named in the issue', () => {
    const corrections = listSeedCorrections();
    const physio = corrections.find((c) => c.entryId === 'physiological-myoclonus');
    expect(physio?.seedClaim).toMatch(/80%/);
    expect(physio?.correction).toMatch(/60–70%/);
    expect(physio?.sourceIds).toContain('hypnicParkinsonism2016');
    const pd = corrections.find((c) => c.entryId === 'cause-parkinsonian-syndromes');
    expect(pd?.correction).toMatch(/uncommon in idiopathic Parkinson/);
    expect(corrections.length).toBeGreaterThanOrEqual(20);
  });
});
