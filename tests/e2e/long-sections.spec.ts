/**
 * A subject with more records than a credit file shows in full (a hospital's licences, a chain's penalties): the
 * credit file stays under 200 KB with the newest records in full and a link to the section's own pages, and its
 * counts and badges still follow the visitor's date for the records that are only on those pages.
 *
 * The sample has no such subject, so this test renders one with the build's own entity renderer
 * (scripts/render-entities.ts) into a folder of its own and serves its pages in place of the site's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ID = 'test-long-sections';
/**
 * This run's folder and the pages rendered into it, made in beforeAll: made as the file loads, a folder was left
 * behind each time Playwright loaded the file only to list its tests.
 */
let DIR = '';
let OUT = '';
/** Inside the checkout: the compiled components import Astro from its node_modules. */
const CACHE = join(ROOT, '.cache', `test-long-sections-${process.pid}`);
const PENALTIES = 250;
/** The oldest 100 penalties end on 2026-12-31, the other 150 on 2028-06-30. */
const ENDING_SOON = 100;

const line = (file: string, pick: (o: Record<string, unknown>) => boolean) =>
  readFileSync(join(ROOT, 'content/data', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find(pick)!;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(180_000);
  DIR = mkdtempSync(join(tmpdir(), 'credit-long-'));
  OUT = join(DIR, 'dist');
  const template = line('records.ndjson', (r) => r.kind === 'penalty' && r.docNo !== undefined);
  const subject = { ...line('subjects.ndjson', (s) => s.category === '法人及非法人组织'), id: ID, name: '哈尔滨长记录测试连锁有限公司', codes: {}, aliases: [], recordIds: [] as string[] };
  const records = Array.from({ length: PENALTIES }, (_, i) => {
    // i = 0 is the oldest: 2024-01-01 plus i days.
    const date = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
    const end = i < ENDING_SOON ? '2026-12-31' : '2028-06-30';
    return {
      ...template, id: `cf-long-${String(i).padStart(3, '0')}`, subjectId: ID, docNo: `哈道测罚〔2024〕${i + 1}号`, decisionDate: date,
      disclosure: { ...(template.disclosure as object), state: '公示中', start: date, end, repairableFrom: undefined },
    };
  });
  subject.recordIds = records.map((r) => r.id);
  mkdirSync(join(DIR, 'data'));
  writeFileSync(join(DIR, 'data/subjects.ndjson'), `${JSON.stringify(subject)}\n`);
  writeFileSync(join(DIR, 'data/records.ndjson'), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const run = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/render-entities.ts', '--data', join(DIR, 'data'),
    '--dist', OUT, '--site', join(ROOT, 'dist'), '--cache', CACHE, '--full'], { cwd: ROOT, encoding: 'utf8' });
  rmSync(CACHE, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`render-entities failed:\n${run.stderr}`);
});
test.afterAll(() => { if (DIR) rmSync(DIR, { recursive: true, force: true }); });

/** The rendered pages of the test subject, served in place of the site's; everything else comes from dist/. */
async function serveRendered(page: Page): Promise<void> {
  await page.route(`**/subject/${ID}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    return route.fulfill({ path: join(OUT, path, 'index.html'), contentType: 'text/html; charset=utf-8' });
  });
}

test('a long section shows its newest 30 records in full and the rest on pages of their own, each page under 200 KB', async ({ page }) => {
  const pages = ['', 'penalty/', 'penalty/2/', 'penalty/3/'].map((p) => join(OUT, 'subject', ID, p, 'index.html'));
  for (const file of pages) expect(statSync(file).size, file).toBeLessThan(200 * 1024);

  await serveRendered(page);
  await page.goto(`/subject/${ID}/`);
  const section = page.locator('section[aria-labelledby="sec-penalty"]');
  await expect(section.locator('article[data-record]')).toHaveCount(30);
  // Newest first: the first is the last one made (i = 249), dated 2024-01-01 + 249 days.
  await expect(section.locator('article[data-record]').first()).toHaveAttribute('id', 'cf-long-249');
  await expect(section).toContainText('另有 220 条');
  await section.getByRole('link', { name: '查看全部行政处罚（250 条）' }).click();
  await expect(page).toHaveURL(new RegExp(`/subject/${ID}/penalty/$`));
  await expect(page.locator('tbody tr')).toHaveCount(100);
  await expect(page.locator('tbody tr').first()).toContainText('哈道测罚〔2024〕250号');
  await page.getByRole('link', { name: '下一页' }).click();
  await page.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(new RegExp(`/subject/${ID}/penalty/3/$`));
  await expect(page.locator('tbody tr')).toHaveCount(50);
  await expect(page.locator('tbody tr').last()).toContainText('哈道测罚〔2024〕1号');
});

test('the counts and badge of a long section follow the visitor’s date for the records on its own pages too', async ({ page }) => {
  await serveRendered(page);
  await page.goto(`/subject/${ID}/`);
  await expect(page.locator('[data-count="penalty"]').first()).toHaveText('250');

  // On 2027-01-15 the oldest 100 have ended: all of them are among the 220 on the section's pages.
  await page.clock.setFixedTime(new Date('2027-01-15T10:00:00+08:00'));
  await page.goto(`/subject/${ID}/`);
  for (const count of await page.locator('[data-count="penalty"]').all()) await expect(count).toHaveText('150');
  await expect(page.getByRole('list', { name: '名单情况' })).toContainText('公示中的行政处罚 150 条');
  await expect(page.locator('section[aria-labelledby="sec-penalty"]')).toContainText('另有 120 条');
  await expect(page.locator('section[aria-labelledby="sec-penalty"] article[data-record]:visible')).toHaveCount(30);
  // The note counts the records that ended, those on the section's own pages too.
  await expect(page.locator('#expiry-note')).toContainText('有 100 条信息的公示期已届满');

  // The last page of the section holds only ended records: they are hidden there too.
  await page.goto(`/subject/${ID}/penalty/3/`);
  await expect(page.locator('tbody tr:visible')).toHaveCount(0);
  await expect(page.getByText('共 150 条')).toBeVisible();
});

test('the credit file with a long section and the section’s pages pass axe', async ({ page }) => {
  // axe over three long pages took 24 s of the default 30 on an idle machine, and more on a busy one: a budget, not a
  // measure of speed.
  test.setTimeout(120_000);
  await serveRendered(page);
  for (const path of ['', 'penalty/', 'penalty/2/']) {
    await page.goto(`/subject/${ID}/${path}`);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), path).toEqual([]);
  }
});

test('without JavaScript a long section reads as built: its link, its pages and their totals', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await serveRendered(page);
  await page.goto(`/subject/${ID}/`);
  await page.getByRole('link', { name: '查看全部行政处罚（250 条）' }).click();
  await expect(page.locator('tbody tr')).toHaveCount(100);
  await expect(page.getByText('共 250 条')).toBeVisible();
  await context.close();
});
