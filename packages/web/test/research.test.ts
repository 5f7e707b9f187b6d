import { describe, expect, it } from 'vitest';
import { t } from '../src/i18n/index.js';
import { en } from '../src/i18n/messages.en.js';
import {
  anyActive,
  batchProgress,
  decodeSegment,
  formatCell,
  formatCount,
  formatDuration,
  formatIndex,
  formatRatio,
  MISSING,
  ROW_COLUMNS,
  warningCodes,
} from '../src/research/model.js';

const summary = (
  done: number,
  failed: number,
  running: number,
  queued: number,
  total = done + failed + running + queued,
) => ({ total, done, failed, running, queued });

describe('batch progress', () => {
  it('gives each state its share of the bar and floors the finished percentage', () => {
    // 3 recordings: 1 done, 1 failed, 1 running → finished 2/3 = 66.67 % → 66 (never rounded up).
    const p = batchProgress(summary(1, 1, 1, 0));
    expect(p.segments.done).toBeCloseTo(100 / 3, 10);
    expect(p.segments.failed).toBeCloseTo(100 / 3, 10);
    expect(p.segments.running).toBeCloseTo(100 / 3, 10);
    expect(p.segments.queued).toBe(0);
    expect(p.finishedPercent).toBe(66);
    expect(p.active).toBe(true);
  });

  it('shows 99 %, not 100 %, while one of 200 recordings is still running', () => {
    const p = batchProgress(summary(199, 0, 1, 0));
    expect(p.finishedPercent).toBe(99);
    expect(p.segments.done).toBeCloseTo(99.5, 10);
    expect(p.segments.running).toBeCloseTo(0.5, 10);
    expect(p.active).toBe(true);
  });

  it('reaches 100 % only when all finished, failures included', () => {
    const p = batchProgress(summary(7, 1, 0, 0));
    expect(p.finishedPercent).toBe(100);
    expect(p.segments.done).toBeCloseTo(87.5, 10);
    expect(p.segments.failed).toBeCloseTo(12.5, 10);
    expect(p.active).toBe(false);
    expect(p.counts).toEqual({ done: 7, failed: 1, running: 0, queued: 0 });
  });

  it('handles an empty batch and never lets segments overflow the bar', () => {
    const empty = batchProgress(summary(0, 0, 0, 0));
    expect(empty.finishedPercent).toBe(0);
    expect(Object.values(empty.segments)).toEqual([0, 0, 0, 0]);
    // Counts ahead of a stale total (4 counted, total 2): widths are shares of 4 and sum to 100.
    const ahead = batchProgress(summary(2, 0, 1, 1, 2));
    expect(ahead.total).toBe(4);
    expect(ahead.segments.done + ahead.segments.failed + ahead.segments.running + ahead.segments.queued).toBeCloseTo(
      100,
      10,
    );
    expect(ahead.finishedPercent).toBe(50);
  });

  it('polls only while some batch has queued or running recordings', () => {
    expect(anyActive([])).toBe(false);
    expect(anyActive([summary(3, 1, 0, 0)])).toBe(false);
    expect(anyActive([summary(3, 1, 0, 0), summary(0, 0, 0, 5)])).toBe(true);
    expect(anyActive([summary(0, 0, 1, 0)])).toBe(true);
  });

  it('words the counts in order done/failed/running/queued of total', () => {
    const p = batchProgress(summary(5, 2, 1, 4));
    expect(t('research.progressText', { ...p.counts, total: p.total })).toBe(
      '5 done · 2 failed · 1 running · 4 queued of 12',
    );
  });
});

describe('row formatting', () => {
  it('formats indices with exactly one decimal in the locale and a dash when missing', () => {
    expect(formatIndex(55.714285714285715, 'en-GB')).toBe('55.7');
    expect(formatIndex(55.714285714285715, 'de-DE')).toBe('55,7');
    expect(formatIndex(0, 'en-GB')).toBe('0.0');
    expect(formatIndex(8.55, 'en-GB')).toBe('8.6'); // 8.55 is stored as 8.550000000000000711 → rounds up
    expect(formatIndex(1234.56, 'en-GB')).toBe('1,234.6');
    expect(formatIndex(1234.56, 'de-DE')).toBe('1.234,6');
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, '', '12'])
      expect(formatIndex(v, 'en-GB')).toBe(MISSING);
    expect(MISSING).toBe('\u2014');
  });

  it('formats the 0..1 periodicity ratio with two decimals, counts whole, durations as h:mm:ss', () => {
    expect(formatRatio(1, 'en-GB')).toBe('1.00');
    expect(formatRatio(0.4375, 'fr-FR')).toBe('0,44');
    expect(formatRatio(null, 'en-GB')).toBe(MISSING);
    expect(formatCount(13, 'en-GB')).toBe('13');
    expect(formatCount(12345, 'en-US')).toBe('12,345');
    expect(formatCount(null, 'en-GB')).toBe(MISSING);
    expect(formatDuration(900)).toBe('0:15:00');
    expect(formatDuration(8 * 3600 + 61.4)).toBe('8:01:01');
    expect(formatDuration(null)).toBe(MISSING);
  });

  it('formats a row as the server sends it (a done row and a failed one)', () => {
    const done = {
      state: 'done',
      duration_sec: 900,
      tst_min: 14,
      lm_count: 13,
      plm_count: 13,
      lm_index: 55.714285714285715,
      clm_index: 55.714285714285715,
      plms_index: 55.714285714285715,
      plmw_index: 0,
      plms_nr_index: 55.714285714285715,
      plms_arousal_index: 8.571428571428571,
      periodicity_index: 1,
      warnings: '',
    };
    expect(ROW_COLUMNS.map((c) => formatCell(done, c.key, c.format, 'en-GB'))).toEqual([
      '0:15:00',
      '14',
      '13',
      '13',
      '55.7',
      '55.7',
      '55.7',
      '0.0',
      '55.7',
      '8.6',
      '1.00',
    ]);
    const failed = Object.fromEntries(ROW_COLUMNS.map((c) => [c.key, null]));
    expect(ROW_COLUMNS.map((c) => formatCell({ ...failed, state: 'failed' }, c.key, c.format, 'en-GB'))).toEqual(
      ROW_COLUMNS.map(() => MISSING),
    );
    expect(warningCodes({ warnings: 'LOW_SLEEP; NO_HYPNOGRAM;' })).toEqual(['LOW_SLEEP', 'NO_HYPNOGRAM']);
    expect(warningCodes({ warnings: null })).toEqual([]);
  });

  it('has a column header for every numeric column and decodes batch ids from the route', () => {
    for (const c of ROW_COLUMNS) expect(Object.keys(en)).toContain(`research.col.${c.key}`);
    expect(decodeSegment(encodeURIComponent('rv-nights@81ccea2267bc'))).toBe('rv-nights@81ccea2267bc');
    expect(decodeSegment('bad%E0%A4%A')).toBe('bad%E0%A4%A');
  });
});
