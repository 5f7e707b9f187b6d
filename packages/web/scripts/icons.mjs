// Renders the SVG app icon to the PNG sizes the web manifest lists (192, 512). Usage: node packages/web/scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
const svg = readFileSync('packages/web/public/icon.svg', 'utf8');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const s of [192, 512]) {
  const p = await b.newPage({ viewport: { width: s, height: s } });
  await p.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${s}" height="${s}" `)}</body></html>`);
  await p.screenshot({ path: `packages/web/public/icon-${s}.png`, omitBackground: true });
}
await b.close();
