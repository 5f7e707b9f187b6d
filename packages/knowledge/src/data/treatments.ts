import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

/**
 * Treatments. Indications and cautions are for understanding and for discussion with a prescriber; dosing is
 * deliberately absent. The medication-safety rules in src/meds encode the cautions that can be checked by code.
 */
export const treatmentEntries: Entry[] = [
  {
    id: 'treat-underlying-cause',
    kind: 'treatment',
    name: 'Treating the underlying cause',
    synonyms: ['cause-directed treatment', 'treat the cause', 'correct metabolic problem', 'stop the offending drug'],
    summary:
      'Because myoclonus is a sign, the first treatment is to find and treat its cause: correcting a metabolic problem, treating an infection, adjusting a medicine, or managing epilepsy.',
    indications: [
      'Myoclonus due to kidney or liver failure, low sodium or glucose, or other metabolic upsets.',
      'Myoclonus caused by a medicine or toxin (the prescriber reduces, changes or stops it).',
      'Myoclonus from infection, autoimmune disease, a tumour or epilepsy.',
    ],
    cautions: [
      'Never stop a prescribed medicine on your own; some (for example clonazepam and other benzodiazepines) are dangerous to stop suddenly.',
      'When the cause cannot be removed, medicines for the jerks themselves may still be needed.',
    ],
    medicineIds: [],
    details: [
      'Metabolic and medicine-induced myoclonus often improves within days of correction. Jerks from structural damage or neurodegeneration usually need symptom treatment as well.',
    ],
    sources: [S.caviness2014, S.cavinessBrown2004, S.ninds],
    lastReviewed: REVIEWED,
    related: ['symptomatic-myoclonus', 'drug-induced-myoclonus', 'cause-organ-failure', 'blood-urine-tests'],
  },
  {
    id: 'valproate',
    kind: 'treatment',
    name: 'Valproate (valproic acid, sodium valproate)',
    synonyms: ['valproic acid', 'sodium valproate', 'divalproex', 'Depakote', 'Epilim', 'Depakine'],
    summary:
      'Valproate is a broad-spectrum anti-seizure medicine that helps cortical and epileptic myoclonus. It carries serious risks to an unborn baby, and newer precautions apply to men as well.',
    indications: [
      'Cortical myoclonus and myoclonic seizures (for example juvenile myoclonic epilepsy), often first-line or combined with levetiracetam or clonazepam.',
      'Progressive myoclonus epilepsies, except those due to mitochondrial disease.',
    ],
    cautions: [
      'Pregnancy: about 1 in 10 babies exposed in the womb have birth defects and 30–40% have developmental problems. In women and girls who could become pregnant it is used only under a Pregnancy Prevention Programme (highly effective contraception, annual specialist review and risk acknowledgement form).',
      'Men: a possible small increase in neurodevelopmental disorders in children conceived while the father took valproate (about 5 in 100 versus about 3 in 100 with lamotrigine or levetiracetam). Effective contraception for the man and his partner and a review when planning a family are advised; in the UK new patients under 55 need two specialists to agree it is needed.',
      'Mitochondrial disease (especially POLG): risk of severe liver failure; avoided when mitochondrial disease is suspected.',
      'Other effects include weight gain, tremor, hair thinning, liver and pancreas problems and low platelets; blood tests are used to monitor.',
      'Do not stop valproate on your own if you become pregnant or plan a family: contact your specialist urgently.',
    ],
    medicineIds: ['valproate'],
    details: [
      'Rules differ between countries; in the UK (MHRA 2024) valproate must not be started in anyone under 55 unless two specialists independently agree there is no suitable alternative or the reproductive risks do not apply.',
    ],
    sources: [S.caviness2014, S.levyChen2016, S.emaValproate2018, S.mhraValproate2024, S.mhraValproateMen2024, S.emaValproateMen2024, S.ferlazzo2017],
    lastReviewed: REVIEWED,
    related: ['cortical-myoclonus', 'juvenile-myoclonic-epilepsy', 'progressive-myoclonus-epilepsy', 'levetiracetam', 'neurologist'],
    corrections: [
      {
        seedClaim: 'Valproic acid is the first-line treatment, especially for men.',
        correction:
          'Levetiracetam is suggested as first-line for cortical myoclonus, with valproate and clonazepam also commonly used. Valproate is no longer simply "preferred for men": since 2024 regulators advise precautions for men too (possible risk to children conceived during treatment, contraception, and in the UK a two-specialist requirement for new patients under 55).',
        sources: [S.caviness2014, S.mhraValproateMen2024, S.emaValproateMen2024, S.mhraValproate2024],
      },
    ],
  },
  {
    id: 'levetiracetam',
    kind: 'treatment',
    name: 'Levetiracetam (and brivaracetam)',
    synonyms: ['Keppra', 'levetiracetam', 'brivaracetam', 'Briviact', 'SV2A'],
    summary:
      'Levetiracetam is an anti-seizure medicine that is suggested as first-line treatment for cortical myoclonus and is widely used for myoclonic seizures.',
    indications: [
      'Cortical myoclonus, including post-hypoxic (Lance–Adams) myoclonus and progressive myoclonus epilepsies.',
      'Myoclonic seizures, for example in juvenile myoclonic epilepsy.',
    ],
    cautions: [
      'Mood changes, irritability or low mood can occur; report thoughts of self-harm at once.',
      'Drowsiness and dizziness, especially early on; doses are reduced in kidney impairment.',
      'Do not stop suddenly because seizures may return; changes are planned with the prescriber.',
    ],
    medicineIds: ['levetiracetam', 'brivaracetam'],
    details: [
      'In a study of 16 people with chronic cortical myoclonus, the rating scale improved in all 14 who completed treatment. It is often combined with valproate, clonazepam or piracetam.',
    ],
    sources: [S.caviness2014, S.striano2005, S.levyChen2016],
    lastReviewed: REVIEWED,
    related: ['cortical-myoclonus', 'juvenile-myoclonic-epilepsy', 'piracetam', 'valproate'],
    corrections: [
      {
        seedClaim: 'Levetiracetam and topiramate are used alone or together for epilepsy-related myoclonus.',
        correction:
          'Levetiracetam is used for cortical myoclonus generally, not only epilepsy-related myoclonus, and is suggested as first-line. Evidence for topiramate in myoclonus is limited to small studies; it is an add-on option rather than a standard partner for levetiracetam.',
        sources: [S.caviness2014, S.levyChen2016],
      },
    ],
  },
  {
    id: 'piracetam',
    kind: 'treatment',
    name: 'Piracetam',
    synonyms: ['Nootropil', 'piracetam'],
    summary:
      'Piracetam, a relative of levetiracetam, reduces cortical myoclonus, usually as an add-on to other medicines. It is not available in the United States.',
    indications: ['Cortical myoclonus, for example post-hypoxic myoclonus and progressive myoclonus epilepsies, as add-on therapy.'],
    cautions: [
      'High doses are needed (several grams a day); blood count abnormalities were reported at high doses.',
      'Stopping suddenly can bring back jerks or seizures; changes are planned with the prescriber.',
      'Availability differs by country.',
    ],
    medicineIds: ['piracetam'],
    details: [
      'In a double-blind crossover trial in 21 people with cortical myoclonus, the total score improved by a median of 22%; a larger open study found it effective particularly in cortical myoclonus.',
    ],
    sources: [S.brown1993, S.ikeda1996, S.caviness2014],
    lastReviewed: REVIEWED,
    related: ['cortical-myoclonus', 'levetiracetam', 'lance-adams-syndrome'],
  },
  {
    id: 'clonazepam',
    kind: 'treatment',
    name: 'Clonazepam and other benzodiazepines',
    synonyms: ['Rivotril', 'Klonopin', 'clonazepam', 'benzodiazepine', 'diazepam', 'lorazepam', 'Valium'],
    summary:
      'Clonazepam is a benzodiazepine, a calming anti-seizure medicine. It is the medicine most often used for myoclonus, especially subcortical and spinal forms, but it causes dependence and must never be stopped suddenly.',
    indications: [
      'Subcortical (brainstem) and spinal myoclonus (first-line), myoclonus-dystonia, and as add-on for cortical myoclonus.',
      'Some sleep-related movement problems, under specialist advice.',
    ],
    cautions: [
      'Physical dependence can develop within days to weeks, even at prescribed doses. Stopping suddenly or cutting the dose too fast can cause withdrawal reactions, including seizures; reductions are made slowly with the prescriber.',
      'Taking it with opioid painkillers, alcohol or other sedatives can cause dangerous drowsiness and slowed breathing.',
      'Drowsiness, unsteadiness and falls (especially in older people), memory problems; effect may wane over time (tolerance).',
    ],
    medicineIds: ['clonazepam', 'diazepam', 'lorazepam', 'clobazam', 'alprazolam', 'midazolam', 'temazepam'],
    details: [
      'In the US all benzodiazepines carry a boxed warning (2020) covering abuse, misuse, addiction, physical dependence and withdrawal.',
    ],
    sources: [S.fdaBenzo2020, S.levyChen2016, S.caviness2014],
    lastReviewed: REVIEWED,
    related: ['subcortical-myoclonus', 'spinal-segmental-myoclonus', 'essential-myoclonus', 'drug-induced-myoclonus'],
    corrections: [
      {
        seedClaim: 'Clonazepam is a muscle relaxant that helps reduce jerks but must be taken under medical supervision to avoid dependency.',
        correction:
          'Clonazepam is a benzodiazepine anti-seizure medicine, not primarily a muscle relaxant. Beyond dependence, the key safety points are never stopping it abruptly (withdrawal can cause seizures) and the danger of combining it with opioids or alcohol.',
        sources: [S.fdaBenzo2020, S.levyChen2016],
      },
    ],
  },
  {
    id: 'topiramate',
    kind: 'treatment',
    name: 'Topiramate',
    synonyms: ['Topamax', 'topiramate'],
    summary:
      'Topiramate is a broad-spectrum anti-seizure medicine sometimes used as an add-on for myoclonus; the evidence for myoclonus is limited to small studies.',
    indications: ['Add-on treatment for cortical or epileptic myoclonus when first-line medicines are not enough.'],
    cautions: [
      'Word-finding difficulty, slowed thinking, tingling, weight loss and kidney stones.',
      'Pregnancy: exposure raises the risk of birth defects and of intellectual disability, autism and ADHD (about 2–3 times). In the UK (2024) women and girls who could become pregnant take it only under a Pregnancy Prevention Programme, and it can make some hormonal contraceptives less effective.',
    ],
    medicineIds: ['topiramate'],
    details: ['It is less often used than levetiracetam, valproate or clonazepam for myoclonus.'],
    sources: [S.caviness2014, S.levyChen2016, S.mhraTopiramate2024],
    lastReviewed: REVIEWED,
    related: ['levetiracetam', 'zonisamide', 'cortical-myoclonus'],
  },
  {
    id: 'lamotrigine',
    kind: 'treatment',
    name: 'Lamotrigine',
    synonyms: ['Lamictal', 'lamotrigine'],
    summary:
      'Lamotrigine is an anti-seizure medicine used widely in epilepsy. It can make myoclonus worse in some epilepsies, such as juvenile myoclonic epilepsy and Dravet syndrome, so it is not a general myoclonus treatment.',
    indications: [
      'Some generalised and focal epilepsies; occasionally essential palatal tremor.',
      'In juvenile myoclonic epilepsy it is sometimes chosen by specialists, with monitoring for worsening jerks.',
    ],
    cautions: [
      'Worsening myoclonus: about 8% of people with JME had clinically relevant aggravation in one cohort, and 80% of children with Dravet syndrome worsened in another.',
      'Serious skin rash, especially when started too quickly or with valproate; report any rash promptly.',
      'Its effect on myoclonus in progressive myoclonus epilepsies is unpredictable.',
    ],
    medicineIds: ['lamotrigine'],
    details: ['Any increase in jerks after starting lamotrigine or raising its dose should be discussed with the prescriber.'],
    sources: [S.guerrini1998, S.gesche2021, S.medlinkJme, S.ferlazzo2017, S.bhattacharjee],
    lastReviewed: REVIEWED,
    related: ['juvenile-myoclonic-epilepsy', 'dravet-syndrome', 'epileptic-myoclonus'],
    corrections: [
      {
        seedClaim: 'Lamotrigine is preferred for women of childbearing age.',
        correction:
          'Lamotrigine is safer in pregnancy than valproate, but it can worsen myoclonus, particularly in juvenile myoclonic epilepsy and Dravet syndrome. It is therefore not a standard myoclonus treatment; levetiracetam is the usual alternative to valproate for women who could become pregnant.',
        sources: [S.guerrini1998, S.gesche2021, S.caviness2014],
      },
    ],
  },
  {
    id: 'zonisamide',
    kind: 'treatment',
    name: 'Zonisamide',
    synonyms: ['Zonegran', 'zonisamide'],
    summary:
      'Zonisamide is an anti-seizure medicine used as an alternative add-on in progressive myoclonus epilepsies and some myoclonic epilepsies.',
    indications: ['Add-on treatment in progressive myoclonus epilepsies and other cortical myoclonus when first-line options fail.'],
    cautions: [
      'Drowsiness, loss of appetite and weight, kidney stones, reduced sweating (overheating risk in children).',
      'It is a sulfonamide: tell the prescriber about any sulfonamide allergy.',
    ],
    medicineIds: ['zonisamide'],
    details: ['In a generalised epilepsy cohort, aggravation was uncommon on zonisamide (1.8%).'],
    sources: [S.ferlazzo2017, S.gesche2021],
    lastReviewed: REVIEWED,
    related: ['progressive-myoclonus-epilepsy', 'topiramate', 'levetiracetam'],
  },
  {
    id: 'botulinum-toxin',
    kind: 'treatment',
    name: 'Botulinum toxin injections',
    synonyms: ['Botox', 'botulinum toxin', 'Dysport', 'Xeomin', 'BoNT'],
    summary:
      'Botulinum toxin injected into overactive muscles weakens them for about three months. It helps focal jerks, such as the ear click of palatal tremor, hemifacial spasm and some focal spinal myoclonus.',
    indications: [
      'Ear clicks of essential palatal tremor (injection into the palatal muscles).',
      'Hemifacial spasm and focal peripheral or segmental myoclonus.',
    ],
    cautions: [
      'Effects wear off and injections are repeated, typically every 3 months.',
      'Local weakness: after palatal injection, temporary nasal speech or fluid coming back through the nose; swallowing problems if nearby muscles are affected.',
      'Evidence for palatal tremor comes from small case series, not controlled trials.',
    ],
    medicineIds: ['botulinum-toxin'],
    details: ['In one series, 4 of 5 patients with palatal tremor were free of the ear click after injection.'],
    sources: [S.deuschl1991, S.penney2006, S.levyChen2016],
    lastReviewed: REVIEWED,
    related: ['palatal-myoclonus', 'peripheral-myoclonus', 'spinal-segmental-myoclonus', 'ent-specialist'],
  },
  {
    id: 'surgery',
    kind: 'treatment',
    name: 'Surgery',
    synonyms: ['operation', 'neurosurgery', 'tumour removal', 'decompression', 'deep brain stimulation', 'DBS'],
    summary:
      'Surgery is rarely used for myoclonus. It may help when a removable cause is found, such as a tumour or a compressed nerve or spinal cord, and deep brain stimulation is an option in selected people with severe myoclonus-dystonia.',
    indications: [
      'A tumour or other lesion causing the jerks that can safely be removed.',
      'Compression of a nerve (for example the facial nerve in hemifacial spasm) or of the spinal cord.',
      'Severe, medicine-resistant myoclonus-dystonia (deep brain stimulation, specialist centres only).',
    ],
    cautions: [
      'Only for specific causes after careful specialist assessment; most myoclonus is not treated surgically.',
      'All surgery carries risks that the surgical team discusses in advance.',
    ],
    medicineIds: [],
    details: ['Removing the cause does not always stop jerks completely, particularly if the nervous system has been damaged.'],
    sources: [S.levyChen2016, S.caviness2014],
    lastReviewed: REVIEWED,
    related: ['cause-brain-tumour', 'peripheral-myoclonus', 'essential-myoclonus', 'treat-underlying-cause'],
    corrections: [
      {
        seedClaim: 'If caused by a brain tumour or nerve compression, surgical removal of the cause may eliminate myoclonus.',
        correction:
          'Possible but uncommon: surgery is reserved for specific removable causes, and jerks may persist if nerve tissue has been damaged. Deep brain stimulation is a separate surgical option for severe myoclonus-dystonia.',
        sources: [S.levyChen2016, S.caviness2014],
      },
    ],
  },
  {
    id: 'iron-therapy',
    kind: 'treatment',
    name: 'Iron treatment for restless legs and PLMD',
    synonyms: ['iron supplements', 'ferrous sulfate', 'oral iron', 'IV iron', 'ferric carboxymaltose', 'iron infusion', 'Ferinject'],
    summary:
      'When iron stores are low for restless legs (ferritin 75 µg/L or less, or transferrin saturation below 20%), guidelines recommend iron, by mouth or by infusion. It is also used for PLMD.',
    indications: [
      'Restless legs syndrome or PLMD with ferritin ≤ 75 µg/L or transferrin saturation < 20% (oral or intravenous iron).',
      'Ferritin 75–100 µg/L: intravenous iron only may be considered.',
    ],
    cautions: [
      'Iron studies should be done in the morning without iron supplements or iron-rich food for 24 hours beforehand.',
      'Intravenous iron is not given when transferrin saturation is 45% or more (risk of iron overload).',
      'Oral iron often upsets the stomach and causes constipation; taking it with vitamin C improves absorption. Do not start iron without a blood test and a clinician’s advice.',
    ],
    medicineIds: ['ferrous-sulfate', 'ferric-carboxymaltose', 'iron-sucrose', 'ferric-derisomaltose'],
    details: [
      'The AASM 2024 guideline strongly recommends intravenous ferric carboxymaltose and conditionally oral ferrous sulfate for people with RLS and low iron stores.',
    ],
    sources: [S.aasm2024, S.allen2018, S.aan2016],
    lastReviewed: REVIEWED,
    related: ['iron-and-rls', 'restless-legs-syndrome', 'plmd', 'blood-urine-tests'],
  },
  {
    id: 'alpha2delta-ligands',
    kind: 'treatment',
    name: 'Alpha-2-delta ligands (gabapentin, pregabalin, gabapentin enacarbil)',
    synonyms: ['alpha-2-delta', 'gabapentinoids', 'gabapentin', 'pregabalin', 'gabapentin enacarbil', 'Lyrica', 'Neurontin', 'Horizant'],
    summary:
      'Gabapentin, gabapentin enacarbil and pregabalin are first-line medicines for restless legs syndrome and are used for PLMD. The same medicines can cause myoclonus in some people, a conflict worth knowing about.',
    indications: ['Restless legs syndrome (strong recommendation in the AASM 2024 guideline) and periodic limb movement disorder.'],
    cautions: [
      'They can cause jerks (positive and negative myoclonus), even with normal kidney function and at low doses; the jerks usually stop once the prescriber reduces or stops the drug.',
      'Kidney impairment raises blood levels: doses are adjusted to kidney function.',
      'Drowsiness, dizziness, swelling of the legs and weight gain; risk of slowed breathing with opioids or other sedatives; misuse potential.',
      'They are contraindicated in myoclonic seizures according to clinical summaries; people with myoclonic epilepsy should discuss this with their specialist.',
    ],
    medicineIds: ['gabapentin', 'gabapentin-enacarbil', 'pregabalin'],
    details: [
      'If jerks start or increase after one of these medicines is started or its dose is raised, note the dates and counts and discuss them with the prescriber rather than stopping on your own.',
    ],
    sources: [S.aasm2024, S.desai2019, S.kim2017, S.medlinkMyoclonicSeizures],
    lastReviewed: REVIEWED,
    related: ['restless-legs-syndrome', 'plmd', 'drug-induced-myoclonus', 'negative-myoclonus'],
  },
  {
    id: 'dopamine-agonists',
    kind: 'treatment',
    name: 'Dopamine agonists and augmentation',
    synonyms: ['ropinirole', 'pramipexole', 'rotigotine', 'Requip', 'Mirapex', 'Neupro', 'augmentation', 'levodopa'],
    summary:
      'Dopamine agonists (ropinirole, pramipexole, rotigotine) relieve restless legs at first, but with long-term use many people develop augmentation: symptoms start earlier in the day, become stronger and spread to the arms.',
    indications: [
      'Restless legs syndrome and periodic limb movements, now mainly short-term or when other options are unsuitable (the AASM 2024 guideline advises against standard use because of augmentation).',
      'Parkinson’s disease (a different use, not covered here).',
    ],
    cautions: [
      'Augmentation: earlier onset of symptoms in the day, greater intensity, spread to the arms, or needing higher doses. Report these; the prescriber may change treatment gradually.',
      'Impulse-control problems (gambling, shopping, eating, sexual behaviour) and sudden sleepiness.',
      'Low iron makes augmentation more likely; iron studies are checked.',
      'Stopping suddenly can cause a severe rebound of symptoms; changes are planned with the prescriber.',
    ],
    medicineIds: ['ropinirole', 'pramipexole', 'rotigotine', 'cabergoline', 'levodopa'],
    details: [
      'The 2016 AAN guideline found good evidence that ropinirole reduces periodic limb movements, but recommended watching for augmentation. Cabergoline is rarely used because of heart valve damage.',
    ],
    sources: [S.aasm2024, S.aan2016],
    lastReviewed: REVIEWED,
    related: ['restless-legs-syndrome', 'plmd', 'iron-and-rls', 'sleep-specialist'],
  },
];
