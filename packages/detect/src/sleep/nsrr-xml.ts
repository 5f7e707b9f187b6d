import { MyoTraceError } from '@myotrace/errors';
import { XMLParser } from 'fast-xml-parser';
import { classifyAnnotation } from './labels.js';
import type { RawAnnotation } from './types.js';

export interface NsrrXmlContent {
  epochSec: number;
  /** Stage, respiratory and arousal events with texts that `classifyAnnotation` understands. */
  annotations: RawAnnotation[];
}

/**
 * Reads an NSRR XML annotation file (`PSGAnnotation/ScoredEvents/ScoredEvent` with EventType,
 * EventConcept `Stage 2 sleep|2`, Start and Duration in seconds from the recording start).
 * The EventType decides the family when present (`Stages|Stages`, `Respiratory|Respiratory`,
 * `Arousals|Arousals`), so a concept such as "Arousal resulting from respiratory effort" stays where
 * the scorer put it.
 */
export function parseNsrrXml(text: string): NsrrXmlContent {
  let doc: unknown;
  try {
    doc = new XMLParser({
      ignoreAttributes: true,
      parseTagValue: false,
      isArray: (name) => name === 'ScoredEvent',
    }).parse(text);
  } catch (err) {
    throw new MyoTraceError('DETECT_XML_BAD', `the XML annotation file is not well-formed: ${(err as Error).message}`, {
      hint: 'Pass an NSRR XML file (PSGAnnotation/ScoredEvents), an annotation-only EDF+ or a CSV of epochs.',
      cause: err,
    });
  }
  const root = (doc as { PSGAnnotation?: Record<string, unknown> }).PSGAnnotation;
  if (!root || typeof root !== 'object') {
    throw new MyoTraceError('DETECT_XML_BAD', 'the XML file has no PSGAnnotation element (not an NSRR annotation file)', {
      hint: 'Pass an NSRR XML file (PSGAnnotation/ScoredEvents), an annotation-only EDF+ or a CSV of epochs.',
    });
  }
  const epochSec = Number(root.EpochLength ?? 30) || 30;
  const scored = (root.ScoredEvents as { ScoredEvent?: unknown[] } | undefined)?.ScoredEvent ?? [];
  const annotations: RawAnnotation[] = [];
  for (const raw of scored) {
    const ev = raw as Record<string, unknown>;
    const concept = String(ev.EventConcept ?? '').trim();
    const type = String(ev.EventType ?? '').trim().toLowerCase();
    const onsetSec = Number(ev.Start);
    const durationSec = ev.Duration === undefined ? null : Number(ev.Duration);
    if (!concept || !Number.isFinite(onsetSec)) continue;
    let text = concept;
    const family = type.split('|')[0];
    if (family === 'stages') {
      if (classifyAnnotation(concept).kind !== 'stage') text = 'Sleep stage ?';
    } else if (family === 'arousals') {
      text = 'Arousal';
    } else if (family === 'respiratory') {
      const k = classifyAnnotation(concept).kind;
      if (k !== 'respiratory') continue; // desaturations, "Unsure" etc. are not respiratory events for LM rules
    }
    annotations.push({ onsetSec, durationSec: durationSec !== null && Number.isFinite(durationSec) ? durationSec : null, text });
  }
  return { epochSec, annotations };
}
