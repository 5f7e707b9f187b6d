import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

export const overviewEntries: Entry[] = [
  {
    id: 'myoclonus',
    kind: 'overview',
    name: 'Myoclonus',
    synonyms: ['myoclonic jerks', 'muscle jerks', 'involuntary jerks', 'twitching', 'jerking', 'muscle twitch', 'myoclonia'],
    summary:
      'Myoclonus means sudden, very brief, involuntary jerks of a muscle or group of muscles. It is a sign, not a disease: it can be a harmless everyday event such as a hiccup or a jerk when falling asleep, or a symptom of a condition of the brain, spinal cord or nerves.',
    details: [
      'A single myoclonic jerk is very short: the burst of muscle activity behind it usually lasts 10 to 50 milliseconds and rarely more than 100 milliseconds. Jerks can come one at a time, in runs, or many times a minute, so an episode can last much longer than any one jerk.',
      'Jerks can be caused by a muscle suddenly contracting (positive myoclonus) or by a sudden, short loss of muscle tone (negative myoclonus), which can make a person drop things or sag at the knees.',
      'Doctors describe myoclonus by when it happens (at rest, during movement, in sleep, after a touch or noise), by where it is in the body, by its cause, and by where in the nervous system it starts (cortical, subcortical, spinal or peripheral). Recordings of muscle (EMG) and brain (EEG) activity help with the last question.',
      'Because myoclonus is a sign, finding and treating its cause comes first. Medicines that calm the jerks themselves are chosen according to where in the nervous system they start.',
      'This knowledge base is for information and for preparing a conversation with a clinician. It does not diagnose anything.',
    ],
    codes: { icd10cm: ['G25.3'], snomedCt: ['17450006'], hpo: ['HP:0001336'] },
    sources: [S.ninds, S.cavinessBrown2004, S.eberhardtTopka2017, S.icd10G253, S.hpoMyoclonus],
    lastReviewed: REVIEWED,
    related: ['positive-myoclonus', 'negative-myoclonus', 'physiological-myoclonus', 'symptomatic-myoclonus', 'cortical-myoclonus', 'neurologist'],
    corrections: [
      {
        seedClaim: 'Myoclonic movements last from a few seconds to minutes.',
        correction:
          'A single jerk lasts a fraction of a second: the EMG burst is typically 10–50 ms and rarely over 100 ms. Only a run or cluster of jerks lasts seconds to minutes.',
        sources: [S.eberhardtTopka2017],
      },
    ],
  },
  // movements often mistaken for myoclonus: a common reason people search
  {
    id: 'look-alikes',
    kind: 'topic',
    name: 'Twitches that are not myoclonus',
    synonyms: ['eyelid twitching', 'eye twitch', 'fasciculations', 'muscle ripples', 'myokymia', 'tremor', 'tics', 'clonus', 'cramps', 'shaking'],
    summary:
      'Several common movements look like jerks but are different: fine muscle ripples under the skin (fasciculations), eyelid twitching, rhythmic shaking (tremor), tics that can be held back for a while, and the rhythmic beating of clonus.',
    details: [
      'Fasciculations are small flickers of a few muscle fibres that do not move a joint; eyelid twitching (myokymia) is a common, harmless example, often with tiredness, stress or caffeine. Persistent fasciculations with weakness or muscle wasting should be checked by a doctor.',
      'Tremor is a regular, rhythmic oscillation, unlike the irregular shocks of myoclonus. Tics are repetitive movements preceded by an urge that can be suppressed for a time. Clonus is a rhythmic beating of a muscle after it is suddenly stretched, a sign of spasticity.',
      'The distinction matters because the causes, tests and treatments differ. A short phone video of the movement is very helpful for a doctor.',
    ],
    sources: [S.cavinessBrown2004, S.zutt2015],
    lastReviewed: REVIEWED,
    related: ['myoclonus', 'exercise-anxiety-jerks', 'primary-care', 'neurologist'],
  },
];
