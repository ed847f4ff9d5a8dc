/**
 * npm run screenshots: the README's pictures of the home page and a credit file, from dist/.
 * Needs a CJK font for the glyphs (Debian: apt-get install fonts-noto-cjk).
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { readAllNdjson } from '../src/lib/ndjson.ts';
import { CHROMIUM, serveDist } from './serve-dist.ts';

const ROOT = join(import.meta.dirname, '..');
const records = await readAllNdjson<{ subjectId: string; kind: string }>(join(ROOT, 'content/data/records.ndjson'));
const kinds = new Map<string, Set<string>>();
for (const r of records) kinds.set(r.subjectId, (kinds.get(r.subjectId) ?? new Set()).add(r.kind));
// A company with the most kinds of record shows every section of a credit file.
const subject = [...kinds].filter(([id]) => !id.startsWith('p-')).sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0]![0];

const { server, base } = await serveDist();
const browser = await chromium.launch(CHROMIUM);
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
for (const [name, path, height] of [['home', '/', 1000], ['subject', `/subject/${subject}/`, 1500]] as const) {
  await page.setViewportSize({ width: 1280, height });
  await page.goto(`${base}${path}`);
  await page.screenshot({ path: join(ROOT, 'docs/screenshots', `${name}.png`) });
}
await browser.close();
server.close();
console.error(`screenshots of / and /subject/${subject}/ → docs/screenshots/`);
