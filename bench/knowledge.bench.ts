/**
 * Knowledge-base benchmark: search index build, exact and typo searches, triage, medication check with a diary.
 * Reports medians (ms) over repeated runs and the typo/exact search ratio. Run: npm run bench:knowledge
 */
import { performance } from 'node:perf_hooks';
import { checkMedications, listEntries, resetSearchIndex, search, triage } from '../packages/knowledge/src/index.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(runs: number, fn: () => void): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  return median(t);
}

const a0 = performance.now();
const n = listEntries().length; // first use validates every entry against the schema
const validateMs = performance.now() - a0;

const buildMs = time(15, () => {
  resetSearchIndex();
  search('myoclonus');
});
const exact = ['myoclonus', 'Keppra', 'ear click', 'restless legs', 'G25.3', 'sleep study'];
const typos = ['myclonus', 'levetiracetem', 'sleep strats', 'restles legs', 'clonazapam', 'propriospinl'];
search('warm up');
const exactMs = time(200, () => { for (const q of exact) search(q); }) / exact.length;
const typoMs = time(200, () => { for (const q of typos) search(q); }) / typos.length;
const triageMs = time(500, () => {
  triage({ ageGroup: '65-plus', onset: 'weeks', timing: ['asleep', 'during-movement'], bodyParts: ['legs'], otherSymptoms: ['falls', 'leg-urge-evening'], knownConditions: ['kidney-disease'], recentMedicines: ['Lyrica', 'Keppra'] });
});
const days = Array.from({ length: 90 }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), jerks: i < 45 ? 2 : 6 }));
const medsMs = time(500, () => {
  checkMedications({ sex: 'female', ageYears: 30, conditions: ['juvenile-myoclonic-epilepsy', 'restless-legs-syndrome'], labs: { ferritinUgL: 50 } }, ['Depakote', 'Lamictal', { name: 'Lyrica', startedOn: '2026-02-15' }, 'Klonopin', 'tramadol'], { days });
});

const r = (x: number) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({
  entries: n,
  firstUseValidateMs: r(validateMs),
  indexBuildMedianMs: r(buildMs),
  searchExactMedianMs: r(exactMs),
  searchTypoMedianMs: r(typoMs),
  typoOverExactRatio: r(typoMs / exactMs),
  triageMedianMs: r(triageMs),
  checkMedications90DayDiaryMedianMs: r(medsMs),
}, null, 2));
