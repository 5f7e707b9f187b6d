#!/usr/bin/env node
// `npm start`: build the web app if needed, then serve it with the API on http://127.0.0.1:8080,
// embedded SQLite under ./data and the demo patient. Extra arguments go to `myotrace serve`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const webDist = join(root, 'packages', 'web', 'dist', 'index.html');
if (!existsSync(webDist) && existsSync(join(root, 'packages', 'web', 'vite.config.ts'))) {
  const b = spawnSync('npm', ['run', 'build', '-w', 'packages/web'], {
    cwd: root,
    stdio: 'inherit',
    // a production bundle even when called from a test runner (vitest sets NODE_ENV=test, which makes
    // import.meta.env.DEV true and drops the service worker registration)
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const args = [
  'packages/cli/bin/myotrace.mjs',
  'serve',
  '--host',
  '127.0.0.1',
  '--port',
  '8080',
  '--data',
  './data',
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
