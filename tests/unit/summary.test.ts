import { describe, expect, it } from 'vitest';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import type { Subject } from '../../src/lib/schemas/subject.ts';
import { summarize } from '../../src/lib/view/summary.ts';

const disclosure = (end?: string) => ({ state: '公示中', rule: 'r', start: '2026-01-02', ...(end ? { end } : {}) });
const penalty = (id: string, decisionDate: string, over: Record<string, unknown> = {}) => ({
  id, kind: 'penalty', subjectId: 'S1', authority: '哈尔滨市道里区市场监督管理局', violationType: `违法${id}`, decisionDate,
  disclosure: disclosure('2027-06-30'), sources: [], ...over,
}) as unknown as PublishedRecord;
const subject = (id: string, name: string, category = '法人及非法人组织', codes: Record<string, string> = {}) =>
  ({ id, name, category, codes, aliases: [], recordIds: [] }) as unknown as Subject;

const subjects = [
  subject('S1', '哈尔滨甲商贸有限公司', '法人及非法人组织', { uscc: '91230102MA1AAAAA0X', regNo: '230102100000001' }),
  subject('S2', '重庆乙餐饮店', '个体工商户'),
  subject('S3', '3M贸易公司'),
  subject('p-1', '张某', '自然人', { idMasked: '2301**********0012' }),
];
// Eight penalties: two on the newest day (in id order), one with no end, one in 2025; a licence and a red-list entry.
const records = [
  penalty('cf-h', '2026-03-01'),
  penalty('cf-b', '2026-05-01'),
  penalty('cf-a', '2026-05-01', { docNo: '道市监罚〔2026〕1号' }),
  penalty('cf-c', '2026-04-01', { subjectId: 'S2', authority: '哈尔滨市道里区税务局' }),
  penalty('cf-d', '2026-02-01', { disclosure: disclosure() }),
  penalty('cf-e', '2025-12-31'),
  penalty('cf-f', '2026-01-15', { docNo: '道市监罚〔2026〕2号' }),
  penalty('cf-g', '2026-01-20'),
  { id: 'xk-1', kind: 'license', subjectId: 'S3', authority: '哈尔滨市道里区税务局', certName: '食品经营许可证', decisionDate: '2026-06-01', docNo: '许〔2026〕9号', disclosure: disclosure('2029-06-01'), sources: [] } as unknown as PublishedRecord,
  { id: 'hong-1', kind: 'redlist', subjectId: 'S1', authority: '哈尔滨市道里区税务局', listName: '纳税信用A级纳税人', evaluationYear: 2025, disclosure: disclosure('2026-12-31'), sources: [] } as unknown as PublishedRecord,
];

describe('summarize', () => {
  const s = summarize(records, subjects, '2026-07-01');
  const kind = (k: string) => s.kinds.find((x) => x.kind === k)!;

  it('counts records and subjects, by kind, year and category', () => {
    expect([s.today, s.records, s.subjects]).toEqual(['2026-07-01', 10, 4]);
    expect(s.kinds.map((k) => [k.kind, k.count])).toEqual([['license', 1], ['penalty', 8], ['redlist', 1], ['blacklist', 0], ['commitment', 0]]);
    expect(kind('penalty').byYear).toEqual({ 2026: 7, 2025: 1 });
    // The 2025 rating is dated 1 January 2026.
    expect(kind('redlist').byYear).toEqual({ 2026: 1 });
    expect(s.years).toEqual(['2026', '2025']);
    expect(s.categories).toEqual([{ category: '法人及非法人组织', count: 2 }, { category: '自然人', count: 1 }, { category: '个体工商户', count: 1 }]);
  });

  it('keeps the six newest of a kind, newest first, the same day in id order, with whose they are and when they end', () => {
    expect(kind('penalty').newest.map((r) => r.id)).toEqual(['cf-a', 'cf-b', 'cf-c', 'cf-h', 'cf-d', 'cf-g']);
    expect(kind('penalty').newest[2]).toEqual({ id: 'cf-c', subjectName: '重庆乙餐饮店', title: '违法cf-c', date: '2026-04-01', end: '2027-06-30' });
    expect(kind('penalty').newest[4]).toEqual({ id: 'cf-d', subjectName: '哈尔滨甲商贸有限公司', title: '违法cf-d', date: '2026-02-01' });
    expect(kind('license').newest).toEqual([{ id: 'xk-1', subjectName: '3M贸易公司', title: '食品经营许可证', date: '2026-06-01', end: '2029-06-01' }]);
  });

  it('counts the days records end on, for totals that follow the reader’s date', () => {
    expect(kind('penalty').ends).toEqual([['2027-06-30', 7]]);
    expect(kind('redlist').ends).toEqual([['2026-12-31', 1]]);
  });

  it('orders authorities by their records, with each kind counted', () => {
    expect(s.authorities).toEqual([
      { name: '哈尔滨市道里区市场监督管理局', count: 7, byKind: { license: 0, penalty: 7, redlist: 0, blacklist: 0, commitment: 0 } },
      { name: '哈尔滨市道里区税务局', count: 3, byKind: { license: 1, penalty: 1, redlist: 1, blacklist: 0, commitment: 0 } },
    ]);
  });

  it('files subjects by the first letter of their names in pinyin, 重庆 under C, digits under #', () => {
    const letters = new Map(s.letters);
    expect([letters.get('H'), letters.get('C'), letters.get('Z'), letters.get('#'), letters.get('A')]).toEqual([1, 1, 1, 1, 0]);
    expect(s.letters).toHaveLength(27);
  });

  it('counts what the lookups hold and the open data files', () => {
    // S1's two codes and S3's none; the person's masked number is not a lookup code.
    expect(s.lookupCodes).toBe(2);
    expect(s.docNos).toBe(3);
    expect(s.openData).toEqual([
      { name: 'license-2026', label: '行政许可 2026 年', count: 1 },
      { name: 'penalty-2026', label: '行政处罚 2026 年', count: 7 },
      { name: 'penalty-2025', label: '行政处罚 2025 年', count: 1 },
      { name: 'red-2026', label: '守信激励（红名单） 2026 年', count: 1 },
    ]);
  });
});
