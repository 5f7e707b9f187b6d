import { describe, expect, it } from 'vitest';
import { normaliseTerm, search, tokenize } from '../src/index.js';

const top = (q: string, limit = 1) => search(q, { limit }).map((h) => h.id);

describe('search', () => {
  it('finds the expected top hit despite typos', () => {
    expect(top('myclonus')).toEqual(['myoclonus']);
    expect(top('levetiracetem')).toEqual(['levetiracetam']);
    expect(top('clonazapam')).toEqual(['clonazepam']);
    expect(top('sleep strats')).toEqual(['hypnic-jerks']); // swapped letters count as one typo
    expect(top('restles legs')).toEqual(['restless-legs-syndrome']);
    expect(top('propriospinl')).toEqual(['propriospinal-myoclonus']);
  });

  it('finds entries through synonyms, brand names and lay words', () => {
    expect(top('Depakote')).toEqual(['valproate']);
    expect(top('Keppra')).toEqual(['levetiracetam']);
    expect(top('Rivotril')).toEqual(['clonazepam']);
    expect(top('Lyrica')).toEqual(['alpha2delta-ligands']);
    expect(top('Requip')).toEqual(['dopamine-agonists']);
    expect(top('asterixis', 2).sort()).toEqual(['cause-organ-failure', 'negative-myoclonus']);
    expect(top('ear click')).toEqual(['palatal-myoclonus']);
    expect(top('Willis-Ekbom')).toEqual(['restless-legs-syndrome']);
    expect(top('fits')).toContain('epileptic-myoclonus');
    expect(top('sleep study')).toEqual(['polysomnography']);
    expect(top('West syndrome')).toEqual(['infantile-spasms']);
  });

  it('finds entries by code', () => {
    expect(top('G25.3')).toEqual(['myoclonus']);
    expect(top('G47.61')).toEqual(['plmd']);
    expect(top('HP:0001336')).toEqual(['myoclonus']);
  });

  it('matches prefixes', () => {
    expect(top('levetir')).toEqual(['levetiracetam']);
    expect(top('polysomno')).toEqual(['polysomnography']);
  });

  it('folds British and American spellings', () => {
    expect(normaliseTerm('Paediatric')).toBe(normaliseTerm('pediatric'));
    expect(normaliseTerm('tumour')).toBe(normaliseTerm('tumor'));
    expect(top('pediatric neurologist')).toEqual(['paediatric-neurologist']);
  });

  it('keeps compound tokens whole as well as split', () => {
    expect(tokenize('G25.3 and alpha-2-delta')).toEqual(['G25.3', 'G25', '3', 'and', 'alpha-2-delta', 'alpha', '2', 'delta']);
  });

  it('filters by kind and honours the limit', () => {
    const hits = search('iron', { kinds: ['treatment'], limit: 5 });
    expect(hits[0].id).toBe('iron-therapy');
    expect(hits.every((h) => h.kind === 'treatment')).toBe(true);
    expect(search('myoclonus', { limit: 4 })).toHaveLength(4);
  });

  it('returns nothing for empty or nonsense queries', () => {
    expect(search('')).toEqual([]);
    expect(search('   ,, ')).toEqual([]);
    expect(search('qqqqzzzzxxxx')).toEqual([]);
    // words that exist on every JavaScript object must not be mistaken for synonym-table entries
    expect(() => search('constructor toString __proto__ hasOwnProperty')).not.toThrow();
  });
});

describe('search input bounds', () => {
  it('handles a very long query by considering only its beginning', () => {
    const long = `hypnic jerks ${'qwertyuiop '.repeat(2000)}`;
    expect(search(long, { limit: 1 }).map((h) => h.id)).toEqual(['hypnic-jerks']);
  });
});
