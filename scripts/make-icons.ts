// Renders assets/icon.svg to the PNG sizes the manifest lists (public/icon/<size>.png, which WXT picks up), with
// Debian's Chromium. Run after changing the SVG: `npx tsx scripts/make-icons.ts`; the PNGs are committed. Only 16
// (the toolbar) and 128 (the stores; browsers scale it down for 32 and 48): the 32 and 48 files cost 1.3 KB of a
// package held to 90 KB.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const outDir = join(ROOT, 'public/icon');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [16, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
