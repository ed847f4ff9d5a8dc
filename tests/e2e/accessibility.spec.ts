/**
 * Every page type passes axe with no serious or critical violation, reads without JavaScript, works from
 * the keyboard and prints without its navigation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, records, subjects } from './data.ts';

function pageTypes(): [string, string][] {
  const recs = records();
  const company = subjects().find((s) => s.category === '法人及非法人组织' && s.recordIds.length > 3)!;
  const person = subjects().find((s) => s.category === '自然人')!;
  const black = recs.find((r) => r.kind === 'blacklist')!;
  const penalty = recs.find((r) => r.kind === 'penalty')!;
  const year = penalty.disclosure.start.slice(0, 4);
  // A month of a list long enough for pages of its own (the red list's ratings are all dated 1 January).
  const paged = readdirSync(join(DIST, 'lists/red/month')).find((m) => existsSync(join(DIST, 'lists/red/month', m, '2/index.html')))!;
  // A later page of the subject index under H, at the id of its first subject.
  const indexPage = readdirSync(join(DIST, 'subjects/by/h')).find((d) => d !== 'index.html')!;
  return [
    ['home', '/'], ['search with results', '/search/?q=%E5%95%86%E8%B4%B8'], ['company credit file', `/subject/${company.id}/`],
    ['person credit file', `/subject/${person.id}/`], ['penalty permalink', `/record/${penalty.id}/`], ['black-list permalink', `/record/${black.id}/`],
    ['red list', '/lists/red/'], ['black list', '/lists/black/'], ['penalty list by month', `/lists/penalty/month/${penalty.decisionDate!.slice(0, 7)}/`], ['red list month page 2', `/lists/red/month/${paged}/2/`], ['licence list by year', `/lists/license/year/${year}/`],
    ['authorities', '/authority/'], ['subjects', '/subjects/'], ['subjects under a letter', '/subjects/by/h/'], ['a later page of a letter', `/subjects/by/h/${indexPage}/`], ['policies', '/policies/'], ['policy', '/policies/daoli-2018-4/'], ['guides', '/guides/'],
    ['repair guide', '/guides/repair/'], ['cases', '/cases/'], ['case', '/cases/repair-restaurant/'], ['news', '/news/'], ['news item', '/news/portal-launch/'],
    ['about', '/about/'], ['accessibility', '/accessibility/'], ['rules', '/rules/'], ['statistics', '/stats/'], ['open data', '/data/'], ['404', '/no-such-page/'],
  ];
}

for (const [name, url] of pageTypes()) {
  test(`axe finds no serious violation on the ${name} page`, async ({ page }) => {
    await page.goto(url);
    if (url.startsWith('/search/')) await page.locator('#results li').first().waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });
}

test('the authority page of the busiest authority passes axe too', async ({ page }) => {
  await page.goto('/authority/');
  await page.getByRole('table').getByRole('link').first().click();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a credit file and a list read in full', async ({ page }) => {
    const s = subjects().find((x) => x.recordIds.length > 2)!;
    await page.goto(`/subject/${s.id}/`);
    await expect(page.locator('article.record')).toHaveCount(s.recordIds.length);
    await page.goto('/lists/penalty/');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(51);
  });
  test('the search page says how to browse instead', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.locator('main')).toContainText('查询需要启用 JavaScript');
  });
});

test('the first Tab reaches the skip link, which moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('a credit file prints without navigation and footer', async ({ page }) => {
  const s = subjects()[0]!;
  await page.goto(`/subject/${s.id}/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
