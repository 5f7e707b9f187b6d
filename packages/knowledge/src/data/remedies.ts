import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

const noTrials =
  'No clinical study has tested it for myoclonus or periodic limb movements; claims that it helps them are not supported by evidence.';

/** Natural remedies named in the seed article, graded honestly. None replaces medical assessment. */
export const remedyEntries: Entry[] = [
  {
    id: 'chamomile',
    kind: 'remedy',
    name: 'Chamomile',
    synonyms: ['chamomile tea', 'camomile', 'Matricaria'],
    summary:
      'Chamomile tea is a traditional calming drink. It has not been studied for myoclonus; as a caffeine-free evening drink it is a reasonable part of a wind-down routine for most people.',
    evidenceGrade: 'none-for-myoclonus',
    evidence: `${noTrials} Small studies of chamomile for anxiety and sleep give mixed, low-certainty results.`,
    interactions: [
      'May interact with warfarin and ciclosporin; ask a pharmacist if you take either.',
      'Allergic reactions are possible, especially in people allergic to ragweed, daisies or related plants.',
      'Can add to drowsiness from sedating medicines such as clonazepam.',
    ],
    details: ['Choosing a calming, caffeine-free drink in the evening is sensible sleep hygiene; it should not delay assessment of new or worsening jerks.'],
    sources: [S.nccihChamomile],
    lastReviewed: REVIEWED,
    related: ['sleep-and-jerks', 'breathing-relaxation', 'clonazepam'],
    corrections: [
      {
        seedClaim: 'Chamomile has calming properties and reduces stress-related myoclonus.',
        correction: 'There is no evidence that chamomile reduces myoclonus of any kind; evidence even for anxiety and sleep is limited.',
        sources: [S.nccihChamomile],
      },
    ],
  },
  {
    id: 'ginger',
    kind: 'remedy',
    name: 'Ginger',
    synonyms: ['ginger root', 'ginger tea', 'Zingiber'],
    summary:
      'Ginger is a common spice with some evidence for nausea. There is no evidence that it helps myoclonus or nerve function.',
    evidenceGrade: 'none-for-myoclonus',
    evidence: `${noTrials} Evidence for ginger exists mainly for nausea (for example in pregnancy), not for circulation or inflammation in nerve disorders.`,
    interactions: [
      'Supplements may add to the effect of blood-thinning medicines; ask a pharmacist if you take an anticoagulant.',
      'Can cause heartburn, stomach upset or diarrhoea in larger amounts.',
    ],
    details: ['Used as food it is generally safe.'],
    sources: [S.nccihGinger],
    lastReviewed: REVIEWED,
    related: ['treat-underlying-cause'],
    corrections: [
      {
        seedClaim: 'Ginger improves circulation and reduces inflammation (as a remedy for myoclonus).',
        correction: 'No study links ginger to less myoclonus; its best evidence is for nausea.',
        sources: [S.nccihGinger],
      },
    ],
  },
  {
    id: 'magnesium-rich-foods',
    kind: 'remedy',
    name: 'Magnesium-rich foods',
    synonyms: ['magnesium', 'almonds', 'pumpkin seeds', 'spinach', 'magnesium supplements', 'magnesium deficiency'],
    summary:
      'Magnesium is needed for normal nerve and muscle function, and a real deficiency can cause twitching and spasms. A diet with nuts, seeds, leafy greens and whole grains is healthy, but extra magnesium has not been shown to help myoclonus when levels are normal.',
    evidenceGrade: 'none-for-myoclonus',
    evidence:
      'Low blood magnesium (for example from some medicines, alcohol or gut disease) can cause muscle twitching and is corrected by treatment; in people with normal levels there is no evidence that more magnesium reduces myoclonus or periodic limb movements.',
    interactions: [
      'Magnesium supplements reduce absorption of some antibiotics (tetracyclines, quinolones) and bisphosphonates; separate the doses.',
      'Supplements can build up dangerously in kidney failure.',
      'High supplement doses cause diarrhoea.',
    ],
    details: ['Food sources are safe. If a deficiency is suspected, a blood test is the way to find out.'],
    sources: [S.odsMagnesium],
    lastReviewed: REVIEWED,
    related: ['blood-urine-tests', 'cause-organ-failure'],
    corrections: [
      {
        seedClaim: 'Magnesium-rich foods (almonds, pumpkin seeds, spinach) support muscle function (as a remedy for myoclonus).',
        correction:
          'Magnesium matters when there is a deficiency, which a blood test shows; otherwise no benefit for myoclonus has been shown. Supplements are unsafe in kidney failure and interact with some medicines.',
        sources: [S.odsMagnesium],
      },
    ],
  },
  {
    id: 'peppermint-tea',
    kind: 'remedy',
    name: 'Peppermint tea',
    synonyms: ['peppermint', 'peppermint oil', 'mint tea'],
    summary:
      'Peppermint oil has some evidence for irritable bowel symptoms. Peppermint tea has not been studied for myoclonus.',
    evidenceGrade: 'none-for-myoclonus',
    evidence: `${noTrials} Evidence for peppermint concerns the oil in capsules for irritable bowel syndrome.`,
    interactions: ['Can cause heartburn; peppermint oil capsules may interact with some medicines, so ask a pharmacist.'],
    details: ['As a caffeine-free warm drink it is harmless for most people.'],
    sources: [S.nccihPeppermint],
    lastReviewed: REVIEWED,
    related: ['sleep-and-jerks'],
    corrections: [
      {
        seedClaim: 'Peppermint tea soothes nerves and muscles.',
        correction: 'No evidence shows an effect on nerves, muscles or myoclonus; peppermint oil evidence is for irritable bowel symptoms.',
        sources: [S.nccihPeppermint],
      },
    ],
  },
  {
    id: 'turmeric',
    kind: 'remedy',
    name: 'Turmeric (curcumin)',
    synonyms: ['turmeric', 'curcumin', 'Curcuma'],
    summary:
      'Turmeric and its substance curcumin are studied for many conditions, but there is no good evidence that they reduce myoclonus or muscle spasms. Concentrated supplements are not risk-free.',
    evidenceGrade: 'none-for-myoclonus',
    evidence: `${noTrials} Curcumin is poorly absorbed, and overall evidence for its health effects is weak.`,
    interactions: [
      'Cases of liver injury have been reported with turmeric or curcumin supplements.',
      'May add to the effect of blood-thinning medicines.',
      'Can cause stomach upset in large doses.',
    ],
    details: ['Turmeric in food is fine. Tell your clinician about any supplement, because some affect the liver, which also processes anti-seizure medicines such as valproate.'],
    sources: [S.nccihTurmeric],
    lastReviewed: REVIEWED,
    related: ['valproate'],
    corrections: [
      {
        seedClaim: 'Turmeric contains curcumin, which helps reduce muscle spasms.',
        correction: 'No clinical evidence shows curcumin reduces muscle spasms or myoclonus, and supplements have been linked to liver injury.',
        sources: [S.nccihTurmeric],
      },
    ],
  },
];
