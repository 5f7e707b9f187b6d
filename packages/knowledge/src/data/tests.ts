import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

/** Diagnostic tests: what each shows and when it is used. */
export const testEntries: Entry[] = [
  {
    id: 'blood-urine-tests',
    kind: 'test',
    name: 'Blood and urine tests',
    synonyms: ['blood test', 'urine test', 'lab tests', 'metabolic screen', 'kidney function', 'liver function', 'electrolytes', 'toxicology', 'drug levels'],
    summary:
      'Blood and urine tests look for treatable causes of myoclonus: kidney or liver failure, abnormal blood sugar, salts and minerals, thyroid problems, infections, drugs and toxins, and for restless legs the iron stores.',
    whatItShows:
      'Kidney and liver function, glucose, sodium, calcium, magnesium, thyroid function, signs of infection or inflammation, medicine or toxin levels, and ferritin with transferrin saturation.',
    whenUsed:
      'Early, for almost anyone with new myoclonus, especially if it came on quickly or with confusion or drowsiness; iron studies for restless legs or periodic limb movements.',
    details: [
      'Results guide the next step: a metabolic cause is treated directly and the jerks often settle. Special tests (antibodies, genetic tests) are chosen by the specialist according to the picture.',
    ],
    sources: [S.zutt2015, S.cavinessBrown2004, S.aasm2024],
    lastReviewed: REVIEWED,
    related: ['cause-organ-failure', 'iron-and-rls', 'symptomatic-myoclonus', 'treat-underlying-cause'],
    corrections: [
      {
        seedClaim: 'Blood and urine tests check for metabolic imbalances, anaemia, diabetes and kidney or liver diseases.',
        correction:
          'Broadly right, but the list should include drug and toxin levels, thyroid function and infection markers, and, for restless legs and PLMD, ferritin and transferrin saturation taken in the morning without recent iron intake.',
        sources: [S.zutt2015, S.aasm2024],
      },
    ],
  },
  {
    id: 'emg',
    kind: 'test',
    name: 'Electromyography (EMG) and polymyography',
    synonyms: ['EMG', 'electromyography', 'surface EMG', 'polymyography', 'muscle recording', 'nerve test', 'nerve conduction study'],
    summary:
      'Surface EMG records the electrical activity of several muscles at once while jerks happen. The length and pattern of the bursts help show where in the nervous system the jerks start.',
    whatItShows:
      'Burst duration (short cortical bursts of 10–50 ms versus longer spinal or functional bursts), the order in which muscles are recruited, rhythmicity, and silent periods of negative myoclonus.',
    whenUsed:
      'To confirm that movements are myoclonus and to classify them (cortical, subcortical, spinal, peripheral or functional); often combined with EEG in a neurophysiology laboratory.',
    details: [
      'Recordings of 1 kHz or more are needed to capture bursts this short. MyoTrace’s `myotrace bursts` measures burst onsets, durations and silent periods from such recordings; it reports measurements, not a diagnosis.',
    ],
    sources: [S.merchant2020, S.zutt2015, S.eberhardtTopka2017],
    lastReviewed: REVIEWED,
    related: ['cortical-myoclonus', 'spinal-segmental-myoclonus', 'functional-jerks', 'negative-myoclonus', 'jerk-locked-back-averaging'],
    analyses: [{ command: 'myotrace bursts', measures: 'EMG burst onsets, durations, rates and silent periods.' }],
  },
  {
    id: 'eeg',
    kind: 'test',
    name: 'Electroencephalogram (EEG)',
    synonyms: ['EEG', 'electroencephalography', 'brainwave test', 'brain wave recording', 'video-EEG'],
    summary:
      'An EEG records the brain’s electrical activity from the scalp. It shows epileptic discharges linked to jerks and signs of diffuse brain dysfunction.',
    whatItShows:
      'Spike or polyspike-and-wave discharges with myoclonic seizures, slowing in metabolic or toxic disorders, periodic patterns in some rapidly progressive diseases, and, combined with EMG, the brain activity time-locked to jerks.',
    whenUsed:
      'When epilepsy is possible, after a lack of oxygen to the brain, in rapidly progressive illness, and in babies with suspected spasms. Video-EEG captures episodes on camera and EEG at the same time.',
    details: [
      'A normal routine EEG does not exclude epilepsy; longer or sleep-deprived recordings may be needed.',
    ],
    sources: [S.zutt2015, S.medlinkMyoclonicSeizures, S.nindsInfantileSpasms],
    lastReviewed: REVIEWED,
    related: ['epileptic-myoclonus', 'jerk-locked-back-averaging', 'infantile-spasms', 'epileptologist'],
    corrections: [
      {
        seedClaim: 'EEG evaluates brain electrical activity, particularly for epilepsy-related myoclonus.',
        correction:
          'True, and EEG is also used after cardiac arrest, in rapidly progressive illness and, combined with EMG, for jerk-locked back-averaging to find a cortical origin of non-epileptic myoclonus.',
        sources: [S.zutt2015, S.elmer2016],
      },
    ],
  },
  {
    id: 'mri',
    kind: 'test',
    name: 'MRI scan of the brain or spine',
    synonyms: ['MRI', 'magnetic resonance imaging', 'brain scan', 'spine scan', 'CT scan', 'imaging'],
    summary:
      'MRI uses a magnetic field to make detailed pictures of the brain and spinal cord. It looks for structural causes such as strokes, tumours, inflammation, injury or degeneration.',
    whatItShows:
      'Lesions of the brain or spinal cord, signs of hypoxic injury, inflammation (for example MS or encephalitis), patterns suggesting prion disease, and olivary enlargement in symptomatic palatal tremor.',
    whenUsed:
      'For focal or segmental jerks, jerks with other neurological signs, suspected spinal myoclonus, and progressive or unexplained myoclonus.',
    details: ['MRI is not needed for clearly physiological jerks such as occasional hypnic jerks.'],
    sources: [S.zutt2015, S.bhattacharjee],
    lastReviewed: REVIEWED,
    related: ['spinal-segmental-myoclonus', 'cause-brain-tumour', 'cause-stroke', 'palatal-myoclonus'],
  },
  {
    id: 'jerk-locked-back-averaging',
    kind: 'test',
    name: 'Jerk-locked back-averaging',
    synonyms: ['back-averaging', 'backaveraging', 'JLBA', 'EEG-EMG back-averaging', 'Bereitschaftspotential', 'cortical correlate'],
    summary:
      'Jerk-locked back-averaging averages the EEG in the moments just before many jerks. A small cortical spike shortly before the jerk points to cortical myoclonus; a slow rising wave (Bereitschaftspotential) about a second before points to functional jerks.',
    whatItShows:
      'Whether brain activity consistently precedes the jerks, its timing (tens of milliseconds for cortical myoclonus) and shape.',
    whenUsed:
      'To classify myoclonus when EEG and EMG are recorded together, particularly to separate cortical from subcortical and functional jerks.',
    details: [
      'It needs many jerks (often 40–100 or more) with clear EMG onsets. MyoTrace’s `myotrace backaverage` computes the jerk-locked average from EEG+EMG recordings and reports the measurements.',
    ],
    sources: [S.merchant2020, S.vanDerSalm2012, S.zutt2015],
    lastReviewed: REVIEWED,
    related: ['cortical-myoclonus', 'functional-jerks', 'eeg', 'emg'],
    analyses: [{ command: 'myotrace backaverage', measures: 'Jerk-locked EEG average, the pre-jerk transient and its latency, and a Bereitschaftspotential.' }],
  },
  {
    id: 'evoked-potentials',
    kind: 'test',
    name: 'Somatosensory evoked potentials and C-reflex',
    synonyms: ['SEP', 'SSEP', 'giant SEP', 'C-reflex', 'long-latency reflex', 'evoked potentials'],
    summary:
      'Evoked potentials record the brain’s response to small electrical stimuli at the wrist or ankle. An unusually large (giant) response and a reflex jerk (C-reflex) suggest cortical myoclonus.',
    whatItShows: 'Cortical hyperexcitability: enlarged cortical responses and a long-latency reflex jerk in the stimulated limb.',
    whenUsed: 'Together with EMG and EEG to confirm a cortical origin, for example in progressive myoclonus epilepsies or after hypoxia.',
    details: ['The size of the giant SEP fell in some patients treated with levetiracetam, showing reduced cortical excitability.'],
    sources: [S.merchant2020, S.zutt2015, S.striano2005],
    lastReviewed: REVIEWED,
    related: ['cortical-myoclonus', 'stimulus-sensitive-myoclonus', 'emg'],
  },
  {
    id: 'polysomnography',
    kind: 'test',
    name: 'Polysomnography (sleep study)',
    synonyms: ['PSG', 'sleep study', 'overnight sleep test', 'video-polysomnography', 'sleep lab'],
    summary:
      'Polysomnography is an overnight recording of brain waves, breathing, oxygen, heart rhythm and muscle activity, including the leg muscles. It is required to diagnose periodic limb movement disorder.',
    whatItShows:
      'Sleep stages, periodic limb movements (index per hour), arousals, breathing pauses, and unusual movements in sleep on video.',
    whenUsed:
      'For suspected PLMD, unexplained sleep disturbance or daytime sleepiness, dream enactment, and to tell nocturnal seizures from sleep-related movements.',
    details: [
      'MyoTrace’s `myotrace score` scores leg movements and PLM series in EDF recordings by the WASM 2016 or AASM rules; wearable estimates are screening figures only.',
    ],
    sources: [S.icsd3Plmd, S.aasm2024],
    lastReviewed: REVIEWED,
    related: ['plmd', 'restless-legs-syndrome', 'sleep-specialist', 'sleep-myoclonus'],
    analyses: [{ command: 'myotrace score', measures: 'Leg movements, PLM series and the PLMS index from the leg EMG channels.' }],
  },
  {
    id: 'genetic-testing',
    kind: 'test',
    name: 'Genetic testing',
    synonyms: ['gene test', 'DNA test', 'exome sequencing', 'gene panel'],
    summary:
      'Genetic tests can find the cause of inherited forms of myoclonus, such as myoclonus-dystonia, progressive myoclonus epilepsies and mitochondrial diseases.',
    whatItShows: 'Changes in genes linked to myoclonus syndromes (for example SGCE, CSTB, POLG).',
    whenUsed:
      'When myoclonus starts in childhood or youth, runs in the family, or comes with progressive neurological problems; chosen by a specialist, usually with genetic counselling.',
    details: ['A result can change treatment: for example, valproate is avoided in POLG-related mitochondrial disease.'],
    sources: [S.zutt2015, S.ferlazzo2017],
    lastReviewed: REVIEWED,
    related: ['essential-myoclonus', 'progressive-myoclonus-epilepsy', 'valproate'],
  },
];
