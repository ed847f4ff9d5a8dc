/**
 * A static page outlives its build: on the visitor's date, records whose disclosure has ended are hidden,
 * on pages and in search results, with a short neutral note.
 */
import { expect, test } from '@playwright/test';
import { records, subjectOf } from './data.ts';

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

test('search results leave out records whose end has passed and say how many', async ({ page }) => {
  const r = records().find((x) => x.kind === 'penalty' && x.disclosure.end && subjectOf(x).category === '法人及非法人组织')!;
  await page.clock.setFixedTime(dayAfter(r.disclosure.end!));
  await page.goto(`/search/?q=${encodeURIComponent(subjectOf(r).name)}&kind=${encodeURIComponent('行政处罚')}`);
  await expect(page.locator('#search-status')).toContainText('公示期已届满');
  await expect(page.locator(`#results a[href="/record/${r.id}/"]`)).toHaveCount(0);
});

test('without the clock moved, the same search shows the record', async ({ page }) => {
  const r = records().find((x) => x.kind === 'penalty' && x.disclosure.end && subjectOf(x).category === '法人及非法人组织')!;
  await page.clock.setFixedTime(new Date(`${r.disclosure.start}T12:00:00+08:00`));
  await page.goto(`/search/?q=${encodeURIComponent(subjectOf(r).name)}&kind=${encodeURIComponent('行政处罚')}`);
  await expect(page.locator(`#results a[href="/record/${r.id}/"]`)).toHaveCount(1);
});
