import MiniSearch from 'minisearch';
import { listEntries, getEntry } from './kb.js';
import { medicineCatalogue } from './meds/catalogue.js';
import type { Entry, EntryKind } from './schema.js';

export interface SearchOptions {
  /** Maximum number of hits (default 10). */
  limit?: number;
  /** Restrict to these kinds of entry. */
  kinds?: readonly EntryKind[];
}

export interface SearchHit {
  id: string;
  kind: EntryKind;
  name: string;
  summary: string;
  /** MiniSearch relevance score (higher is better; only comparable within one query). */
  score: number;
  /** Indexed terms that matched (after normalisation, typo correction and synonym expansion). */
  terms: string[];
}

/**
 * Lay words and abbreviations mapped to the words the entries use. Query terms are expanded with these (at a
 * lower weight than the words typed), so "fits" finds epilepsy and "sleep study" finds polysomnography.
 */
const QUERY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  twitch: ['myoclonus', 'jerks'],
  twitches: ['myoclonus', 'jerks'],
  twitching: ['myoclonus', 'jerks'],
  jerk: ['myoclonus'],
  jerks: ['myoclonus'],
  jerking: ['myoclonus'],
  spasm: ['myoclonus', 'jerks'],
  spasms: ['myoclonus', 'jerks'],
  fit: ['seizure', 'epilepsy'],
  fits: ['seizures', 'epilepsy'],
  convulsion: ['seizure', 'epilepsy'],
  convulsions: ['seizures', 'epilepsy'],
  kidney: ['renal'],
  renal: ['kidney'],
  liver: ['hepatic'],
  hepatic: ['liver'],
  botox: ['botulinum'],
  rls: ['restless', 'legs'],
  plmd: ['periodic', 'limb', 'movement', 'disorder'],
  plms: ['periodic', 'limb', 'movements'],
  plm: ['periodic', 'limb', 'movements'],
  psg: ['polysomnography'],
  scan: ['mri'],
  brainwave: ['eeg'],
  brainwaves: ['eeg'],
  baby: ['neonatal', 'infant'],
  newborn: ['neonatal'],
  infant: ['neonatal'],
  physio: ['physiotherapy'],
  dementia: ['alzheimer'],
  parkinson: ['parkinsonian'],
  parkinsons: ['parkinsonian', 'parkinson'],
  ms: ['multiple', 'sclerosis'],
  concussion: ['head', 'injury', 'trauma'],
  tbi: ['head', 'injury', 'trauma'],
  oxygen: ['hypoxia'],
  cardiac: ['hypoxia', 'lance'],
  heart: ['hypoxia', 'cardiac'],
  cancer: ['tumour'],
  tumor: ['tumour'],
  medicine: ['treatment'],
  medication: ['treatment'],
  drug: ['treatment', 'medicine'],
  click: ['palatal'],
  clicking: ['palatal'],
  gp: ['primary', 'care'],
  ent: ['ear', 'nose', 'throat'],
};

/** Case, accents and British/American spelling folded so either spelling finds the other. */
export function normaliseTerm(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/^(p|h|an)ae/, '$1e')
    .replace(/^oe/, 'e')
    .replace(/our$/, 'or')
    .replace(/ise$/, 'ize')
    .replace(/isation$/, 'ization');
}

const compound = /[\p{L}\p{N}]+(?:[.:\-–][\p{L}\p{N}]+)*/gu;

/** Words, plus compounds kept whole ("G25.3", "HP:0001336", "alpha-2-delta") together with their parts. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(compound)) {
    const whole = m[0];
    out.push(whole);
    if (/[.:\-–]/.test(whole)) out.push(...whole.split(/[.:\-–]/).filter((p) => p.length > 0));
  }
  return out;
}

interface Doc {
  id: string;
  name: string;
  synonyms: string;
  summary: string;
  details: string;
  codes: string;
}

function toDoc(e: Entry): Doc {
  const extra: string[] = [];
  if (e.kind === 'treatment') {
    for (const id of e.medicineIds) {
      const med = medicineCatalogue.find((m) => m.id === id);
      if (med) extra.push(med.name, ...med.synonyms);
    }
  }
  const codes = e.codes ? Object.values(e.codes).flat() : [];
  const more: string[] = [];
  if (e.kind === 'treatment') more.push(...e.indications, ...e.cautions);
  if (e.kind === 'test') more.push(e.whatItShows, e.whenUsed);
  if (e.kind === 'remedy') more.push(e.evidence, ...e.interactions);
  if (e.kind === 'specialist') more.push(...e.whenToSee);
  if (e.kind === 'neurophysiology') more.push(e.emg.description);
  if (e.kind === 'exercise') more.push(...e.routine.steps.map((s) => s.instruction));
  return {
    id: e.id,
    name: e.name,
    synonyms: [...e.synonyms, ...extra].join(' ; '),
    summary: e.summary,
    details: [...e.details, ...more].join(' '),
    codes: codes.join(' '),
  };
}

interface Index {
  ms: MiniSearch<Doc>;
  /** Every indexed term, for typo correction of whole query terms. */
  vocabulary: ReadonlySet<string>;
  /** Normalised names and synonyms per entry id, for the exact-name boost. */
  names: ReadonlyMap<string, ReadonlySet<string>>;
  kinds: ReadonlyMap<string, EntryKind>;
}

let index: Index | null = null;

function phrase(text: string): string {
  return tokenize(text).map(normaliseTerm).filter((t) => t.length > 0).join(' ');
}

function getIndex(): Index {
  if (index) return index;
  const ms = new MiniSearch<Doc>({
    fields: ['name', 'synonyms', 'summary', 'details', 'codes'],
    idField: 'id',
    tokenize,
    processTerm: (t) => {
      const n = normaliseTerm(t);
      return n.length === 0 ? null : n;
    },
  });
  const docs = listEntries().map(toDoc);
  ms.addAll(docs);
  const vocabulary = new Set<string>();
  for (const d of docs) for (const f of [d.name, d.synonyms, d.summary, d.details, d.codes]) for (const t of tokenize(f)) vocabulary.add(normaliseTerm(t));
  const names = new Map<string, Set<string>>();
  const kinds = new Map<string, EntryKind>();
  for (const e of listEntries()) {
    // "Hypnic jerks (sleep starts)" is found as the whole name, as "hypnic jerks" and as "sleep starts"
    const outside = e.name.replace(/\([^)]*\)/g, ' ');
    const inside = [...e.name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]).filter((s) => !/^including\b/i.test(s));
    names.set(e.id, new Set([e.name, outside, ...inside, ...e.synonyms].map(phrase).filter((p) => p.length > 0)));
    kinds.set(e.id, e.kind);
  }
  index = { ms, vocabulary, names, kinds };
  return index;
}

/** Edit distance, stopping early once it exceeds `max` (vocabulary is small, so a plain DP is enough). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // optimal-string-alignment distance: a swap of two neighbouring letters ("strats") counts as one typo
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest indexed term to a misspelt one (same typo budget as the fuzzy search), or the term itself. */
function correct(term: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(term) || term.length < 4 || /\d/.test(term)) return term;
  const max = Math.min(3, Math.max(1, Math.floor(term.length * 0.2)));
  let best = term;
  let bestD = max + 1;
  for (const v of vocabulary) {
    const d = editDistance(term, v, max);
    if (d < bestD || (d === bestD && best !== term && v < best)) {
      best = v;
      bestD = d;
    }
  }
  return best;
}

/** Longest query considered (characters, then terms); the rest is ignored. */
export const MAX_QUERY_CHARS = 300;
export const MAX_QUERY_TERMS = 24;

/**
 * Full-text search over every entry: names and synonyms weigh most; prefix matching ("levetir") and typo
 * tolerance (about one edit per five letters) are on; lay words are expanded with the terms the entries use.
 */
export function search(text: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  const idx = getIndex();
  // bounded work per query (typo correction scans the vocabulary): a search box never needs more than this
  const typed = tokenize(text.slice(0, MAX_QUERY_CHARS))
    .slice(0, MAX_QUERY_TERMS)
    .map(normaliseTerm)
    .filter((t) => t.length > 0)
    // a lay word we know (e.g. "fits") is expanded, not "corrected" into a near-miss indexed word
    .map((t) => (Object.hasOwn(QUERY_SYNONYMS, t) ? t : correct(t, idx.vocabulary)));
  if (typed.length === 0) return [];
  const typedSet = new Set(typed);
  const expansions: string[] = [];
  for (const t of typed) for (const x of Object.hasOwn(QUERY_SYNONYMS, t) ? QUERY_SYNONYMS[t] : []) if (!typedSet.has(x)) expansions.push(x);
  // brand or generic medicine names point to the generic name the treatment entry uses
  for (const med of medicineCatalogue) {
    const names = med.synonyms.map(normaliseTerm);
    if (typed.some((t) => names.includes(t))) expansions.push(normaliseTerm(med.name));
  }
  const kinds = options.kinds ? new Set(options.kinds) : null;
  const corrected = typed.join(' ');
  const results = idx.ms.search([...typed, ...expansions].join(' '), {
    boost: { name: 4, synonyms: 3, codes: 3, summary: 1.5, details: 1 },
    prefix: (term) => term.length >= 3,
    fuzzy: (term) => (term.length >= 4 && !/\d/.test(term) ? 0.2 : false),
    maxFuzzy: 3,
    combineWith: 'OR',
    boostTerm: (term) => (typedSet.has(term) ? 1 : 0.4),
    filter: kinds ? (r) => kinds.has(idx.kinds.get(String(r.id)) as EntryKind) : undefined,
    // the entry whose name or synonym is exactly what was asked for ranks first; general entries before specific ones
    boostDocument: (id) => (idx.names.get(String(id))?.has(corrected) ? 3 : 1) * (idx.kinds.get(String(id)) === 'overview' ? 2 : 1),
  });
  return results.slice(0, limit).map((r) => {
    const e = getEntry(String(r.id));
    return { id: e.id, kind: e.kind, name: e.name, summary: e.summary, score: r.score, terms: r.terms };
  });
}

/** Drops the cached index so the next search rebuilds it (benchmarks; data never change at run time). */
export function resetSearchIndex(): void {
  index = null;
}
