/**
 * A static page outlives its build: on the visitor's date, records whose disclosure has ended are hidden,
 * on pages and in search results, with a short neutral note.
 */
import { expect, test } from './fixtures.ts';
import { records, report, subjectOf, subjects } from './data.ts';

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T12:00:00+08:00`) + 86_400_000);

test('a record past its end date on the visitor’s clock is hidden from the subject page, with a note', async ({ page }) => {
  const subjectsWithTwo = records().filter((r) => r.disclosure.end && r.kind === 'penalty');
  const r = subjectsWithTwo.find((x) => records().some((y) => y.subjectId === x.subjectId && y.id !== x.id && (!y.disclosure.end || y.disclosure.end > x.disclosure.end!)))!;
  const other = records().find((y) => y.subjectId === r.subjectId && y.id !== r.id && (!y.disclosure.end || y.disclosure.end > r.disclosure.end!))!;
  await page.clock.setFixedTime(dayAfter(r.disclosure.end!));
  await page.goto(`/subject/${r.subjectId}/`);
  await expect(page.locator(`article#${r.id}`)).toBeHidden();
  await expect(page.locator(`article#${other.id}`)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '公示期已届满' })).toBeVisible();
});

test('on the last day of disclosure the record is still shown', async ({ page }) => {
  const r = records().find((x) => x.disclosure.end && x.kind === 'penalty')!;
  await page.clock.setFixedTime(new Date(`${r.disclosure.end}T20:00:00+08:00`));
  await page.goto(`/record/${r.id}/`);
  await expect(page.locator(`article#${r.id}`)).toBeVisible();
});

test('a record permalink past its end hides the record and its citation', async ({ page }) => {
  const r = records().find((x) => x.disclosure.end && x.kind === 'blacklist')!;
  await page.clock.setFixedTime(dayAfter(r.disclosure.end!));
  await page.goto(`/record/${r.id}/`);
  await expect(page.locator(`article#${r.id}`)).toBeHidden();
  await expect(page.getByRole('region', { name: '引用本条信息' })).toBeHidden();
  await expect(page.getByRole('status')).toContainText('依规不再显示');
});

test('a search result leaves out a record whose end has passed', async ({ page }) => {
  const r = records().find((x) => x.kind === 'penalty' && x.disclosure.end && subjectOf(x).category === '法人及非法人组织')!;
  await page.clock.setFixedTime(dayAfter(r.disclosure.end!));
  await page.goto(`/search/?q=${encodeURIComponent(subjectOf(r).name)}&kind=${encodeURIComponent('行政处罚')}`);
  await expect(page.locator('#search-status')).toContainText(/找到|没有找到/);
  await expect(page.locator(`#results a[href="/record/${r.id}/"]`)).toHaveCount(0);
});

test('a subject all of whose records have ended leaves the results, and the page says how many did', async ({ page }) => {
  const all = records();
  const endOf = (id: string) => all.filter((x) => x.subjectId === id).map((x) => x.disclosure.end ?? '9999-12-31').sort().at(-1)!;
  const s = subjects().find((x) => x.category === '法人及非法人组织' && endOf(x.id) < '9999')!;
  await page.clock.setFixedTime(dayAfter(endOf(s.id)));
  await page.goto(`/search/?q=${encodeURIComponent(s.name)}`);
  await expect(page.locator('#search-status')).toContainText('公示期已届满，依规不再显示');
  await expect(page.locator(`#results a[href="/subject/${s.id}/"]`)).toHaveCount(0);
});

test('without the clock moved, the same search shows the record', async ({ page }) => {
  const r = records().find((x) => x.kind === 'penalty' && x.disclosure.end && subjectOf(x).category === '法人及非法人组织')!;
  await page.clock.setFixedTime(new Date(`${r.disclosure.start}T12:00:00+08:00`));
  await page.goto(`/search/?q=${encodeURIComponent(subjectOf(r).name)}&kind=${encodeURIComponent('行政处罚')}`);
  await expect(page.locator(`#results a[href="/record/${r.id}/"]`)).toHaveCount(1);
});

test.describe('what depends on the date follows the visitor’s clock', () => {
  test('a credit file whose only black-list entry has ended drops the badge, recounts, and says it is not listed', async ({ page }) => {
    const all = records();
    const blackOf = (id: string) => all.filter((r) => r.subjectId === id && r.kind === 'blacklist');
    const s = subjects().find((x) => blackOf(x.id).length === 1 && blackOf(x.id)[0]!.disclosure.end)!;
    const r = blackOf(s.id)[0]!;
    await page.goto(`/subject/${s.id}/`);
    const badges = page.getByRole('list', { name: '名单情况' });
    await expect(badges).toContainText('列入严重失信主体名单（1）');
    await page.clock.setFixedTime(dayAfter(r.disclosure.end!));
    await page.reload();
    // innerText: what a reader sees, hidden elements left out.
    await expect(badges).not.toContainText('列入严重失信主体名单（', { useInnerText: true });
    await expect(badges).toContainText('未列入严重失信主体名单', { useInnerText: true });
    await expect(page.getByRole('heading', { name: '严重失信（0）' })).toBeVisible();
    await expect(page.getByText('暂无公示中的严重失信信息')).toBeVisible();
  });

  test('an ended black-list permalink stops naming the subject in its title, heading and breadcrumb', async ({ page }) => {
    const r = records().find((x) => x.kind === 'blacklist' && x.disclosure.end)!;
    const name = subjectOf(r).name;
    await page.goto(`/record/${r.id}/`);
    await expect(page.locator('meta[name="robots"][content^="unavailable_after"]')).toHaveAttribute('content', `unavailable_after: ${r.disclosure.end}`);
    await page.clock.setFixedTime(dayAfter(r.disclosure.end!));
    await page.reload();
    await expect(page).toHaveTitle(/^该信息已停止公示/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('该信息已停止公示');
    await expect(page.getByRole('navigation', { name: '当前位置' })).not.toContainText(name, { useInnerText: true });
  });

  test('a record turns 可申请修复 on its day, with the repair text to match', async ({ page }) => {
    const r = records().find((x) => x.kind === 'penalty' && x.disclosure.state === '公示中' && x.disclosure.repairableFrom)!;
    await page.clock.setFixedTime(new Date(`${r.disclosure.repairableFrom}T09:00:00+08:00`));
    await page.goto(`/record/${r.id}/`);
    const item = page.locator(`article#${r.id}`);
    await expect(item.getByText('可申请修复', { exact: true })).toBeVisible();
    await expect(item.getByLabel('修复与异议')).toContainText('现在可以申请信用修复');
  });

  test('the citation’s 检索日期 is the reader’s date', async ({ page }) => {
    const r = records().find((x) => x.kind === 'penalty' && x.disclosure.end && x.disclosure.end > '2026-12-01')!;
    await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+08:00'));
    await page.goto(`/record/${r.id}/`);
    const cite = page.getByRole('region', { name: '引用本条信息' });
    await expect(cite.getByRole('definition').filter({ hasText: /^2026-12-01$/ })).toBeVisible();
    await expect(cite.getByRole('textbox')).toHaveValue(/检索日期：2026-12-01/);
  });

  test('a list total subtracts what has ended since the build', async ({ page }) => {
    const black = records().filter((x) => x.kind === 'blacklist');
    const first = black.map((x) => x.disclosure.end!).filter(Boolean).sort()[0]!;
    const ended = black.filter((x) => x.disclosure.end === first).length;
    await page.clock.setFixedTime(dayAfter(first));
    await page.goto('/lists/black/');
    await expect(page.locator('main')).toContainText(`公示中的严重失信主体名单（黑名单）共 ${black.length - ended} 条`);
    // A month's own total too, on its first page.
    const month = black.find((x) => x.disclosure.end === first)!.listedOn!.slice(0, 7);
    const ofMonth = black.filter((x) => x.listedOn!.startsWith(month));
    await page.goto(`/lists/black/month/${month}/`);
    await expect(page.locator('main')).toContainText(`共 ${ofMonth.length - ofMonth.filter((x) => x.disclosure.end === first).length} 条`);
  });

  test('a page whose data is older than the district allows says so', async ({ page }) => {
    await page.clock.setFixedTime(new Date(Date.parse(`${report().today}T12:00:00+08:00`) + 10 * 86_400_000));
    await page.goto('/rules/');
    await expect(page.locator('[data-stale]')).toContainText(`本站数据更新于 ${report().today}`);
  });
});
