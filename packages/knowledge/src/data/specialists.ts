import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

/** Who to see, and when. The triage points to these entries. */
export const specialistEntries: Entry[] = [
  {
    id: 'emergency-care',
    kind: 'specialist',
    name: 'Emergency services',
    synonyms: ['emergency', 'ambulance', 'A&E', 'emergency department', 'ER', '911', '999', '112'],
    summary:
      'Some jerks are part of a medical emergency. Call emergency services or go to an emergency department at once if the red flags below apply.',
    whenToSee: [
      'New jerks together with fever, confusion, severe headache or a stiff neck (possible meningitis or encephalitis).',
      'Jerks after a cardiac arrest, drowning or other lack of oxygen to the brain.',
      'A seizure lasting more than 5 minutes, repeated seizures without recovery in between, or a first seizure.',
      'Jerks with signs of stroke (sudden weakness, facial droop, speech or vision loss).',
    ],
    details: ['If in doubt, call: emergency services can advise over the phone.'],
    sources: [S.nhsMeningitis, S.nhsEncephalitis, S.elmer2016],
    lastReviewed: REVIEWED,
    related: ['cause-infection', 'cause-hypoxia', 'cause-stroke'],
  },
  {
    id: 'primary-care',
    kind: 'specialist',
    name: 'Family doctor (GP, primary care)',
    synonyms: ['GP', 'general practitioner', 'family doctor', 'primary care physician', 'PCP'],
    summary:
      'Your family doctor is the usual first contact for jerks that are not an emergency: they can review medicines, order first blood tests and refer you to the right specialist.',
    whenToSee: [
      'Jerks that are new, frequent or bothersome but without red flags.',
      'Hiccups lasting more than 48 hours.',
      'Jerks that started after a new medicine or a dose change (bring the dates).',
      'To arrange referral to a neurologist or sleep specialist.',
    ],
    details: ['Bring a diary of when the jerks happen, any triggers, a list of all medicines and supplements, and if possible a short video.'],
    sources: [S.ninds, S.steger2015],
    lastReviewed: REVIEWED,
    related: ['neurologist', 'blood-urine-tests', 'drug-induced-myoclonus'],
  },
  {
    id: 'neurologist',
    kind: 'specialist',
    name: 'Neurologist',
    synonyms: ['neurology', 'brain specialist', 'nerve specialist'],
    summary:
      'A neurologist is the main specialist for diagnosing and treating myoclonus: they find the type and cause and choose treatment.',
    whenToSee: [
      'Myoclonus that is frequent, spreading, worsening or interfering with eating, speaking, writing or walking.',
      'Jerks with other neurological symptoms (weakness, unsteadiness, memory or behaviour change).',
      'Urgently if jerks worsen rapidly with memory or behaviour change, or come with seizures or loss of consciousness.',
    ],
    details: ['They may arrange EEG, EMG, MRI, blood tests or genetic tests and refer on to an epilepsy or movement-disorder specialist.'],
    sources: [S.ninds, S.zutt2015],
    lastReviewed: REVIEWED,
    related: ['epileptologist', 'movement-disorder-specialist', 'eeg', 'emg', 'mri'],
    corrections: [
      {
        seedClaim: 'A neurologist is the primary specialist; a psychiatrist may be consulted for stress-related myoclonus or a physical therapist for rehabilitation.',
        correction:
          'The neurologist remains central, but the list is incomplete: epilepsy specialists, movement-disorder and sleep specialists, ENT surgeons (ear clicks) and paediatric neurologists (infants) all have roles. Functional jerks are diagnosed by a neurologist and treated with specialised physiotherapy and psychological therapy, not by a psychiatrist alone; "stress-related" is not a required feature.',
        sources: [S.nielsen2015, S.zutt2015, S.aasm2024],
      },
    ],
  },
  {
    id: 'epileptologist',
    kind: 'specialist',
    name: 'Epilepsy specialist (epileptologist)',
    synonyms: ['epileptologist', 'epilepsy clinic', 'epilepsy nurse', 'seizure specialist'],
    summary:
      'An epilepsy specialist manages myoclonus that is part of an epilepsy, chooses anti-seizure medicines that do not aggravate jerks, and handles pregnancy planning with these medicines.',
    whenToSee: [
      'Jerks with seizures or loss of consciousness, or morning jerks in a teenager.',
      'Myoclonic epilepsy that is not controlled, or jerks that worsened after a medicine change.',
      'Before and during pregnancy planning while taking anti-seizure medicines, especially valproate.',
    ],
    details: ['Video-EEG monitoring may be arranged to capture and classify the jerks.'],
    sources: [S.medlinkJme, S.mhraValproate2024],
    lastReviewed: REVIEWED,
    related: ['epileptic-myoclonus', 'juvenile-myoclonic-epilepsy', 'eeg', 'valproate'],
  },
  {
    id: 'movement-disorder-specialist',
    kind: 'specialist',
    name: 'Movement-disorder specialist',
    synonyms: ['movement disorders neurologist', 'movement disorder clinic'],
    summary:
      'A movement-disorder specialist is a neurologist with expertise in jerks, tremor, dystonia and parkinsonism, and in the neurophysiological tests that classify them.',
    whenToSee: [
      'Myoclonus whose type or cause is unclear after first tests.',
      'Myoclonus with dystonia, parkinsonism or a family history.',
      'Possible functional jerks, or jerks that do not respond to first treatments.',
    ],
    details: ['They often work with a clinical neurophysiology laboratory for EMG, back-averaging and evoked potentials.'],
    sources: [S.zutt2015, S.levyChen2016],
    lastReviewed: REVIEWED,
    related: ['essential-myoclonus', 'cause-parkinsonian-syndromes', 'functional-jerks', 'jerk-locked-back-averaging'],
  },
  {
    id: 'sleep-specialist',
    kind: 'specialist',
    name: 'Sleep specialist',
    synonyms: ['sleep medicine', 'sleep clinic', 'sleep doctor', 'somnologist'],
    summary:
      'A sleep specialist diagnoses and treats restless legs, periodic limb movement disorder and other sleep-related movements, using sleep studies where needed.',
    whenToSee: [
      'Jerks or leg movements in sleep that disturb your sleep or your partner’s, or daytime sleepiness.',
      'An evening urge to move the legs (possible restless legs syndrome).',
      'Acting out dreams, loud snoring with breathing pauses, or very frequent sleep starts.',
      'Worsening restless legs on a dopamine agonist (possible augmentation).',
    ],
    details: ['A diagnosis of PLMD requires polysomnography; wearable or app estimates are screening only.'],
    sources: [S.icsd3Plmd, S.aasm2024],
    lastReviewed: REVIEWED,
    related: ['plmd', 'restless-legs-syndrome', 'polysomnography', 'sleep-and-jerks'],
  },
  {
    id: 'psychiatry-psychology',
    kind: 'specialist',
    name: 'Psychology and psychiatry (functional jerks, anxiety)',
    synonyms: ['psychologist', 'psychiatrist', 'psychotherapy', 'CBT', 'neuropsychiatry', 'mental health'],
    summary:
      'Psychological therapy can be part of the treatment of functional jerks, and of anxiety or low mood that often come with long-term jerks. It works best alongside the neurologist and physiotherapist.',
    whenToSee: [
      'After a neurologist has diagnosed functional jerks and recommends therapy.',
      'Anxiety, low mood or obsessive-compulsive symptoms (which are more common in myoclonus-dystonia).',
      'Mood changes on a medicine such as levetiracetam: contact the prescriber too.',
    ],
    details: ['Being referred does not mean the jerks are "imagined"; functional symptoms are real and involuntary.'],
    sources: [S.nielsen2015, S.zutt2015],
    lastReviewed: REVIEWED,
    related: ['functional-jerks', 'essential-myoclonus', 'physiotherapist'],
  },
  {
    id: 'physiotherapist',
    kind: 'specialist',
    name: 'Physiotherapist',
    synonyms: ['physical therapist', 'physio', 'physiotherapy', 'rehabilitation', 'occupational therapist'],
    summary:
      'A physiotherapist helps with balance, walking, safe movement and fall prevention, and delivers specialised treatment for functional jerks. An occupational therapist can adapt daily tasks and the home.',
    whenToSee: [
      'Falls, unsteadiness or fear of falling, for example with negative or action myoclonus.',
      'Functional jerks (specialised physiotherapy has supporting evidence).',
      'Before starting balance exercises if your legs jerk or give way.',
    ],
    details: ['Ask about walking aids, home adaptations and exercises tailored to your jerks.'],
    sources: [S.nielsen2015, S.sherrington2019],
    lastReviewed: REVIEWED,
    related: ['balance-training', 'functional-jerks', 'lance-adams-syndrome', 'stretching-routine'],
  },
  {
    id: 'ent-specialist',
    kind: 'specialist',
    name: 'Ear, nose and throat (ENT) specialist',
    synonyms: ['ENT', 'otolaryngologist', 'ear specialist'],
    summary:
      'An ENT specialist assesses clicking sounds in the ear and can examine the palate; with a neurologist they manage ear clicks from palatal tremor, including botulinum toxin injections.',
    whenToSee: [
      'A rhythmic clicking sound in one or both ears, especially if others can hear it too.',
      'Visible rhythmic movement of the soft palate.',
    ],
    details: ['Other causes of clicking (for example middle-ear muscle spasm or Eustachian tube problems) are considered too.'],
    sources: [S.bhattacharjee, S.penney2006],
    lastReviewed: REVIEWED,
    related: ['palatal-myoclonus', 'botulinum-toxin', 'neurologist'],
  },
  {
    id: 'paediatric-neurologist',
    kind: 'specialist',
    name: 'Paediatrician and paediatric neurologist',
    synonyms: ['pediatric neurologist', 'paediatrician', 'pediatrician', 'child neurologist', 'children’s doctor'],
    summary:
      'For babies and children with jerks, a paediatrician is the first contact and a paediatric neurologist assesses possible epilepsy, including infantile spasms.',
    whenToSee: [
      'A baby with jerks that also happen awake, come in clusters on waking, or come with feeding problems, drowsiness or loss of skills (same day).',
      'A newborn with sleep jerks, to confirm benign neonatal sleep myoclonus (a video helps).',
      'A child or teenager with morning jerks, absences or seizures.',
    ],
    details: ['Bring a video of the episodes and note when they happen in relation to sleep and waking.'],
    sources: [S.maurer2010, S.nindsInfantileSpasms, S.pellock2010],
    lastReviewed: REVIEWED,
    related: ['benign-neonatal-sleep-myoclonus', 'infantile-spasms', 'juvenile-myoclonic-epilepsy', 'dravet-syndrome'],
  },
];
