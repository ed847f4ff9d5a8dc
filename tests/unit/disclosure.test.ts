/**
 * The disclosure law at its edges: a table of dated cases, each naming the rule row it exercises, with the
 * expected dates worked out by hand from the rule texts (DOMAIN.md "Law facts checked"), not by the code.
 */
import { describe, expect, it } from 'vitest';
import { disclosureHoldsUntil, disclosureState, isPublic, licenseStatus, penaltyTierOf, redlistTermFor, type DisclosureInput } from '../../src/lib/disclosure.ts';
import { DEFAULT_DISCLOSURE_CONFIG, PENALTY_RULE_SETS, SAMR_REPAIR_SETS, ruleSetOn } from '../../src/lib/disclosure-rules.ts';
import { addDays } from '../../src/lib/dates.ts';
import { DisclosureConfigSchema, type DisclosureConfig } from '../../src/lib/schemas/district.ts';
import type { Disclosure, PenaltyFields, RecordFields } from '../../src/lib/schemas/record.ts';

/** A province's thresholds as a district would configure them (the values are the test's, not national law). */
const PROVINCE = DisclosureConfigSchema.parse({
  lowFine: { person: 1, organisation: 10, basis: '测试用省级标准' },
  hugeFine: { person: 20, organisation: 100, basis: '测试用省级标准' },
  redlistTerms: [
    { name: '纳税信用A级纳税人', months: 12, fromEvaluationYear: true, cite: '纳税信用管理办法' },
    { pattern: '^公路建设市场信用评价(AA|A)级$', months: 12, cite: '公路建设市场信用评价办法' },
  ],
});
const DECISION_DATE_ONLY = DisclosureConfigSchema.parse({ ...PROVINCE, transition: 'decision-date' });
const PAUSING = DisclosureConfigSchema.parse({
  ...PROVINCE, objection: { pauseMeasuresTerm: true, pauseBasis: '某市实施方案（测试）' },
});

const penalty = (over: Partial<PenaltyFields> = {}): PenaltyFields => ({
  kind: 'penalty', docNo: '哈道市监罚〔2026〕1号', categories: ['罚款'], fineWan: 15, decisionDate: '2026-05-10',
  authority: '哈尔滨市道里区交通运输局', ...over,
});
const org = (record: RecordFields, extra: Partial<DisclosureInput> = {}): DisclosureInput => ({ record, subjectCategory: '法人及非法人组织', ...extra });
const samr = (over: Partial<PenaltyFields>) => org(penalty({ authority: '哈尔滨市道里区市场监督管理局', ...over }), { regime: 'samr' });
const black = (over: Record<string, unknown> = {}): RecordFields =>
  ({ kind: 'blacklist', listName: '严重违法失信名单', listedOn: '2025-01-15', reason: '提交虚假材料', authority: '市场监管局', ...over }) as RecordFields;

interface Case {
  /** The rule row the case exercises. */
  row: string;
  name: string;
  today: string;
  input: DisclosureInput;
  config?: DisclosureConfig;
  expected: Partial<Disclosure>;
  /** Keys that must be absent. */
  absent?: (keyof Disclosure)[];
}

const CASES: Case[] = [
  // 发改办财金〔2019〕527号
  { row: 'ndrc-2019-527/一般', name: 'a general penalty: 3 months to 1 year from the decision', today: '2020-03-01',
    input: org(penalty({ decisionDate: '2020-01-10' })), expected: { state: '公示中', rule: 'ndrc-2019-527/一般', minEnd: '2020-04-10', end: '2021-01-10', repairableFrom: '2020-04-11' } },
  { row: 'ndrc-2019-527/轻微', name: 'a warning is general under 527 (no separate minor tier) and published', today: '2020-05-01',
    input: org(penalty({ categories: ['警告'], fineWan: undefined, decisionDate: '2020-01-10' })), expected: { state: '可申请修复', minEnd: '2020-04-10', end: '2021-01-10' } },
  { row: 'ndrc-2019-527/严重', name: 'a serious penalty: 6 months to 3 years', today: '2020-03-01',
    input: org(penalty({ categories: ['吊销许可证件'], fineWan: undefined, decisionDate: '2020-01-10' })), expected: { state: '公示中', rule: 'ndrc-2019-527/严重', minEnd: '2020-07-10', end: '2023-01-10' } },
  { row: 'ndrc-2019-527/严重', name: 'a serious penalty outside the special sectors may be repaired after 6 months', today: '2020-08-01',
    input: org(penalty({ categories: ['吊销许可证件'], fineWan: undefined, decisionDate: '2020-01-10' })), expected: { state: '可申请修复', repairableFrom: '2020-07-11' } },
  { row: 'ndrc-2019-527/特定严重失信', name: 'food safety with licence revocation is shown for the whole maximum, no early repair', today: '2021-01-01',
    input: org(penalty({ categories: ['吊销许可证件'], fineWan: undefined, decisionDate: '2020-01-10', violationType: '生产销售不符合食品安全标准的食品' })),
    expected: { state: '公示中', minEnd: '2023-01-10', end: '2023-01-10' }, absent: ['repairableFrom'] },
  { row: 'ndrc-2019-527/特定严重失信', name: 'fire safety with a production stop is shown for the whole maximum', today: '2021-06-01',
    input: org(penalty({ categories: ['罚款', '责令停产停业'], fineWan: 5, decisionDate: '2020-03-02', authority: '哈尔滨市道里区消防救援大队' })),
    expected: { state: '公示中', end: '2023-03-02' }, absent: ['repairableFrom'] },
  { row: 'simple-procedure', name: 'a 简易程序 decision is never published, on the national basis', today: '2020-03-01',
    input: org(penalty({ procedure: '简易程序', decisionDate: '2020-01-10' })), expected: { state: '不予公示', rule: 'simple-procedure', note: expect.stringContaining('发改办财金〔2019〕527号') } },
  { row: 'ndrc-2019-527/一般', name: 'an old decision has long ended by 2026', today: '2026-11-22',
    input: org(penalty({ decisionDate: '2020-01-10' })), expected: { state: '已届满', end: '2021-01-10' } },

  // 国家发展改革委令2023年第58号
  { row: 'ndrc-2023-58/一般', name: 'a penalty: 3 months to 3 years', today: '2024-06-01',
    input: org(penalty({ decisionDate: '2024-01-10' })), expected: { state: '可申请修复', rule: 'ndrc-2023-58/一般', minEnd: '2024-04-10', end: '2027-01-10' } },
  { row: 'ndrc-2023-58/轻微', name: 'a warning is published under Order 58', today: '2024-06-01',
    input: org(penalty({ categories: ['警告'], fineWan: undefined, decisionDate: '2024-01-10' })), expected: { state: '可申请修复', end: '2027-01-10' } },
  { row: 'ndrc-2023-58/一年领域', name: '安全生产 needs a year before repair', today: '2024-06-01',
    input: org(penalty({ decisionDate: '2024-01-10', authority: '哈尔滨市道里区应急管理局', violationType: '安全生产违法' })), expected: { state: '公示中', minEnd: '2025-01-10' } },
  { row: 'ndrc-2023-58/一年领域', name: '食品 needs a year before repair too (sources disagree; the row says so)', today: '2024-06-01',
    input: org(penalty({ decisionDate: '2024-01-10', violationType: '经营超过保质期的食品' })), expected: { state: '公示中', minEnd: '2025-01-10', basis: { minEnd: expect.stringContaining('二者不一致'), end: expect.any(String) } } },
  { row: 'ndrc-2023-58/一年领域', name: '药品 needs a year before repair', today: '2024-06-01',
    input: org(penalty({ decisionDate: '2024-01-10', basis: '《中华人民共和国药品管理法》第一百一十七条' })), expected: { minEnd: '2025-01-10' } },
  { row: 'ndrc-2023-58/严重 + ndrc-2025-36/严重', name: 'a serious penalty of 2026-01-15 keeps Order 58’s 3-month minimum after Order 36 came in', today: '2026-11-22',
    input: org(penalty({ categories: ['吊销许可证件'], fineWan: undefined, decisionDate: '2026-01-15' })),
    expected: { state: '可申请修复', rule: 'ndrc-2023-58/严重', minEnd: '2026-04-15', repairableFrom: '2026-04-16', end: '2029-01-15' } },
  { row: 'ndrc-2023-58/一般 + ndrc-2025-36/一般', name: 'Order 36’s shorter maximum applies to an older general penalty, being more favourable', today: '2026-11-22',
    input: org(penalty({ decisionDate: '2025-06-10' })), expected: { state: '已届满', end: '2026-06-10', basis: { minEnd: expect.any(String), end: expect.stringContaining('第36号') } } },
  { row: 'ndrc-2023-58/一般 + ndrc-2025-36/一般', name: 'a general penalty of 2025-12-10 ends a year after its decision', today: '2026-11-22',
    input: org(penalty({ decisionDate: '2025-12-10' })), expected: { state: '可申请修复', minEnd: '2026-03-10', end: '2026-12-10' } },
  { row: 'ndrc-2023-58/轻微 + ndrc-2025-36/轻微', name: 'a warning published under Order 58 is withdrawn once Order 36 is in force', today: '2026-11-22',
    input: org(penalty({ categories: ['警告'], fineWan: undefined, decisionDate: '2026-02-01' })), expected: { state: '不予公示', basis: { publish: expect.stringContaining('第36号') } } },
  { row: 'ndrc-2023-58/轻微', name: 'the same warning was still shown before Order 36', today: '2026-03-15',
    input: org(penalty({ categories: ['警告'], fineWan: undefined, decisionDate: '2026-02-01' })), expected: { state: '公示中', minEnd: '2026-05-01', end: '2029-02-01' } },
  { row: 'ndrc-2023-58/一般 (transition: decision-date)', name: 'a district that judges by decision date only keeps Order 58’s maximum', today: '2026-11-22', config: DECISION_DATE_ONLY,
    input: org(penalty({ decisionDate: '2025-06-10' })), expected: { state: '可申请修复', end: '2028-06-10' } },
  { row: 'ndrc-2023-58/一般 + 公示截止期', name: 'the publisher’s own earlier end shortens the term', today: '2024-06-01',
    input: org(penalty({ decisionDate: '2024-01-10', publishUntil: '2024-12-31' })), expected: { end: '2024-12-31' } },
  { row: 'ndrc-2023-58/一般 + 公示截止期', name: 'a later end from the publisher never extends the term', today: '2024-06-01',
    input: org(penalty({ decisionDate: '2024-01-10', publishUntil: '2030-01-01' })), expected: { end: '2027-01-10' } },

  // 国家发展改革委令2025年第36号
  { row: 'ndrc-2025-36/一般', name: 'a general penalty: 3 months to 1 year from the decision', today: '2026-06-01',
    input: org(penalty()), expected: { state: '公示中', tier: '一般', rule: 'ndrc-2025-36/一般', start: '2026-05-10', minEnd: '2026-08-10', end: '2027-05-10', repairableFrom: '2026-08-11' } },
  { row: 'ndrc-2025-36/一般', name: 'repair may be applied for the day after the minimum', today: '2026-08-11',
    input: org(penalty()), expected: { state: '可申请修复' } },
  { row: 'ndrc-2025-36/一般', name: 'the last day of the term is still shown', today: '2027-05-10',
    input: org(penalty()), expected: { state: '可申请修复' } },
  { row: 'ndrc-2025-36/一般', name: 'the day after the term it has ended', today: '2027-05-11',
    input: org(penalty()), expected: { state: '已届满' } },
  { row: 'ndrc-2025-36/严重', name: 'licence revocation: 1 to 3 years', today: '2026-06-01',
    input: org(penalty({ categories: ['吊销许可证件'], fineWan: undefined })), expected: { tier: '严重', minEnd: '2027-05-10', end: '2029-05-10' } },
  { row: 'ndrc-2025-36/轻微', name: 'a warning alone is not published', today: '2026-06-01',
    input: org(penalty({ categories: ['警告'], fineWan: undefined })), expected: { state: '不予公示', tier: '轻微' } },
  { row: 'ndrc-2025-36/轻微 (lowFine)', name: 'a lower fine of an organisation is minor and not published', today: '2026-06-01',
    input: org(penalty({ fineWan: 5 })), expected: { state: '不予公示', tier: '轻微' } },
  { row: 'ndrc-2025-36/一般 (lowFine person)', name: 'the same fine on a person is above the person’s lower amount', today: '2026-06-01',
    input: { record: penalty({ fineWan: 5 }), subjectCategory: '自然人' }, expected: { state: '公示中', tier: '一般' } },
  { row: 'ndrc-2025-36/一般 (amount unknown)', name: 'a fine with a blank amount is not assumed lower: it is shown as general', today: '2026-06-01',
    input: org(penalty({ fineWan: undefined })), expected: { state: '公示中', tier: '一般', end: '2027-05-10' } },
  { row: 'ndrc-2025-36/一般 (no thresholds configured)', name: 'with no province threshold configured a small fine is general', today: '2026-06-01', config: DEFAULT_DISCLOSURE_CONFIG,
    input: org(penalty({ fineWan: 0.2 })), expected: { state: '公示中', tier: '一般' } },
  { row: 'ndrc-2025-36/严重 (hugeFine)', name: 'a fine reaching the configured huge amount is serious', today: '2026-06-01',
    input: org(penalty({ fineWan: 150 })), expected: { tier: '严重', end: '2029-05-10' } },
  { row: 'ndrc-2025-36/一般 (降低资质等级)', name: 'lowering a qualification is general by default', today: '2026-06-01',
    input: org(penalty({ categories: ['降低资质等级'], fineWan: undefined })), expected: { tier: '一般', end: '2027-05-10' } },
  { row: 'ndrc-2025-36/一般 (行政拘留)', name: 'administrative detention is general by default', today: '2026-06-01',
    input: { record: penalty({ categories: ['行政拘留'], fineWan: undefined }), subjectCategory: '自然人' }, expected: { tier: '一般' } },
  { row: 'ndrc-2025-36/严重 (severity column)', name: 'a severity the source states wins over the categories', today: '2026-06-01',
    input: org(penalty({ categories: ['警告'], fineWan: undefined, severity: '严重' })), expected: { state: '公示中', tier: '严重' } },
  { row: 'simple-procedure', name: 'a 简易程序 decision is not published under Order 36 either', today: '2026-06-01',
    input: org(penalty({ procedure: '简易程序' })), expected: { state: '不予公示', rule: 'simple-procedure' } },
  { row: 'ndrc-2025-36/一般 + objection', name: 'an objection under verification marks the record and leaves its dates', today: '2027-05-05',
    input: { ...org(penalty()), events: { objection: { received: '2027-05-01', status: '核实中' } } }, expected: { state: '异议核实中', end: '2027-05-10' } },
  { row: 'ndrc-2025-36/一般 + objection', name: 'an objection never keeps a record past its legal maximum', today: '2027-06-01',
    input: { ...org(penalty()), events: { objection: { received: '2027-05-01', status: '核实中' } } }, expected: { state: '已届满', end: '2027-05-10' } },
  { row: 'ndrc-2025-36/一般 + objection', name: 'a rejected objection changes no dates', today: '2026-07-01',
    input: { ...org(penalty()), events: { objection: { received: '2026-06-01', status: '已驳回', closed: '2026-06-21' } } }, expected: { state: '公示中', minEnd: '2026-08-10', end: '2027-05-10' } },
  { row: 'ndrc-2025-36/一般 + removal', name: 'a repair takes the record down from its date', today: '2026-09-01',
    input: { ...org(penalty()), events: { removal: { date: '2026-09-01', method: '信用修复' } } }, expected: { state: '已修复' } },
  { row: 'ndrc-2025-36/一般 + removal', name: 'and not before it', today: '2026-08-31',
    input: { ...org(penalty()), events: { removal: { date: '2026-09-01', method: '信用修复' } } }, expected: { state: '可申请修复' } },

  // 国家市场监督管理总局令第45号 and the SAMR repair rules
  { row: 'samr-45/第二条', name: 'a warning alone is not published', today: '2026-06-01',
    input: samr({ categories: ['警告'], fineWan: undefined }), expected: { state: '不予公示', rule: 'samr-45/第二条' } },
  { row: 'samr-45/第十三条/三个月', name: '通报批评 alone: 3 months, no repair needed', today: '2026-06-01',
    input: samr({ categories: ['通报批评'], fineWan: undefined }), expected: { state: '公示中', rule: 'samr-45/第十三条/三个月', end: '2026-08-10' }, absent: ['repairableFrom'] },
  { row: 'samr-45/第十三条/三个月', name: 'a lower fine alone: 3 months', today: '2026-06-01',
    input: samr({ fineWan: 2 }), expected: { end: '2026-08-10' } },
  { row: 'samr-45/第十三条/三年', name: 'a warning together with a lower fine is not the 3-month case', today: '2026-06-01',
    input: samr({ categories: ['警告', '罚款'], fineWan: 2 }), expected: { rule: 'samr-45/第十三条/三年', end: '2029-05-10', minEnd: '2026-08-10' } },
  { row: 'samr-45/第十三条/三年', name: 'a fine of unknown amount is not assumed lower', today: '2026-06-01',
    input: samr({ fineWan: undefined }), expected: { end: '2029-05-10' } },
  { row: 'samr-45/第十三条 (公示日期)', name: 'the periods count from the publication date when the source gives one', today: '2026-06-01',
    input: samr({ fineWan: 30, publishedOn: '2026-05-20' }), expected: { start: '2026-05-20', startBasis: '公示日期', end: '2029-05-20', minEnd: '2026-08-20' } },
  { row: 'samr-45/第十三条 (决定日期)', name: 'else from the decision date, and the record says so', today: '2026-06-01',
    input: samr({ fineWan: 30 }), expected: { start: '2026-05-10', startBasis: '处罚决定日期' } },
  { row: 'samr-45/第十三条 + 第十四条', name: 'a five-year ban is shown for its actual term and cannot stop early', today: '2026-06-01',
    input: samr({ categories: ['限制从业'], fineWan: undefined, validTo: '2031-05-10' }), expected: { end: '2031-05-10', minEnd: '2031-05-10' }, absent: ['repairableFrom'] },
  { row: 'samr-45/第十四条', name: 'licence revocation cannot stop early', today: '2026-06-01',
    input: samr({ categories: ['吊销许可证件'], fineWan: undefined }), expected: { end: '2029-05-10' }, absent: ['repairableFrom'] },
  { row: 'samr-45/第十四条', name: 'lowering a qualification cannot stop early', today: '2026-06-01',
    input: samr({ categories: ['降低资质等级'], fineWan: undefined }), expected: { end: '2029-05-10' }, absent: ['repairableFrom'] },
  { row: 'samr-repair-2021 (食品)', name: 'food needs a year before repair under the 2021 rule', today: '2024-06-01',
    input: samr({ fineWan: 30, decisionDate: '2024-01-10', violationType: '销售不符合食品安全标准的食品' }), expected: { state: '公示中', minEnd: '2025-01-10', end: '2027-01-10' } },
  { row: 'samr-repair-2021', name: 'other sectors wait 6 months under the 2021 rule', today: '2024-06-01',
    input: samr({ fineWan: 30, decisionDate: '2024-01-10', violationType: '虚假宣传' }), expected: { state: '公示中', minEnd: '2024-07-10' } },
  { row: 'samr-repair-2021 + samr-repair-2025', name: 'the 2025 rule in force today allows an older decision repair earlier', today: '2026-11-22',
    input: samr({ fineWan: 30, decisionDate: '2024-01-10', violationType: '虚假宣传' }), expected: { state: '可申请修复', minEnd: '2024-04-10', repairableFrom: '2024-04-11', end: '2027-01-10' } },
  { row: 'samr-repair-2025/严重', name: 'a serious decision after 2025-12-25 waits a year', today: '2026-06-01',
    input: samr({ fineWan: 150, decisionDate: '2026-02-01' }), expected: { state: '公示中', minEnd: '2027-02-01', end: '2029-02-01' } },

  // Lists
  { row: 'redlist/纳税信用A级纳税人', name: 'an A-grade taxpayer is shown through the year after the evaluation year', today: '2026-06-01',
    input: org({ kind: 'redlist', listName: '纳税信用A级纳税人', evaluationYear: 2025, authority: '税务局' }), expected: { state: '公示中', start: '2026-01-01', end: '2026-12-31' } },
  { row: 'redlist/default', name: 'a list name merely containing “A级” does not take the tax rule', today: '2026-06-01', config: DisclosureConfigSchema.parse({ redlistTerms: PROVINCE.redlistTerms.slice(0, 1) }),
    input: org({ kind: 'redlist', listName: '公路建设市场信用评价AA级', listedOn: '2025-01-01', authority: '交通运输部' }), expected: { rule: 'redlist/default', end: '2027-01-01' } },
  { row: 'redlist/^公路建设市场信用评价(AA|A)级$', name: 'an anchored pattern matches the whole list name', today: '2026-06-01',
    input: org({ kind: 'redlist', listName: '公路建设市场信用评价AA级', listedOn: '2025-01-01', authority: '交通运输部' }), expected: { end: '2026-01-01', state: '已届满' } },
  { row: 'blacklist/default', name: 'a black-list entry: 3 years, early removal after 1', today: '2026-06-01',
    input: org(black()), expected: { state: '可申请修复', tier: '严重', minEnd: '2026-01-15', end: '2028-01-15' } },
  { row: 'blacklist/default + objection', name: 'an objection suspends the joint measures and leaves the term', today: '2026-06-01',
    input: { ...org(black()), events: { objection: { received: '2026-05-01', status: '核实中' } } }, expected: { state: '异议核实中', measuresSuspended: true, end: '2028-01-15' } },
  { row: 'blacklist/source + objection pause', name: 'where configured, a rejected objection resumes the measure term later by the days paused', today: '2026-06-01', config: PAUSING,
    input: { ...org(black({ validTo: '2027-01-15' })), events: { objection: { received: '2026-05-01', status: '已驳回', closed: '2026-05-21' } } }, expected: { state: '可申请修复', end: '2027-02-04' } },
  { row: 'blacklist/source + objection pause', name: 'the pause runs while the objection is verified', today: '2026-06-01', config: PAUSING,
    input: { ...org(black({ validTo: '2027-01-15' })), events: { objection: { received: '2026-05-01', status: '核实中' } } }, expected: { state: '异议核实中', end: '2027-02-15' } },
  { row: 'blacklist/source + objection pause', name: 'the pause never carries a list entry past the 3-year maximum', today: '2026-06-01', config: PAUSING,
    input: { ...org(black({ validTo: '2028-01-10' })), events: { objection: { received: '2026-05-01', status: '已驳回', closed: '2026-05-21' } } }, expected: { end: '2028-01-15' } },
  { row: 'commitment/default', name: 'a commitment is shown for its term', today: '2026-06-01',
    input: org({ kind: 'commitment', commitmentType: '容缺受理型承诺', committedOn: '2025-01-01', authority: '行政服务中心' }), expected: { state: '公示中', end: '2028-01-01' } },
];

describe('disclosureState: dated cases across 527号, Order 58, Order 36 and 总局令第45号', () => {
  it('has at least 40 cases, each naming its rule row', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    for (const c of CASES) expect(c.row).toMatch(/\S/);
  });
  for (const c of CASES) {
    it(`[${c.row}] ${c.name} (on ${c.today})`, () => {
      const d = disclosureState(c.input, c.today, c.config ?? PROVINCE);
      expect(d).toMatchObject(c.expected);
      for (const k of c.absent ?? []) expect(d).not.toHaveProperty(k);
    });
  }
});

describe('disclosureHoldsUntil', () => {
  const general = org(penalty());
  it('holds a general penalty until the day before repair may be applied for, then until its end, then for good', () => {
    // Order 36, 一般: repair from 2026-08-11, end 2027-05-10 (the dated cases above).
    expect(disclosureHoldsUntil(general, '2026-06-01', PROVINCE)).toBe('2026-08-10');
    expect(disclosureHoldsUntil(general, '2026-08-11', PROVINCE)).toBe('2027-05-10');
    expect(disclosureHoldsUntil(general, '2027-05-11', PROVINCE)).toBeUndefined();
  });
  it('ends the day before a removal takes effect', () => {
    const repaired = { ...general, events: { removal: { date: '2026-07-01', method: '信用修复' } } };
    expect(disclosureHoldsUntil(repaired, '2026-06-01', PROVINCE)).toBe('2026-06-30');
  });
  it('ends the day before a later rule set comes into force', () => {
    // Decided under Order 58 (from 2023-05-01); Order 36 is in force from 2026-04-01, before repair (from 2026-04-11).
    expect(disclosureHoldsUntil(org(penalty({ decisionDate: '2026-01-10' })), '2026-02-01', PROVINCE)).toBe('2026-03-31');
  });
  it('ends the day before an objection is received, and the day before a closed one stops being verified', () => {
    const received = { ...general, events: { objection: { received: '2026-06-20', status: '核实中' as const } } };
    expect(disclosureHoldsUntil(received, '2026-06-01', PROVINCE)).toBe('2026-06-19');
    const rejected = { ...general, events: { objection: { received: '2026-06-01', status: '已驳回' as const, closed: '2026-06-21' } } };
    expect(disclosureHoldsUntil(rejected, '2026-06-05', PROVINCE)).toBe('2026-06-20');
  });
  it('holds for the day alone while an objection pauses a blacklist entry’s term', () => {
    // The dated case above: paused since 2026-05-01, the end is 2027-02-15 on 2026-06-01, and a day later on the next.
    const paused = { ...org(black({ validTo: '2027-01-15' })), events: { objection: { received: '2026-05-01', status: '核实中' as const } } };
    expect(disclosureHoldsUntil(paused, '2026-06-01', PAUSING)).toBe('2026-06-01');
    expect(disclosureState(paused, '2026-06-02', PAUSING).end).toBe('2027-02-16');
  });
  it('holds a paused entry whose end has reached the 3-year maximum until that end', () => {
    // Listed 2025-01-15, its own term to 2028-01-10; paused since 2026-05-01, it would pass the maximum, 2028-01-15.
    const atMaximum = { ...org(black({ validTo: '2028-01-10' })), events: { objection: { received: '2026-05-01', status: '核实中' as const } } };
    expect(disclosureState(atMaximum, '2026-06-01', PAUSING).end).toBe('2028-01-15');
    expect(disclosureHoldsUntil(atMaximum, '2026-06-01', PAUSING)).toBe('2028-01-15');
  });
  it('never says a disclosure holds past a day it changes: every dated case, walked day by day over six years', () => {
    const wrong: string[] = [];
    let walked = 0;
    for (const c of CASES) {
      const config = c.config ?? PROVINCE;
      const horizon = addDays(c.today, 1400);
      // From each day the last answer was asked again: every day of the six years is in one answer's span.
      for (let from = addDays(c.today, -800); from <= horizon;) {
        const until = disclosureHoldsUntil(c.input, from, config);
        const then = JSON.stringify(disclosureState(c.input, from, config));
        const last = until === undefined || until > horizon ? horizon : until;
        for (let day = addDays(from, 1); day <= last; day = addDays(day, 1)) {
          walked++;
          if (JSON.stringify(disclosureState(c.input, day, config)) !== then) {
            wrong.push(`[${c.row}] ${c.name}: from ${from} said until ${until}, changed on ${day}`);
            break;
          }
        }
        from = addDays(last, 1);
      }
    }
    expect(wrong).toEqual([]);
    expect(walked).toBeGreaterThan(CASES.length * 2000);
  });
});

describe('ruleSetOn', () => {
  it('picks the national rule set in force on the day', () => {
    expect(ruleSetOn('2020-01-01').id).toBe('ndrc-2019-527');
    expect(ruleSetOn('2023-05-01').id).toBe('ndrc-2023-58');
    expect(ruleSetOn('2026-03-31').id).toBe('ndrc-2023-58');
    expect(ruleSetOn('2026-04-01').id).toBe('ndrc-2025-36');
  });
  it('picks the SAMR repair rule in force on the day', () => {
    expect(ruleSetOn('2025-12-24', SAMR_REPAIR_SETS).id).toBe('samr-repair-2021');
    expect(ruleSetOn('2025-12-25', SAMR_REPAIR_SETS).id).toBe('samr-repair-2025');
  });
  it('marks the rule sets whose articles could not be read as unverified', () => {
    expect(PENALTY_RULE_SETS.filter((s) => !s.verified).map((s) => s.id)).toEqual(['ndrc-2023-58', 'ndrc-2025-36']);
    expect(SAMR_REPAIR_SETS.find((s) => s.id === 'samr-repair-2025')!.verified).toBe(false);
  });
});

describe('penaltyTierOf', () => {
  it('says when a fine’s amount is missing, instead of reading it as zero', () => {
    expect(penaltyTierOf(penalty({ fineWan: undefined }), '法人及非法人组织', PROVINCE)).toEqual({ tier: '一般', basis: '罚款金额空缺，按一般失信处理', amountUnknown: true });
    expect(penaltyTierOf(penalty({ fineWan: 5 }), '法人及非法人组织', PROVINCE).amountUnknown).toBe(false);
  });
  it('takes several categories in one decision at the highest tier', () => {
    expect(penaltyTierOf(penalty({ categories: ['警告', '责令停产停业'] }), '法人及非法人组织', PROVINCE).tier).toBe('严重');
  });
});

describe('redlistTermFor', () => {
  it('matches a name exactly or a pattern anchored at both ends, never a substring', () => {
    expect(redlistTermFor('纳税信用A级纳税人', PROVINCE.redlistTerms)?.cite).toBe('纳税信用管理办法');
    expect(redlistTermFor('2018年度纳税信用A级纳税人', PROVINCE.redlistTerms)).toBeUndefined();
    expect(redlistTermFor('公路建设市场信用评价A级', PROVINCE.redlistTerms)?.cite).toBe('公路建设市场信用评价办法');
    expect(redlistTermFor('公路建设市场信用评价B级', PROVINCE.redlistTerms)).toBeUndefined();
  });
});

describe('isPublic and licenseStatus', () => {
  it('treats only the shown states as public', () => {
    expect(isPublic({ state: '异议核实中' })).toBe(true);
    expect(isPublic({ state: '不予公示' })).toBe(false);
  });
  it('shows licences without an end; expiry changes the status, not the visibility', () => {
    const lic = { kind: 'license' as const, decisionDate: '2020-01-01', validTo: '2024-12-31', authority: '行政服务中心' };
    const d = disclosureState(org(lic), '2026-06-01');
    expect(d.state).toBe('公示中');
    expect(d).not.toHaveProperty('end');
    expect(licenseStatus(lic, '2026-06-01')).toBe('有效期届满');
    expect(licenseStatus({ status: '注销' }, '2026-06-01')).toBe('注销');
  });
});
