import { describe, expect, it } from 'vitest';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import { authorityRole, byDateDesc, recordDate, recordTitle, sortedByDateDesc } from '../../src/lib/view/record.ts';
import { LIST_SLUG, authoritySlug, listUrl, recordUrl, subjectUrl } from '../../src/lib/view/urls.ts';

const base = { subjectId: 's', subject: { name: 'n', category: '法人及非法人组织', codes: {} }, authority: '机关', disclosure: { state: '公示中', rule: 'r', start: '2026-01-02' }, sources: [] };
const rec = (over: Record<string, unknown>) => ({ ...base, ...over }) as unknown as PublishedRecord;

describe('recordTitle and recordDate', () => {
  it('name a penalty by its violation and date it by the decision', () => {
    const r = rec({ id: 'cf-1', kind: 'penalty', violationType: '虚假宣传', decisionDate: '2026-03-05' });
    expect([recordTitle(r), recordDate(r), authorityRole(r)]).toEqual(['虚假宣传', '2026-03-05', '处罚机关']);
  });
  it('name a list entry by its list and date a yearly rating 1 January after its year', () => {
    const r = rec({ id: 'hong-1', kind: 'redlist', listName: '纳税信用A级纳税人', evaluationYear: 2025 });
    expect([recordTitle(r), recordDate(r), authorityRole(r)]).toEqual(['纳税信用A级纳税人', '2026-01-01', '认定部门']);
  });
});

describe('byDateDesc', () => {
  it('orders newest first, then by id', () => {
    const a = rec({ id: 'cf-a', kind: 'penalty', decisionDate: '2026-01-01' });
    const b = rec({ id: 'cf-b', kind: 'penalty', decisionDate: '2026-02-01' });
    const c = rec({ id: 'cf-c', kind: 'penalty', decisionDate: '2026-02-01' });
    expect([a, c, b].sort(byDateDesc).map((r) => r.id)).toEqual(['cf-b', 'cf-c', 'cf-a']);
  });
  it('is the order sortedByDateDesc gives, across kinds and without touching its input', () => {
    const a = rec({ id: 'cf-a', kind: 'penalty', decisionDate: '2026-01-01' });
    const b = rec({ id: 'xk-b', kind: 'license', decisionDate: '2026-02-01' });
    const c = rec({ id: 'cf-c', kind: 'penalty', decisionDate: '2026-02-01' });
    const d = rec({ id: 'hong-d', kind: 'redlist', listName: '纳税信用A级纳税人', evaluationYear: 2025 });
    const input = [a, d, b, c];
    // The 2025 rating is dated 2026-01-01, the day of cf-a: the two go in id order.
    expect(sortedByDateDesc(input).map((r) => r.id)).toEqual(['cf-c', 'xk-b', 'cf-a', 'hong-d']);
    expect(input.map((r) => r.id)).toEqual(['cf-a', 'hong-d', 'xk-b', 'cf-c']);
  });
});

describe('urls', () => {
  it('are stable and round-trip list slugs', () => {
    expect(subjectUrl('X')).toBe('/subject/X/');
    expect(recordUrl('cf-1')).toBe('/record/cf-1/');
    expect(listUrl('redlist')).toBe('/lists/red/');
    expect(listUrl('penalty', '2026')).toBe('/lists/penalty/year/2026/');
    expect(new Set(Object.values(LIST_SLUG)).size).toBe(Object.keys(LIST_SLUG).length);
  });
  it('give an authority the same slug on every build', () => {
    // Pinned: a slug that changed would break every link to the authority's page.
    expect(authoritySlug('哈尔滨市道里区市场监督管理局')).toBe('a-ce7b792e86');
    expect(authoritySlug('哈尔滨市道里区税务局')).not.toBe('a-ce7b792e86');
  });
});
