import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PsgProfileName, simulatePsg } from '@myotrace/detect';

const PROFILES: PsgProfileName[] = ['plmd-mild', 'plmd-severe', 'healthy', 'apnea'];

/** Writes `count` short simulated nights (varied profiles) into `dir`; returns their paths. */
export function writeNights(dir: string, count: number, hours = 0.25): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const sim = simulatePsg({ seed: 100 + i, hours, profile: PROFILES[i % PROFILES.length], sampleRateHz: 200 });
    const p = join(dir, `night-${String(i).padStart(2, '0')}.edf`);
    writeFileSync(p, sim.edf);
    paths.push(p);
  }
  return paths;
}

/** A file that is not an EDF at all: it must land in the failed state with its error code. */
export function writeCorrupt(dir: string): string {
  const p = join(dir, 'corrupt.edf');
  const bytes = new Uint8Array(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) & 0xff;
  writeFileSync(p, bytes);
  return p;
}
