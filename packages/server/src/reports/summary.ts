/** Numbers shown in the report's summary, computed once so the PDF and its test agree on definitions. */
import type { ReportData } from './data.js';

export interface ReportSummary {
  days: number;
  episodes: number;
  jerks: number;
  episodesPerDay: number;
  first28PerDay: number | null;
  last28PerDay: number | null;
  nightsLogged: number;
  meanSleepQuality: number | null;
  meanLatencyMin: number | null;
  meanAwakenings: number | null;
  partnerNoticedNights: number;
}

const mean = (v: number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);

export function reportSummary(r: ReportData): ReportSummary {
  const daily = r.insights.daily;
  const days = daily.length;
  const episodes = r.insights.totalEpisodes;
  const perDay = (slice: typeof daily) => (slice.length ? slice.reduce((a, d) => a + d.episodes, 0) / slice.length : null);
  const q = r.sleep.map((s) => s.quality).filter((x): x is number => typeof x === 'number');
  const lat = r.sleep.map((s) => s.latencyMin).filter((x): x is number => typeof x === 'number');
  const aw = r.sleep.map((s) => s.awakenings).filter((x): x is number => typeof x === 'number');
  return {
    days,
    episodes,
    jerks: r.insights.totalJerks,
    episodesPerDay: days ? episodes / days : 0,
    first28PerDay: days >= 56 ? perDay(daily.slice(0, 28)) : null,
    last28PerDay: days >= 56 ? perDay(daily.slice(-28)) : null,
    nightsLogged: r.sleep.length,
    meanSleepQuality: mean(q),
    meanLatencyMin: mean(lat),
    meanAwakenings: mean(aw),
    partnerNoticedNights: r.sleep.filter((s) => s.partnerNoticedJerks === true).length,
  };
}

export const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : v.toFixed(digits));
