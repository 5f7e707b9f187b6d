import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

/** Clinical types of myoclonus: by what the jerk does, when it happens, its cause, its trigger or its site. */
export const typeEntries: Entry[] = [
  {
    id: 'positive-myoclonus',
    kind: 'type',
    axis: 'phenomenon',
    name: 'Positive myoclonus',
    synonyms: ['active jerk', 'muscle contraction jerk', 'positive jerks'],
    summary:
      'Positive myoclonus is the usual kind of jerk: a muscle or group of muscles contracts suddenly and briefly, moving the body part.',
    details: [
      'On an EMG recording each jerk appears as a short burst of muscle activity, typically 10–50 ms long.',
      'Most of the types described in this knowledge base (hypnic jerks, action myoclonus, reflex myoclonus) are positive myoclonus. Positive and negative myoclonus often occur together in the same person.',
    ],
    codes: { icd10cm: ['G25.3'], snomedCt: ['17450006'], hpo: ['HP:0001336'] },
    sources: [S.cavinessBrown2004, S.eberhardtTopka2017],
    lastReviewed: REVIEWED,
    related: ['myoclonus', 'negative-myoclonus', 'emg'],
  },
  {
    id: 'negative-myoclonus',
    kind: 'type',
    axis: 'phenomenon',
    name: 'Negative myoclonus',
    synonyms: ['asterixis', 'flapping tremor', 'lapse of posture', 'silent period', 'drop attacks of the legs', 'sudden loss of muscle tone', 'liver flap'],
    summary:
      'Negative myoclonus is a sudden, brief loss of muscle tone instead of a contraction: an outstretched hand flaps down, or the knees give way for a moment.',
    details: [
      'On EMG it shows as a short gap in ongoing muscle activity (a silent period). Published classifications use about 50–69 ms (short), 70–100 ms (intermediate) and 101–500 ms (long).',
      'Asterixis, the flapping of outstretched hands in kidney or liver failure and some drug toxicities, is a form of negative myoclonus. Negative myoclonus of the legs can make walking unsteady and cause falls, for example after a lack of oxygen to the brain.',
      'It is easy to miss: people may describe it as clumsiness, dropping things or the legs "giving way".',
    ],
    sources: [S.cavinessBrown2004, S.silentPeriods2023, S.kim2017],
    lastReviewed: REVIEWED,
    related: ['positive-myoclonus', 'cause-organ-failure', 'lance-adams-syndrome', 'emg', 'balance-training'],
  },
  {
    id: 'physiological-myoclonus',
    kind: 'type',
    axis: 'cause',
    name: 'Physiological myoclonus',
    synonyms: ['normal jerks', 'benign jerks', 'harmless twitches', 'jerks in healthy people'],
    summary:
      'Physiological myoclonus is jerking that happens in healthy people and is not a sign of disease: jerks when falling asleep, hiccups, and jerks with exercise, anxiety or a fright.',
    details: [
      'The commonest examples are hypnic jerks (sleep starts) and hiccups. Brief jerks after strenuous exercise, when very anxious or tired, and the normal startle to a sudden noise also belong here.',
      'Physiological jerks do not get steadily worse, do not spread, and do not come with other neurological symptoms. Jerks that do any of these, or that disturb daily activities such as eating, speaking or walking, deserve a medical assessment.',
    ],
    sources: [S.cavinessBrown2004, S.hypnicParkinsonism2016, S.whitneyWeiss2018, S.ninds],
    lastReviewed: REVIEWED,
    related: ['hypnic-jerks', 'hiccups', 'exercise-anxiety-jerks', 'symptomatic-myoclonus'],
    corrections: [
      {
        seedClaim: 'Physiological myoclonus occurs in over 80% of healthy individuals.',
        correction:
          'We found no source for an 80% figure. The best-studied example, hypnic jerks, is reported in about 60–70% of the general population; hiccups are close to universal. Prevalence therefore depends on which kind is meant, and no single figure for "physiological myoclonus" is established.',
        sources: [S.hypnicParkinsonism2016, S.whitneyWeiss2018],
      },
    ],
  },
  {
    id: 'hypnic-jerks',
    kind: 'type',
    axis: 'setting',
    name: 'Hypnic jerks (sleep starts)',
    synonyms: ['sleep starts', 'hypnagogic jerks', 'sleep twitch', 'night start', 'falling asleep jerk', 'jerk when falling asleep', 'predormital myoclonus'],
    summary:
      'Hypnic jerks are single, sudden jerks of the body or limbs just as a person drifts off to sleep, often with a feeling of falling. They are normal.',
    details: [
      'About 60–70% of people have them. They are listed among normal variants of sleep-related movements in the International Classification of Sleep Disorders.',
      'They may be more frequent with caffeine, nicotine, stress, sleep loss, an irregular sleep schedule or heavy exercise late in the evening. Very frequent sleep starts can make it hard to fall asleep.',
      'Jerks that continue through the night in a regular rhythm, mostly in the legs, are more like periodic limb movements and are a different thing.',
    ],
    sources: [S.hypnicParkinsonism2016, S.whitneyWeiss2018],
    lastReviewed: REVIEWED,
    related: ['physiological-myoclonus', 'sleep-myoclonus', 'sleep-and-jerks', 'plmd'],
  },
  {
    id: 'hiccups',
    kind: 'type',
    axis: 'distribution',
    name: 'Hiccups',
    synonyms: ['hiccough', 'singultus', 'diaphragm spasm', 'hiccup'],
    summary:
      'A hiccup is a jerk of the diaphragm and the muscles between the ribs, followed by the vocal cords snapping shut. Short bouts are a normal form of myoclonus.',
    details: [
      'Ordinary bouts stop by themselves within minutes to hours.',
      'Hiccups that last longer than 48 hours (persistent) or more than a month (intractable) can have causes in the gut, chest, brain or in medicines and should be checked by a doctor.',
    ],
    sources: [S.steger2015, S.cavinessBrown2004],
    lastReviewed: REVIEWED,
    related: ['physiological-myoclonus', 'primary-care'],
  },
  {
    id: 'exercise-anxiety-jerks',
    kind: 'type',
    axis: 'trigger',
    name: 'Jerks with exercise, anxiety or fatigue',
    synonyms: ['anxiety twitching', 'stress jerks', 'exercise-induced jerks', 'jerks after exercise', 'nervous twitching', 'startle'],
    summary:
      'Brief jerks after hard exercise, when very anxious or tired, or a jump at a sudden noise are common in healthy people and usually harmless.',
    details: [
      'These are counted among physiological myoclonus. They come and go with the situation and leave no weakness or other symptoms behind.',
      'Jerks that grow more frequent over weeks, spread to new body parts, or start to interfere with daily tasks are not explained by stress alone and deserve a medical assessment. Stress can also make other kinds of myoclonus, including functional jerks, more noticeable.',
    ],
    sources: [S.cavinessBrown2004, S.ninds],
    lastReviewed: REVIEWED,
    related: ['physiological-myoclonus', 'breathing-relaxation', 'functional-jerks', 'stimulus-sensitive-myoclonus'],
  },
  {
    id: 'essential-myoclonus',
    kind: 'type',
    axis: 'cause',
    name: 'Essential myoclonus',
    synonyms: ['idiopathic myoclonus', 'hereditary essential myoclonus', 'myoclonus-dystonia', 'SGCE', 'DYT-SGCE', 'DYT11'],
    summary:
      'Essential myoclonus is myoclonus that is the main or only problem, without another disease that explains it. It often starts in childhood or adolescence and some forms run in families.',
    details: [
      'Many people with inherited essential myoclonus have myoclonus-dystonia, most often due to changes in the SGCE gene: jerks mainly of the neck, shoulders and arms, sometimes with mild dystonia, and often a clear improvement with alcohol. Anxiety and obsessive-compulsive symptoms are more common in this condition.',
      'The course is usually stable or only slowly changing over many years and life expectancy is normal. Treatment is needed only when the jerks interfere with daily life.',
      'Before calling myoclonus "essential", doctors look for other causes, because it is a diagnosis reached after ruling them out.',
    ],
    sources: [S.cavinessBrown2004, S.zutt2015, S.kojovic2011],
    lastReviewed: REVIEWED,
    related: ['subcortical-myoclonus', 'movement-disorder-specialist', 'clonazepam'],
    corrections: [
      {
        seedClaim: 'Essential myoclonus occurs without an identifiable cause and does not worsen over time.',
        correction:
          'Many familial cases do have an identifiable genetic cause (myoclonus-dystonia, often SGCE). The course is usually stable or only slowly progressive, but "never worsens" is too absolute; a clearly progressive course should prompt a search for another cause.',
        sources: [S.zutt2015, S.kojovic2011],
      },
    ],
  },
  {
    id: 'epileptic-myoclonus',
    kind: 'type',
    axis: 'cause',
    name: 'Epileptic myoclonus (myoclonic seizures)',
    synonyms: ['myoclonic seizures', 'myoclonic epilepsy', 'epilepsy jerks', 'morning jerks', 'progressive myoclonus epilepsy', 'PME', 'epilepsy'],
    summary:
      'In some epilepsies, jerks are a kind of seizure: sudden jerks, often of the arms or shoulders, sometimes with other seizure types such as absences or convulsions.',
    details: [
      'Juvenile myoclonic epilepsy (JME) typically starts in the teenage years with jerks shortly after waking, made worse by sleep loss, alcohol or flickering light. Progressive myoclonus epilepsies (PME) are rare conditions in which myoclonus, seizures and other neurological problems slowly worsen.',
      'EEG recording is central to the diagnosis; the jerks may line up with spike or polyspike discharges.',
      'The choice of medicine matters: some anti-seizure medicines that help focal epilepsy (carbamazepine, oxcarbazepine, phenytoin, and in some syndromes lamotrigine) can make myoclonic seizures worse.',
    ],
    codes: { icd10cm: ['G25.3'] },
    sources: [S.medlinkMyoclonicSeizures, S.medlinkJme, S.ferlazzo2017, S.levyChen2016],
    lastReviewed: REVIEWED,
    related: ['juvenile-myoclonic-epilepsy', 'cortical-subcortical-myoclonus', 'eeg', 'epileptologist', 'valproate', 'levetiracetam', 'lamotrigine'],
  },
  {
    id: 'symptomatic-myoclonus',
    kind: 'type',
    axis: 'cause',
    name: 'Symptomatic (secondary) myoclonus',
    synonyms: ['secondary myoclonus', 'pathological myoclonus', 'acquired myoclonus'],
    summary:
      'Symptomatic myoclonus is caused by another condition: a brain injury, infection, lack of oxygen, kidney or liver failure, a medicine, a neurodegenerative disease, a stroke or a tumour. It is the most common kind seen by doctors.',
    details: [
      'The jerks may interfere with eating, speaking, writing and walking. How they develop depends on the cause: myoclonus due to a medicine or a metabolic upset often settles once that is corrected, whereas myoclonus in a neurodegenerative disease tends to progress.',
      'Finding the cause is the first step. Blood and urine tests, a review of all medicines, brain imaging, EEG and EMG are the usual tools.',
    ],
    codes: { icd10cm: ['G25.3'] },
    sources: [S.cavinessBrown2004, S.zutt2015, S.ninds],
    lastReviewed: REVIEWED,
    related: ['cause-organ-failure', 'cause-hypoxia', 'drug-induced-myoclonus', 'cause-infection', 'treat-underlying-cause', 'blood-urine-tests'],
  },
  {
    id: 'stimulus-sensitive-myoclonus',
    kind: 'type',
    axis: 'trigger',
    name: 'Stimulus-sensitive (reflex) myoclonus',
    synonyms: ['reflex myoclonus', 'stimulus-induced myoclonus', 'startle', 'jerks to noise', 'jerks to touch', 'jerks to light', 'photic myoclonus', 'hyperekplexia'],
    summary:
      'In reflex myoclonus, jerks are set off by something outside the body: a touch, a tap, a sudden noise, a bright or flashing light, or an unexpected movement.',
    details: [
      'A normal startle to a sudden loud noise happens to everyone. Reflex myoclonus is different: jerks follow ordinary, gentle stimuli, are often repeatable, and usually come from an over-excitable sensory-motor cortex (cortical reflex myoclonus) or brainstem.',
      'Sensitivity to flashing light is typical of some epilepsies. An exaggerated startle from birth can point to hyperekplexia, a rare inherited condition.',
      'Tests include EMG with evoked potentials (a "giant" response and a long-latency C-reflex suggest a cortical origin) and EEG.',
    ],
    sources: [S.cavinessBrown2004, S.zutt2015, S.merchant2020],
    lastReviewed: REVIEWED,
    related: ['cortical-myoclonus', 'subcortical-myoclonus', 'evoked-potentials', 'emg'],
    corrections: [
      {
        seedClaim: 'Stimulus-sensitive myoclonus can occur in both healthy individuals and patients with neurological disorders (stress or emotional shock listed as triggers).',
        correction:
          'Only the ordinary startle reaction is normal. True reflex myoclonus triggered by touch, noise or light is usually a sign of a cortical or brainstem disorder and should be assessed. Stress and emotion can worsen many kinds of jerks but are not the defining trigger of reflex myoclonus.',
        sources: [S.cavinessBrown2004, S.zutt2015],
      },
    ],
  },
  {
    id: 'sleep-myoclonus',
    kind: 'type',
    axis: 'setting',
    name: 'Sleep-related myoclonus',
    synonyms: ['nocturnal myoclonus', 'night jerks', 'jerks in sleep', 'kicking in sleep', 'fragmentary myoclonus', 'propriospinal myoclonus at sleep onset'],
    summary:
      'Several kinds of jerks happen only around or during sleep: hypnic jerks at sleep onset, tiny twitches of the face and hands (fragmentary myoclonus), periodic leg movements, and in babies benign neonatal sleep myoclonus.',
    details: [
      'Most sleep-related jerks are harmless and need no treatment. Hypnic jerks happen once or a few times at sleep onset; fragmentary myoclonus appears as scattered very brief twitches, mostly seen on recordings.',
      'Leg movements that repeat every 5–90 seconds for long stretches of the night are periodic limb movements (PLMS). When they disturb sleep or daytime function and nothing else explains them, the diagnosis is periodic limb movement disorder (PLMD), which needs a sleep study to confirm.',
      'Kicking, shouting or acting out dreams is not myoclonus and may point to REM sleep behaviour disorder, which a sleep specialist should assess.',
    ],
    sources: [S.whitneyWeiss2018, S.icsd3Plmd, S.cavinessBrown2004],
    lastReviewed: REVIEWED,
    related: ['hypnic-jerks', 'plmd', 'benign-neonatal-sleep-myoclonus', 'polysomnography', 'sleep-specialist', 'sleep-and-jerks'],
    corrections: [
      {
        seedClaim: 'Sleep myoclonus (kicking, jerking of limbs) is usually harmless and does not require treatment.',
        correction:
          'This holds for hypnic jerks and fragmentary myoclonus, but repetitive leg movements that disturb sleep may be PLMD or accompany restless legs syndrome, which can be treated (often starting with iron), and dream-enacting kicks may be REM sleep behaviour disorder. Disturbed sleep or daytime sleepiness is a reason to see a doctor.',
        sources: [S.icsd3Plmd, S.aasm2024],
      },
    ],
  },
  {
    id: 'action-myoclonus',
    kind: 'type',
    axis: 'setting',
    name: 'Action myoclonus',
    synonyms: ['intention myoclonus', 'jerks on movement', 'jerks when reaching', 'jerks when writing', 'action jerks'],
    summary:
      'Action myoclonus is jerking that appears or gets much worse when a person tries to move, for example when reaching, writing, holding a cup or standing up. It is often the most disabling kind.',
    details: [
      'The jerks are irregular and shock-like, which distinguishes them from the regular oscillation of a tremor. They often come with negative myoclonus, so that the hand or the legs give way.',
      'Action myoclonus is typical of cortical myoclonus, for example after a lack of oxygen to the brain (Lance–Adams syndrome) and in progressive myoclonus epilepsies.',
      'Levetiracetam, valproate, clonazepam and piracetam are the medicines most used; several are often combined.',
    ],
    sources: [S.lanceAdams1963, S.caviness2014, S.levyChen2016],
    lastReviewed: REVIEWED,
    related: ['cortical-myoclonus', 'lance-adams-syndrome', 'levetiracetam', 'piracetam', 'physiotherapist'],
    corrections: [
      {
        seedClaim: 'Action myoclonus causes shaking when trying to perform precise actions.',
        correction:
          'Shaking during precise actions is more typical of tremor, a rhythmic oscillation. Action myoclonus consists of irregular, shock-like jerks (often with brief lapses of tone) triggered by movement. The difference matters because the tests and treatments differ.',
        sources: [S.cavinessBrown2004, S.levyChen2016],
      },
    ],
  },
  {
    id: 'palatal-myoclonus',
    kind: 'type',
    axis: 'distribution',
    name: 'Palatal myoclonus (palatal tremor) and ear clicks',
    synonyms: ['palatal tremor', 'ear click', 'clicking in the ear', 'objective tinnitus', 'essential palatal tremor', 'symptomatic palatal tremor', 'soft palate jerks'],
    summary:
      'In palatal tremor (formerly palatal myoclonus) the soft palate moves rhythmically, one to three times a second. In the essential form people often hear a clicking sound in the ear.',
    details: [
      'The older name "palatal myoclonus" is still used in coding (the ICD-10-CM code for myoclonus includes it), but because the movement is rhythmic it is now usually called palatal tremor.',
      'Essential palatal tremor involves the tensor veli palatini muscle, which opens the Eustachian tube; its contraction makes the ear click. Symptomatic palatal tremor follows a lesion in the brainstem or cerebellum (for example a stroke) and often shows enlargement of the inferior olive on MRI; the ear click is less common.',
      'Botulinum toxin injected into the palatal muscles stopped the ear click in small case series. Other options reported include clonazepam, valproate and lamotrigine.',
    ],
    codes: { icd10cm: ['G25.3'] },
    sources: [S.deuschl1991, S.penney2006, S.bhattacharjee, S.icd10G253],
    lastReviewed: REVIEWED,
    related: ['botulinum-toxin', 'ent-specialist', 'mri', 'neurologist'],
    corrections: [
      {
        seedClaim: 'Botox injections are effective for palatal myoclonus by relaxing overactive muscles.',
        correction:
          'The evidence is from small case series (for example 4 of 5 patients free of ear clicks) and is mainly for the ear click of essential palatal tremor; there are no controlled trials. The condition is now usually called palatal tremor because the movement is rhythmic.',
        sources: [S.deuschl1991, S.penney2006, S.bhattacharjee],
      },
    ],
  },
  {
    id: 'benign-neonatal-sleep-myoclonus',
    kind: 'type',
    axis: 'setting',
    name: 'Benign neonatal sleep myoclonus',
    synonyms: ['BNSM', 'newborn sleep jerks', 'baby jerks in sleep', 'neonatal sleep myoclonus', 'infant twitching asleep'],
    summary:
      'Some healthy newborns have runs of jerks of the arms or legs only while asleep, which stop as soon as the baby is woken. The condition is harmless and goes away by itself.',
    details: [
      'It usually starts in the first days or weeks of life. The jerks can be rhythmic and come in clusters lasting seconds to minutes, may be set off by rocking or repeated sounds, and stop when the baby wakes. The baby is otherwise well and develops normally.',
      'A review of 164 infants found it had usually gone by about 3 months of age, but in about a third it lasted longer; it rarely continues past the first year. Anti-seizure medicines are not needed and can make the jerks worse.',
      'Jerks that also happen while the baby is awake, clusters of sudden bending or stiffening movements on waking, poor feeding, or any loss of skills are different and need prompt medical assessment (for example for infantile spasms). Filming an episode helps the doctor.',
    ],
    sources: [S.maurer2010, S.nindsInfantileSpasms],
    lastReviewed: REVIEWED,
    related: ['infantile-spasms', 'paediatric-neurologist', 'sleep-myoclonus'],
    corrections: [
      {
        seedClaim: 'Benign neonatal sleep myoclonus typically disappears by six months of age.',
        correction:
          'The literature review (164 infants) describes resolution usually by about 3 months, but in about one third later than that, occasionally beyond 6 months; a fixed "by six months" is too precise.',
        sources: [S.maurer2010],
      },
    ],
  },
];
