import { describe, expect, it } from 'vitest';
import { disclosureState, isPublic, licenseStatus, penaltyTier, type DisclosureInput } from '../../src/lib/disclosure.ts';
import { ruleSetOn } from '../../src/lib/disclosure-rules.ts';
import type { PenaltyFields, RecordFields } from '../../src/lib/schemas/record.ts';

const penalty = (over: Partial<PenaltyFields> = {}): PenaltyFields => ({
  kind: 'penalty', docNo: '哈道市监罚〔2026〕1号', categories: ['罚款'], fineWan: 15, decisionDate: '2026-05-10',
  authority: '哈尔滨市道里区市场监督管理局', ...over,
});
const org = (record: RecordFields, extra: Partial<DisclosureInput> = {}): DisclosureInput => ({ record, subjectCategory: '法人及非法人组织', ...extra });

describe('ruleSetOn', () => {
  it('picks the rule set in force on the day', () => {
    expect(ruleSetOn('2020-01-01').id).toBe('ndrc-2019-527');
    expect(ruleSetOn('2023-05-01').id).toBe('ndrc-2023-58');
    expect(ruleSetOn('2026-03-31').id).toBe('ndrc-2023-58');
    expect(ruleSetOn('2026-04-01').id).toBe('ndrc-2025-36');
  });
});

describe('penaltyTier', () => {
  it('uses an explicit severity from the source first', () => {
    expect(penaltyTier(penalty({ severity: '严重' }), '法人及非法人组织')).toBe('严重');
  });
  it('makes warnings, 通报批评 and lower fines minor, with the threshold depending on who is fined', () => {
    expect(penaltyTier(penalty({ categories: ['警告'], fineWan: undefined }), '法人及非法人组织')).toBe('轻微');
    expect(penaltyTier(penalty({ fineWan: 5 }), '法人及非法人组织')).toBe('轻微');
    expect(penaltyTier(penalty({ fineWan: 5 }), '自然人')).toBe('一般');
  });
  it('makes licence revocation and very large amounts serious', () => {
    expect(penaltyTier(penalty({ categories: ['吊销许可证件'], fineWan: undefined }), '法人及非法人组织')).toBe('严重');
    expect(penaltyTier(penalty({ fineWan: 150 }), '法人及非法人组织')).toBe('严重');
  });
  it('takes several categories in one decision at the highest tier', () => {
    expect(penaltyTier(penalty({ categories: ['警告', '责令停产停业'] }), '法人及非法人组织')).toBe('严重');
  });
});

describe('disclosureState under 国家发展改革委令2025年第36号', () => {
  const general = org(penalty({ fineWan: 15 }));
  it('shows a general penalty for at least 3 months and at most 1 year from the decision', () => {
    const d = disclosureState(general, '2026-06-01');
    expect(d).toMatchObject({ state: '公示中', tier: '一般', rule: 'ndrc-2025-36/一般', start: '2026-05-10', minEnd: '2026-08-10', end: '2027-05-10', repairableFrom: '2026-08-11' });
  });
  it('lets the subject apply for repair the day after the minimum ends', () => {
    expect(disclosureState(general, '2026-08-10').state).toBe('公示中');
    expect(disclosureState(general, '2026-08-11').state).toBe('可申请修复');
  });
  it('stops showing the record the day after its end', () => {
    expect(disclosureState(general, '2027-05-10').state).toBe('可申请修复');
    expect(disclosureState(general, '2027-05-11').state).toBe('已届满');
  });
  it('shows a serious penalty at least 1 year and at most 3 years', () => {
    const d = disclosureState(org(penalty({ categories: ['吊销许可证件'], fineWan: undefined })), '2026-06-01');
    expect(d).toMatchObject({ tier: '严重', minEnd: '2027-05-10', end: '2029-05-10' });
  });
  it('does not publish minor penalties', () => {
    const d = disclosureState(org(penalty({ categories: ['警告'], fineWan: undefined })), '2026-06-01');
    expect(d.state).toBe('不予公示');
    expect(isPublic(d)).toBe(false);
  });
  it('does not publish 简易程序 decisions under any rule set', () => {
    expect(disclosureState(org(penalty({ procedure: '简易程序' })), '2024-01-01').state).toBe('不予公示');
  });
});

describe('disclosureState under earlier rule sets', () => {
  it('publishes a warning for 3 months to 3 years under 国家发展改革委令2023年第58号', () => {
    const d = disclosureState(org(penalty({ categories: ['警告'], fineWan: undefined, decisionDate: '2024-01-10' })), '2024-06-01');
    expect(d).toMatchObject({ state: '可申请修复', minEnd: '2024-04-10', end: '2027-01-10' });
  });
  it('applies the 1-year minimum of 安全生产 and 消防 under Order 58', () => {
    const d = disclosureState(org(penalty({ decisionDate: '2024-01-10', authority: '哈尔滨市道里区安全生产监督管理局' })), '2024-06-01');
    expect(d).toMatchObject({ state: '公示中', minEnd: '2025-01-10' });
  });
  it('gives serious penalties a 6-month minimum under 发改办财金〔2019〕527号', () => {
    const d = disclosureState(org(penalty({ categories: ['吊销许可证件'], fineWan: undefined, decisionDate: '2020-01-10' })), '2020-03-01');
    expect(d).toMatchObject({ rule: 'ndrc-2019-527/严重', minEnd: '2020-07-10', end: '2023-01-10' });
  });
});

describe('the publisher’s 公示截止期', () => {
  it('shortens the term and is never extended', () => {
    expect(disclosureState(org(penalty({ publishUntil: '2026-09-30' })), '2026-06-01').end).toBe('2026-09-30');
    expect(disclosureState(org(penalty({ publishUntil: '2030-01-01' })), '2026-06-01').end).toBe('2027-05-10');
  });
  it('is ignored when it lies before the decision', () => {
    expect(disclosureState(org(penalty({ publishUntil: '2020-01-01' })), '2026-06-01').end).toBe('2027-05-10');
  });
});

describe('disclosureState under 国家市场监督管理总局令第45号', () => {
  const samr = (p: Partial<PenaltyFields>) => org(penalty(p), { regime: 'samr' });
  it('does not publish a warning alone', () => {
    expect(disclosureState(samr({ categories: ['警告'], fineWan: undefined }), '2026-06-01').state).toBe('不予公示');
  });
  it('shows 通报批评 or a lower fine for 3 months and other decisions for 3 years', () => {
    expect(disclosureState(samr({ fineWan: 2 }), '2026-06-01').end).toBe('2026-08-10');
    expect(disclosureState(samr({ fineWan: 30 }), '2026-06-01')).toMatchObject({ end: '2029-05-10', minEnd: '2026-11-10' });
  });
  it('waits a year before repair for food and drugs, and never allows early stop after revocation', () => {
    expect(disclosureState(samr({ fineWan: 30, violationType: '销售不符合食品安全标准的食品' }), '2026-06-01').minEnd).toBe('2027-05-10');
    const revoked = disclosureState(samr({ categories: ['吊销许可证件'], fineWan: undefined }), '2026-06-01');
    expect(revoked.minEnd).toBeUndefined();
    expect(revoked.repairableFrom).toBeUndefined();
  });
});

describe('events', () => {
  const general = org(penalty({ fineWan: 15 }));
  it('a repair takes the record down from its date, not before', () => {
    const events = { removal: { date: '2026-09-01', method: '信用修复' } };
    expect(disclosureState({ ...general, events }, '2026-08-31').state).toBe('可申请修复');
    expect(disclosureState({ ...general, events }, '2026-09-01').state).toBe('已修复');
  });
  it('an objection under verification keeps the record, marked, with its term paused', () => {
    const events = { objection: { received: '2027-05-01', status: '核实中' as const } };
    const d = disclosureState({ ...general, events }, '2027-06-01');
    expect(d).toMatchObject({ state: '异议核实中', paused: true, end: '2027-06-10' });
  });
  it('a rejected objection resumes the term, extended by the days it was paused (seed 004)', () => {
    const events = { objection: { received: '2026-06-01', status: '已驳回' as const, closed: '2026-06-21' } };
    expect(disclosureState({ ...general, events }, '2026-07-01')).toMatchObject({ state: '公示中', end: '2027-05-30', minEnd: '2026-08-30' });
  });
  it('a corrected objection changes no dates', () => {
    const events = { objection: { received: '2026-06-01', status: '已更正' as const, closed: '2026-06-21' } };
    expect(disclosureState({ ...general, events }, '2026-07-01')).toMatchObject({ state: '公示中', end: '2027-05-10' });
  });
});

describe('lists, licences and commitments', () => {
  it('shows an A级 taxpayer through the year after the evaluation year', () => {
    const d = disclosureState(org({ kind: 'redlist', listName: '纳税信用A级纳税人', evaluationYear: 2025, authority: '税务局' }), '2026-06-01');
    expect(d).toMatchObject({ state: '公示中', start: '2026-01-01', end: '2026-12-31' });
    expect(disclosureState(org({ kind: 'redlist', listName: '纳税信用A级纳税人', evaluationYear: 2018, authority: '税务局' }), '2026-06-01').state).toBe('已届满');
  });
  it('uses the listing body’s own term for a red list when it gives one', () => {
    const d = disclosureState(org({ kind: 'redlist', listName: '守合同重信用企业', listedOn: '2025-01-01', validTo: '2026-12-31', authority: '市场监管局' }), '2026-06-01');
    expect(d.end).toBe('2026-12-31');
  });
  it('keeps a black-list entry 3 years by default, with early removal possible after 1 year', () => {
    const d = disclosureState(org({ kind: 'blacklist', listName: '严重违法失信企业名单', listedOn: '2025-01-15', reason: '未履行', authority: '市场监管局' }), '2026-06-01');
    expect(d).toMatchObject({ state: '可申请修复', tier: '严重', minEnd: '2026-01-15', end: '2028-01-15' });
  });
  it('shows licences without an end; expiry changes the status, not the visibility', () => {
    const lic = { kind: 'license' as const, decisionDate: '2020-01-01', validTo: '2024-12-31', authority: '行政服务中心' };
    const d = disclosureState(org(lic), '2026-06-01');
    expect(d.state).toBe('公示中');
    expect(d.end).toBeUndefined();
    expect(licenseStatus(lic, '2026-06-01')).toBe('有效期届满');
    expect(licenseStatus({ status: '注销' }, '2026-06-01')).toBe('注销');
  });
  it('shows a commitment until its term ends', () => {
    const d = disclosureState(org({ kind: 'commitment', commitmentType: '容缺受理型承诺', committedOn: '2025-01-01', authority: '行政服务中心' }), '2026-06-01');
    expect(d).toMatchObject({ state: '公示中', end: '2028-01-01' });
  });
});
