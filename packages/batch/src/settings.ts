import { type PlmSettingsOverrides, plmSettings, type ScoringStandard } from '@myotrace/detect';
import { sha256Hex } from './hash.js';

/**
 * Everything that changes a night's score. Plain JSON: it travels in queue jobs, is stored with
 * every result, and its hash decides whether a recording scored before can be skipped.
 */
export interface BatchSettings {
  standard: ScoringStandard;
  rules: PlmSettingsOverrides;
  child: boolean;
  /** Tool version: a new version may score differently, so it is part of the identity. */
  toolVersion: string;
}

export function batchSettings(input: Partial<BatchSettings> & { toolVersion: string }): BatchSettings {
  const standard = input.standard ?? 'wasm2016';
  // validates the overrides now, before any job is queued
  plmSettings(standard, input.rules ?? {});
  return { standard, rules: input.rules ?? {}, child: input.child ?? false, toolVersion: input.toolVersion };
}

/** JSON with object keys sorted at every level, so equal settings hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function settingsHash(settings: BatchSettings): string {
  return sha256Hex(canonicalJson(settings));
}

/** A batch's id is its name plus the first 12 hex digits of its settings hash: new settings, new result set. */
export function batchId(name: string, settings: BatchSettings): string {
  return `${name}@${settingsHash(settings).slice(0, 12)}`;
}
