// Reference values: hand-computed in the comments, interval and correlation values checked with scipy
// (stats.norm.ppf(0.975) and stats.pearsonr) by the snippet quoted next to each.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeInsights } from '../src/insights/compute.js';
import { addDays } from '../src/insights/dates.js';
import { pearson, rateRatio } from '../src/insights/stats.js';
import type { EpisodeInput, MedicineInput } from '../src/schemas/diary.js';

const ep = (startAt: string, over: Partial<EpisodeInput> = {}): EpisodeInput => ({
  id: randomUUID(),
  startAt,
  bodySites: [],
  polarity: 'positive',
  triggers: [],
  impact: [],
  ...over,
});
const med = (over: Partial<MedicineInput>): MedicineInput => ({
  id: randomUUID(),
  name: 'M',
  schedule: { asNeeded: false, timesOfDay: ['08:00', '20:00'] },
  startDate: '2026-01-01',
  doseChanges: [],
  ...over,
});
const empty = { medicines: [], doses: [], exercise: [], sleep: [] };

describe('statistics', () => {
  it('rate ratio and 95% interval match scipy', () => {
    // rr(20,28,10,28) -> (0.5, 0.2340459143528631, 1.0681664778949462)
    const r = rateRatio(20, 28, 10, 28);
    expect(r.rr).toBeCloseTo(0.5, 12);
    expect(r.lo).toBeCloseTo(0.2340459143528631, 9);
    expect(r.hi).toBeCloseTo(1.0681664778949462, 9);
    // zero count: Haldane 0.5 on both -> rr(0.5,20,7.5,20) = (15.0, 0.8567060407559786, 262.6338432275491)
    const z = rateRatio(0, 20, 7, 20);
    expect(z.corrected).toBe(true);
    expect(z.rr).toBeCloseTo(15, 12);
    expect(z.lo).toBeCloseTo(0.8567060407559786, 9);
    expect(z.hi).toBeCloseTo(262.6338432275491, 6);
  });
  it('pearson matches scipy and refuses degenerate input', () => {
    expect(pearson([30, 0, 10], [3, 0, 0])).toBeCloseTo(0.944911182523068, 12);
    expect(pearson([4, 2, 5], [1, 3, 0])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1, 2], [1, 2])).toBeNull();
  });
});

describe('computeInsights on hand-computed diaries', () => {
  it('daily counts, moving average, heatmap, shares and local-date bucketing', () => {
    const episodes = [
      ep('2026-01-01T08:10:00+01:00', { triggers: ['startle', 'noise'], bodySites: ['arm-left'], count: 3 }),
      ep('2026-01-01T21:30:00-05:00', { triggers: ['startle'], bodySites: ['trunk'] }), // UTC is 01-02, local date 01-01
      ep('2026-01-03T08:00:00+01:00', { bodySites: ['face'], polarity: 'negative' }),
      ep('2026-01-07T09:00:00+01:00', { triggers: ['stress'], bodySites: ['arm-left'] }),
      ep('2026-01-07T09:30:00+01:00', { triggers: ['stress', 'stress'] as never, bodySites: ['arm-left'] }),
      ep('2026-01-10T23:59:00+14:00', { polarity: 'unsure' }),
      ep('2025-12-31T23:30:00-01:00'), // UTC 01-01 but local 12-31: outside the range
    ];
    const r = computeInsights({ from: '2026-01-01', to: '2026-01-10', today: '2026-01-31', episodes, ...empty });
    expect(r.totalEpisodes).toBe(6);
    expect(r.totalJerks).toBe(8);
    expect(r.daily.map((d) => d.episodes)).toEqual([2, 0, 1, 0, 0, 0, 2, 0, 0, 1]);
    // 7-day mean of episodes: (2+0+1+0+0+0+2)/7, then three windows of 3/7
    expect(r.daily.map((d) => d.movingAvg7)).toEqual([null, null, null, null, null, null, 0.7143, 0.4286, 0.4286, 0.4286]);
    // 2026-01-01 is a Thursday (index 3), 01-03 and 01-10 Saturdays (5), 01-07 a Wednesday (2)
    const cells: [number, number, number][] = [];
    r.heatmap.counts.forEach((row, d) => row.forEach((n, h) => n && cells.push([d, h, n])));
    expect(cells).toEqual([
      [2, 9, 2],
      [3, 8, 1],
      [3, 21, 1],
      [5, 8, 1],
      [5, 23, 1],
    ]);
    expect(r.triggers).toEqual([
      { trigger: 'startle', count: 2, share: 0.3333 },
      { trigger: 'stress', count: 2, share: 0.3333 },
      { trigger: 'noise', count: 1, share: 0.1667 },
    ]);
    expect(r.bodySites[0]).toEqual({ site: 'arm-left', count: 3, share: 0.5 });
    expect(r.polarity).toEqual({ positive: 4, negative: 1, unsure: 1 });
  });

  it('before/after rate ratio, not-enough-data cases and adherence', () => {
    const episodes: EpisodeInput[] = [];
    // 2 a day from 01-04 to 01-31 (28 days), 1 a day from 02-01 to 03-10
    for (let d = '2026-01-04'; d <= '2026-01-31'; d = addDays(d, 1)) episodes.push(ep(`${d}T09:00:00+01:00`), ep(`${d}T15:00:00+01:00`));
    for (let d = '2026-02-01'; d <= '2026-03-10'; d = addDays(d, 1)) episodes.push(ep(`${d}T09:00:00+01:00`));
    const a = med({ name: 'A', startDate: '2026-02-01', doseChanges: [{ date: '2026-03-05', strength: '2x' }] });
    const b = med({ name: 'B', startDate: '2026-01-10', schedule: { asNeeded: false, timesOfDay: ['08:00'], daysOfWeek: [1] } });
    const prn = med({ name: 'C', startDate: '2026-01-01', schedule: { asNeeded: true, timesOfDay: [] } });
    const doses = [
      ...Array.from({ length: 70 }, (_, i) => ({ id: randomUUID(), medicineId: a.id, at: `${addDays('2026-02-01', i % 38)}T08:00:00+01:00`, status: 'taken' as const })),
      ...Array.from({ length: 3 }, () => ({ id: randomUUID(), medicineId: a.id, at: '2026-02-10T11:00:00+01:00', status: 'late' as const })),
      ...Array.from({ length: 2 }, () => ({ id: randomUUID(), medicineId: a.id, at: '2026-02-11T08:00:00+01:00', status: 'missed' as const })),
    ];
    const r = computeInsights({ from: '2026-01-01', to: '2026-03-31', today: '2026-03-10', episodes, medicines: [a, b, prn], doses, exercise: [], sleep: [] });
    const start = r.medicineChanges.find((c) => c.name === 'A' && c.kind === 'start');
    // before: 01-04..01-31 = 28 days, 56 episodes; after: 02-01..02-28 = 28 days, 28 episodes
    // scipy: rr(56,28,28,28) -> (0.5, 0.31765458619401293, 0.7870183868439673)
    expect(start).toMatchObject({ status: 'ok', before: { days: 28, episodes: 56, perDay: 2 }, after: { days: 28, episodes: 28, perDay: 1 }, rateRatio: 0.5, ci95: [0.3177, 0.787] });
    // dose change on 03-05: only 03-05..03-10 (6 days) observed after it
    const change = r.medicineChanges.find((c) => c.kind === 'dose-change');
    expect(change).toMatchObject({ status: 'not-enough-data', after: { days: 6 }, rateRatio: null, ci95: null });
    // B starts 01-10: the diary starts 01-04, so only 6 days before
    expect(r.medicineChanges.find((c) => c.name === 'B')).toMatchObject({ status: 'not-enough-data', before: { days: 6, episodes: 12 } });
    // A: 02-01..03-10 = 38 days x 2 = 76 expected; (70 + 3) / 76 = 0.96053
    expect(r.adherence.find((x) => x.name === 'A')).toEqual({ medicineId: a.id, name: 'A', expected: 76, taken: 70, late: 3, missed: 2, adherence: 0.9605 });
    // B: Mondays 01-12 .. 03-09 = 9 doses expected, none logged
    expect(r.adherence.find((x) => x.name === 'B')).toMatchObject({ expected: 9, taken: 0, adherence: 0 });
    expect(r.adherence.find((x) => x.name === 'C')).toMatchObject({ expected: 0, adherence: null });
  });

  it('exercise and sleep against next-day counts', () => {
    const episodes = [ep('2026-01-02T10:00:00Z'), ep('2026-01-03T10:00:00Z'), ep('2026-01-03T11:00:00Z'), ep('2026-01-03T12:00:00Z')];
    const exercise = [
      { id: randomUUID(), startAt: '2026-01-02T18:00:00Z', name: 'walk', minutes: 20, completed: true },
      { id: randomUUID(), startAt: '2026-01-02T19:00:00Z', name: 'stretch', minutes: 10, completed: true },
      { id: randomUUID(), startAt: '2026-01-04T18:00:00Z', name: 'walk', minutes: 10, completed: true },
    ];
    const sl = (night: string, quality: number) => ({ id: randomUUID(), night, bedtime: `${night}T22:00:00Z`, wakeTime: `${addDays(night, 1)}T07:00:00Z`, quality });
    const sleep = [sl('2026-01-01', 4), sl('2026-01-02', 2), sl('2026-01-03', 5)];
    const r = computeInsights({ from: '2026-01-01', to: '2026-01-05', today: '2026-01-05', episodes, medicines: [], doses: [], exercise, sleep });
    // pairs from the first diary day 01-02: minutes [30, 0, 10] vs next-day episodes [3, 0, 0]
    expect(r.exerciseVsNextDay).toEqual({ n: 3, correlation: 0.9449, meanNextDayAfterExercise: 1.5, meanNextDayWithout: 0 });
    // quality [4, 2, 5] vs episodes on 01-02, 01-03, 01-04 = [1, 3, 0]: r = -1
    expect(r.sleepVsNextDay).toEqual({ n: 3, correlation: -1 });
    expect(r.caveat).toMatch(/not cause and effect/);
  });
});
