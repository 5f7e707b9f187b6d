import { defineMessage, type Message } from '../message.js';

/**
 * The triage questionnaire as data: the web app renders a form from it, the CLI asks it line by line, and
 * `triage()` validates answers against it. Every answer is optional; "unsure" is always allowed where offered.
 */
export type TriageQuestionKind = 'single' | 'multi' | 'text-list';

export interface TriageOption {
  value: string;
  label: Message;
}

export interface TriageQuestion {
  id: TriageQuestionId;
  kind: TriageQuestionKind;
  label: Message;
  help?: Message;
  /** Empty for `text-list` questions (free names, e.g. medicines). */
  options: readonly TriageOption[];
  /** For multi questions: the option that means "none of these" and cannot be combined with others. */
  exclusive?: string;
}

export const triageQuestionIds = [
  'ageGroup',
  'onset',
  'course',
  'timing',
  'sleepOnly',
  'triggers',
  'bodyParts',
  'movement',
  'pattern',
  'otherSymptoms',
  'medicineChange',
  'recentMedicines',
  'knownConditions',
] as const;
export type TriageQuestionId = (typeof triageQuestionIds)[number];

function q(
  id: TriageQuestionId,
  kind: TriageQuestionKind,
  label: string,
  options: ReadonlyArray<readonly [string, string]>,
  extra: { help?: string; exclusive?: string } = {},
): TriageQuestion {
  const out: TriageQuestion = {
    id,
    kind,
    label: defineMessage(`triage.q.${id}.label`, label)(),
    options: options.map(([value, text]) => ({ value, label: defineMessage(`triage.q.${id}.opt.${value}`, text)() })),
  };
  if (extra.help) out.help = defineMessage(`triage.q.${id}.help`, extra.help)();
  if (extra.exclusive) out.exclusive = extra.exclusive;
  return out;
}

export const triageQuestions: readonly TriageQuestion[] = [
  q('ageGroup', 'single', 'How old is the person with the jerks?', [
    ['under-3-months', 'Baby under 3 months'],
    ['3-to-12-months', 'Baby 3 to 12 months'],
    ['1-to-12-years', 'Child 1 to 12 years'],
    ['13-to-17-years', 'Teenager 13 to 17 years'],
    ['18-to-64-years', 'Adult 18 to 64 years'],
    ['65-plus', 'Adult 65 or older'],
  ]),
  q('onset', 'single', 'When did the jerks first start?', [
    ['hours-days', 'In the last few hours or days'],
    ['weeks', 'In the last few weeks'],
    ['months-years', 'Months or years ago'],
    ['lifelong', 'As long as I can remember, or since childhood'],
    ['unsure', 'Not sure'],
  ]),
  q('course', 'single', 'How have they changed since they started?', [
    ['stable', 'About the same'],
    ['slowly-worse', 'Slowly getting worse over months'],
    ['rapidly-worse', 'Quickly getting worse, week by week'],
    ['improving', 'Getting better'],
    ['varies', 'They come and go'],
    ['unsure', 'Not sure'],
  ]),
  q('timing', 'multi', 'When do the jerks happen? (choose all that apply)', [
    ['falling-asleep', 'Just as I fall asleep'],
    ['asleep', 'During sleep (noticed by others or on waking)'],
    ['on-waking', 'Soon after waking up'],
    ['at-rest', 'At rest while awake'],
    ['during-movement', 'When I move or try to do something'],
    ['any-time', 'At any time'],
  ]),
  q('sleepOnly', 'single', 'Do the jerks happen only during sleep, stopping when awake?', [
    ['yes', 'Yes, only asleep'],
    ['no', 'No, also when awake'],
    ['unsure', 'Not sure'],
  ]),
  q('triggers', 'multi', 'What sets the jerks off or makes them worse? (choose all that apply)', [
    ['none', 'Nothing I have noticed'],
    ['touch', 'Being touched or tapped'],
    ['noise', 'Sudden or loud noise'],
    ['light', 'Bright or flashing light'],
    ['startle', 'Being startled'],
    ['movement', 'Moving or trying to do a task'],
    ['stress', 'Stress or anxiety'],
    ['exercise', 'Hard exercise'],
    ['sleep-loss', 'Lack of sleep'],
    ['alcohol-caffeine', 'Alcohol or caffeine'],
  ], { exclusive: 'none' }),
  q('bodyParts', 'multi', 'Where in the body are the jerks? (choose all that apply)', [
    ['face-eyes', 'Face or eyelids'],
    ['palate-ear', 'Roof of the mouth, or a clicking sound in the ear'],
    ['neck-shoulders', 'Neck or shoulders'],
    ['arms-hands', 'Arms or hands'],
    ['trunk', 'Trunk (chest, belly, back)'],
    ['legs', 'Legs or feet'],
    ['whole-body', 'The whole body'],
    ['diaphragm', 'Hiccups'],
  ]),
  q('movement', 'single', 'What does a jerk feel or look like?', [
    ['contraction', 'A sudden twitch or jerk of the muscle'],
    ['lapse', 'A sudden brief loss of strength: things drop or the knees give way'],
    ['both', 'Both'],
    ['unsure', 'Not sure'],
  ], { help: 'A sudden loss of tone (negative myoclonus) is easy to miss: dropping cups or legs buckling count.' }),
  q('pattern', 'single', 'How do the jerks come?', [
    ['single', 'One at a time, now and then'],
    ['clusters', 'In clusters or series, one after another'],
    ['rhythmic', 'Regularly, like a beat'],
    ['unsure', 'Not sure'],
  ]),
  q('otherSymptoms', 'multi', 'Are there any other symptoms? (choose all that apply)', [
    ['none', 'None'],
    ['fever', 'Fever'],
    ['confusion', 'Confusion or unusual drowsiness'],
    ['stiff-neck', 'Stiff neck'],
    ['memory-behaviour-change', 'Changes in memory, thinking or behaviour'],
    ['loss-of-consciousness', 'Loss of consciousness or blank spells'],
    ['seizures', 'Seizures (fits or convulsions)'],
    ['trouble-eating', 'Jerks make eating or drinking difficult'],
    ['trouble-speaking', 'Jerks make speaking difficult'],
    ['trouble-walking', 'Jerks make walking or standing difficult'],
    ['falls', 'Falls'],
    ['leg-urge-evening', 'An urge to move the legs in the evening, eased by moving'],
    ['daytime-sleepiness', 'Daytime sleepiness or unrefreshing sleep'],
    ['lost-skills', '(Baby or child) feeding problems, less responsive, or losing skills'],
  ], { exclusive: 'none' }),
  q('medicineChange', 'single', 'Did a medicine change shortly before the jerks started or got worse?', [
    ['none', 'No change'],
    ['started-new', 'A new medicine was started'],
    ['dose-raised', 'A dose was increased'],
    ['stopped-or-reduced', 'A medicine was stopped or reduced'],
    ['unsure', 'Not sure'],
  ]),
  q('recentMedicines', 'text-list', 'Which medicines are taken now or were changed recently? (names, optional)', [], {
    help: 'Brand or generic names, e.g. Keppra, pregabalin. Unrecognised names are listed, never guessed.',
  }),
  q('knownConditions', 'multi', 'Are any of these known? (choose all that apply)', [
    ['none', 'None of these'],
    ['epilepsy', 'Epilepsy'],
    ['cardiac-arrest-or-hypoxia', 'Cardiac arrest, drowning or another lack of oxygen to the brain'],
    ['kidney-disease', 'Kidney disease'],
    ['liver-disease', 'Liver disease'],
    ['diabetes', 'Diabetes'],
    ['head-or-spine-injury', 'Head or spinal injury'],
    ['stroke', 'Stroke'],
    ['multiple-sclerosis', 'Multiple sclerosis'],
    ['dementia', 'Alzheimer’s disease or another dementia'],
    ['parkinsonism', 'Parkinson’s disease or parkinsonism'],
    ['cancer-or-tumour', 'Cancer or a tumour'],
    ['recent-infection', 'A recent infection'],
    ['restless-legs', 'Restless legs syndrome'],
  ], { exclusive: 'none' }),
];

export function getTriageQuestion(id: string): TriageQuestion | undefined {
  return triageQuestions.find((x) => x.id === id);
}
