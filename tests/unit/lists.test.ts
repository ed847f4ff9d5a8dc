import { describe, expect, it } from 'vitest';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import type { Subject } from '../../src/lib/schemas/subject.ts';
import { listJobs, monthsOf, type ListJob } from '../../src/lib/view/lists.ts';
import { sortedByDateDesc } from '../../src/lib/view/record.ts';
import { authoritySlug } from '../../src/lib/view/urls.ts';

const MARKET = '哈尔滨市道里区市场监督管理局';
const TAX = '国家税务总局哈尔滨市道里区税务局';
const penalty = (id: string, decisionDate: string, authority = MARKET) => ({
  id, kind: 'penalty', subjectId: 'S1', authority, violationType: `违法${id}`, decisionDate,
  disclosure: { state: '公示中', rule: 'r', start: decisionDate, end: `${Number(decisionDate.slice(0, 4)) + 1}${decisionDate.slice(4)}` }, sources: [],
}) as unknown as PublishedRecord;
const subjects = [{ id: 'S1', name: '哈尔滨甲商贸有限公司', category: '法人及非法人组织', codes: {}, aliases: [], recordIds: [] }] as unknown as Subject[];

// January 2026: 120 penalties, cf-j001 on the 28th down to cf-j120 (four a day, the same day in id order); three
// in December 2025 (one of them the tax bureau's); two in February 2026.
const january = Array.from({ length: 120 }, (_, i) => penalty(`cf-j${String(i + 1).padStart(3, '0')}`, `2026-01-${String(28 - Math.floor(i / 4)).padStart(2, '0')}`));
const base = [
  ...january,
  penalty('cf-d1', '2025-12-30'), penalty('cf-d2', '2025-12-10', TAX), penalty('cf-d3', '2025-12-01'),
  penalty('cf-f1', '2026-02-05'), penalty('cf-f2', '2026-02-03'),
];
const jobs = (records: PublishedRecord[]) => [...listJobs(sortedByDateDesc(records), subjects)];
/** A page's props as text (the names a page shows are a Map), to tell whether a page would be rendered again. */
const text = (job: ListJob) => JSON.stringify(job.props, (_, v) => (v instanceof Map ? [...v] : v));
const byPath = (list: ListJob[]) => new Map(list.map((j) => [j.path, j]));

describe('list pages by month', () => {
  const pages = byPath(jobs(base));
  const market = `authority/${authoritySlug(MARKET)}/penalty`;

  it('cuts a list into its months, newest first', () => {
    expect(monthsOf(sortedByDateDesc(base)).map((m) => [m.month, m.records.length])).toEqual([['2026-02', 2], ['2026-01', 120], ['2025-12', 3]]);
  });

  it('gives each kind a first page, a page a year, and each month its pages of 50', () => {
    const penaltyPages = [...pages.keys()].filter((p) => p.startsWith('lists/penalty/')).sort();
    expect(penaltyPages).toEqual([
      'lists/penalty/index.html',
      'lists/penalty/month/2025-12/index.html',
      'lists/penalty/month/2026-01/2/index.html',
      'lists/penalty/month/2026-01/3/index.html',
      'lists/penalty/month/2026-01/index.html',
      'lists/penalty/month/2026-02/index.html',
      'lists/penalty/year/2025/index.html',
      'lists/penalty/year/2026/index.html',
    ]);
    // An authority's list is paged the same way under its own address.
    expect([...pages.keys()].filter((p) => p.startsWith(market)).sort()).toEqual([
      `${market}/index.html`, `${market}/month/2025-12/index.html`, `${market}/month/2026-01/2/index.html`,
      `${market}/month/2026-01/3/index.html`, `${market}/month/2026-01/index.html`, `${market}/month/2026-02/index.html`,
    ]);
  });

  it('gives a list the first page shows whole no months', () => {
    const tax = `authority/${authoritySlug(TAX)}/penalty`;
    expect([...pages.keys()].filter((p) => p.startsWith(tax))).toEqual([`${tax}/index.html`]);
    expect(pages.get(`${tax}/index.html`)!.props).toMatchObject({ months: [], total: 1 });
  });

  it('puts what describes the whole list on its first page: total, last days, newest 50, months', () => {
    const first = pages.get('lists/penalty/index.html')!.props as { total: number; ends: [string, number][]; newest: PublishedRecord[]; months: string[] };
    expect(first.total).toBe(125);
    expect(first.months).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(first.newest.map((r) => r.id).slice(0, 4)).toEqual(['cf-f1', 'cf-f2', 'cf-j001', 'cf-j002']);
    expect(first.newest.at(-1)!.id).toBe('cf-j048');
    expect(first.ends.reduce((n, [, k]) => n + k, 0)).toBe(125);
    // Reading on: the 51st record (cf-j049) is on January's first page.
    expect((first as unknown as { more: unknown }).more).toEqual({ url: '/lists/penalty/month/2026-01/', month: '2026-01', page: 1 });
    const year = pages.get('lists/penalty/year/2025/index.html')!.props as { total: number; newest: PublishedRecord[]; months: string[] };
    expect([year.total, year.months, year.newest.map((r) => r.id)]).toEqual([3, ['2025-12'], ['cf-d1', 'cf-d2', 'cf-d3']]);
  });

  it('sends a reader on to the second page of a month when the first page shows fifty of that month', () => {
    const march = Array.from({ length: 60 }, (_, i) => penalty(`cf-m${String(i + 1).padStart(2, '0')}`, `2026-03-${String(30 - Math.floor(i / 3)).padStart(2, '0')}`));
    const one = byPath(jobs(march)).get('lists/penalty/index.html')!.props as { more: unknown; newest: PublishedRecord[] };
    expect(one.newest.at(-1)!.id).toBe('cf-m50');
    expect(one.more).toEqual({ url: '/lists/penalty/month/2026-03/2/', month: '2026-03', page: 2 });
    // A list the first page shows whole goes on nowhere.
    expect('more' in byPath(jobs(march.slice(0, 50))).get('lists/penalty/index.html')!.props).toBe(false);
  });

  it('gives a month its neighbours, and its total only on its first page', () => {
    const p1 = pages.get('lists/penalty/month/2026-01/index.html')!.props as Record<string, unknown> & { page: { data: PublishedRecord[]; lastPage: number } };
    const p2 = pages.get('lists/penalty/month/2026-01/2/index.html')!.props as Record<string, unknown> & { page: { data: PublishedRecord[]; total?: number } };
    expect([p1.month, p1.newer, p1.older, p1.total, p1.page.lastPage]).toEqual(['2026-01', '2026-02', '2025-12', 120, 3]);
    expect(p1.page.data.map((r) => r.id).slice(0, 2)).toEqual(['cf-j001', 'cf-j002']);
    expect(p2.page.data.map((r) => r.id)[0]).toBe('cf-j051');
    expect(['total', 'ends'].filter((k) => k in p2)).toEqual([]);
    expect('total' in p2.page).toBe(false);
    expect(pages.get('lists/penalty/month/2026-02/index.html')!.props).toMatchObject({ newer: undefined, older: '2026-01' });
  });

  it('keeps the pages of other months still when a record is added to one and another removed', () => {
    const changed = byPath(jobs([...base.filter((r) => r.id !== 'cf-d3'), penalty('cf-f0', '2026-02-20')]));
    const moved = [...pages.keys()].filter((p) => changed.has(p) && text(changed.get(p)!) !== text(pages.get(p)!)).sort();
    expect(moved).toEqual([
      `${market}/index.html`, `${market}/month/2025-12/index.html`, `${market}/month/2026-02/index.html`,
      // (The authorities' index counts the market bureau's records: one more and one fewer, the same.)
      `authority/${authoritySlug(MARKET)}/index.html`,
      'lists/penalty/index.html', 'lists/penalty/month/2025-12/index.html', 'lists/penalty/month/2026-02/index.html',
      'lists/penalty/year/2025/index.html', 'lists/penalty/year/2026/index.html',
    ].sort());
  });

  it('keeps the earlier pages of a month still when a record on its last page goes', () => {
    const changed = byPath(jobs(base.filter((r) => r.id !== 'cf-j110')));
    const month = (n: string) => `lists/penalty/month/2026-01/${n}index.html`;
    expect(text(changed.get(month('2/'))!)).toBe(text(pages.get(month('2/'))!));
    expect(text(changed.get(month('3/'))!)).not.toBe(text(pages.get(month('3/'))!));
    // The first page carries the month's total.
    expect((changed.get(month(''))!.props as { total: number }).total).toBe(119);
  });
});
