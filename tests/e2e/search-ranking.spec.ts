/**
 * A name fragment shared, pair by pair, by many names in other orders: the name that holds the fragment itself
 * comes first. At 100,000 subjects 鑫源恒泰建筑工程 matched hundreds of companies holding 鑫源, 恒泰, 建筑 and 工程
 * in some order, and the one so named was often not among those shown.
 *
 * The index is built by the search stage (scripts/search-index.ts) from 24 of the sample's companies renamed to
 * every order of those four words, the one searched for last; the built sample is served with it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDist } from '../../scripts/serve-dist.ts';
import { readLines } from './data.ts';
import { expect, test } from './fixtures.ts';
import { buildIndex, portalWithIndex } from './portal.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WORDS = ['鑫源', '恒泰', '建筑', '工程'];

/** Every order of the words, the given order last. */
function orders(words: string[]): string[][] {
  if (words.length <= 1) return [words];
  return words.flatMap((w, i) => orders([...words.slice(0, i), ...words.slice(i + 1)]).map((rest) => [w, ...rest]));
}
const names = orders(WORDS).map((o) => `哈尔滨${o.join('')}有限公司`).reverse();

let server: Server;
/** This run's folder (made in beforeAll), removed after. */
let DIR = '';
let base: string;
const lines = (file: string) => readLines<Record<string, any>>(file);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // Its own folder each time: a worker that runs the tests of this file in two groups runs this twice.
  DIR = mkdtempSync(join(tmpdir(), 'credit-ranking-'));
  const records = lines('records.ndjson');
  const withRecords = new Set(records.map((r) => r.subjectId));
  const subjects = lines('subjects.ndjson').filter((s) => s.category === '法人及非法人组织' && withRecords.has(s.id)).slice(0, names.length)
    .map((s, i): Record<string, any> => ({ ...s, name: names[i], aliases: [] }));
  const ids = new Set(subjects.map((s) => s.id));
  mkdirSync(join(DIR, 'data'));
  writeFileSync(join(DIR, 'data/subjects.ndjson'), subjects.map((s) => `${JSON.stringify(s)}\n`).join(''));
  writeFileSync(join(DIR, 'data/records.ndjson'), records.filter((r) => ids.has(r.subjectId)).map((r) => `${JSON.stringify(r)}\n`).join(''));
  buildIndex(join(DIR, 'data'), join(DIR, 'site'), join(ROOT, 'district.yaml'), DIR);
  portalWithIndex(join(DIR, 'site'), join(DIR, 'portal'));
  ({ server, base } = await serveDist(0, join(DIR, 'portal')));
});

test.afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (DIR) rmSync(DIR, { recursive: true, force: true });
});

const firstName = (page: import('@playwright/test').Page) => page.locator('#results > li').first().locator('a').first();

test('the name that holds the fragment comes first among two dozen holding its words in other orders', async ({ page }) => {
  expect(names).toHaveLength(24);
  expect(names.at(-1)).toBe('哈尔滨鑫源恒泰建筑工程有限公司');
  await page.goto(`${base}/search/?q=${encodeURIComponent('鑫源恒泰建筑工程')}`);
  await expect(page.locator('#search-status')).toContainText('找到 24 个主体');
  await expect(firstName(page)).toHaveText('哈尔滨鑫源恒泰建筑工程有限公司');
  // The others are still there, after it.
  await expect(page.locator('#results > li')).toHaveCount(20);
  await page.getByRole('button', { name: /更多/ }).click();
  await expect(page.locator('#results > li')).toHaveCount(24);
});

test('another order of the same words puts that name first', async ({ page }) => {
  await page.goto(`${base}/search/?q=${encodeURIComponent('工程建筑恒泰鑫源')}`);
  await expect(page.locator('#search-status')).toContainText('找到 24 个主体');
  await expect(firstName(page)).toHaveText('哈尔滨工程建筑恒泰鑫源有限公司');
});
