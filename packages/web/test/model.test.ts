import { describe, expect, it } from 'vitest';
import { formatOffset, isoWithOffset, localDay } from '../src/i18n/format.js';
import { t } from '../src/i18n/index.js';
import { en } from '../src/i18n/messages.en.js';
import { BODY_SITES, CONTEXTS, IMPACTS, TRIGGERS } from '../src/domain.js';
import { chooseChannels, eventsFromScore, hypnogramFromAnnotations, neighbourEvent } from '../src/viewer/model.js';
import { robustRange } from '../src/viewer/load.js';

describe('viewer model', () => {
  it('reads AASM and R&K stage labels into a hypnogram', () => {
    const h = hypnogramFromAnnotations([
      { onset: 60, duration: 30, text: 'Sleep stage 2' },
      { onset: 0, duration: 30, text: 'Sleep stage W' },
      { onset: 30, duration: null, text: 'Sleep stage N1' },
      { onset: 90, duration: 60, text: 'Sleep stage 4' },
      { onset: 150, duration: 30, text: 'Sleep stage R' },
      { onset: 180, duration: 30, text: 'Sleep stage ?' },
      { onset: 200, duration: 1, text: 'LM left' },
    ]);
    expect(h.map((e) => [e.onset, e.duration, e.stage])).toEqual([[0, 30, 'W'], [30, 30, 'N1'], [60, 30, 'N2'], [90, 60, 'N3'], [150, 30, 'R'], [180, 30, '?']]);
  });

  it('puts leg EMG first and keeps at most six channels in file order', () => {
    const sig = (label: string, index: number, sampleRate = 256) => ({ index, label, unit: 'uV', sampleRate, sampleCount: 1, physicalDimension: 'uV' });
    const got = chooseChannels([sig('EEG C3', 0), sig('EOG', 1), sig('Chin EMG', 2), sig('LAT', 3), sig('RAT', 4), sig('ECG', 5), sig('Pos', 6, 1), sig('Flow', 7, 25), sig('EEG C4', 8)]);
    expect(got).toEqual([0, 2, 3, 4, 5, 8]);
  });

  it('jumps to the next and previous non-rejected event', () => {
    const ev = eventsFromScore([
      { onset: 10, duration: 1, side: 'left' }, { onset: 40, duration: 1, side: 'bilateral', periodic: true }, { onset: 70, duration: 2, side: 'right' },
    ]);
    ev[1].status = 'rejected';
    expect(neighbourEvent(ev, 10, 1)?.onsetSec).toBe(70);
    expect(neighbourEvent(ev, 70, -1)?.onsetSec).toBe(10);
    expect(neighbourEvent(ev, 70, 1)).toBeNull();
    expect(ev[1].side).toBe('both');
  });

  it('robust lane range ignores a single spike', () => {
    const x = new Float32Array(10000).map((_, i) => Math.sin(i / 10) * 20);
    x[5000] = 10000;
    const { center, half } = robustRange(x);
    expect(Math.abs(center)).toBeLessThan(1);
    expect(half).toBeGreaterThan(25);
    expect(half).toBeLessThan(35);
  });
});

describe('formatting and messages', () => {
  it('formats recording offsets as h:mm:ss', () => {
    expect(formatOffset(0)).toBe('0:00:00');
    expect(formatOffset(3723.9)).toBe('1:02:03');
    expect(formatOffset(28800)).toBe('8:00:00');
  });
  it('writes local time with its offset, same instant', () => {
    const d = new Date(Date.UTC(2026, 10, 24, 7, 15, 0, 250));
    const s = isoWithOffset(d);
    expect(Date.parse(s)).toBe(d.getTime());
    expect(s).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.250[+-]\d{2}:\d{2}$/);
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
  it('interpolates and formats numbers with the locale', () => {
    expect(t('diary.jerks', { n: 3 })).toBe('3 jerks');
    expect(t('app.pending', { n: 12 })).toBe('12 waiting to sync');
  });
  it('has a label for every code of every diary vocabulary', () => {
    const keys = new Set(Object.keys(en));
    for (const s of BODY_SITES) expect(keys.has(`site.${s}`)).toBe(true);
    for (const s of TRIGGERS) expect(keys.has(`trigger.${s}`)).toBe(true);
    for (const s of CONTEXTS) expect(keys.has(`context.${s}`)).toBe(true);
    for (const s of IMPACTS) expect(keys.has(`impact.${s}`)).toBe(true);
  });
});
