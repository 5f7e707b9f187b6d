import type { JerkDiary } from './profile.js';

/**
 * Settings of the "jerks rose after a medicine change" rule, plain data copied into every alert it raises.
 * A rise counts when the mean daily count in the window after the change is at least `minRatio` times the mean
 * in the window before, and higher by at least `minIncreasePerDay` (so 0 → 0.2 jerks/day is not an alert).
 */
export interface DiaryRiseSettings {
  windowDays: number;
  minDaysEachSide: number;
  minRatio: number;
  minIncreasePerDay: number;
}

export const diaryRiseSettings: Readonly<DiaryRiseSettings> = Object.freeze({ windowDays: 14, minDaysEachSide: 3, minRatio: 1.5, minIncreasePerDay: 1 });

export interface RateComparison {
  changeDate: string;
  beforePerDay: number;
  afterPerDay: number;
  daysBefore: number;
  daysAfter: number;
  rise: boolean;
}

/** Days since 1970-01-01 for a YYYY-MM-DD date, in UTC (calendar days, no time zones involved). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/**
 * Mean daily jerk counts in the `windowDays` before a change (day −windowDays … −1) and from the day of the change
 * (day 0 … windowDays−1). Returns `null` when either side has fewer than `minDaysEachSide` diary days.
 */
export function compareRates(diary: JerkDiary, changeDate: string, settings: DiaryRiseSettings = diaryRiseSettings): RateComparison | null {
  const d0 = dayNumber(changeDate);
  let sumBefore = 0;
  let nBefore = 0;
  let sumAfter = 0;
  let nAfter = 0;
  for (const row of diary.days) {
    const offset = dayNumber(row.date) - d0;
    if (offset >= -settings.windowDays && offset < 0) {
      sumBefore += row.jerks;
      nBefore++;
    } else if (offset >= 0 && offset < settings.windowDays) {
      sumAfter += row.jerks;
      nAfter++;
    }
  }
  if (nBefore < settings.minDaysEachSide || nAfter < settings.minDaysEachSide) return null;
  const beforePerDay = sumBefore / nBefore;
  const afterPerDay = sumAfter / nAfter;
  const rise = afterPerDay >= settings.minRatio * beforePerDay && afterPerDay - beforePerDay >= settings.minIncreasePerDay;
  return { changeDate, beforePerDay, afterPerDay, daysBefore: nBefore, daysAfter: nAfter, rise };
}
