import { describe, expect, it } from 'vitest';
import { searchStubs, subjectCodes } from '../../src/lib/search/stubs.ts';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import type { Subject } from '../../src/lib/schemas/subject.ts';
import { isUsccShape, normalizeQueryCode, today } from '../../src/scripts/search-util.ts';

const subject: Subject = {
  id: '9133021272513935X8', name: '哈尔滨松江<商贸>有限公司', category: '法人及非法人组织',
  codes: { uscc: '9133021272513935X8', regNo: '110108000000016' }, aliases: ['松江商贸'], recordIds: ['cf-000000000001'],
};
const record = {
  id: 'cf-000000000001', kind: 'penalty', subjectId: subject.id, subject: { name: subject.name, category: subject.category, codes: subject.codes },
  docNo: '哈道市监罚〔2026〕1号', violationType: '虚假宣传', categories: ['罚款'], decisionDate: '2026-05-10', authority: '哈尔滨市道里区市场监督管理局',
  disclosure: { state: '公示中', rule: 'ndrc-2025-36/一般', start: '2026-05-10', end: '2027-05-10' },
  sources: [{ source: 'a', title: 't', publisher: 'p', row: 2 }],
} as PublishedRecord;

describe('searchStubs', () => {
  const stubs = Object.fromEntries(searchStubs([record], [subject]));
  it('writes one stub per subject and per record at the URL of its page', () => {
    expect(Object.keys(stubs)).toEqual(['subject/9133021272513935X8/index.html', 'record/cf-000000000001/index.html']);
  });
  it('puts the names and every code in the searchable text, escaped', () => {
    const html = stubs['record/cf-000000000001/index.html']!;
    expect(html).toContain('哈尔滨松江&lt;商贸&gt;有限公司');
    expect(html).toContain('110108000000016');
    expect(html).toContain('哈道市监罚〔2026〕1号');
    expect(html).toContain('lang="zh-CN"');
  });
  it('carries filters, the date sort and the end date as metadata', () => {
    const html = stubs['record/cf-000000000001/index.html']!;
    expect(html).toContain('data-pagefind-filter="kind:行政处罚"');
    expect(html).toContain('data-pagefind-filter="year:2026"');
    expect(html).toContain('data-pagefind-sort="date:2026-05-10"');
    expect(html).toContain('data-pagefind-meta="end:2027-05-10"');
  });
  it('gives subjects the 信用主体 kind and no end date', () => {
    const html = stubs['subject/9133021272513935X8/index.html']!;
    expect(html).toContain('data-pagefind-filter="kind:信用主体"');
    expect(html).not.toContain('meta="end:');
    expect(html).toContain('松江商贸');
  });
});

describe('subjectCodes', () => {
  it('lists the codes a subject is known by', () => {
    expect(subjectCodes(subject)).toBe('9133021272513935X8 110108000000016');
  });
});

describe('search-util', () => {
  it('normalizeQueryCode folds case, width and spaces', () => {
    expect(normalizeQueryCode('９１３３ 0212-7251 3935x8')).toBe('9133021272513935X8');
  });
  it('isUsccShape accepts 18 characters of the GB 32100 alphabet only', () => {
    expect(isUsccShape('9133021272513935X8')).toBe(true);
    expect(isUsccShape('9133021272513935I8')).toBe(false);
    expect(isUsccShape('哈尔滨')).toBe(false);
  });
  it('today is the visitor’s local date', () => {
    expect(today(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
  });
});
