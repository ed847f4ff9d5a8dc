import { expect, test } from './fixtures.ts';
import { gunzipSync } from 'node:zlib';
import { findIdNumber } from '../../src/lib/mask.ts';
import { distFiles, distHtml, records, report, sampleFile, subjects, subjectOf } from './data.ts';

test('the home page shows the build date and how many records of each kind are public', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('哈尔滨市道里区公共信用信息查询');
  await expect(page.locator('main')).toContainText(report().today);
  const penalties = records().filter((r) => r.kind === 'penalty').length;
  await expect(page.getByRole('row', { name: /行政处罚/ })).toContainText(String(penalties));
});

test('a company’s credit file lists its penalty with its state and the day it stops being shown', async ({ page }) => {
  const r = records().find((x) => x.kind === 'penalty' && subjectOf(x).category === '法人及非法人组织' && x.disclosure.state === '公示中')!;
  await page.goto(`/subject/${r.subjectId}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subjectOf(r).name);
  const item = page.locator(`article#${r.id}`);
  await expect(item).toContainText(r.docNo!);
  await expect(item).toContainText('公示中');
  await expect(item.locator('dt', { hasText: '公示截止' }).locator('xpath=following-sibling::dd[1]')).toHaveText(r.disclosure.end!);
  await expect(item).toHaveAttribute('data-end', r.disclosure.end!);
});

test('the home page links through a black-list entry to the subject’s credit file', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('region', { name: '严重失信' }).getByRole('link').first();
  const name = (await link.textContent())!;
  await link.click();
  await expect(page).toHaveURL(/\/record\/hei-[0-9a-f]{12}\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await page.getByRole('link', { name: '查看该主体的全部信用信息' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('heading', { name: /^严重失信（[1-9]/ })).toBeVisible();
});

test('a person’s page shows only the masked ID and is kept out of search engines', async ({ page }) => {
  const p = subjects().find((s) => s.category === '自然人')!;
  await page.goto(`/subject/${p.id}/`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.locator('main')).toContainText(p.codes.idMasked!);
  expect(findIdNumber(await page.content())).toBeNull();
});

test('a record under objection is shown marked 异议核实中 with its measures suspended', async ({ page }) => {
  const r = records().find((x) => x.kind === 'blacklist' && x.disclosure.state === '异议核实中')!;
  await page.goto(`/subject/${r.subjectId}/#${r.id}`);
  const item = page.locator(`article#${r.id}`);
  await expect(item).toContainText('异议核实中');
  await expect(item).toContainText('异议核实期间暂停执行');
});

test('no repaired or removed decision appears anywhere in the built site', () => {
  const docNos = sampleFile('daoli-xinyong-xiufu.csv').split('\n').slice(1).map((l) => l.split(',')[2]).filter(Boolean) as string[];
  expect(docNos.length).toBeGreaterThan(30);
  const pages = distHtml();
  expect(pages.length).toBeGreaterThan(1500);
  for (const doc of docNos) {
    const hit = pages.find((p) => p.text.includes(doc));
    expect(hit?.path, doc).toBeUndefined();
  }
});

test('an unknown address gets the 404 page in Chinese', async ({ page }) => {
  const res = await page.goto('/subject/000000000000000000/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
});

test('the statistics page counts what the ingest read, by state, including what is not shown', async ({ page }) => {
  await page.goto('/stats/');
  const byState = page.getByRole('table', { name: /按公示状态/ });
  for (const [state, n] of Object.entries(report().totals.byState)) {
    await expect(byState.getByRole('row', { name: new RegExp(`^${state}`) })).toContainText(String(n));
  }
});

test('the open data, split by kind and year, holds every public record once and nothing else', async ({ page, request }) => {
  await page.goto('/data/');
  const links = await page.getByRole('link', { name: /\.csv$/ }).allTextContents();
  expect(links.length).toBeGreaterThan(5);
  const ids: string[] = [];
  for (const name of links) {
    const csv = await (await request.get(`/data/${name}`)).text();
    expect(csv.startsWith('\ufeff编号,类别,主体编号,主体名称')).toBe(true);
    ids.push(...csv.trim().split('\n').slice(1).map((l) => l.split(',')[0]!));
    expect(findIdNumber(csv)).toBeNull();
  }
  expect(ids.sort()).toEqual(records().map((r) => r.id).sort());
});

test('open data shows a subject’s code as the subject file has it, not a row’s mistyped copy', async ({ request }) => {
  const s = subjects().find((x) => x.codes.uscc && x.category !== '自然人')!;
  const r = records().find((x) => x.subjectId === s.id)!;
  const year = (await (await request.get(`/record/${r.id}/`)).text()).match(/<time datetime="(\d{4})/)![1];
  const kind = { penalty: 'penalty', license: 'license', redlist: 'red', blacklist: 'black', commitment: 'commitment' }[r.kind]!;
  const csv = await (await request.get(`/data/${kind}-${year}.csv`)).text();
  const row = csv.split('\n').find((l) => l.startsWith(`${r.id},`))!;
  expect(row).toContain(`,${s.id},${s.name},${s.category},${s.codes.uscc},`);
});

test('nothing of resident-ID shape, whole or damaged, is in any file of the built site, the search index included', () => {
  const files = distFiles();
  expect(files.length).toBeGreaterThan(2000);
  let fragments = 0;
  for (const f of files) {
    let bytes = f.bytes;
    // Pagefind's fragments and index chunks are gzip-compressed.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) { bytes = gunzipSync(bytes); fragments++; }
    expect(findIdNumber(bytes.toString('utf8')), f.path).toBeNull();
  }
  expect(fragments).toBeGreaterThan(1000);
});

test('no HTML page of the built site weighs more than 200 KB', () => {
  const heavy = distFiles().filter((f) => f.path.endsWith('.html') && f.bytes.length > 200 * 1024).map((f) => `${f.path} ${f.bytes.length}`);
  expect(heavy).toEqual([]);
});
