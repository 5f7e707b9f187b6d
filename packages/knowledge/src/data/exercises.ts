import type { Entry } from '../schema.js';
import { S } from '../sources.js';
import { REVIEWED } from './common.js';

const generalCaution = 'Stop and rest if jerks, pain, dizziness or breathlessness increase; check with your clinician or physiotherapist before starting if you have falls, heart or lung problems.';

/**
 * Exercises as guided routines (steps with durations in seconds) the web app can run with a timer. None is a
 * treatment for myoclonus itself; they support fitness, relaxation, sleep and safety.
 */
export const exerciseEntries: Entry[] = [
  {
    id: 'stretching-routine',
    kind: 'exercise',
    name: 'Gentle stretching routine',
    synonyms: ['stretches', 'stretching exercises', 'leg stretches', 'arm stretches', 'flexibility'],
    summary:
      'A ten-minute routine of gentle arm and leg stretches to ease stiffness. It can be done sitting or holding onto a support.',
    routine: {
      steps: [
        { instruction: 'Warm up: march gently on the spot or in your chair, swinging your arms.', durationSec: 60 },
        { instruction: 'Calf stretch, right leg: hands on a wall or worktop, right leg back, heel down, knee straight.', durationSec: 30 },
        { instruction: 'Calf stretch, left leg.', durationSec: 30 },
        { instruction: 'Back-of-thigh stretch, right leg: sit on the edge of a chair, right leg straight with heel on the floor, lean forward gently from the hips.', durationSec: 30 },
        { instruction: 'Back-of-thigh stretch, left leg.', durationSec: 30 },
        { instruction: 'Front-of-thigh stretch, right leg: holding a support, bend the right knee and hold the ankle (or a strap) behind you.', durationSec: 30 },
        { instruction: 'Front-of-thigh stretch, left leg.', durationSec: 30 },
        { instruction: 'Shoulder stretch: bring the right arm across the chest and hold it with the left hand.', durationSec: 30 },
        { instruction: 'Shoulder stretch, other arm.', durationSec: 30 },
        { instruction: 'Wrist and forearm stretch: arm forward, palm out, gently draw the fingers back; then change arms.', durationSec: 60 },
        { instruction: 'Rest and breathe slowly.', durationSec: 60 },
      ],
      rounds: 1,
      frequency: 'daily, or most days',
      cautions: [
        'Stretch to mild tension, never pain; do not bounce.',
        'Hold a stable support for standing stretches if your legs jerk or give way.',
        generalCaution,
      ],
    },
    details: [
      'Stretching keeps muscles and joints supple and can ease stiffness from frequent jerks. It has not been shown to reduce myoclonus itself.',
    ],
    sources: [S.whoActivity2020, S.nielsen2015],
    lastReviewed: REVIEWED,
    related: ['physiotherapist', 'balance-training', 'walking-programme'],
    corrections: [
      {
        seedClaim: 'Simple exercises can help relax muscles and improve nerve coordination.',
        correction:
          'Exercise supports fitness, sleep, mood and fall prevention, but no study shows that stretching or other general exercise reduces myoclonus or "improves nerve coordination". For functional jerks, specialised physiotherapy does have supporting evidence.',
        sources: [S.whoActivity2020, S.nielsen2015],
      },
    ],
  },
  {
    id: 'breathing-relaxation',
    kind: 'exercise',
    name: 'Slow breathing and relaxation',
    synonyms: ['deep breathing', 'relaxation techniques', 'progressive muscle relaxation', 'calm breathing', 'stress relief'],
    summary:
      'A ten-minute routine of slow breathing and progressive muscle relaxation to calm stress before sleep or when jerks are worse with anxiety.',
    routine: {
      steps: [
        { instruction: 'Sit or lie comfortably, close your eyes if you like, and notice your breathing without changing it.', durationSec: 60 },
        { instruction: 'Slow breathing: breathe in through the nose for a count of 4, out through the mouth for a count of 6.', durationSec: 240 },
        { instruction: 'Tense your feet and legs gently for 5 seconds, then let go completely; notice the difference.', durationSec: 45 },
        { instruction: 'Tense your hands and arms for 5 seconds, then let go.', durationSec: 45 },
        { instruction: 'Lift your shoulders towards your ears for 5 seconds, then let them drop.', durationSec: 45 },
        { instruction: 'Screw up your face gently for 5 seconds, then relax it.', durationSec: 45 },
        { instruction: 'Return to slow, easy breathing and rest.', durationSec: 120 },
      ],
      rounds: 1,
      frequency: 'daily, for example at bedtime',
      cautions: [
        'If slow breathing makes you light-headed, breathe normally for a while.',
        'Skip tensing any muscle that is painful or injured.',
      ],
    },
    details: [
      'Relaxation can help with sleep onset and stress, which make hypnic jerks and some other jerks more noticeable. It is not a treatment for the cause of myoclonus.',
    ],
    sources: [S.nccihMeditation, S.whitneyWeiss2018],
    lastReviewed: REVIEWED,
    related: ['sleep-and-jerks', 'hypnic-jerks', 'yoga-meditation', 'functional-jerks'],
  },
  {
    id: 'balance-training',
    kind: 'exercise',
    name: 'Balance exercises with fall safety',
    synonyms: ['balance exercises', 'standing on one leg', 'fall prevention', 'steadiness', 'stability training'],
    summary:
      'A short routine of balance exercises done next to a sturdy support. Balance training reduces falls in older people, but people whose legs jerk or give way should start only with a physiotherapist’s advice.',
    routine: {
      steps: [
        { instruction: 'Set up: stand at a kitchen worktop or the back of a heavy chair, within reach, with a chair behind you; wear flat shoes.', durationSec: 30 },
        { instruction: 'Stand with feet together, holding the support with both hands; let go with one hand if steady.', durationSec: 30 },
        { instruction: 'Stand with one foot half in front of the other (semi-tandem), holding on.', durationSec: 30 },
        { instruction: 'Stand on the right leg, holding on with both hands (lift the left foot only slightly).', durationSec: 15 },
        { instruction: 'Stand on the left leg, holding on.', durationSec: 15 },
        { instruction: 'Heel-to-toe walk along the worktop, one hand sliding along it.', durationSec: 60 },
        { instruction: 'Sit to stand: from the chair, stand up and sit down slowly without using your hands if you can.', durationSec: 60 },
        { instruction: 'Sit down and rest.', durationSec: 60 },
      ],
      rounds: 2,
      frequency: '3 days a week or more',
      cautions: [
        'Always keep a sturdy support within reach and a chair behind you; have someone nearby if you have fallen before.',
        'Do not stand on one leg without holding on if you have action myoclonus or negative myoclonus (legs giving way); ask a physiotherapist for a programme that fits you.',
        'Stop if you feel dizzy. If you fall often, ask about walking aids, home safety checks and a personal alarm.',
      ],
    },
    details: [
      'Programmes of balance and functional exercise reduce the rate of falls in community-dwelling older people. People with post-hypoxic or other action myoclonus often need supervised, individual physiotherapy.',
    ],
    sources: [S.sherrington2019, S.whoActivity2020],
    lastReviewed: REVIEWED,
    related: ['physiotherapist', 'negative-myoclonus', 'lance-adams-syndrome', 'walking-programme'],
    corrections: [
      {
        seedClaim: 'Balance exercises: standing on one leg to improve motor control.',
        correction:
          'Balance training does reduce falls, but unsupported one-leg standing can itself cause a fall in people whose legs jerk or give way; it should be done holding a support, ideally in a programme from a physiotherapist.',
        sources: [S.sherrington2019],
      },
    ],
  },
  {
    id: 'yoga-meditation',
    kind: 'exercise',
    name: 'Gentle yoga and meditation',
    synonyms: ['yoga', 'meditation', 'mindfulness', 'chair yoga', 'body scan'],
    summary:
      'A fifteen-minute session of gentle seated yoga movements followed by a guided body-scan meditation, for relaxation and wellbeing.',
    routine: {
      steps: [
        { instruction: 'Seated posture: sit tall on a firm chair, feet flat, hands on thighs; breathe slowly.', durationSec: 60 },
        { instruction: 'Seated cat–cow: breathing in, gently arch the back and lift the chest; breathing out, round the back.', durationSec: 90 },
        { instruction: 'Seated twist to the right, hand on the back of the chair; breathe slowly.', durationSec: 30 },
        { instruction: 'Seated twist to the left.', durationSec: 30 },
        { instruction: 'Side stretch: raise the right arm overhead and lean gently left; then change sides.', durationSec: 60 },
        { instruction: 'Neck release: slowly tilt the ear towards each shoulder in turn.', durationSec: 60 },
        { instruction: 'Body-scan meditation: move your attention slowly from the toes to the head, noticing sensations without judging them.', durationSec: 480 },
        { instruction: 'Finish: a few deeper breaths, then open your eyes.', durationSec: 60 },
      ],
      rounds: 1,
      frequency: 'most days',
      cautions: [
        'Use a chair rather than floor or standing poses if jerks affect your balance; avoid poses that hurt.',
        'Meditation can occasionally bring up distressing feelings; stop and seek support if it does.',
        generalCaution,
      ],
    },
    details: [
      'Yoga and meditation may help stress, sleep and wellbeing; they have not been tested as treatments for myoclonus.',
    ],
    sources: [S.nccihYoga, S.nccihMeditation],
    lastReviewed: REVIEWED,
    related: ['breathing-relaxation', 'stretching-routine', 'sleep-and-jerks'],
  },
  {
    id: 'walking-programme',
    kind: 'exercise',
    name: 'Walking, 20–30 minutes',
    synonyms: ['walking', 'daily walk', 'brisk walking', 'aerobic exercise', 'physical activity'],
    summary:
      'A 30-minute walk (5 minutes easy, 20 minutes brisk, 5 minutes easy) on most days contributes to the 150 minutes a week of moderate activity that the WHO recommends for adults.',
    routine: {
      steps: [
        { instruction: 'Warm up: walk at an easy pace.', durationSec: 300 },
        { instruction: 'Walk briskly, so that you breathe faster but can still talk.', durationSec: 1200 },
        { instruction: 'Cool down: slow, easy pace.', durationSec: 300 },
      ],
      rounds: 1,
      frequency: 'most days, building up to about 150 minutes a week',
      cautions: [
        'Choose a safe, even route; wear supportive shoes; carry a phone.',
        'If jerks make you unsteady, walk with a companion or a walking aid and avoid busy roads.',
        'Avoid vigorous exercise late in the evening if it makes sleep-onset jerks worse.',
        generalCaution,
      ],
    },
    details: [
      'Regular walking benefits the heart, mood and sleep. It has not been shown to reduce myoclonus directly.',
    ],
    sources: [S.whoActivity2020],
    lastReviewed: REVIEWED,
    related: ['balance-training', 'sleep-and-jerks', 'stretching-routine'],
    corrections: [
      {
        seedClaim: 'Daily 20–30 minute walks enhance circulation and nerve health.',
        correction:
          'Walking has broad health benefits and 20–30 minutes on most days meets the WHO activity guideline, but no evidence shows it improves "nerve health" or myoclonus.',
        sources: [S.whoActivity2020],
      },
    ],
  },
];
