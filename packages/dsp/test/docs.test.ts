import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as dsp from '../src/index.js';

// docs/dsp.md examples are executable: each ```ts block runs against the package, and every
// `// → text` comment must equal what the corresponding console.log printed.
const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'dsp.md'), 'utf8');
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/dsp.md examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });
  blocks.forEach((code, b) => {
    it(`block ${b + 1} prints what the document says`, () => {
      const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1].trim());
      const js = code.replace(/import\s*\{([^}]*)\}\s*from\s*'@myotrace\/dsp';/g, 'const {$1} = dsp;');
      const printed: string[] = [];
      const fakeConsole = { log: (...args: unknown[]) => printed.push(args.map(String).join(' ')) };
      new Function('dsp', 'console', js)(dsp, fakeConsole);
      expect(printed).toEqual(expected);
    });
  });
});
