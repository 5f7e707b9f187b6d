import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

/**
 * Neurophysiological classes: where in the nervous system the jerks start, with the EMG/EEG signature that
 * points there and the MyoTrace analysis that measures it. Burst ranges are typical values from reviews, not
 * diagnostic cut-offs; `null` where the literature gives no usable range.
 */
export const neurophysiologyEntries: Entry[] = [
  {
    id: 'cortical-myoclonus',
    kind: 'neurophysiology',
    name: 'Cortical myoclonus',
    synonyms: ['cortical reflex myoclonus', 'epilepsia partialis continua', 'giant SEP', 'cortical jerks'],
    summary:
      'Cortical myoclonus starts in an over-excitable area of the brain’s outer layer (the sensorimotor cortex). It is the most common neurophysiological class and typically causes brief, focal or multifocal jerks on action and to touch.',
    details: [
      'Typical findings: very short EMG bursts; jerks often triggered by movement or touch; negative myoclonus alongside; enlarged ("giant") somatosensory evoked potentials and a long-latency C-reflex; and, on jerk-locked back-averaging, a small cortical spike over the opposite hemisphere a few tens of milliseconds before the jerk (roughly 20 ms for hand muscles, longer for legs).',
      'Causes include lack of oxygen to the brain (Lance–Adams syndrome), progressive myoclonus epilepsies, neurodegenerative diseases (for example corticobasal syndrome), and metabolic or drug-related disorders.',
      'Levetiracetam is suggested as first choice; valproate, clonazepam and piracetam are also used, often in combination.',
    ],
    emg: {
      burstDurationMs: [10, 50],
      description:
        'Short EMG bursts, typically 10–50 ms and under about 75 ms, often synchronous in antagonist muscles; may be followed by silent periods (negative myoclonus); a time-locked cortical potential precedes the jerk on back-averaging.',
      analyses: [
        { command: 'myotrace bursts', measures: 'EMG burst onsets and durations (short bursts support a cortical origin) and silent periods.' },
        { command: 'myotrace backaverage', measures: 'Jerk-locked EEG back-average: a cortical transient preceding the EMG burst and its lead time in ms.' },
      ],
    },
    sources: [S.cavinessBrown2004, S.zutt2015, S.merchant2020, S.caviness2014],
    lastReviewed: REVIEWED,
    related: ['jerk-locked-back-averaging', 'evoked-potentials', 'action-myoclonus', 'levetiracetam', 'piracetam'],
  },
  {
    id: 'cortical-subcortical-myoclonus',
    kind: 'neurophysiology',
    name: 'Cortical-subcortical myoclonus',
    synonyms: ['generalised epileptic myoclonus', 'thalamocortical myoclonus', 'myoclonic seizure physiology'],
    summary:
      'In cortical-subcortical myoclonus the jerks come from abnormal activity circulating between the cortex and deeper brain structures, as in the myoclonic seizures of generalised epilepsies such as juvenile myoclonic epilepsy.',
    details: [
      'The jerks are often bilateral and synchronous and the EEG shows generalised spike- or polyspike-and-wave discharges linked to them.',
      'Anti-seizure medicines with a broad spectrum (valproate, levetiracetam) are typically used; medicines that can aggravate myoclonic seizures are avoided.',
    ],
    emg: {
      burstDurationMs: [10, 100],
      description:
        'Brief EMG bursts (usually under 100 ms), often bilateral and synchronous, time-locked to generalised EEG discharges.',
      analyses: [
        { command: 'myotrace bursts', measures: 'Burst durations and left/right synchrony of jerks.' },
        { command: 'myotrace backaverage', measures: 'EEG activity time-locked to the jerks (generalised discharges rather than a focal cortical spike).' },
      ],
    },
    sources: [S.zutt2015, S.levyChen2016, S.medlinkMyoclonicSeizures],
    lastReviewed: REVIEWED,
    related: ['epileptic-myoclonus', 'juvenile-myoclonic-epilepsy', 'eeg'],
  },
  {
    id: 'subcortical-myoclonus',
    kind: 'neurophysiology',
    name: 'Subcortical (including brainstem) myoclonus',
    synonyms: ['brainstem myoclonus', 'reticular reflex myoclonus', 'myoclonus-dystonia physiology', 'non-cortical myoclonus'],
    summary:
      'Subcortical myoclonus starts below the cortex, in the brainstem or the basal ganglia. Examples are brainstem reticular reflex myoclonus, exaggerated startle (hyperekplexia) and myoclonus-dystonia.',
    details: [
      'In brainstem myoclonus the jerks often involve the whole body, spreading up and down from the lower brainstem, and can be set off by sound or touch. In myoclonus-dystonia the bursts are longer and the jerks mainly affect the neck and arms.',
      'There is no cortical spike before the jerks on back-averaging, which helps separate this class from cortical myoclonus.',
      'Clonazepam is the usual first medicine.',
    ],
    emg: {
      burstDurationMs: null,
      description:
        'Burst durations vary by syndrome (brief in brainstem reflex myoclonus, longer in myoclonus-dystonia); brainstem jerks recruit muscles outward from the lower brainstem (e.g. sternocleidomastoid early); no cortical correlate on back-averaging.',
      analyses: [
        { command: 'myotrace bursts', measures: 'Burst durations and onset order across muscles (recruitment pattern).' },
        { command: 'myotrace backaverage', measures: 'Absence of a cortical transient before the jerks.' },
      ],
    },
    sources: [S.zutt2015, S.cavinessBrown2004, S.levyChen2016],
    lastReviewed: REVIEWED,
    related: ['essential-myoclonus', 'stimulus-sensitive-myoclonus', 'clonazepam'],
  },
  {
    id: 'spinal-segmental-myoclonus',
    kind: 'neurophysiology',
    name: 'Spinal segmental myoclonus',
    synonyms: ['segmental myoclonus', 'spinal myoclonus'],
    summary:
      'Spinal segmental myoclonus comes from one or a few segments of the spinal cord. The jerks are confined to the muscles supplied by those segments, are often rhythmic, and may continue during sleep.',
    details: [
      'Causes include inflammation of the spinal cord (for example in multiple sclerosis), injury, tumours, reduced blood supply, and after spinal anaesthesia or surgery. MRI of the spine is the key test.',
      'Clonazepam is often tried first; botulinum toxin can help when the jerks are focal.',
    ],
    emg: {
      burstDurationMs: [100, 1000],
      description:
        'Longer EMG bursts (typically over 100 ms), often rhythmic or semi-rhythmic, restricted to muscles of one or a few spinal segments and little influenced by sleep or stimuli.',
      analyses: [
        { command: 'myotrace bursts', measures: 'Burst durations, rhythmicity (inter-burst intervals) and which channels are involved.' },
      ],
    },
    sources: [S.zutt2015, S.levyChen2016, S.cavinessBrown2004],
    lastReviewed: REVIEWED,
    related: ['mri', 'cause-multiple-sclerosis', 'clonazepam', 'botulinum-toxin'],
  },
  {
    id: 'propriospinal-myoclonus',
    kind: 'neurophysiology',
    name: 'Propriospinal myoclonus',
    synonyms: ['axial myoclonus', 'trunk jerks', 'flexion jerks of the trunk', 'propriospinal jerks'],
    summary:
      'Propriospinal myoclonus causes jerks of the trunk, hips and neck that appear to start in one spinal segment and spread slowly up and down the cord, often when lying down or drifting off to sleep.',
    details: [
      'A careful electrophysiological study found that many people first diagnosed with propriospinal myoclonus actually had functional jerks: their recordings showed variable muscle recruitment and a Bereitschaftspotential (a brain wave that precedes voluntary movement).',
      'Multi-channel EMG along the trunk, and back-averaging of the EEG before the jerks, help to tell the two apart.',
    ],
    emg: {
      burstDurationMs: null,
      description:
        'Axial EMG bursts (often over 100 ms) with slow, orderly spread from a starting segment to neighbouring segments; variable recruitment or a preceding Bereitschaftspotential suggests a functional origin instead.',
      analyses: [
        { command: 'myotrace bursts', measures: 'Onset latencies of bursts across trunk muscles (spread pattern) and burst durations.' },
        { command: 'myotrace backaverage', measures: 'A Bereitschaftspotential before the jerks, which argues for functional jerks.' },
      ],
    },
    sources: [S.erro2013, S.levyChen2016, S.vanDerSalm2012],
    lastReviewed: REVIEWED,
    related: ['functional-jerks', 'spinal-segmental-myoclonus', 'emg'],
  },
  {
    id: 'peripheral-myoclonus',
    kind: 'neurophysiology',
    name: 'Peripheral myoclonus',
    synonyms: ['hemifacial spasm', 'nerve-related jerks', 'root or plexus myoclonus'],
    summary:
      'Peripheral myoclonus arises from a damaged nerve root, plexus or nerve rather than from the brain or spinal cord. Hemifacial spasm, with twitching on one side of the face, is the best-known example.',
    details: [
      'The jerks are limited to muscles supplied by the affected nerve. Nerve conduction studies and EMG, and sometimes imaging of the nerve, find the site.',
      'Botulinum toxin injections are the usual treatment for hemifacial spasm; surgery to relieve pressure on the facial nerve is an option in selected cases.',
    ],
    emg: {
      burstDurationMs: null,
      description:
        'Bursts confined to one nerve’s territory, with variable duration; signs of nerve damage on EMG and nerve conduction studies.',
      analyses: [{ command: 'myotrace bursts', measures: 'Which channels burst together and how long the bursts last.' }],
    },
    sources: [S.zutt2015, S.cavinessBrown2004],
    lastReviewed: REVIEWED,
    related: ['emg', 'botulinum-toxin', 'surgery'],
  },
  {
    id: 'functional-jerks',
    kind: 'neurophysiology',
    name: 'Functional jerks (functional myoclonus)',
    synonyms: ['psychogenic myoclonus', 'functional myoclonus', 'functional movement disorder', 'FND jerks', 'stress-related jerks'],
    summary:
      'Functional jerks are real, involuntary jerks caused by a problem in how the brain controls movement rather than by damage to it. They are common, can be disabling, and can improve with the right treatment.',
    details: [
      'Typical features are jerks that vary in pattern, lessen when attention is drawn away, and may start after a physical event or illness. Stress can be a factor but is not required.',
      'Recordings help: bursts tend to be longer and more variable, and EEG back-averaging often shows a Bereitschaftspotential, a slow brain wave that normally precedes voluntary movement, before the jerks.',
      'Treatment is based on understanding the diagnosis, specialised physiotherapy and, where helpful, psychological therapy.',
    ],
    emg: {
      burstDurationMs: null,
      description:
        'Variable bursts, often longer than about 70–100 ms, with inconsistent muscle recruitment; a Bereitschaftspotential commonly precedes the jerks on back-averaging.',
      analyses: [
        { command: 'myotrace backaverage', measures: 'A slow negative EEG shift (Bereitschaftspotential) starting about a second before the jerks.' },
        { command: 'myotrace bursts', measures: 'Burst durations and how much they vary from jerk to jerk.' },
      ],
    },
    sources: [S.vanDerSalm2012, S.erro2013, S.nielsen2015],
    lastReviewed: REVIEWED,
    related: ['psychiatry-psychology', 'physiotherapist', 'propriospinal-myoclonus', 'jerk-locked-back-averaging'],
  },
];
