import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

/** Causes of symptomatic myoclonus listed in the seed article, each checked against reviews. */
export const causeEntries: Entry[] = [
  {
    id: 'cause-head-trauma',
    kind: 'cause',
    name: 'Head or spinal injury',
    synonyms: ['trauma', 'head injury', 'traumatic brain injury', 'TBI', 'concussion', 'spinal cord injury', 'post-traumatic myoclonus'],
    summary:
      'A serious injury to the brain or spinal cord can cause myoclonus, either soon after the injury or after a delay, by damaging the circuits that control movement.',
    details: [
      'After brain injury the jerks are often cortical (action or reflex myoclonus). After spinal cord injury they can be segmental or propriospinal. A milder head knock without other symptoms is an unlikely cause.',
      'Any new neurological symptom after a head injury, including jerks with drowsiness, vomiting or confusion, needs urgent medical assessment.',
    ],
    sources: [S.cavinessBrown2004, S.ninds],
    lastReviewed: REVIEWED,
    related: ['symptomatic-myoclonus', 'cortical-myoclonus', 'spinal-segmental-myoclonus', 'mri'],
  },
  {
    id: 'cause-infection',
    kind: 'cause',
    name: 'Infections of the nervous system',
    synonyms: ['encephalitis', 'meningitis', 'viral infection', 'bacterial infection', 'HIV', 'post-infectious myoclonus', 'fever and jerks', 'opsoclonus-myoclonus'],
    summary:
      'Infections of the brain or its linings (encephalitis, meningitis) and the immune reactions that can follow an infection may cause myoclonus. New jerks with fever, confusion or a stiff neck are an emergency.',
    details: [
      'Examples include viral encephalitis, HIV, and post-infectious or autoimmune syndromes such as opsoclonus-myoclonus (rapid eye movements with jerks), which in children can also be linked to a tumour called neuroblastoma.',
      'Prion disease (Creutzfeldt-Jakob disease) is a separate, rare cause in which myoclonus comes with rapidly worsening memory and thinking.',
      'Meningitis and encephalitis can worsen within hours. Call emergency services if jerks appear together with fever, a severe headache, a stiff neck, confusion, drowsiness or a seizure.',
    ],
    sources: [S.cavinessBrown2004, S.nhsMeningitis, S.nhsEncephalitis],
    lastReviewed: REVIEWED,
    related: ['symptomatic-myoclonus', 'creutzfeldt-jakob-disease', 'emergency-care', 'blood-urine-tests', 'eeg'],
  },
  {
    id: 'cause-organ-failure',
    kind: 'cause',
    name: 'Kidney or liver failure and other metabolic causes',
    synonyms: ['renal failure', 'kidney failure', 'uraemia', 'uremia', 'liver failure', 'hepatic encephalopathy', 'metabolic myoclonus', 'low sodium', 'low blood sugar', 'hypoglycaemia', 'electrolyte imbalance', 'asterixis'],
    summary:
      'When the kidneys or liver fail, substances build up in the blood that make the brain over-excitable, causing jerks and the hand "flap" called asterixis. Low or high blood sugar, sodium, calcium or magnesium can do the same.',
    details: [
      'Metabolic myoclonus is usually multifocal (many body parts), often with negative myoclonus, and often comes with drowsiness or confusion. It typically settles when the underlying problem is corrected.',
      'Kidney failure also makes some medicines accumulate. Gabapentin and pregabalin, some antibiotics and opioids can then cause jerks, so doses are adjusted to kidney function.',
      'Blood tests (kidney and liver function, glucose, sodium, calcium, magnesium) are among the first tests for new myoclonus.',
    ],
    sources: [S.cavinessBrown2004, S.zutt2015, S.desai2019],
    lastReviewed: REVIEWED,
    related: ['negative-myoclonus', 'blood-urine-tests', 'drug-induced-myoclonus', 'treat-underlying-cause'],
    corrections: [
      {
        seedClaim: 'Kidney or liver failure disrupts the chemical balance in the body, leading to muscle twitching.',
        correction:
          'The typical sign is multifocal myoclonus and asterixis (a form of negative myoclonus, a brief loss of tone), usually with drowsiness or confusion, rather than "twitching"; medicines that accumulate in kidney failure (for example gabapentin or pregabalin) are a common additional cause.',
        sources: [S.cavinessBrown2004, S.desai2019],
      },
    ],
  },
  {
    id: 'cause-hypoxia',
    kind: 'cause',
    name: 'Lack of oxygen to the brain (post-hypoxic myoclonus)',
    synonyms: ['hypoxia', 'anoxia', 'cardiac arrest', 'post-anoxic myoclonus', 'acute post-hypoxic myoclonus', 'hypoxic brain injury', 'drowning', 'respiratory arrest'],
    summary:
      'After the brain has been starved of oxygen, for example during a cardiac arrest, jerks can appear. Early jerks in a person still in a coma are assessed in intensive care; later action myoclonus in someone who has woken up is Lance–Adams syndrome.',
    details: [
      'Acute post-hypoxic myoclonus starts within hours to days of the event, often while the person is unconscious. Doctors use EEG and other tests to judge what it means; its significance varies and it is not by itself a reason to give up hope.',
      'Chronic post-hypoxic myoclonus (Lance–Adams syndrome) appears once the person has regained consciousness and is mainly action myoclonus with negative myoclonus of the legs, causing falls.',
      'Jerks that begin after a cardiac arrest are a medical emergency to be assessed at once.',
    ],
    sources: [S.elmer2016, S.lanceAdams1963, S.cavinessBrown2004],
    lastReviewed: REVIEWED,
    related: ['lance-adams-syndrome', 'cortical-myoclonus', 'eeg', 'emergency-care'],
  },
  {
    id: 'lance-adams-syndrome',
    kind: 'condition',
    name: 'Lance–Adams syndrome (chronic post-hypoxic myoclonus)',
    synonyms: ['Lance-Adams', 'Lance Adams syndrome', 'chronic post-hypoxic myoclonus', 'post-anoxic action myoclonus', 'intention myoclonus after cardiac arrest'],
    summary:
      'Lance–Adams syndrome is action myoclonus that develops days to weeks after a person has survived a lack of oxygen to the brain, such as a cardiac arrest, and has woken up.',
    details: [
      'Jerks appear when the person tries to move, speak or stand, and brief lapses of tone in the legs make walking unsteady ("bouncy" gait) and cause falls. At rest the jerks may be mild.',
      'It is mostly cortical myoclonus. Levetiracetam, valproate, clonazepam and piracetam are used, often together; physiotherapy and fall prevention matter. It can improve slowly over months to years.',
    ],
    codes: { icd10cm: ['G25.3'] },
    sources: [S.lanceAdams1963, S.caviness2014, S.levyChen2016],
    lastReviewed: REVIEWED,
    related: ['cause-hypoxia', 'action-myoclonus', 'cortical-myoclonus', 'negative-myoclonus', 'balance-training', 'levetiracetam', 'piracetam'],
  },
  {
    id: 'cause-multiple-sclerosis',
    kind: 'cause',
    name: 'Multiple sclerosis',
    synonyms: ['MS', 'demyelination', 'demyelinating disease'],
    summary:
      'Multiple sclerosis (MS) is an immune disease that damages the insulating myelin around nerve fibres in the brain and spinal cord. Myoclonus is an uncommon symptom of MS, most often arising from a lesion in the spinal cord.',
    details: [
      'In MS, spasms and stiffness from spasticity are far more common than myoclonus and are a different problem. When myoclonus occurs it is usually segmental or propriospinal, from a spinal cord lesion, and MRI of the spine helps.',
      'New jerks in someone with MS should be reported to their neurologist, who may consider a relapse or a medicine side effect.',
    ],
    sources: [S.cavinessBrown2004, S.zutt2015],
    lastReviewed: REVIEWED,
    related: ['spinal-segmental-myoclonus', 'propriospinal-myoclonus', 'mri', 'neurologist'],
    corrections: [
      {
        seedClaim: 'Multiple sclerosis attacks nerve cells and leads to involuntary movements.',
        correction:
          'MS mainly damages myelin, the insulation around nerve fibres, rather than nerve cells directly, and myoclonus is an uncommon symptom (usually spinal in origin). Spasms in MS are usually due to spasticity, which is not myoclonus.',
        sources: [S.cavinessBrown2004, S.zutt2015],
      },
    ],
  },
  {
    id: 'cause-alzheimers',
    kind: 'cause',
    name: 'Alzheimer’s disease and other dementias',
    synonyms: ['Alzheimer disease', 'Alzheimers', 'dementia', 'dementia with Lewy bodies', 'frontotemporal dementia', 'memory loss'],
    summary:
      'Myoclonus occurs in a minority of people with Alzheimer’s disease, more often in later stages and in early-onset or inherited forms. It is also seen in dementia with Lewy bodies.',
    details: [
      'The jerks are usually small, multifocal and cortical, often in the hands and face. Seizures are also more common in people with Alzheimer’s disease.',
      'Myoclonus with a memory or behaviour change that worsens over weeks to a few months is different: it calls for urgent assessment for rapidly progressive conditions such as Creutzfeldt-Jakob disease or autoimmune encephalitis.',
    ],
    sources: [S.beagle2017, S.cavinessBrown2004],
    lastReviewed: REVIEWED,
    related: ['creutzfeldt-jakob-disease', 'cortical-myoclonus', 'neurologist', 'eeg'],
    corrections: [
      {
        seedClaim: 'Alzheimer’s disease disrupts brain function, leading to muscle jerks.',
        correction:
          'Myoclonus affects only a minority of people with Alzheimer’s disease, mostly in later stages or in early-onset and inherited forms. Jerks with a memory decline over weeks to months point rather to rapidly progressive conditions that need urgent assessment.',
        sources: [S.beagle2017, S.nindsCjd],
      },
    ],
  },
  {
    id: 'cause-parkinsonian-syndromes',
    kind: 'cause',
    name: 'Parkinsonian syndromes',
    synonyms: ['Parkinson disease', 'Parkinsons', 'parkinsonism', 'multiple system atrophy', 'MSA', 'corticobasal degeneration', 'corticobasal syndrome', 'dementia with Lewy bodies', 'progressive supranuclear palsy'],
    summary:
      'Myoclonus is typical of some parkinsonian syndromes, notably corticobasal syndrome, multiple system atrophy and dementia with Lewy bodies, but uncommon in ordinary Parkinson’s disease, where it is mostly related to medicines or advanced disease.',
    details: [
      'The tremor of Parkinson’s disease is a rhythmic shaking at rest and is not myoclonus. Jerks in a person with Parkinson’s disease can be a side effect of levodopa or other medicines, a sign of dementia with Lewy bodies, or point to a different parkinsonian syndrome.',
      'In corticobasal syndrome, stimulus-sensitive jerks of one hand are characteristic; in multiple system atrophy, small jerks of the fingers are common.',
    ],
    sources: [S.cavinessBrown2004, S.zutt2015, S.levyChen2016],
    lastReviewed: REVIEWED,
    related: ['movement-disorder-specialist', 'cortical-myoclonus', 'drug-induced-myoclonus', 'dopamine-agonists'],
    corrections: [
      {
        seedClaim: 'Parkinson’s disease affects movement control, causing persistent tremors (listed as a cause of myoclonus).',
        correction:
          'Tremor is not myoclonus, and myoclonus is uncommon in idiopathic Parkinson’s disease (mostly medicine-related or in advanced disease). Myoclonus is characteristic of other parkinsonian syndromes such as corticobasal syndrome, multiple system atrophy and dementia with Lewy bodies.',
        sources: [S.cavinessBrown2004, S.zutt2015],
      },
    ],
  },
  {
    id: 'cause-stroke',
    kind: 'cause',
    name: 'Stroke',
    synonyms: ['cerebrovascular accident', 'brain haemorrhage', 'brain bleed', 'post-stroke myoclonus', 'thalamic stroke'],
    summary:
      'Stroke is an uncommon cause of myoclonus. Jerks can follow strokes in the cortex, thalamus or brainstem, and a brainstem stroke can later cause symptomatic palatal tremor.',
    details: [
      'Weakness and stiff, tight muscles (spasticity) are the usual movement problems after stroke; they are not myoclonus. Jerks after a stroke can also be focal seizures, which need an EEG.',
      'Sudden weakness, facial droop, speech difficulty or loss of vision are emergency signs of a stroke: call emergency services.',
    ],
    sources: [S.cavinessBrown2004, S.bhattacharjee],
    lastReviewed: REVIEWED,
    related: ['palatal-myoclonus', 'mri', 'eeg', 'emergency-care'],
    corrections: [
      {
        seedClaim: 'Stroke can lead to muscle weakness and spasms (listed as a cause of myoclonus).',
        correction:
          'Weakness and spasticity after stroke are not myoclonus. Post-stroke myoclonus exists but is uncommon (cortical, thalamic or brainstem lesions, and delayed palatal tremor after brainstem strokes).',
        sources: [S.cavinessBrown2004, S.bhattacharjee],
      },
    ],
  },
  {
    id: 'cause-brain-tumour',
    kind: 'cause',
    name: 'Tumours of the brain or spinal cord',
    synonyms: ['brain tumour', 'brain tumor', 'spinal tumour', 'cancer', 'paraneoplastic syndrome', 'neuroblastoma'],
    summary:
      'A tumour in the brain or spinal cord can cause myoclonus by irritating nearby tissue, and some cancers elsewhere trigger immune reactions against the nervous system (paraneoplastic syndromes) that cause jerks.',
    details: [
      'Focal jerks from a cortical tumour may be seizures. Spinal tumours can cause segmental myoclonus. In children, opsoclonus-myoclonus can be the first sign of a neuroblastoma.',
      'MRI is the key test. Treatment is of the tumour itself (surgery, radiotherapy or drugs) together with medicines for the jerks.',
    ],
    sources: [S.cavinessBrown2004, S.zutt2015],
    lastReviewed: REVIEWED,
    related: ['mri', 'surgery', 'treat-underlying-cause', 'spinal-segmental-myoclonus'],
  },
  {
    id: 'drug-induced-myoclonus',
    kind: 'cause',
    name: 'Medicine-induced myoclonus',
    synonyms: ['drug-induced myoclonus', 'medication side effect jerks', 'toxic myoclonus', 'serotonin syndrome', 'opioid myoclonus', 'gabapentin myoclonus', 'pregabalin myoclonus', 'lithium'],
    summary:
      'Many medicines can cause jerks, especially at high doses or when the kidneys or liver clear them slowly. Common examples are opioids, gabapentin and pregabalin, some antidepressants, lithium and some antibiotics.',
    details: [
      'Gabapentin and pregabalin can cause both positive and negative myoclonus, even with normal kidney function and at low doses; jerks usually stop once the drug is reduced or stopped by the prescriber.',
      'Jerks with agitation, sweating, fever, diarrhoea and fast heartbeat after starting or combining serotonergic medicines (for example some antidepressants, tramadol, triptans) may be serotonin syndrome, which is urgent.',
      'Some anti-seizure medicines (carbamazepine, oxcarbazepine, phenytoin, and lamotrigine in some epilepsies) can worsen existing myoclonus. Levodopa and other Parkinson medicines, and withdrawal from benzodiazepines or alcohol, can also cause jerks.',
      'Never stop a medicine on your own: some, such as clonazepam, are dangerous to stop suddenly. Write down when the jerks began relative to any new medicine or dose change and discuss it with the prescriber.',
    ],
    codes: { icd10cm: ['G25.3'] },
    sources: [S.desai2019, S.kim2017, S.boyerShannon2005, S.levyChen2016, S.gelisse2004],
    lastReviewed: REVIEWED,
    related: ['alpha2delta-ligands', 'symptomatic-myoclonus', 'cause-organ-failure', 'clonazepam', 'lamotrigine'],
  },
  {
    id: 'creutzfeldt-jakob-disease',
    kind: 'condition',
    name: 'Creutzfeldt-Jakob disease and other rapidly progressive causes',
    synonyms: ['CJD', 'prion disease', 'rapidly progressive dementia', 'autoimmune encephalitis'],
    summary:
      'Creutzfeldt-Jakob disease is a rare, fatal brain disease in which memory, thinking and behaviour decline over weeks to months, typically with prominent myoclonus. Treatable conditions such as autoimmune encephalitis can look similar, so urgent assessment matters.',
    details: [
      'Rapid decline with jerks is the key warning pattern. MRI, EEG and spinal fluid tests help separate prion disease from treatable look-alikes.',
      'Because autoimmune and infectious causes respond to treatment, rapidly worsening jerks with memory or behaviour change should be seen by a neurologist urgently.',
    ],
    sources: [S.nindsCjd, S.cavinessBrown2004],
    lastReviewed: REVIEWED,
    related: ['cause-alzheimers', 'cause-infection', 'neurologist', 'mri', 'eeg'],
  },
];
