/**
 * Search as readers use it: a fragment of a name, pinyin initials, an exact or mistyped code, a 文号 in any
 * bracket style, one result per subject with badges on the visitor's date, and the way in without JavaScript.
 */
import { expect, test } from './fixtures.ts';
import { distHtml, records, subjects } from './data.ts';

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T12:00:00+08:00`) + 86_400_000);
const search = (q: string) => `/search/?q=${encodeURIComponent(q)}`;

test('a fragment of a name finds the subject once, with its records under it', async ({ page }) => {
  const all = records();
  const s = subjects().find((x) => x.category === '法人及非法人组织' && x.name.length >= 10 && all.filter((r) => r.subjectId === x.id).length >= 3)!;
  // What a reader types: a distinctive part of the name, past the place (哈尔滨市道里区).
  const part = s.name.replace(/^哈尔滨(市)?(道里区)?/, '').slice(0, 4);
  await page.goto(search(part));
  const result = page.locator(`#results li[data-subject="/subject/${s.id}/"]`);
  await expect(result).toHaveCount(1);
  await expect(result.getByRole('link', { name: s.name, exact: true })).toBeVisible();
  await expect(result.getByRole('list').getByRole('link').first()).toHaveAttribute('href', /^\/record\/[a-z]+-[0-9a-f]+\/$/);
  // Every subject appears once, however many of its records match.
  const hrefs = await page.locator('#results li[data-subject]').evaluateAll((els) => els.map((e) => e.getAttribute('data-subject')));
  expect(new Set(hrefs).size).toBe(hrefs.length);
});

test('words of a record’s title find the subjects holding it, with that record shown as matching', async ({ page }) => {
  const all = records();
  // The licence title fewest subjects hold.
  const counts = new Map<string, Set<string>>();
  for (const r of all) if (r.kind === 'license' && r.certName) counts.set(r.certName, (counts.get(r.certName) ?? new Set()).add(r.subjectId));
  const [title, holders] = [...counts].filter(([t]) => t.length >= 4).sort((a, b) => a[1].size - b[1].size || a[0].localeCompare(b[0]))[0]!;
  await page.goto(search(title));
  await expect(page.locator('#search-status')).toContainText(`名称中含有“${title}”的主体没有找到，以下主体的信息标题含有“${title}”；找到 ${holders.size} 个主体`);
  const results = page.locator('#results li[data-subject]');
  await expect(results.first()).toBeVisible();
  // Each subject shown holds such a licence, and it is the record shown under it as matching.
  for (const li of (await results.all()).slice(0, 5)) {
    const id = (await li.getAttribute('data-subject'))!.split('/')[2]!;
    expect(holders.has(id)).toBe(true);
    const link = li.getByRole('list', { name: '匹配的信息' }).getByRole('link').first();
    await expect(link).toContainText(title);
    const rid = (await link.getAttribute('href'))!.split('/')[2]!;
    expect(all.find((x) => x.id === rid)).toMatchObject({ subjectId: id, certName: title });
  }
});

test('a fragment no name holds says so, and shows the names holding part of it', async ({ page }) => {
  const all = records();
  const s = subjects().find((x) => x.category === '法人及非法人组织' && x.name.length >= 10 && all.some((r) => r.subjectId === x.id))!;
  // A distinctive part of the name, and two characters no name or title of the sample holds.
  const part = s.name.replace(/^哈尔滨(市)?(道里区)?/, '').slice(0, 4);
  expect(subjects().some((x) => x.name.includes('齉龘'))).toBe(false);
  await page.goto(search(`${part}齉龘`));
  await expect(page.locator('#search-status')).toContainText(`名称中含有“${part}齉龘”的主体没有找到，以下主体的名称含有其中的部分文字`);
  await expect(page.locator(`#results li[data-subject="/subject/${s.id}/"]`)).toHaveCount(1);
});

test('a single Chinese character finds the names it begins, and says how to find it anywhere in a name', async ({ page }) => {
  // The first character fewest of the sample's names begin with (哈 begins most of them).
  const firsts = new Map<string, string[]>();
  for (const x of subjects()) if (/^[\u4e00-\u9fff]/.test(x.name)) firsts.set(x.name[0]!, [...(firsts.get(x.name[0]!) ?? []), x.name]);
  const [c, names] = [...firsts].sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]))[0]!;
  await page.goto(search(c));
  await expect(page.locator('#search-status')).toContainText(`单个汉字“${c}”只查找以它开头的名称；要查找名称中任意位置的文字，请输入两个以上连续的汉字`);
  const shown = await page.locator('#results li[data-subject] a.text-lg').allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  for (const name of shown) expect(names).toContain(name);
});

test('pinyin initials of a name find it', async ({ page }) => {
  // 哈尔滨嘉禾通江食品有限公司 → hebjhtjspyxgs: the initials of the sample's names, computed by hand.
  const s = subjects().find((x) => x.name === '哈尔滨嘉禾通江食品有限公司')!;
  await page.goto(search('hebjhtjsp'));
  await expect(page.locator(`#results li[data-subject="/subject/${s.id}/"]`)).toHaveCount(1);
});

test('full pinyin of a name finds it', async ({ page }) => {
  const s = subjects().find((x) => x.name === '哈尔滨嘉禾通江食品有限公司')!;
  await page.goto(search('haerbinjiahetongjiang'));
  await expect(page.locator(`#results li[data-subject="/subject/${s.id}/"]`)).toHaveCount(1);
});

test('a black-listed subject carries the badge while listed, and loses it on the visitor’s date after the entry ends', async ({ page }) => {
  const all = records();
  const blackOf = (id: string) => all.filter((r) => r.subjectId === id && r.kind === 'blacklist');
  const s = subjects().find((x) => blackOf(x.id).length === 1 && blackOf(x.id)[0]!.disclosure.end
    && all.some((r) => r.subjectId === x.id && r.kind !== 'blacklist' && (r.disclosure.end ?? '9999') > blackOf(x.id)[0]!.disclosure.end!))!;
  const result = page.locator(`#results li[data-subject="/subject/${s.id}/"]`);
  await page.goto(search(s.name));
  await expect(result).toContainText('严重失信主体');
  await page.clock.setFixedTime(dayAfter(blackOf(s.id)[0]!.disclosure.end!));
  await page.goto(search(s.name));
  await expect(result).toHaveCount(1);
  await expect(result).not.toContainText('严重失信主体');
});

for (const [style, open, close] of [['〔〕', '〔', '〕'], ['[]', '[', ']'], ['（）', '（', '）'], ['【】', '【', '】']] as const) {
  test(`a 文号 typed with ${style} finds its record first`, async ({ page }) => {
    const r = records().find((x) => x.kind === 'penalty' && x.docNo && /〔\d{4}〕/.test(x.docNo))!;
    const typed = r.docNo!.replace('〔', open).replace('〕', close);
    await page.goto(search(typed));
    await expect(page.locator('#results li').first().getByRole('link')).toHaveAttribute('href', `/record/${r.id}/`);
    await expect(page.locator('#search-status')).toContainText('文号完全匹配');
  });
}

test('an exact 文号 shows its record alone, also written without the serial’s leading zeros or 号', async ({ page }) => {
  const r = records().find((x) => x.kind === 'license' && x.docNo && /〔\d{4}〕0\d+号$/.test(x.docNo))!;
  await page.goto(search(r.docNo!.replace('〔', '[').replace('〕', ']')));
  await expect(page.locator('#search-status')).toHaveText('文号完全匹配 1 条。');
  await expect(page.locator('#results li')).toHaveCount(1);
  await expect(page.locator('#results li[data-subject]')).toHaveCount(0);
  // 哈道许〔2022〕08772号 as 哈道许(2022)8772: the same decision.
  await page.goto(search(r.docNo!.replace('〔', '(').replace('〕', ')').replace(/\)0+/, ')').replace(/号$/, '')));
  await expect(page.locator('#results li').first().getByRole('link')).toHaveAttribute('href', `/record/${r.id}/`);
});

test('a 文号 that no public record has says how it was looked for, and that this is not a clean record', async ({ page }) => {
  const r = records().find((x) => x.kind === 'penalty' && x.docNo && /〔\d{4}〕/.test(x.docNo))!;
  const missing = r.docNo!.replace(/〔(\d{4})〕/, '〔1999〕');
  await page.goto(search(missing));
  await expect(page.locator('#search-status')).toContainText(`没有找到文号为“${missing}”的在公示期内的信息`);
  await expect(page.locator('#results li')).toHaveCount(0);
  await expect(page.locator('#not-found')).toBeVisible();
});

test('a query naming one authority searches its records; a part of several names offers them beside what the names hold', async ({ page }) => {
  const all = records();
  // An authority named by a part of its name that no other authority's name holds.
  const names = [...new Set(all.map((x) => x.authority))];
  const a = names.find((n) => n.includes('税务局') && names.filter((m) => m.includes('税务局')).length === 1)!;
  const subjectsOfA = new Set(all.filter((x) => x.authority === a).map((x) => x.subjectId));
  await page.goto(search('税务局'));
  await expect(page.locator('#search-status')).toContainText(`按认定/处罚机关“${a}”查找`);
  await expect(page.locator('select[name=authority]')).toHaveValue(a);
  await expect(page.locator('#results li[data-subject]').first()).toBeVisible();
  // Every result's records shown under it are that authority's.
  const shown = await page.locator('#results li[data-subject] ul a[href^="/record/"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!.split('/')[2]!));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((id) => all.find((x) => x.id === id)!.authority !== a)).toEqual([]);
  await expect(page.locator('#search-status')).toContainText(`找到 ${subjectsOfA.size} 个主体`);
  await page.goto(search('道里分局'));
  const offered = names.filter((n) => n.includes('道里分局'));
  expect(offered.length).toBeGreaterThan(1);
  for (const n of offered) await expect(page.locator('#authority-hint').getByRole('link', { name: n, exact: true })).toHaveAttribute('href', `/search/?authority=${encodeURIComponent(n)}`);
});

test('without JavaScript the search page offers the subject index by pinyin initial, which lists the names', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/search/?q=%E5%95%86%E8%B4%B8');
  await expect(page.locator('#nojs-note')).toBeVisible();
  await page.locator('#nojs-note').getByRole('link', { name: /^H（\d+ 个主体）$/ }).click();
  await expect(page).toHaveURL(/\/subjects\/by\/h\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('拼音首字母 H');
  // Names in pinyin order: ha (哈尔滨…) is the first syllable under H, and nothing filed there starts with a Latin letter or digit.
  const names = await page.locator('main ul.columns-1 a').allTextContents();
  expect(names[0]).toMatch(/^哈/);
  expect(names.filter((n) => /^[A-Za-z0-9]/.test(n))).toEqual([]);
  // The letter's pages by their first and last names, as a printed directory's guide words: the third leads to a page
  // that begins with the name the guide gave, links its neighbours, and whose names lead to credit files.
  const guide = page.getByRole('region', { name: /本字母下的 \d+ 页/ }).getByRole('link');
  expect(await guide.count()).toBeGreaterThan(2);
  const [from, to] = (await guide.nth(1).textContent())!.split(' 至 ');
  await guide.nth(1).click();
  await expect(page).toHaveURL(/\/subjects\/by\/h\/[0-9A-Z-]+\/$/);
  const onPage = await page.locator('main ul.columns-1 a').allTextContents();
  expect([onPage[0], onPage.at(-1)]).toEqual([from, to]);
  const pager = page.getByRole('navigation', { name: '分页' });
  await expect(pager.getByRole('link', { name: '上一页' })).toBeVisible();
  await expect(pager.getByRole('link', { name: '下一页' })).toBeVisible();
  await page.locator('main ul.columns-1 a').first().click();
  await expect(page).toHaveURL(/\/subject\/[^/]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(from!);
  await context.close();
});

test('the subject index files every subject with public records once, and says how many', async ({ page }) => {
  const all = subjects();
  const filed = distHtml().filter((f) => /[\\/]subjects[\\/]by[\\/]/.test(f.path))
    .flatMap((f) => [...f.text.matchAll(/<li><a class="text-blue-800 underline" href="\/subject\/([^/"]+)\/">/g)].map((m) => m[1]!));
  expect(filed.length).toBe(all.length);
  expect(new Set(filed)).toEqual(new Set(all.map((s) => s.id)));
  await page.goto('/subjects/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`信用主体（${all.length}）`);
});

test('a person whose records are public is found by name, shown with the masked number only', async ({ page }) => {
  const all = records();
  const p = subjects().find((x) => x.category === '自然人' && x.codes.idMasked && all.some((r) => r.subjectId === x.id))!;
  await page.goto(search(p.name));
  const result = page.locator(`#results li[data-subject="/subject/${p.id}/"]`);
  await expect(result).toHaveCount(1);
  await expect(result).toContainText(p.codes.idMasked!);
  expect(p.codes.idMasked).toMatch(/\*{4,}/);
});
