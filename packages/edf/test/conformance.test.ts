import { describe, expect, it } from 'vitest';
import { has, hasShared, open } from './helpers.js';

// Expected values are those published by each file's own project (see fixtures/ATTRIBUTION.md and
// the MANIFEST.md of the shared collection), not values produced by this reader.

describe('pyEDFlib test files', () => {
  it('test_generator.edf: header, EDF+ subfields, signals, annotations', async () => {
    const r = await open('pyedflib/test_generator.edf');
    expect(r.header.format).toBe('EDF+C');
    expect(r.header.startTime).toBe('2011-04-04T12:57:02.000');
    expect(r.header.durationSec).toBe(600);
    expect(r.header.patient).toMatchObject({
      code: 'abcxyz99',
      name: 'Hans Muller',
      sex: 'M',
      birthdate: '1969-06-30',
    });
    expect(r.header.recording).toMatchObject({
      admincode: 'Dr. X',
      technician: 'Mr. Spotty',
      equipment: 'test generator',
      additional: 'unit test file',
    });
    expect(r.signals.map((s) => s.label)).toEqual([
      'squarewave',
      'ramp',
      'pulse',
      'noise',
      'sine 1 Hz',
      'sine 8 Hz',
      'sine 8.1777 Hz',
      'sine 8.5 Hz',
      'sine 15 Hz',
      'sine 17 Hz',
      'sine 50 Hz',
    ]);
    expect(r.signals[0]).toMatchObject({
      prefilter: 'pre1',
      transducer: 'trans1',
      physicalDimension: 'uV',
      unit: 'uV',
      sampleCount: 120000,
      sampleRate: 200,
    });
    expect(r.annotations.map((a) => a.onset)).toEqual([0, 600]);
    expect(r.warnings).toEqual([]);
    const x = await r.readSignal(4);
    expect(x.length).toBe(120000);
  });

  it('test_generator.bdf: per-signal rates and sample counts', async () => {
    const r = await open('pyedflib/test_generator.bdf');
    expect(r.header.format).toBe('BDF+C');
    expect(r.signals.map((s) => s.sampleRate)).toEqual([1000, 800, 500, 975, 999]);
    expect(r.signals.map((s) => s.sampleCount)).toEqual([1000, 800, 500, 975, 999].map((f) => f * 30));
    expect((await r.readSignal(3)).length).toBe(975 * 30);
  });

  it('test_generator_datarec_generator_2.bdf: 2 s records give non-integer rates', async () => {
    const r = await open('pyedflib/test_generator_datarec_generator_2.bdf');
    expect(r.header.recordDurationSec).toBe(2);
    expect(r.signals.map((s) => s.sampleRate)).toEqual([500, 400, 250, 487.5, 499.5]);
    expect(r.header.durationSec).toBe(30);
    // a window of 1 s of the 487.5 Hz signal starting at 0.5 s: samples ceil(243.75)=244 .. ceil(731.25)=732
    expect((await r.readSignal(3, 0.5, 1.5)).length).toBe(732 - 244);
  });

  it.skipIf(!has('pyedflib/test_generator_datarec_generator_0_5.bdf'))(
    'datarec_generator_0_5.bdf: 0.5 s records',
    async () => {
      const r = await open('pyedflib/test_generator_datarec_generator_0_5.bdf');
      expect(r.header.recordDurationSec).toBe(0.5);
      expect(r.signals.map((s) => s.sampleRate)).toEqual([2000, 1600, 1000, 1950, 1998]);
      expect(r.header.durationSec).toBe(30);
    },
  );

  it('test_subsecond.edf: sub-second start from the first time-keeping TAL', async () => {
    const r = await open('pyedflib/test_subsecond.edf');
    // pyEDFlib: 2020-01-24 04:05:56.394531
    expect(r.header.startTime).toBe('2020-01-24T04:05:56.394');
    expect(r.header.firstSampleOffsetSec).toBeCloseTo(0.394531, 6);
    expect(r.annotations.length).toBe(4);
  });

  it('test_utf8.edf: UTF-8 annotation text', async () => {
    const r = await open('pyedflib/test_utf8.edf');
    expect(r.annotations.length).toBe(5);
    expect(r.annotations[2].text).toBe('中文测试八个字');
  });

  it.skipIf(!has('pyedflib/test_legacy.edf'))(
    'test_legacy.edf: plain EDF keeps raw ids; its TAL signal is read by label',
    async () => {
      const r = await open('pyedflib/test_legacy.edf');
      expect(r.header.format).toBe('EDF');
      expect(r.header.patient).toEqual({
        raw: 'Legacy patient description',
        code: null,
        sex: null,
        birthdate: null,
        name: null,
        additional: null,
      });
      expect(r.header.recording.raw).toBe('Legacy recording description');
      expect(r.header.recording.startDate).toBeNull();
      expect(r.annotations.length).toBe(2);
      expect(r.warnings.map((w) => w.code)).toEqual(['EDF_ANNOTATIONS_IN_PLAIN_EDF']);
    },
  );
});

describe('MNE-Python test files', () => {
  it('test.edf: 139 ordinary signals and the annotation events MNE asserts', async () => {
    const r = await open('mne-python/test.edf');
    expect(r.signals.length).toBe(139);
    expect(r.signals.every((s) => s.sampleRate === 512)).toBe(true);
    expect(r.header.recordCount).toBe(6);
    expect(r.annotations).toEqual([
      { onset: 0, duration: null, text: 'start' },
      { onset: 0.1344, duration: 0.256, text: 'type A' },
      { onset: 0.3904, duration: 1, text: 'type A' },
      { onset: 2, duration: null, text: 'type B' },
      { onset: 2.5, duration: 2.5, text: 'type A' },
    ]);
    // MNE events_from_annotations(use_rounding=False): sample = floor(onset × 512), 'start' excluded
    expect(r.annotations.slice(1).map((a) => Math.floor(a.onset * 512))).toEqual([68, 199, 1024, 1280]);
  });

  it('test.bdf: right-justified fields repaired; 73 signals of 2048 Hz', async () => {
    const r = await open('mne-python/test.bdf');
    expect(r.header.format).toBe('BDF');
    expect(r.signals.length).toBe(73);
    expect(r.signals[0].sampleRate).toBe(2048);
    expect(r.signals[72].label).toBe('Status');
    expect(r.warnings.map((w) => w.code)).toEqual(['EDF_NUMBER_RIGHT_JUSTIFIED']);
    await expect(open('mne-python/test.bdf', true)).rejects.toMatchObject({ code: 'EDF_NUMBER_RIGHT_JUSTIFIED' });
  });

  it('test_uneven_samp.edf: 12.8 Hz and 100 Hz in one file', async () => {
    const r = await open('mne-python/test_uneven_samp.edf');
    expect(r.signals.map((s) => s.sampleRate)).toEqual([100, 12.8]);
    expect(r.signals.map((s) => s.sampleCount)).toEqual([11000, 1408]);
    const slow = await r.readSignal(1, 10, 20);
    expect(slow.length).toBe(128);
  });

  it('duplicate_channel_labels.edf: labels made unique as MNE does', async () => {
    const r = await open('mne-python/duplicate_channel_labels.edf');
    expect(r.signals.map((s) => s.label)).toEqual(['EEG F1-Ref-0', 'EEG F2-Ref', 'EEG F1-Ref-1']);
    expect(r.signals.map((s) => s.originalLabel)).toEqual(['EEG F1-Ref', 'EEG F2-Ref', 'EEG F1-Ref']);
    expect(r.warnings.map((w) => w.code)).toEqual(['EDF_DUPLICATE_LABELS']);
  });

  it.skipIf(!has('mne-python/test_bdf_stim_channel.bdf'))(
    'test_bdf_stim_channel.bdf: 4 signals at 500 Hz',
    async () => {
      const r = await open('mne-python/test_bdf_stim_channel.bdf');
      expect(r.signals.length).toBe(4);
      expect(r.signals.every((s) => s.sampleRate === 500)).toBe(true);
    },
  );
});

describe.skipIf(!hasShared)('mne-testing-data files (read from the shared collection only: no licence to copy)', () => {
  it('SC4001EC-Hypnogram.edf: annotation-only EDF+C, record duration 0, 154 stages', async () => {
    const r = await open('mne-testing-data/SC4001EC-Hypnogram.edf');
    expect(r.signals).toEqual([]);
    expect(r.header.recordDurationSec).toBe(0);
    expect(r.header.startTime).toBe('1989-04-24T16:13:00.000');
    expect(r.annotations.length).toBe(154);
    expect(r.annotations[0]).toEqual({ onset: 0, duration: 30630, text: 'Sleep stage W' });
    expect(r.annotations[1]).toEqual({ onset: 30630, duration: 120, text: 'Sleep stage 1' });
    expect(r.annotations[153].onset).toBe(79500);
  });

  it('test_reduced.edf: many rates, 5 annotations', async () => {
    const r = await open('mne-testing-data/test_reduced.edf');
    expect(r.signals.length).toBe(139);
    expect(new Set(r.signals.map((s) => s.sampleRate)).size).toBeGreaterThan(3);
    expect(r.annotations.length).toBe(5);
    for (const s of r.signals) expect((await r.readSignal(s.index)).length).toBe(s.sampleRate * 6);
  });

  it('test_utf8_annotations.edf', async () => {
    const r = await open('mne-testing-data/test_utf8_annotations.edf');
    expect(r.annotations[0].text).toBe('RECORD START');
    expect(r.annotations[1].text).toBe('仰卧');
  });

  it('subsecond_starttime.edf: onsets from the first sample', async () => {
    const r = await open('mne-testing-data/subsecond_starttime.edf');
    expect(r.annotations.length).toBe(2);
    // MNE's published values are rounded to 6 decimals
    expect(Math.abs(r.annotations[0].onset - 1.951172)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(r.annotations[1].onset - 3.492188)).toBeLessThanOrEqual(1e-6);
  });

  it('chtypes_edf.edf: 42 ordinary signals and 8 annotations (as MNE)', async () => {
    const r = await open('mne-testing-data/chtypes_edf.edf');
    expect(r.signals.length).toBe(42);
    expect(r.annotations.map((a) => a.onset)).toEqual([0, 0, 0, 0, 1, 1, 2, 2]);
    expect(r.annotations[1].text).toBe('Segment: REC START LTM+6 EEG');
  });

  for (const ext of ['edf', 'bdf']) {
    it(`test_generator_2.${ext}: shape, labels, annotations, first samples`, async () => {
      const r = await open(`mne-testing-data/test_generator_2.${ext}`);
      expect(r.signals.map((s) => s.label)).toEqual([
        'squarewave',
        'ramp',
        'pulse',
        'ECG',
        'noise',
        'sine 1 Hz',
        'sine 8 Hz',
        'sine 8.5 Hz',
        'sine 15 Hz',
        'sine 17 Hz',
        'sine 50 Hz',
      ]);
      expect(r.signals.every((s) => s.sampleCount === 120000)).toBe(true);
      expect(r.annotations.map((a) => [a.onset, a.text])).toEqual([
        [0, 'RECORD START'],
        [600, 'REC STOP'],
      ]);
      expect(r.signals[0]).toMatchObject({ physicalMin: -1000, physicalMax: 1000, unit: 'uV' });
      const sine = await r.readSignal(7, 0, 5 / 200);
      expect(Array.from(sine, (v) => Math.round(v * 100) / 100)).toEqual(
        [26.38, 50.92, 71.82, 87.63, 97.25].map((v) => expect.closeTo(v, 1)),
      );
    });
  }
});

describe.skipIf(!has('openpsg-edf-ts/discontinuous.edf'))(
  'edf-ts discontinuous.edf (MPL-2.0: shared collection only)',
  () => {
    it('EDF+D with record duration 0: 12 annotations; first time-keeping TAL +1', async () => {
      const r = await open('openpsg-edf-ts/discontinuous.edf');
      expect(r.header.format).toBe('EDF+D');
      expect(r.annotations.length).toBe(12);
      expect(r.header.firstSampleOffsetSec).toBe(1);
      // edf-ts reports onsets from the header time; ours are from the first sample (1 s later)
      const first = r.annotations[0];
      const last = r.annotations[11];
      expect([first.onset + r.header.firstSampleOffsetSec, first.duration, first.text]).toEqual([
        0,
        0,
        'Recording starts',
      ]);
      expect([last.onset + r.header.firstSampleOffsetSec, last.duration, last.text]).toEqual([
        24784,
        17,
        'Central Apnea',
      ]);
      expect(r.warnings.map((w) => w.code)).toContain('EDF_RECORDS_OUT_OF_ORDER');
    });
  },
);

describe('EDF.jl and edfio files', () => {
  it('bdf_test.bdf and bdf_test.edf decode to the same values within 1% (EDF.jl rtol 0.01)', async () => {
    const b = await open('EDF.jl/bdf_test.bdf');
    const e = await open('EDF.jl/bdf_test.edf');
    expect(b.warnings.map((w) => w.code)).toEqual(['EDF_RESERVED_FIELD', 'EDF_PLUS_WITHOUT_ANNOTATIONS']);
    expect(e.warnings.map((w) => w.code)).toEqual(['EDF_PLUS_WITHOUT_ANNOTATIONS']);
    expect(b.signals.length).toBe(8);
    for (let i = 0; i < 8; i++) {
      const x = await b.readSignal(i);
      const y = await e.readSignal(i);
      expect(x.length).toBe(y.length);
      let num = 0;
      let den = 0;
      for (let k = 0; k < x.length; k++) {
        num += (x[k] - y[k]) ** 2;
        den += x[k] ** 2;
      }
      expect(Math.sqrt(num / den)).toBeLessThan(0.01);
    }
  });

  for (const ext of ['edf', 'bdf']) {
    it(`short_psg.${ext}: signal headers equal edfio's reference JSON`, async () => {
      const ref = (await import('./fixtures/edfio/short_psg_header_reference.json', { with: { type: 'json' } }))
        .default as {
        label: string;
        transducer_type: string;
        physical_dimension: string;
        physical_min: number;
        physical_max: number;
        digital_min: number;
        digital_max: number;
        prefiltering: string;
        samples_per_data_record: number;
        sampling_frequency: number;
      }[];
      const r = await open(`edfio/short_psg.${ext}`);
      expect(r.header.recordDurationSec).toBe(30);
      expect(r.header.recordCount).toBe(10);
      expect(r.signals.length).toBe(ref.length);
      r.signals.forEach((s, i) => {
        const e = ref[i];
        expect(s.label).toBe(e.label);
        expect(s.transducer).toBe(e.transducer_type);
        expect(s.physicalDimension).toBe(e.physical_dimension);
        expect(s.physicalMin).toBe(e.physical_min);
        expect(s.physicalMax).toBe(e.physical_max);
        expect(s.prefilter).toBe(e.prefiltering);
        expect(s.samplesPerRecord).toBe(e.samples_per_data_record);
        expect(s.sampleRate).toBeCloseTo(e.sampling_frequency, 12);
        if (ext === 'edf') {
          expect(s.digitalMin).toBe(e.digital_min);
          expect(s.digitalMax).toBe(e.digital_max);
        }
      });
    });
  }

  it('SC4001EC-Hypnogram.bdf: BDF+ annotation-only, 154 stages', async () => {
    const r = await open('edfio/SC4001EC-Hypnogram.bdf');
    expect(r.header.format).toBe('BDF+C');
    expect(r.annotations.length).toBe(154);
    expect(r.annotations[0]).toEqual({ onset: 0, duration: 30630, text: 'Sleep stage W' });
    expect(r.annotations[153].onset).toBe(79500);
  });

  it('test_subsecond.bdf: 4 annotations, sub-second start', async () => {
    const r = await open('edfio/test_subsecond.bdf');
    expect(r.annotations.length).toBe(4);
    expect(r.header.startTime).toBe('2020-01-24T04:05:56.394');
  });
});
