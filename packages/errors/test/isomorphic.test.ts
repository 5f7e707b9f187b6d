import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The signal engine and knowledge base run in the browser too: no Node built-ins outside
// the explicit Node adapters (files under a `node/` folder, exported as `<pkg>/node`).
const root = join(import.meta.dirname, '..', '..');
const corePackages = ['errors', 'edf', 'dsp', 'detect', 'knowledge'];
const nodeImport = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](node:[^'"]+|fs|path|os|crypto|child_process|worker_threads|stream|buffer)['"]/;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name === 'node') continue;
      yield* sources(p);
    } else if (/\.(ts|tsx)$/.test(name)) yield p;
  }
}

describe('core packages are isomorphic', () => {
  it('import no Node built-ins outside node/ adapters', () => {
    const offenders: string[] = [];
    for (const pkg of corePackages) {
      const src = join(root, pkg, 'src');
      for (const file of sources(src)) {
        if (nodeImport.test(readFileSync(file, 'utf8'))) offenders.push(relative(root, file));
      }
    }
    expect(offenders).toEqual([]);
  });
});
