/**
 * A portal that searches other portals with its own (district.yaml `shards`: a province's portal and its cities'):
 * their subjects come among the results with their region and links to their host, the 地区 filter keeps to one
 * region, a code or 文号 of another portal is found with one request to it, and a portal that does not answer is
 * named rather than silently left out.
 *
 * The other portal is a second index built by the search stage (scripts/search-index.ts) from forty of the
 * sample's subjects moved to 鹤岗市兴安区 (new ids, names, codes and 文号), served on a port of its own with CORS.
 * This portal is the built sample with the index a build configured with `shards` writes (its own subjects with
 * their region; or, when the other portal's data is given, those subjects too), served on a port of its own; its
 * search page is given the other portal's address as such a build gives it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { orgCodeCheckChar, usccCheckChar } from '../../src/lib/credit-code.ts';
import { serveDist } from '../../scripts/serve-dist.ts';
import { readLines } from './data.ts';
import { expect, test } from './fixtures.ts';
import { buildIndex, portalWithIndex } from './portal.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** This run's folder, made in beforeAll (made as the file loads, one was left each time Playwright only listed its tests). */
let DIR = '';
const REGION = '鹤岗市兴安区';
const HERE = '哈尔滨市道里区';
const NAME = '鹤岗市兴安测试商贸有限公司';

const lines = (file: string) => readLines<Record<string, any>>(file);
/** A valid 统一社会信用代码 of 鹤岗市兴安区 (230402), numbered i. */
function uscc(i: number): string {
  const org = `MA${String(i).padStart(6, '0')}`;
  const head = `91230402${org}${orgCodeCheckChar(org)}`;
  return head + usccCheckChar(head)!;
}

let server: Server;
let shardUrl: string;
/** This portal served with the index of a build that merges the other portal's index, or holds its subjects. */
const portal = { merging: '', combined: '' };
const servers: Server[] = [];
const moved = { subjectId: '', code: '', recordId: '', docNo: '' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  DIR = mkdtempSync(join(tmpdir(), 'credit-shard-'));
  const records = lines('records.ndjson');
  const subjects = lines('subjects.ndjson').filter((s) => s.category === '法人及非法人组织' && records.some((r) => r.subjectId === s.id && r.kind === 'penalty' && /〔\d{4}〕/.test(r.docNo ?? ''))).slice(0, 40);
  const ids = new Map(subjects.map((s, i) => [s.id as string, `hg-${i}`]));
  const shardSubjects = subjects.map((s, i) => ({ ...s, id: ids.get(s.id), name: i === 0 ? NAME : `鹤岗${s.name}`, aliases: [], codes: { uscc: uscc(i) } }));
  const shardRecords = records.filter((r) => ids.has(r.subjectId)).map((r): Record<string, any> => ({
    ...r, id: `${r.id}-hg`, subjectId: ids.get(r.subjectId), ...(r.docNo ? { docNo: r.docNo.replace(/^哈道/, '鹤兴') } : {}),
  }));
  const first = shardRecords.find((r) => r.subjectId === 'hg-0' && r.kind === 'penalty' && /〔\d{4}〕/.test(r.docNo ?? ''))!;
  Object.assign(moved, { subjectId: 'hg-0', code: uscc(0), recordId: first.id, docNo: first.docNo });
  mkdirSync(join(DIR, 'data'));
  writeFileSync(join(DIR, 'data/subjects.ndjson'), shardSubjects.map((s) => `${JSON.stringify(s)}\n`).join(''));
  writeFileSync(join(DIR, 'data/records.ndjson'), shardRecords.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const index = (data: string, out: string, config: string) => buildIndex(data, out, config, DIR);
  // The other portal, as its own build writes its search files.
  index(join(DIR, 'data'), join(DIR, 'site'), join(ROOT, 'district.yaml'));
  // This portal's index with the other portal's subjects in it, as a build whose `shards` entry gives `data` writes it.
  const yaml = readFileSync(join(ROOT, 'district.yaml'), 'utf8').replace(/^sources: .*$/m, `sources: ${join(ROOT, 'content/sources/daoli/sources.yaml')}`);
  writeFileSync(join(DIR, 'province.yaml'), `${yaml}\nshards:\n  - { name: ${REGION}, url: 'https://xingan.credit.example.gov.cn/', data: data }\n`);
  index(join(ROOT, 'content/data'), join(DIR, 'combined'), join(DIR, 'province.yaml'));
  // …and as a build whose `shards` entry gives no data writes it: its own subjects, each with its region.
  writeFileSync(join(DIR, 'merging.yaml'), `${yaml}\nshards:\n  - { name: ${REGION}, url: 'https://xingan.credit.example.gov.cn/' }\n`);
  index(join(ROOT, 'content/data'), join(DIR, 'merging'), join(DIR, 'merging.yaml'));
  ({ server, base: shardUrl } = await serveDist(0, join(DIR, 'site'), { cors: true }));
  // This portal as each of those builds would publish it: the built site with that index, on a port of its own.
  for (const variant of ['merging', 'combined'] as const) {
    portalWithIndex(join(DIR, variant), join(DIR, `portal-${variant}`));
    const served = await serveDist(0, join(DIR, `portal-${variant}`));
    servers.push(served.server);
    portal[variant] = served.base;
  }
});

test.afterAll(async () => {
  await Promise.all([server, ...servers].map((x) => new Promise<void>((done) => (x ? x.close(() => done()) : done()))));
  if (DIR) rmSync(DIR, { recursive: true, force: true });
});

/**
 * The search page as a build with `shards` writes it: the other portals' names and addresses on #search-status,
 * set as the page is parsed, before its script runs. (Rewriting the response instead would make Chromium treat the
 * page as public and refuse its requests to the other portal on the loopback address.)
 */
async function withShards(page: Page, shards: { name: string; url: string; combined?: boolean }[]): Promise<void> {
  await page.addInitScript((json) => {
    new MutationObserver((_, observer) => {
      const status = document.getElementById('search-status');
      if (!status) return;
      status.dataset.shards = json;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, JSON.stringify(shards));
}
const search = (q: string, at: keyof typeof portal = 'merging') => `${portal[at]}/search/?q=${encodeURIComponent(q)}`;

test('another portal’s subject comes among the results, with its region and links to its host', async ({ page }) => {
  await withShards(page, [{ name: REGION, url: `${shardUrl}/` }]);
  const fromShard: string[] = [];
  page.on('request', (r) => { if (r.url().startsWith(`${shardUrl}/pagefind/`)) fromShard.push(r.url()); });
  await page.goto(search('兴安测试商贸'));
  const result = page.locator(`#results li[data-subject="${shardUrl}/subject/${moved.subjectId}/"]`);
  await expect(result).toHaveCount(1);
  await expect(result).toContainText(REGION);
  // Its index was fetched from its host (the test below counts on seeing such requests).
  expect(fromShard.some((u) => u.includes('.pf_meta'))).toBe(true);
  await expect(result.getByRole('list').getByRole('link').first()).toHaveAttribute('href', new RegExp(`^${shardUrl}/record/[a-z]+-[0-9a-f]+-hg/$`));
  // The 地区 filter keeps to one region.
  // Here, the query as typed finds this portal's own 商贸 companies, and none of the other's.
  await page.getByRole('combobox', { name: '地区' }).selectOption(HERE);
  await expect(page.locator('#search-status')).toContainText(/找到 \d+ 个主体/);
  const hosts = await page.locator('#results li[data-subject]').evaluateAll((els) => els.map((e) => e.getAttribute('data-subject')));
  expect(hosts.length).toBeGreaterThan(0);
  expect(hosts.filter((h) => !h?.startsWith('/subject/'))).toEqual([]);
  await page.getByRole('combobox', { name: '地区' }).selectOption(REGION);
  await expect(result).toHaveCount(1);
  expect(new URL(page.url()).searchParams.get('region')).toBe(REGION);
});

test('a code of another portal opens its credit file there, after one request to it', async ({ page }) => {
  await withShards(page, [{ name: REGION, url: `${shardUrl}/` }]);
  const asked: string[] = [];
  page.on('request', (r) => { if (r.url().startsWith(`${shardUrl}/codes/`)) asked.push(r.url()); });
  await page.goto(search(moved.code.toLowerCase()));
  await page.waitForURL(`${shardUrl}/subject/${moved.subjectId}/`);
  expect(asked).toHaveLength(1);
});

test('a 文号 of another portal, typed with [], finds its record there first', async ({ page }) => {
  await withShards(page, [{ name: REGION, url: `${shardUrl}/` }]);
  await page.goto(search(moved.docNo.replace('〔', '[').replace('〕', ']')));
  await expect(page.locator('#search-status')).toHaveText('文号完全匹配 1 条。');
  await expect(page.locator('#results li').first().getByRole('link')).toHaveAttribute('href', `${shardUrl}/record/${moved.recordId}/`);
  await expect(page.locator('#results li').first()).toContainText(REGION);
});

test('a portal that does not answer is named, and this portal’s results still come', async ({ page }) => {
  // A port nothing listens on: the server's own, once closed, would be reused; a fixed port of the discard service.
  await withShards(page, [{ name: REGION, url: `${shardUrl}/` }, { name: '鹤岗市向阳区', url: 'http://127.0.0.1:9/' }]);
  const s = lines('subjects.ndjson').find((x) => x.name === '哈尔滨嘉禾通江食品有限公司')!;
  await page.goto(search('嘉禾通江食品'));
  await expect(page.locator(`#results li[data-subject="/subject/${s.id}/"]`)).toHaveCount(1);
  await expect(page.locator(`#results li[data-subject="/subject/${s.id}/"]`)).toContainText(HERE);
  await expect(page.locator('#search-status')).toContainText('鹤岗市向阳区的信用门户暂时无法查询，结果不含这些地区');
});

test('another portal whose data the build was given is searched in this portal’s own index, with one index fetched', async ({ page }) => {
  await withShards(page, [{ name: REGION, url: `${shardUrl}/`, combined: true }]);
  const fromShard: string[] = [];
  page.on('request', (r) => { if (r.url().startsWith(`${shardUrl}/pagefind`)) fromShard.push(r.url()); });
  await page.goto(search('兴安测试商贸', 'combined'));
  const result = page.locator(`#results li[data-subject="${shardUrl}/subject/${moved.subjectId}/"]`);
  await expect(result).toHaveCount(1);
  await expect(result).toContainText(REGION);
  await expect(result.getByRole('list').getByRole('link').first()).toHaveAttribute('href', new RegExp(`^${shardUrl}/record/[a-z]+-[0-9a-f]+-hg/$`));
  expect(fromShard).toEqual([]);
  // The region is a filter of the stubs themselves.
  await page.getByRole('combobox', { name: '地区' }).selectOption(HERE);
  await expect(page.locator('#search-status')).toContainText(/找到 \d+ 个主体|没有找到符合条件的主体/);
  await expect(result).toHaveCount(0);
  const hosts = await page.locator('#results li[data-subject]').evaluateAll((els) => els.map((e) => e.getAttribute('data-subject')));
  expect(hosts.filter((h) => !h?.startsWith('/subject/'))).toEqual([]);
  await page.getByRole('combobox', { name: '地区' }).selectOption(REGION);
  await expect(result).toHaveCount(1);
  // A code of that portal is still asked of it, as it publishes its lookups.
  await page.goto(search(moved.code, 'combined'));
  await page.waitForURL(`${shardUrl}/subject/${moved.subjectId}/`);
});
