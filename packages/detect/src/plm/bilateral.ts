import type { PlmSettings } from './settings.js';
import { lessThan } from './time.js';
import type { LegLm, Movement } from './types.js';

/**
 * Combines the two legs' LMs into movements.
 *
 * `overlap` mode (WASM 2016): walking in onset order, an LM joins the current movement when its
 * onset comes before the movement's latest offset plus `maxGapSec` (strictly: "less than 0.5 s"
 * between offset and onset), so chains of alternating LMs form one bilateral movement; component
 * limits are judged afterwards (candidate.ts), as PLMScoRe, SOMAS and MATPLM do.
 *
 * `onset` mode (AASM): an LM and the next LM on the other leg whose onset is less than
 * `maxOnsetDiffSec` later count as one LM; each LM pairs at most once.
 */
export function combineLegs(left: readonly LegLm[], right: readonly LegLm[], s: PlmSettings): Movement[] {
  const all = [...left, ...right].sort((a, b) => a.onsetSec - b.onsetSec || (a.leg === 'left' ? -1 : 1));
  const groups: LegLm[][] = [];
  if (s.bilateral.mode === 'overlap') {
    let cur: LegLm[] = [];
    let curEnd = -Infinity;
    for (const lm of all) {
      if (cur.length > 0 && lessThan(lm.onsetSec - curEnd, s.bilateral.maxGapSec)) {
        cur.push(lm);
        curEnd = Math.max(curEnd, lm.onsetSec + lm.durationSec);
      } else {
        if (cur.length > 0) groups.push(cur);
        cur = [lm];
        curEnd = lm.onsetSec + lm.durationSec;
      }
    }
    if (cur.length > 0) groups.push(cur);
  } else {
    for (let i = 0; i < all.length; i++) {
      const a = all[i];
      const b = all[i + 1];
      if (b && b.leg !== a.leg && lessThan(b.onsetSec - a.onsetSec, s.bilateral.maxOnsetDiffSec)) {
        groups.push([a, b]);
        i++;
      } else groups.push([a]);
    }
  }
  return groups.map(toMovement);
}

function toMovement(components: LegLm[]): Movement {
  let onset = Infinity;
  let end = -Infinity;
  let hasLeft = false;
  let hasRight = false;
  for (const c of components) {
    onset = Math.min(onset, c.onsetSec);
    end = Math.max(end, c.onsetSec + c.durationSec);
    if (c.leg === 'left') hasLeft = true;
    else hasRight = true;
  }
  return {
    onsetSec: onset,
    endSec: end,
    side: hasLeft && hasRight ? 'bilateral' : hasLeft ? 'left' : 'right',
    components,
    candidate: false,
    respiratory: false,
    arousal: false,
    stage: null,
    periodic: false,
    periodicNr: false,
  };
}
