/**
 * The three errands of the portal's users, walked end to end in Chromium on the built sample.
 */
import { expect, test } from './fixtures.ts';
import { records, report, subjectOf, subjects } from './data.ts';

const companyWith = (pred: (kinds: Set<string>) => boolean) => {
  const recs = records();
  return subjects().find((s) => s.category === '法人及非法人组织' && pred(new Set(s.recordIds.map((id) => recs.find((r) => r.id === id)!.kind))))!;
};

test.describe('a citizen checks a business', () => {
  test('typing part of a company name finds it, and its credit file shows its list status and penalties', async ({ page }) => {
    const s = companyWith((k) => k.has('blacklist') && k.has('penalty'));
    const part = s.name.replace(/^哈尔滨/, '').slice(0, 6);
    await page.goto('/');
    await page.getByRole('searchbox', { name: /主体名称/ }).fill(part);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=/);
    await page.getByRole('link', { name: s.name, exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.name);
    await expect(page.getByRole('list', { name: '名单情况' })).toContainText('列入严重失信主体名单');
    await expect(page.getByRole('heading', { name: /^行政处罚（[1-9]\d*）$/ })).toBeVisible();
  });

  test('an exact 统一社会信用代码, in lower case with spaces, goes straight to the subject page', async ({ page }) => {
    const s = companyWith((k) => k.has('penalty'));
    const typed = s.codes.uscc!.toLowerCase().replace(/(.{4})/g, '$1 ');
    await page.goto('/search/');
    await page.getByRole('searchbox').fill(typed);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(new RegExp(`/subject/${s.codes.uscc}/$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.name);
  });

  test('a legacy 15-digit 注册号 opens the company that carries it', async ({ page }) => {
    const s = subjects().find((x) => x.codes.regNo && x.codes.uscc)!;
    await page.goto(`/search/?q=${s.codes.regNo}`);
    await expect(page).toHaveURL(new RegExp(`/subject/${s.id}/$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.name);
  });

  test('a code with a wrong check character says which character is expected and offers the corrected code', async ({ page }) => {
    const s = companyWith((k) => k.has('penalty'));
    const uscc = s.codes.uscc!;
    // Another character of the 31-symbol alphabet in place of the check character.
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    await page.goto(`/search/?q=${wrong}`);
    const status = page.getByRole('status').filter({ hasText: '校验位' });
    await expect(status).toContainText(`第 18 位（校验位）应为 ${uscc[17]}`);
    await status.getByRole('link', { name: uscc }).click();
    await expect(page).toHaveURL(new RegExp(`/subject/${uscc}/$`));
  });

  test('a search that finds nothing says that is not a clean record, and where else to look', async ({ page }) => {
    await page.goto('/search/?q=zzqqxxvv');
    const box = page.locator('#not-found');
    await expect(box).toContainText('不代表该主体没有信用记录');
    await expect(box.getByRole('link', { name: '信用中国' })).toHaveAttribute('href', 'https://www.creditchina.gov.cn/');
    await expect(box.getByRole('link', { name: '国家企业信用信息公示系统' })).toBeVisible();
  });

  test('a subject not on the black list says so', async ({ page }) => {
    const s = companyWith((k) => !k.has('blacklist') && k.has('license'));
    await page.goto(`/subject/${s.id}/`);
    await expect(page.getByRole('list', { name: '名单情况' })).toContainText('未列入严重失信主体名单');
  });
});

test.describe('a journalist cites a record', () => {
  test('an honesty typical from the red list has a stable permalink and a citation block', async ({ page }) => {
    await page.goto('/lists/red/');
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader', { name: '公示截止' })).toBeVisible();
    const link = table.getByRole('row').nth(1).getByRole('link').nth(1);
    const href = (await link.getAttribute('href'))!;
    const first = records().find((r) => `/record/${r.id}/` === href)!;
    expect(first.kind).toBe('redlist');
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/record/${first.id}/$`));
    const cite = page.getByRole('region', { name: '引用本条信息' });
    for (const label of ['标题', '认定部门', '文号', '日期', '来源', '检索日期', '链接']) await expect(cite.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
    await expect(cite).toContainText(first.authority);
    // A record without a 文号 says that its source gave none (Citation.astro).
    await expect(cite.getByRole('definition').nth(2)).toHaveText(first.docNo ?? '（来源未载明）');
    await expect(cite.getByRole('textbox')).toHaveValue(new RegExp(`链接：http://127\\.0\\.0\\.1:\\d+/record/${first.id}/`));
  });

  test('a penalty decision’s page names 处罚机关, 文号 and the source file', async ({ page }) => {
    const r = records().find((x) => x.kind === 'penalty' && subjectOf(x).category !== '自然人')!;
    await page.goto(`/record/${r.id}/`);
    const cite = page.getByRole('region', { name: '引用本条信息' });
    await expect(cite.getByRole('definition').filter({ hasText: r.authority }).first()).toBeVisible();
    await expect(cite).toContainText(r.docNo!);
    await expect(cite).toContainText('道里区行政处罚信息');
  });

  test('a list is read a month at a time, at an address that shows that month tomorrow too', async ({ page }) => {
    const penalties = records().filter((r) => r.kind === 'penalty');
    const monthsOfData = [...new Set(penalties.map((r) => r.decisionDate!.slice(0, 7)))].sort().reverse();
    await page.goto('/lists/penalty/');
    const index = page.getByRole('navigation', { name: '按月份查看全部行政处罚' });
    const link = index.getByRole('link').nth(1);
    const month = /\/lists\/penalty\/month\/(\d{4}-\d{2})\/$/.exec((await link.getAttribute('href'))!)![1]!;
    expect(month).toBe(monthsOfData[1]);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/lists/penalty/month/${month}/$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`行政处罚（${month.slice(0, 4)}年${Number(month.slice(5))}月）`);
    const n = penalties.filter((r) => r.decisionDate!.startsWith(month)).length;
    await expect(page.locator('main')).toContainText(`公示中的行政处罚（${month.slice(0, 4)}年${Number(month.slice(5))}月）共 ${n} 条`);
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(Math.min(n, 50) + 1);
    for (const row of (await rows.all()).slice(1)) await expect(row.locator('time').first()).toHaveText(new RegExp(`^${month}-\\d{2}$`));
    await page.getByRole('navigation', { name: '相邻月份' }).getByRole('link', { name: /^较早/ }).click();
    await expect(page).toHaveURL(new RegExp(`/lists/penalty/month/${monthsOfData[2]}/$`));
  });

  test('the first page of a list reads on where it stops, in the month of its 51st record', async ({ page }) => {
    const penalties = records().filter((r) => r.kind === 'penalty')
      .sort((a, b) => (a.decisionDate! < b.decisionDate! ? 1 : a.decisionDate! > b.decisionDate! ? -1 : a.id < b.id ? -1 : 1));
    const next = penalties[50]!;
    await page.goto('/lists/penalty/');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(51);
    await page.getByRole('link', { name: /^接着看更早的记录/ }).click();
    await expect(page).toHaveURL(new RegExp(`/lists/penalty/month/${next.decisionDate!.slice(0, 7)}/(\\d+/)?$`));
    await expect(page.locator(`a[href="/record/${next.id}/"]`)).toBeVisible();
  });

  test('the black list shows reason, basis, measures, removal conditions and remedies for each entry', async ({ page }) => {
    await page.goto('/lists/black/');
    const entry = page.locator('article.record').first();
    for (const term of ['列入事由', '认定依据', '联合惩戒措施', '移出条件', '救济途径']) await expect(entry.getByRole('term').filter({ hasText: term })).toBeVisible();
  });
});

test.describe('a business checks its own entries', () => {
  test('each record shows its state, until when it is shown, and when and how to repair', async ({ page }) => {
    const r = records().find((x) => x.kind === 'penalty' && x.disclosure.state === '公示中' && subjectOf(x).category === '法人及非法人组织'
      && x.disclosure.end && x.disclosure.repairableFrom)!;
    await page.goto(`/subject/${r.subjectId}/`);
    const item = page.locator(`article#${r.id}`);
    await expect(item.getByText('公示中', { exact: true })).toBeVisible();
    await expect(item.getByRole('term').filter({ hasText: '公示截止' }).locator('xpath=following-sibling::dd[1]')).toHaveText(r.disclosure.end!);
    await expect(item.getByLabel('修复与异议')).toContainText(`自 ${r.disclosure.repairableFrom} 起可申请信用修复`);
    await expect(item).toContainText('公示期依据');
    await item.getByRole('link', { name: '信用修复指南' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('信用修复指南');
    await expect(page.locator('main')).toContainText('10 个工作日');
    await expect(page.locator('main')).toContainText('国办发〔2025〕22号');
  });

  test('a record that can be repaired now says so, with the working-day deadlines', async ({ page }) => {
    const r = records().find((x) => x.disclosure.state === '可申请修复' && x.kind === 'penalty')!;
    await page.clock.setFixedTime(new Date(`${report().today}T09:00:00+08:00`));
    await page.goto(`/record/${r.id}/`);
    const help = page.getByLabel('修复与异议');
    await expect(help).toContainText('现在可以申请信用修复');
    await expect(help).toContainText('提交并被受理的，“信用中国”网站一般应于');
    await expect(help).toContainText('自受理信用修复申请之日起10个工作日内');
  });

  test('a record under objection is marked, with its verification deadline, and links to the objection guide', async ({ page }) => {
    const r = records().find((x) => x.disclosure.state === '异议核实中')!;
    await page.goto(`/record/${r.id}/`);
    await expect(page.getByText('异议核实中', { exact: true }).first()).toBeVisible();
    await expect(page.getByLabel('修复与异议')).toContainText('前核实完毕');
    await page.getByRole('link', { name: '异议申诉指南' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('异议申诉指南');
  });
});

test.describe('a reader checks the rules', () => {
  test('the rules page shows the configuration in use, how old decisions are judged, and no internal notes', async ({ page }) => {
    await page.goto('/rules/');
    const main = page.locator('main');
    await expect(page.getByRole('heading', { name: '本站的配置' })).toBeVisible();
    await expect(main).toContainText('本样例的演示配置');
    await expect(main).toContainText('纳税信用A级纳税人');
    await expect(main).toContainText('立法法》第一百零四条');
    await expect(main).toContainText('尚未能与官方文本逐条核对');
    await expect(main).not.toContainText('条款待核');
    await expect(main).not.toContainText('未见于所存文本');
  });
});
