import { describe, expect, it } from 'vitest';
import { classifyLegLabel, findLegChannels } from '../src/lm/index.js';

describe('findLegChannels', () => {
  const cases: [string, 'left' | 'right' | 'combined' | null][] = [
    ['LAT', 'left'],
    ['RAT', 'right'],
    ['Leg L', 'left'],
    ['Leg R', 'right'],
    ['L Leg', 'left'],
    ['R Leg', 'right'],
    ['EMG Tib-L', 'left'],
    ['EMG Tib-R', 'right'],
    ['Tib L', 'left'],
    ['Tib R', 'right'],
    ['LLEG', 'left'],
    ['RLEG', 'right'],
    ['Left Leg', 'left'],
    ['Right Leg', 'right'],
    ['LAT1-LAT2', 'left'],
    ['RAT1-RAT2', 'right'],
    ['Leg 1', 'left'],
    ['Leg 2', 'right'],
    ['LLEG1-LLEG2', 'left'],
    ['EMG LAT', 'left'],
    ['lat', 'left'],
    ['Legs', 'combined'],
    ['Leg EMG', 'combined'],
    ['EEG C4-M1', null],
    ['ECG', null],
    ['Chin1-Chin2', null],
    ['LATERAL', null],
    ['EOG L', null],
    ['Flow', null],
  ];
  for (const [label, want] of cases) {
    it(`classifies "${label}" as ${String(want)}`, () => expect(classifyLegLabel(label)).toBe(want));
  }

  it('finds both legs among other channels, by index', () => {
    const r = findLegChannels([{ label: 'C4-M1' }, { label: 'ECG' }, { label: 'Leg R' }, { label: 'Leg L' }]);
    expect(r.left).toEqual({ index: 3, label: 'Leg L' });
    expect(r.right).toEqual({ index: 2, label: 'Leg R' });
    expect(r.how).toEqual({ left: 'label', right: 'label' });
    expect(r.combined).toBeNull();
  });

  it('honours overrides by label (case-insensitive) and by index', () => {
    const signals = [{ label: 'EMG5' }, { label: 'EMG6' }, { label: 'LAT' }];
    const r = findLegChannels(signals, { left: 'emg5', right: 1 });
    expect(r.left).toEqual({ index: 0, label: 'EMG5' });
    expect(r.right).toEqual({ index: 1, label: 'EMG6' });
    expect(r.how).toEqual({ left: 'override', right: 'override' });
  });

  it('reports a combined channel only when no side-specific one exists', () => {
    expect(findLegChannels([{ label: 'Legs' }]).combined).toEqual({ index: 0, label: 'Legs' });
    expect(findLegChannels([{ label: 'Legs' }, { label: 'RAT' }]).combined).toBeNull();
  });

  it('throws DETECT_NO_LEG_CHANNELS with a hint when nothing matches', () => {
    try {
      findLegChannels([{ label: 'C3-M2' }, { label: 'ECG' }]);
      expect.unreachable();
    } catch (e) {
      expect((e as { code: string }).code).toBe('DETECT_NO_LEG_CHANNELS');
      expect((e as { hint: string }).hint).toMatch(/--left/);
    }
  });

  it('throws DETECT_CHANNEL_NOT_FOUND for an unknown override', () => {
    expect(() => findLegChannels([{ label: 'LAT' }], { right: 'nope' })).toThrow(
      expect.objectContaining({ code: 'DETECT_CHANNEL_NOT_FOUND' }),
    );
    expect(() => findLegChannels([{ label: 'LAT' }], { right: 5 })).toThrow(
      expect.objectContaining({ code: 'DETECT_CHANNEL_NOT_FOUND' }),
    );
  });
});
