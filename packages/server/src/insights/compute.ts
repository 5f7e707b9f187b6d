/**
 * Insights from a patient's diary: a pure function of the entries, so every number can be checked by hand.
 * Episodes are bucketed by the local wall-clock time written in their own `startAt` offset.
 */
import type { DoseEventInput, EpisodeInput, ExerciseInput, MedicineInput, SleepInput } from '../schemas/diary.js';
import type { Insights, MedicineChange, SafetyAlert } from '../schemas/insights.js';
import { addDays, dateRange, daysBetween, maxDate, minDate, weekdayIndex } from './dates.js';
import { pearson, rateRatio, round } from './stats.js';

export const CHANGE_WINDOW_DAYS = 28;
export const MIN_WINDOW_DAYS = 14;
export const MIN_WINDOW_EPISODES = 5;
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const CAVEAT =
  'These comparisons show patterns in your own diary, not cause and effect. Days with less logging, other changes in routine, ' +
  'illness and chance all move them. Talk to your clinician before changing any treatment.';

export interface InsightsInput {
  from: string;
  to: string;
  /** The date the computation treats as today (adherence does not count future doses). */
  today: string;
  episodes: EpisodeInput[];
  medicines: MedicineInput[];
  doses: DoseEventInput[];
  exercise: ExerciseInput[];
  sleep: SleepInput[];
  safetyAlerts?: SafetyAlert[];
}

const jerksOf = (e: EpisodeInput) => e.count ?? 1;

/** Counts each distinct value of a short list once (lists hold a few items; no Set per episode). */
function countDistinct(list: readonly string[], into: Map<string, number>): void {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (list.indexOf(v) !== i) continue;
    into.set(v, (into.get(v) ?? 0) + 1);
  }
}

export function computeInsights(inp: InsightsInput): Insights {
  const { from, to } = inp;
  const days = dateRange(from, to);
  const index = new Map(days.map((d, i) => [d, i]));
  // weekday from the day's position: no Date object per episode
  const weekday0 = weekdayIndex(from);
  const episodesPerDay = new Array<number>(days.length).fill(0);
  const jerksPerDay = new Array<number>(days.length).fill(0);
  const heat = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const triggerCounts = new Map<string, number>();
  const siteCounts = new Map<string, number>();
  const polarity = { positive: 0, negative: 0, unsure: 0 };
  let total = 0;
  let totalJerks = 0;
  let firstEpisodeDate: string | null = null;

  for (const e of inp.episodes) {
    const date = e.startAt.slice(0, 10);
    const i = index.get(date);
    if (i === undefined) continue;
    total++;
    const j = jerksOf(e);
    totalJerks += j;
    episodesPerDay[i]++;
    jerksPerDay[i] += j;
    if (firstEpisodeDate === null || date < firstEpisodeDate) firstEpisodeDate = date;
    heat[(weekday0 + i) % 7][Number(e.startAt.slice(11, 13))]++;
    countDistinct(e.triggers, triggerCounts);
    countDistinct(e.bodySites, siteCounts);
    polarity[e.polarity]++;
  }

  const daily = days.map((date, i) => {
    let ma: number | null = null;
    if (i >= 6) {
      let s = 0;
      for (let k = i - 6; k <= i; k++) s += episodesPerDay[k];
      ma = round(s / 7, 4);
    }
    return { date, episodes: episodesPerDay[i], jerks: jerksPerDay[i], movingAvg7: ma };
  });

  const shares = <K extends string>(m: Map<string, number>, key: K) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, count]) => ({ [key]: k, count, share: total ? round(count / total, 4) : 0 }) as Record<K, string> & { count: number; share: number });

  // observation starts with the first logged episode: days before it are "no diary", not "no jerks"
  const obsStart = firstEpisodeDate ? maxDate(from, firstEpisodeDate) : to;
  const obsEnd = minDate(to, inp.today);
  const countBetween = (a: string, b: string) => {
    let n = 0;
    for (let d = a; d <= b; d = addDays(d, 1)) {
      const i = index.get(d);
      if (i !== undefined) n += episodesPerDay[i];
    }
    return n;
  };
  const windowOf = (a: string, b: string) => {
    const s = maxDate(a, obsStart);
    const e = minDate(b, obsEnd);
    const d = s <= e ? daysBetween(s, e) + 1 : 0;
    const n = d > 0 ? countBetween(s, e) : 0;
    return { days: d, episodes: n, perDay: d > 0 ? round(n / d, 4) : null };
  };

  const medicineChanges: MedicineChange[] = [];
  for (const m of inp.medicines) {
    const changes: { kind: 'start' | 'dose-change'; date: string }[] = [{ kind: 'start', date: m.startDate }];
    for (const c of m.doseChanges ?? []) changes.push({ kind: 'dose-change', date: c.date });
    for (const c of changes) {
      if (c.date < from || c.date > to) continue;
      const before = windowOf(addDays(c.date, -CHANGE_WINDOW_DAYS), addDays(c.date, -1));
      const after = windowOf(c.date, addDays(c.date, CHANGE_WINDOW_DAYS - 1));
      const base = { medicineId: m.id, name: m.name, kind: c.kind, date: c.date, windowDays: CHANGE_WINDOW_DAYS, before, after };
      if (before.days < MIN_WINDOW_DAYS || after.days < MIN_WINDOW_DAYS) {
        medicineChanges.push({ ...base, rateRatio: null, ci95: null, status: 'not-enough-data', reason: `needs at least ${MIN_WINDOW_DAYS} days of diary on each side of the change` });
      } else if (before.episodes + after.episodes < MIN_WINDOW_EPISODES) {
        medicineChanges.push({ ...base, rateRatio: null, ci95: null, status: 'not-enough-data', reason: `fewer than ${MIN_WINDOW_EPISODES} episodes in the two windows together` });
      } else {
        const r = rateRatio(before.episodes, before.days, after.episodes, after.days);
        medicineChanges.push({
          ...base,
          rateRatio: round(r.rr, 4),
          ci95: [round(r.lo, 4), round(r.hi, 4)],
          status: 'ok',
          ...(r.corrected ? { reason: 'one window had no episodes; 0.5 was added to both counts to estimate the interval' } : {}),
        });
      }
    }
  }
  medicineChanges.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));

  const adherence = inp.medicines.map((m) => {
    const s = maxDate(from, m.startDate);
    const e = minDate(minDate(to, inp.today), m.stopDate ?? '9999-12-31');
    let expected = 0;
    if (!m.schedule.asNeeded && s <= e) {
      const perDay = m.schedule.timesOfDay.length;
      for (let d = s; d <= e; d = addDays(d, 1)) {
        const dow = weekdayIndex(d) + 1;
        if (!m.schedule.daysOfWeek || m.schedule.daysOfWeek.length === 0 || m.schedule.daysOfWeek.includes(dow)) expected += perDay;
      }
    }
    let taken = 0;
    let late = 0;
    let missed = 0;
    for (const d of inp.doses) {
      if (d.medicineId !== m.id) continue;
      const date = (d.scheduledAt ?? d.at).slice(0, 10);
      if (date < from || date > to) continue;
      if (d.status === 'taken') taken++;
      else if (d.status === 'late') late++;
      else missed++;
    }
    return { medicineId: m.id, name: m.name, expected, taken, late, missed, adherence: expected > 0 ? round(Math.min(1, (taken + late) / expected), 4) : null };
  });

  // exercise minutes on day d against episodes on day d+1, for every day pair inside the range
  const minutes = new Array<number>(days.length).fill(0);
  for (const x of inp.exercise) {
    const i = index.get(x.startAt.slice(0, 10));
    if (i !== undefined) minutes[i] += x.minutes;
  }
  const exX: number[] = [];
  const exY: number[] = [];
  for (let i = 0; i + 1 < days.length; i++) {
    if (days[i] < obsStart || days[i + 1] > obsEnd) continue;
    exX.push(minutes[i]);
    exY.push(episodesPerDay[i + 1]);
  }
  const mean = (v: number[]) => (v.length ? round(v.reduce((a, b) => a + b, 0) / v.length, 4) : null);
  const withEx = exY.filter((_, k) => exX[k] > 0);
  const withoutEx = exY.filter((_, k) => exX[k] === 0);
  const exR = pearson(exX, exY);

  const slX: number[] = [];
  const slY: number[] = [];
  for (const s of inp.sleep) {
    if (s.quality == null) continue;
    const i = index.get(addDays(s.night, 1));
    if (i === undefined || days[i] < obsStart || days[i] > obsEnd) continue;
    slX.push(s.quality);
    slY.push(episodesPerDay[i]);
  }
  const slR = pearson(slX, slY);

  return {
    from,
    to,
    totalEpisodes: total,
    totalJerks,
    daily,
    heatmap: { weekdays: WEEKDAYS, counts: heat },
    triggers: shares(triggerCounts, 'trigger'),
    bodySites: shares(siteCounts, 'site'),
    polarity,
    medicineChanges,
    adherence,
    exerciseVsNextDay: {
      n: exX.length,
      correlation: exR === null ? null : round(exR, 4),
      meanNextDayAfterExercise: mean(withEx),
      meanNextDayWithout: mean(withoutEx),
    },
    sleepVsNextDay: { n: slX.length, correlation: slR === null ? null : round(slR, 4) },
    caveat: CAVEAT,
    safetyAlerts: inp.safetyAlerts ?? [],
  };
}
