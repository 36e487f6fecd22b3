/**
 * `npm run screenshot -- <path> [<path> ...]`: serves dist/ and saves phone (320 and 390 px) and
 * desktop (1280 px) screenshots of each page, and an A4 PDF, into .scrutineer/screenshots/, so a person
 * can look at what residents will see.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from './browser';
import { serveStatic } from './serve';

const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const out = resolve('.scrutineer/screenshots');
mkdirSync(out, { recursive: true });
const server = await serveStatic(resolve('dist'), process.env.SITE_BASE ?? '/');
const browser = await launchBrowser();
try {
  for (const path of paths.length ? paths : ['']) {
    const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
    for (const [label, width] of [['phone', 320], ['phone-390', 390], ['desktop', 1280]] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(server.url + path.replace(/^\//, ''));
      await page.screenshot({ path: join(out, `${name}-${label}.png`), fullPage: process.argv.includes('--full') });
      await page.close();
    }
    const page = await browser.newPage();
    await page.goto(server.url + path.replace(/^\//, ''));
    await page.pdf({ path: join(out, `${name}.pdf`), format: 'A4', printBackground: true });
    await page.close();
    console.log(`${name}: ${join(out, name)}-{phone,phone-390,desktop}.png and .pdf`);
  }
} finally {
  await browser.close();
  await server.close();
}
