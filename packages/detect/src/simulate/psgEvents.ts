import type { SleepStage } from '../score-types.js';
import { EPOCH_SEC } from './psgHypnogram.js';
import type { PsgProfile } from './psgProfiles.js';
import type { SimRng } from './random.js';

export type Leg = 'left' | 'right';
export type BurstShape = 'tonic' | 'phasic' | 'crescendo' | 'decrescendo';
export type MovementOrigin = 'series' | 'cluster' | 'isolated' | 'long' | 'respiratory';
export type RespiratoryKind = 'Obstructive apnea' | 'Central apnea' | 'Hypopnea';

/** One leg's EMG burst: the placed (true) LM on that leg. */
export interface PlacedBurst {
  leg: Leg;
  onsetSec: number;
  durationSec: number;
  /** RMS of the burst EMG at full envelope (µV). */
  amplitudeUv: number;
  shape: BurstShape;
  riseSec: number;
  fallSec: number;
  /** Brief dips inside a phasic burst: [start, duration] in s from the burst onset, and depth (envelope factor). */
  dips: { atSec: number; durationSec: number; level: number }[];
}

/** A movement: one burst (unilateral) or overlapping bursts on both legs (bilateral). */
export interface PlacedMovement {
  onsetSec: number;
  endSec: number;
  origin: MovementOrigin;
  bursts: PlacedBurst[];
}

export interface PlacedRespiratoryEvent {
  onsetSec: number;
  durationSec: number;
  kind: RespiratoryKind;
}

export interface PlacedSpan {
  onsetSec: number;
  durationSec: number;
}

export interface PsgEventPlan {
  movements: PlacedMovement[];
  respiratory: PlacedRespiratoryEvent[];
  arousals: PlacedSpan[];
  /** Slow electrode-motion artefacts in wake (both legs, no EMG: not LMs). */
  motionArtefacts: (PlacedSpan & { amplitudeUv: number; frequencyHz: number })[];
  /** Electrode pops (one leg, a few ms: not LMs). */
  pops: { timeSec: number; leg: Leg; amplitudeUv: number }[];
  /** Proposals dropped because they would have made the ground truth ambiguous. */
  rejectedProposals: number;
}

/**
 * Margins that keep the ground truth unambiguous: a detector's onset/offset error of a few tenths
 * of a second must not change how the rules classify a placed event. Intervals between
 * consecutive movements avoid the rule boundaries (AASM 5 s, WASM 10 s, 90 s), movements are
 * separated by more than the 0.5 s bilateral/merge gap, durations avoid 0.5/10/15 s, and
 * arousals and respiratory windows are either clearly associated or clearly apart.
 */
const MIN_GAP_SEC = 2;
const IMI_BOUNDARIES = [5, 10, 90];
const IMI_MARGIN = 0.8;
const EDGE_MARGIN = 0.5;

interface Proposal {
  onsetSec: number;
  origin: MovementOrigin;
  side: Leg | 'bilateral';
  durationSec: number;
  /** For respiratory LMs: must stay associated with this respiratory window. */
}

export function placePsgEvents(rng: SimRng, hyp: SleepStage[], durationSec: number, profile: PsgProfile): PsgEventPlan {
  const stageAt = (t: number): SleepStage => hyp[Math.min(hyp.length - 1, Math.max(0, Math.floor(t / EPOCH_SEC)))];
  const asleep = (t: number): boolean => stageAt(t) !== 'W';
  const proposals: Proposal[] = [];
  const respiratory: PlacedRespiratoryEvent[] = [];
  const arousals: PlacedSpan[] = [];
  const lead = 10;
  const tail = durationSec - 10;

  // -- respiratory events (with their arousals and end-of-event LMs) --------------------------
  const respRng = rng.fork('respiratory');
  if (profile.ahi > 0) {
    let t = lead;
    while (t < tail) {
      t += respRng.exponential(3600 / profile.ahi);
      const kind = respRng.pick<RespiratoryKind>(['Obstructive apnea', 'Hypopnea', 'Central apnea'], [0.5, 0.45, 0.05]);
      const dur = kind === 'Hypopnea' ? respRng.uniform(12, 40) : respRng.uniform(10, 35);
      const end = t + dur;
      if (end + 20 > tail || !asleep(t) || !asleep(end)) continue;
      const prev = respiratory[respiratory.length - 1];
      if (prev && t < prev.onsetSec + prev.durationSec + 15) continue;
      respiratory.push({ onsetSec: t, durationSec: dur, kind });
      let arousalOnset: number | null = null;
      if (respRng.chance(0.6)) {
        arousalOnset = end + respRng.uniform(-1, 2);
        arousals.push({ onsetSec: arousalOnset, durationSec: respRng.uniform(3, 12) });
      }
      if (respRng.chance(profile.lmAfterRespiratoryChance)) {
        const onset = arousalOnset !== null ? arousalOnset + respRng.uniform(0.2, 1.5) : end + respRng.uniform(0.5, 5);
        proposals.push({
          onsetSec: onset,
          origin: 'respiratory',
          side: pickSide(respRng, profile),
          durationSec: lmDuration(respRng, 1.8),
        });
      }
      t = end;
    }
  }

  // -- PLM series, short-interval clusters, isolated and long movements -----------------------
  const mvRng = rng.fork('movements');
  // walk the night in 30-s epochs and start episodes at each stage's rate
  for (let e = 0; e < hyp.length; e++) {
    const t0 = e * EPOCH_SEC;
    if (t0 < lead || t0 > tail) continue;
    const st = hyp[e];
    const perEpoch = (perHour: number): number => (perHour * EPOCH_SEC) / 3600;
    const seriesRate =
      st === 'W' ? profile.seriesPerHour.wake : st === 'R' ? profile.seriesPerHour.rem : profile.seriesPerHour.nrem;
    if (mvRng.chance(perEpoch(seriesRate))) {
      const count = mvRng.int(profile.seriesLength[0], profile.seriesLength[1]);
      const pattern = mvRng.pick(['left', 'right', 'mixed'] as const, [0.3, 0.3, 0.4]);
      let t = t0 + mvRng.uniform(0, EPOCH_SEC);
      for (let k = 0; k < count && t < tail; k++) {
        const side = mvRng.chance(profile.bilateralFraction)
          ? 'bilateral'
          : pattern === 'mixed'
            ? mvRng.pick<Leg>(['left', 'right'])
            : pattern;
        proposals.push({ onsetSec: t, origin: 'series', side, durationSec: lmDuration(mvRng, 2) });
        t += Math.min(75, Math.max(12, mvRng.logNormal(profile.imiMedianSec, profile.imiSpread)));
      }
    }
    if (st !== 'W' && mvRng.chance(perEpoch(profile.clustersPerHour))) {
      let t = t0 + mvRng.uniform(0, EPOCH_SEC);
      const count = mvRng.int(3, 5);
      for (let k = 0; k < count; k++) {
        proposals.push({
          onsetSec: t,
          origin: 'cluster',
          side: pickSide(mvRng, profile),
          durationSec: mvRng.uniform(0.7, 1.8),
        });
        t += mvRng.chance(0.5) ? mvRng.uniform(3, 4.1) : mvRng.uniform(6, 8.5);
      }
    }
    const isoRate = st === 'W' ? profile.isolatedPerHour.wake : profile.isolatedPerHour.sleep;
    if (mvRng.chance(perEpoch(isoRate))) {
      proposals.push({
        onsetSec: t0 + mvRng.uniform(0, EPOCH_SEC),
        origin: 'isolated',
        side: pickSide(mvRng, profile),
        durationSec: lmDuration(mvRng, 1.6),
      });
    }
    // long movements: mostly in wake and around stage changes
    const changing = e > 0 && hyp[e - 1] !== st;
    const longRate = profile.longPerHour * (st === 'W' ? 3 : changing ? 2 : 0.3);
    if (mvRng.chance(perEpoch(longRate))) {
      proposals.push({
        onsetSec: t0 + mvRng.uniform(0, EPOCH_SEC),
        origin: 'long',
        side: mvRng.chance(0.6) ? 'bilateral' : mvRng.pick<Leg>(['left', 'right']),
        durationSec: mvRng.uniform(11, 40),
      });
    }
  }

  // -- accept proposals in time order under the unambiguity margins --------------------------
  proposals.sort((a, b) => a.onsetSec - b.onsetSec);
  const windows = respiratory.map((r) => [r.onsetSec + r.durationSec - 2, r.onsetSec + r.durationSec + 10.25] as const);
  const burstRng = rng.fork('bursts');
  const movements: PlacedMovement[] = [];
  let rejected = 0;
  for (const p of proposals) {
    const m = buildMovement(burstRng, p, profile);
    const prev = movements[movements.length - 1];
    let ok = m.onsetSec >= lead && m.endSec <= tail;
    if (ok && prev) {
      const imi = m.onsetSec - prev.onsetSec;
      ok = m.onsetSec >= prev.endSec + MIN_GAP_SEC && IMI_BOUNDARIES.every((b) => Math.abs(imi - b) > IMI_MARGIN);
    }
    // stage at onset must not hinge on a few tenths of a second
    if (ok) {
      const e = Math.floor(m.onsetSec / EPOCH_SEC);
      const into = m.onsetSec - e * EPOCH_SEC;
      if (
        (into < EDGE_MARGIN && e > 0 && hyp[e - 1] !== hyp[e]) ||
        (into > EPOCH_SEC - EDGE_MARGIN && hyp[e + 1] !== undefined && hyp[e + 1] !== hyp[e])
      )
        ok = false;
    }
    // respiratory window edges: clearly in or clearly out
    if (ok) {
      for (const [ws, we] of windows) {
        if (Math.abs(m.endSec - ws) < EDGE_MARGIN + 0.3 || Math.abs(m.onsetSec - we) < EDGE_MARGIN + 0.3) {
          ok = false;
          break;
        }
      }
    }
    if (ok) movements.push(m);
    else rejected++;
  }

  // -- arousals with LMs, spontaneous arousals ------------------------------------------------
  const arRng = rng.fork('arousals');
  for (const m of movements) {
    if (!asleep(m.onsetSec) || m.origin === 'respiratory' || m.origin === 'long') continue;
    if (arRng.chance(profile.arousalWithLmChance)) {
      const first = m.endSec - m.onsetSec;
      arousals.push({
        onsetSec: m.onsetSec + arRng.uniform(0.2, Math.max(0.3, Math.min(2, first - 0.3))),
        durationSec: arRng.uniform(3, 15),
      });
    }
  }
  for (let e = 0; e < hyp.length; e++) {
    if (hyp[e] === 'W' || !arRng.chance((profile.spontaneousArousalsPerHour * EPOCH_SEC) / 3600)) continue;
    arousals.push({ onsetSec: e * EPOCH_SEC + arRng.uniform(0, EPOCH_SEC), durationSec: arRng.uniform(3, 12) });
  }
  arousals.sort((a, b) => a.onsetSec - b.onsetSec);
  // an arousal must be clearly associated (overlap) or clearly apart (> 1.5 s) from every LM
  const keptArousals = arousals.filter((a) => {
    if (a.onsetSec < 1 || a.onsetSec + a.durationSec > durationSec - 1) return false;
    for (const m of movements) {
      if (m.onsetSec > a.onsetSec + a.durationSec + 3) break;
      const gap = Math.max(a.onsetSec - m.endSec, m.onsetSec - (a.onsetSec + a.durationSec));
      if (gap > -0.3 && gap < 1.5) return false;
    }
    return true;
  });

  // -- artefacts that are not LMs ------------------------------------------------------------
  const artRng = rng.fork('artefacts');
  const motionArtefacts: PsgEventPlan['motionArtefacts'] = [];
  const pops: PsgEventPlan['pops'] = [];
  const clear = (from: number, to: number): boolean =>
    movements.every((m) => m.endSec + 2 < from || m.onsetSec - 2 > to);
  for (let e = 0; e < hyp.length; e++) {
    const t0 = e * EPOCH_SEC;
    if (t0 < lead || t0 > tail) continue;
    if (hyp[e] === 'W' && artRng.chance((profile.motionArtefactsPerHourWake * EPOCH_SEC) / 3600)) {
      const dur = artRng.uniform(2, 15);
      const on = t0 + artRng.uniform(0, EPOCH_SEC - 1);
      if (on + dur < tail)
        motionArtefacts.push({
          onsetSec: on,
          durationSec: dur,
          amplitudeUv: artRng.uniform(40, 250),
          frequencyHz: artRng.uniform(0.4, 1.5),
        });
    }
    if (artRng.chance((profile.popsPerHour * EPOCH_SEC) / 3600)) {
      const t = t0 + artRng.uniform(0, EPOCH_SEC);
      if (clear(t - 0.1, t + 0.1))
        pops.push({ timeSec: t, leg: artRng.pick<Leg>(['left', 'right']), amplitudeUv: artRng.uniform(40, 200) });
    }
  }
  return { movements, respiratory, arousals: keptArousals, motionArtefacts, pops, rejectedProposals: rejected };
}

function pickSide(rng: SimRng, profile: PsgProfile): Leg | 'bilateral' {
  return rng.chance(profile.bilateralFraction) ? 'bilateral' : rng.pick<Leg>(['left', 'right']);
}

/** LM duration: log-normal around `median`, kept clear of the 0.5 s and 10 s boundaries. */
function lmDuration(rng: SimRng, median: number): number {
  return Math.min(9.2, Math.max(0.75, rng.logNormal(median, 0.55)));
}

function buildBurst(rng: SimRng, leg: Leg, onsetSec: number, durationSec: number, profile: PsgProfile): PlacedBurst {
  const amplitudeUv = Math.min(400, Math.max(22, rng.logNormal(profile.amplitudeMedianUv, profile.amplitudeSpread)));
  let shape = rng.pick<BurstShape>(['tonic', 'phasic', 'crescendo', 'decrescendo'], [0.4, 0.3, 0.15, 0.15]);
  // a crescendo must still start clearly above the 8 µV onset rule
  if (shape === 'crescendo' && amplitudeUv < 45) shape = 'tonic';
  const riseSec = rng.uniform(0.02, Math.min(0.15, durationSec / 5));
  const fallSec = rng.uniform(0.04, Math.min(0.25, durationSec / 5));
  const dips: PlacedBurst['dips'] = [];
  if (shape === 'phasic') {
    // dips far shorter than the 0.5 s offset period, so the burst stays one LM
    const count = Math.min(4, Math.floor(durationSec / 0.8));
    for (let k = 0; k < count; k++) {
      const width = rng.uniform(0.06, 0.22);
      const at = rng.uniform(riseSec + 0.1, Math.max(riseSec + 0.11, durationSec - fallSec - width - 0.1));
      dips.push({ atSec: at, durationSec: width, level: rng.uniform(0.25, 0.45) });
    }
  }
  return { leg, onsetSec, durationSec, amplitudeUv, shape, riseSec, fallSec, dips };
}

function buildMovement(rng: SimRng, p: Proposal, profile: PsgProfile): PlacedMovement {
  const bursts: PlacedBurst[] = [];
  if (p.side === 'bilateral') {
    const first = rng.pick<Leg>(['left', 'right']);
    const second: Leg = first === 'left' ? 'right' : 'left';
    bursts.push(buildBurst(rng, first, p.onsetSec, p.durationSec, profile));
    // the second leg starts while the first is clearly active, so the two always overlap
    const delay = rng.uniform(0, Math.min(1, 0.4 * p.durationSec));
    const long = p.durationSec > 10;
    let d2 = long
      ? p.durationSec * rng.uniform(0.7, 1.1)
      : Math.min(9.2, Math.max(0.75, p.durationSec * rng.uniform(0.6, 1.3)));
    // bilateral span clear of the 15 s limit
    const span = Math.max(p.durationSec, delay + d2);
    if (!long && span > 14) d2 = 14 - delay;
    if (long && Math.abs(delay + d2 - 15) < 1) d2 += 2;
    bursts.push(buildBurst(rng, second, p.onsetSec + delay, d2, profile));
  } else {
    bursts.push(buildBurst(rng, p.side, p.onsetSec, p.durationSec, profile));
  }
  const endSec = Math.max(...bursts.map((b) => b.onsetSec + b.durationSec));
  return { onsetSec: p.onsetSec, endSec, origin: p.origin, bursts };
}
