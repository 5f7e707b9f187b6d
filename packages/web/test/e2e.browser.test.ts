// End-to-end in a real browser (Debian's Chromium via playwright-core) against the real server on a random
// loopback port with a temporary data folder. Skips with a reason when /usr/bin/chromium is absent.
// Flow: register → log a jerk offline → reconnect → synced once → insights show it → analyse a simulated night on
// the device → upload another and see it scored → edit an event and see the index change → PDF report text →
// share with a clinician → clinician sees the patient → revoke → access gone; axe-core on the main screens.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreRecording } from '@myotrace/detect';
import { bytesSource, openEdf } from '@myotrace/edf';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateNight } from './fixtures/night.js';

const CHROMIUM = '/usr/bin/chromium';
const root = new URL('../../..', import.meta.url).pathname;
const webDir = join(root, 'packages', 'web');
const artifacts = join(root, 'test-artifacts');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`[web e2e] skipped: ${CHROMIUM} not found (install Debian's chromium to run the browser tests)`);

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe.skipIf(!haveChromium)('web app in Chromium against the real server', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let tmp: string;
  let nightA: string;
  let nightB: string;
  let expectedA: Record<string, number | null>;
  const pages: Page[] = [];

  beforeAll(async () => {
    if (!existsSync(join(webDir, 'dist', 'index.html'))) {
      const b = spawnSync('npm', ['run', 'build', '-w', 'packages/web'], {
        cwd: root,
        stdio: 'inherit',
        // a production bundle even when called from a test runner (vitest sets NODE_ENV=test, which makes
        // import.meta.env.DEV true and drops the service worker registration)
        env: { ...process.env, NODE_ENV: 'production' },
      });
      if (b.status !== 0) throw new Error('web build failed');
    }
    tmp = mkdtempSync(join(tmpdir(), 'myotrace-web-e2e-'));
    const a = simulateNight({ seed: 11, minutes: 40, periodicCount: 30, imiSec: 25, isolated: 5 });
    const b = simulateNight({ seed: 22, minutes: 40, periodicCount: 24, imiSec: 30, isolated: 4 });
    nightA = join(tmp, 'night-a.edf');
    nightB = join(tmp, 'night-b.edf');
    writeFileSync(nightA, a.bytes);
    writeFileSync(nightB, b.bytes);
    // Reference for the on-device analysis: the same pipeline in Node on the same bytes.
    expectedA = (await scoreRecording(await openEdf(bytesSource(a.bytes)), {})).indices as unknown as Record<
      string,
      number | null
    >;
    const { startServer } = await import('@myotrace/server');
    server = await startServer({ host: '127.0.0.1', port: 0, dataDir: join(tmp, 'data'), demo: false });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function newPage(): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    pages.push(page);
    return { ctx, page };
  }

  async function register(page: Page, name: string, email: string, role: 'patient' | 'clinician') {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'New here? Create an account' }).click();
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('I am').selectOption(role);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('main#main h1').first().waitFor();
  }

  async function axe(page: Page, what: string) {
    const require = createRequire(import.meta.url);
    // Injected through the DevTools protocol: the app's CSP (script-src 'self') rightly forbids inline scripts.
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const result = await page.evaluate(async () => {
      const r = await (
        window as unknown as {
          axe: {
            run: (
              c: unknown,
              o: unknown,
            ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
    });
    expect(result, `axe violations on ${what}`).toEqual([]);
  }

  async function guard<T>(name: string, page: Page, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `web-e2e-${name}.png`), fullPage: true }).catch(() => undefined);
      throw e;
    }
  }

  it('runs the whole patient and clinician journey', async () => {
    const { ctx, page } = await newPage();
    const stamp = Date.now();
    const patientEmail = `pat${stamp}@example.org`;

    await guard('register', page, async () => {
      await register(page, 'Pat Example', patientEmail, 'patient');
      await expect.poll(() => page.getByTestId('today-count').textContent()).toBe('0');
      await axe(page, 'Today');
      // The service worker caches the app shell: wait until it controls the page so that an offline reload works.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    });

    const pid = await page.evaluate(
      async () => ((await (await fetch('/api/v1/auth/me')).json()) as { user: { patientId: string } }).user.patientId,
    );
    const serverEpisodes = () =>
      page.evaluate(
        async (p) =>
          ((await (await fetch(`/api/v1/patients/${p}/episodes`)).json()) as { items: { id: string }[] }).items,
        pid,
      );

    await guard('offline-log', page, async () => {
      await ctx.setOffline(true);
      await page.getByTestId('log-jerk').click();
      await expect.poll(() => page.getByTestId('today-count').textContent()).toBe('1');
      await page.getByRole('button', { name: 'Trunk' }).click();
      await expect.poll(() => page.getByTestId('sync-status').textContent()).toBe('1 waiting to sync');
      // Nothing lost on reload while offline (app shell from the service worker, entry from IndexedDB).
      await page.reload();
      await expect.poll(() => page.getByTestId('today-count').textContent()).toBe('1');
      await expect.poll(() => page.getByTestId('sync-status').textContent()).toBe('1 waiting to sync');
    });

    await guard('sync', page, async () => {
      await ctx.setOffline(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 20_000 }).toBe('All saved');
      const items = await serverEpisodes();
      expect(items).toHaveLength(1);
      // A second sync sends nothing more: still exactly one, with the detail added offline.
      await page.getByTestId('sync-status').click();
      await page.waitForTimeout(500);
      const again = await page.evaluate(
        async (p) =>
          (
            (await (await fetch(`/api/v1/patients/${p}/episodes`)).json()) as {
              items: { id: string; bodySites: string[] }[];
            }
          ).items,
        pid,
      );
      expect(again).toHaveLength(1);
      expect(again[0].bodySites).toEqual(['trunk']);
    });

    await guard('insights', page, async () => {
      await page.goto(`${server.url}/#/insights`);
      await expect.poll(() => page.getByTestId('insights-total').textContent()).toMatch(/^1 episodes \(1 jerks\)/);
      await axe(page, 'Insights');
    });

    await guard('on-device', page, async () => {
      await page.goto(`${server.url}/#/recordings`);
      // Count uploads before: analysing on the device must not upload anything.
      await page.getByTestId('local-file').setInputFiles(nightA);
      const plms = page.getByTestId('local-results').getByTestId('idx-plmsIndex');
      await plms.waitFor({ timeout: 90_000 });
      const shown = await plms.textContent();
      expect(shown).toBe(
        `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(expectedA.plmsIndex as number)} /h`,
      );
      const recs = await page.evaluate(
        async (p) =>
          ((await (await fetch(`/api/v1/patients/${p}/recordings`)).json()) as { items: unknown[] }).items.length,
        pid,
      );
      expect(recs).toBe(0);
      await axe(page, 'Recordings');
    });

    await guard('upload-and-edit', page, async () => {
      await page.getByTestId('upload-file').setInputFiles(nightB);
      await expect
        .poll(() => page.getByTestId('rec-status').first().textContent(), { timeout: 120_000, interval: 1000 })
        .toBe('Scored');
      await page.getByTestId('server-recordings').getByRole('link', { name: 'Open viewer' }).click();
      const plms = page.getByTestId('idx-plmsIndex');
      await plms.waitFor();
      const before = await plms.textContent();
      const lmCount = Number(await page.getByTestId('idx-lmCount').textContent());
      expect(lmCount).toBeGreaterThan(20);
      await page.getByTestId('viewer').waitFor();
      await page.getByTestId('next-event').click();
      await page.getByTestId('selected-event').waitFor();
      await page.getByTestId('reject-event').click();
      await expect.poll(() => page.getByTestId('idx-lmCount').textContent()).toBe(String(lmCount - 1));
      expect(await plms.textContent()).not.toBe(before);
    });

    await guard('report', page, async () => {
      await page.goto(`${server.url}/#/reports`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
      const pdf = join(tmp, 'report.pdf');
      await download.saveAs(pdf);
      const txt = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(txt.status).toBe(0);
      expect(txt.stdout).toContain('Pat Example');
      await axe(page, 'Reports');
    });

    let code = '';
    await guard('invite', page, async () => {
      await page.goto(`${server.url}/#/sharing`);
      await page.getByTestId('invite-clinician').click();
      code = (await page.getByTestId('invite-code').textContent()) ?? '';
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    });

    const clin = await newPage();
    await guard('clinician', clin.page, async () => {
      await register(clin.page, 'Dr Example', `doc${stamp}@example.org`, 'clinician');
      await clin.page.goto(`${server.url}/#/sharing`);
      await clin.page.getByLabel('Invitation code').fill(code);
      await clin.page.getByRole('button', { name: 'Add patient' }).click();
      await clin.page.getByText('✓ Pat Example').waitFor();
      await clin.page.goto(`${server.url}/#/patients`);
      await clin.page.getByTestId('patients-table').getByRole('rowheader', { name: 'Pat Example' }).waitFor();
      await axe(clin.page, 'Patients');
    });

    await guard('revoke', page, async () => {
      // The sharing screen was left open with the code: the new grant shows up by itself.
      await page.getByRole('button', { name: 'Revoke Dr Example' }).click();
      await page.getByText('Access revoked.').waitFor();
      // The clinician's read was written to the patient's access log.
      await page.reload();
      await page.getByTestId('audit-log').getByText('Dr Example').first().waitFor();
    });

    await guard('access-gone', clin.page, async () => {
      const status = await clin.page.evaluate(async (p) => (await fetch(`/api/v1/patients/${p}/insights`)).status, pid);
      expect(status).toBe(403);
      await clin.page.reload();
      await clin.page.goto(`${server.url}/#/patients`);
      await clin.page.getByText('No patients have shared with you yet.').waitFor();
    });
  }, 420_000);
});
