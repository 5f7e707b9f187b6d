import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

/** Epilepsy syndromes and infant conditions the triage and the medication rules refer to. */
export const conditionEntries: Entry[] = [
  {
    id: 'juvenile-myoclonic-epilepsy',
    kind: 'condition',
    name: 'Juvenile myoclonic epilepsy (JME)',
    synonyms: ['JME', 'Janz syndrome', 'morning jerks', 'myoclonic jerks on waking', 'impulsive petit mal'],
    summary:
      'Juvenile myoclonic epilepsy is a common genetic epilepsy that usually begins in the teenage years with jerks of the arms and shoulders shortly after waking, often with occasional convulsive seizures and sometimes absences.',
    details: [
      'Jerks often make people drop things or spill drinks in the morning. Sleep loss, alcohol and flickering light are typical triggers.',
      'Valproate and levetiracetam are widely used; for women and girls who could become pregnant, valproate is avoided where possible because of risks to an unborn baby. Lamotrigine can worsen the jerks in some people with JME, and carbamazepine, oxcarbazepine and phenytoin can aggravate it.',
      'Treatment is usually long-term; stopping medicines leads to relapse in many people and should only be planned with the epilepsy team.',
    ],
    sources: [S.medlinkJme, S.gesche2021, S.gelisse2004, S.mhraValproate2024],
    lastReviewed: REVIEWED,
    related: ['epileptic-myoclonus', 'cortical-subcortical-myoclonus', 'epileptologist', 'eeg', 'valproate', 'levetiracetam', 'lamotrigine', 'sleep-and-jerks'],
  },
  {
    id: 'dravet-syndrome',
    kind: 'condition',
    name: 'Dravet syndrome (severe myoclonic epilepsy of infancy)',
    synonyms: ['Dravet', 'severe myoclonic epilepsy of infancy', 'SMEI', 'SCN1A epilepsy'],
    summary:
      'Dravet syndrome is a severe genetic epilepsy, usually from SCN1A gene changes, that begins in the first year of life with prolonged seizures often triggered by fever, later followed by myoclonic and other seizures and developmental problems.',
    details: [
      'Sodium-channel blocking medicines, including lamotrigine, carbamazepine and phenytoin, commonly make seizures worse in Dravet syndrome; in one series 80% of children worsened on lamotrigine.',
      'Care is led by a specialist epilepsy team.',
    ],
    sources: [S.guerrini1998, S.levyChen2016],
    lastReviewed: REVIEWED,
    related: ['epileptic-myoclonus', 'paediatric-neurologist', 'epileptologist', 'lamotrigine'],
  },
  {
    id: 'progressive-myoclonus-epilepsy',
    kind: 'condition',
    name: 'Progressive myoclonus epilepsies (PME)',
    synonyms: ['PME', 'Unverricht-Lundborg disease', 'EPM1', 'Lafora disease', 'MERRF', 'mitochondrial epilepsy', 'POLG'],
    summary:
      'Progressive myoclonus epilepsies are rare inherited conditions in which action myoclonus, seizures and other neurological problems gradually worsen. Examples are Unverricht-Lundborg disease, Lafora disease and mitochondrial diseases such as MERRF.',
    details: [
      'Valproate is often the first medicine, except when the cause is a mitochondrial disease (for example POLG-related disease), where valproate can cause serious liver failure. Levetiracetam, clonazepam, piracetam, zonisamide and perampanel are used as add-ons.',
      'Medicines that can aggravate myoclonus, such as carbamazepine and phenytoin, are avoided; lamotrigine has unpredictable effects.',
    ],
    sources: [S.ferlazzo2017, S.levyChen2016, S.caviness2014],
    lastReviewed: REVIEWED,
    related: ['epileptic-myoclonus', 'cortical-myoclonus', 'epileptologist', 'valproate', 'piracetam'],
  },
  {
    id: 'infantile-spasms',
    kind: 'condition',
    name: 'Infantile spasms (West syndrome)',
    synonyms: ['West syndrome', 'epileptic spasms', 'salaam attacks', 'jack-knife seizures', 'clusters on waking in babies'],
    summary:
      'Infantile spasms are a serious type of epilepsy in babies, usually starting between 3 and 12 months: sudden brief bending or stiffening of the body, arms or legs, often in clusters soon after waking. Urgent assessment is needed.',
    details: [
      'The spasms can look like a startle, colic or benign sleep jerks. Unlike benign neonatal sleep myoclonus, they happen while the baby is awake, typically in clusters around waking, and may come with the baby becoming less responsive or losing skills.',
      'Early diagnosis with an EEG and prompt treatment improve the outcome, so a baby with possible spasms should be seen by a doctor the same day or within a day. Filming an episode helps.',
    ],
    sources: [S.nindsInfantileSpasms, S.pellock2010],
    lastReviewed: REVIEWED,
    related: ['benign-neonatal-sleep-myoclonus', 'paediatric-neurologist', 'eeg'],
  },
];
