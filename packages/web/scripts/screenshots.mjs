// Screenshots of every screen at phone (390×844) and desktop (1366×900) sizes, for looking at the app as a person.
// Usage: node packages/web/scripts/screenshots.mjs http://127.0.0.1:PORT OUTDIR [email password] [screens...]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, out = 'test-artifacts/screens', email = 'alex.demo@demo.myotrace.invalid', password = 'demo-patient-password', ...only] = process.argv.slice(2);
const SCREENS = only.length ? only : ['today', 'diary', 'medicines', 'sleep', 'exercises', 'insights', 'learn', 'learn/triage', 'recordings', 'reports', 'sharing', 'night', 'patients', 'viewer'];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 900 }]]) {
  const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-GB' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  await page.goto(`${base}/`);
  await page.screenshot({ path: `${out}/${name}-login.png`, fullPage: true });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForTimeout(1500);
  for (const s of SCREENS) {
    if (s === 'viewer') {
      await page.goto(`${base}/#/recordings`);
      await page.getByTestId('server-recordings').getByRole('link', { name: 'Open viewer' }).first().click();
      await page.getByTestId('viewer').waitFor({ timeout: 60000 });
      await page.waitForTimeout(4000);
      await page.getByTestId('next-event').click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/${name}-viewer.png`, fullPage: true });
      continue;
    }
    await page.goto(`${base}/#/${s}`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/${name}-${s.replace(/\//g, '_')}.png`, fullPage: name === 'phone' ? false : true });
  }
  await ctx.close();
}
await browser.close();
