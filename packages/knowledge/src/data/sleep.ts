import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

/** Periodic limb movements, restless legs, iron and sleep. */
export const sleepEntries: Entry[] = [
  {
    id: 'plmd',
    kind: 'condition',
    name: 'Periodic limb movement disorder (PLMD)',
    synonyms: ['PLMD', 'periodic limb movements in sleep', 'PLMS', 'periodic leg movements', 'nocturnal myoclonus', 'leg jerks at night', 'periodic limb movement disorder'],
    summary:
      'In periodic limb movement disorder, the legs (sometimes the arms) make repeated movements every 5–90 seconds during sleep, and this disturbs sleep or causes daytime tiredness without another explanation.',
    details: [
      'The movements are usually a bending of the big toe, ankle, knee or hip lasting 0.5–10 seconds. Many people are unaware of them; a bed partner may notice. They differ from single hypnic jerks and are slower than a myoclonic jerk.',
      'The diagnosis needs a sleep study (polysomnography): a PLMS index above 15 per hour in adults or above 5 per hour in children, together with a sleep complaint not better explained by another disorder or a medicine. Movements at the end of breathing pauses do not count.',
      'PLMD is not diagnosed in people with restless legs syndrome, narcolepsy, untreated sleep apnoea or REM sleep behaviour disorder; periodic movements are then a feature of that condition. PLMS without a sleep complaint is only a recording finding.',
      'Treatment follows the restless legs guidance: correct iron deficiency, review medicines that worsen movements (many antidepressants, antihistamines, dopamine blockers), and consider alpha-2-delta ligands. Wearable sensors can only estimate periodic movements; a clinical diagnosis needs a sleep study.',
    ],
    codes: { icd10cm: ['G47.61'], icd11: ['7A81'] },
    sources: [S.icsd3Plmd, S.aasm2024, S.icd10G4761],
    lastReviewed: REVIEWED,
    related: ['restless-legs-syndrome', 'iron-and-rls', 'polysomnography', 'sleep-specialist', 'iron-therapy', 'alpha2delta-ligands', 'dopamine-agonists', 'sleep-and-jerks'],
    analyses: [{ command: 'myotrace score', measures: 'Leg movements and PLM series by the WASM 2016 or AASM rules, PLMS index per hour of sleep.' }],
    corrections: [
      {
        seedClaim: 'The article presents periodic limb movement disorder as linked to myoclonus (sleep myoclonus with kicking and jerking of limbs).',
        correction:
          'Periodic limb movements were once called "nocturnal myoclonus", but each movement lasts 0.5–10 s, far longer than a myoclonic jerk, and PLMD is classified as a sleep-related movement disorder (ICD-10-CM G47.61), separate from myoclonus (G25.3). Its diagnosis needs a sleep study, and its treatment (iron, alpha-2-delta ligands) differs.',
        sources: [S.icsd3Plmd, S.eberhardtTopka2017, S.icd10G4761, S.aasm2024],
      },
    ],
  },
  {
    id: 'restless-legs-syndrome',
    kind: 'condition',
    name: 'Restless legs syndrome (RLS)',
    synonyms: ['RLS', 'Willis-Ekbom disease', 'WED', 'restless legs', 'urge to move legs', 'creepy crawly legs'],
    summary:
      'Restless legs syndrome is an urge to move the legs, usually with unpleasant sensations, that starts or worsens when resting, is relieved by moving, and is worse in the evening or at night.',
    details: [
      'Most people with RLS also have periodic limb movements in sleep. When both are present, the diagnosis is RLS (with PLMS), not PLMD.',
      'Low iron stores are a common, treatable contributor. Pregnancy, kidney failure and some medicines (many antidepressants, sedating antihistamines, dopamine-blocking drugs) and alcohol, caffeine and nicotine can make it worse.',
      'Current guidelines favour iron (when stores are low) and alpha-2-delta ligands. Dopamine agonists work at first but can cause augmentation, a worsening of symptoms over time, so they are no longer recommended for standard use.',
    ],
    codes: { icd10cm: ['G25.81'] },
    sources: [S.aasm2024, S.aan2016, S.icd10G2581, S.icsd3Plmd],
    lastReviewed: REVIEWED,
    related: ['plmd', 'iron-and-rls', 'iron-therapy', 'alpha2delta-ligands', 'dopamine-agonists', 'sleep-specialist'],
  },
  {
    id: 'iron-and-rls',
    kind: 'topic',
    name: 'Iron, ferritin and restless legs',
    synonyms: ['ferritin', 'iron deficiency', 'transferrin saturation', 'TSAT', 'iron stores', 'low iron', 'iron levels'],
    summary:
      'Low brain iron is linked to restless legs and periodic limb movements. Guidelines advise checking ferritin and transferrin saturation, and treating with iron when ferritin is 75 µg/L or less or transferrin saturation is below 20%.',
    details: [
      'Blood for iron studies should be taken in the morning, without iron supplements or iron-rich food for at least 24 hours before, because both change the results.',
      'The 2024 AASM guideline suggests iron when ferritin is at most 75 µg/L (= ng/mL) or transferrin saturation is under 20%, by mouth or by vein; when ferritin is 75–100 µg/L, only intravenous iron is considered. The IRLSSG consensus limits intravenous iron to transferrin saturation below 45%.',
      'These thresholds are higher than those used to diagnose anaemia: a "normal" ferritin can still be low for RLS. Do not take iron supplements without checking with a clinician, because too much iron is harmful.',
    ],
    sources: [S.aasm2024, S.allen2018, S.aan2016],
    lastReviewed: REVIEWED,
    related: ['restless-legs-syndrome', 'plmd', 'iron-therapy', 'blood-urine-tests'],
  },
  {
    id: 'sleep-and-jerks',
    kind: 'topic',
    name: 'Sleep habits and jerks',
    synonyms: ['sleep hygiene', 'sleep deprivation', 'insomnia', 'caffeine', 'alcohol and jerks', 'tiredness triggers'],
    summary:
      'Lack of sleep, irregular sleep times, caffeine, nicotine and alcohol can make hypnic jerks, restless legs and some epileptic jerks more frequent. Regular sleep is one of the simplest things that helps.',
    details: [
      'In juvenile myoclonic epilepsy, sleep deprivation and alcohol are well-known triggers of morning jerks and seizures.',
      'Keeping regular bed and wake times, limiting caffeine after midday, avoiding alcohol and nicotine in the evening, and winding down with relaxation or breathing exercises can reduce sleep-onset jerks. A sleep diary helps to see patterns and is useful to bring to appointments.',
      'Loud snoring with breathing pauses, acting out dreams, or strong daytime sleepiness are reasons to see a sleep specialist.',
    ],
    sources: [S.whitneyWeiss2018, S.medlinkJme, S.aasm2024],
    lastReviewed: REVIEWED,
    related: ['hypnic-jerks', 'juvenile-myoclonic-epilepsy', 'breathing-relaxation', 'sleep-specialist', 'plmd'],
  },
];
