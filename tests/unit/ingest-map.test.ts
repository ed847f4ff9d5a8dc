import { describe, expect, it } from 'vitest';
import { mapColumns, mapRow as mapRowWith, newUsage, personKey } from '../../scripts/ingest/map.ts';
import { parseAmountWan, splitPenaltyCategories } from '../../scripts/ingest/values.ts';
import { SourceDescriptorSchema } from '../../src/lib/schemas/source.ts';

const SECRET = 'test-secret-for-person-keys';
const mapRow = (...args: [Parameters<typeof mapRowWith>[0], string[], Parameters<typeof mapRowWith>[2], Parameters<typeof mapRowWith>[3]]) =>
  mapRowWith(...args, { usage: newUsage(), secret: SECRET });

const desc = (over: Record<string, unknown> = {}) =>
  SourceDescriptorSchema.parse({ id: 't', title: 't', publisher: 'p', kind: 'penalty', location: 'x.csv', ...over });

const PENALTY_HEADER = ['行政相对人名称', '统一社会信用代码', '行政处罚决定书文号', '处罚类别', '罚款金额（万元）', '处罚决定日期', '处罚机关'];
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    行政相对人名称: '哈尔滨松江商贸有限公司', 统一社会信用代码: '9133021272513935X8', 行政处罚决定书文号: '哈道市监罚〔2026〕1号',
    处罚类别: '警告;罚款', '罚款金额（万元）': '0.2', 处罚决定日期: '2026年3月5日', 处罚机关: '哈尔滨市道里区市场监督管理局',
  };
  return PENALTY_HEADER.map((h) => over[h] ?? base[h]!);
};

describe('mapColumns', () => {
  it('maps Chinese names and national codes to the same fields', () => {
    const zh = mapColumns('penalty', PENALTY_HEADER, desc());
    const codes = mapColumns('penalty', ['CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_WSH', 'CF_CFLB', 'CF_NR_FK', 'CF_JDRQ', 'CF_CFJG'], desc());
    expect(zh.fields.map((f) => f?.field)).toEqual(codes.fields.map((f) => f?.field));
    expect(zh.unused).toEqual([]);
  });
  it('takes each column once and reports the columns nobody used', () => {
    const m = mapColumns('penalty', ['序号', '行政相对人名称', '当事人名称', 'CF_CFLB1', 'CF_CFLB2'], desc());
    expect(m.fields.map((f) => f?.field ?? null)).toEqual([null, 'subjectName', null, 'categories', 'categories']);
    expect(m.unused).toEqual(['序号', '当事人名称']);
    expect(m.notes[0]!.reason).toContain('只取第一列');
  });
  it('lets a descriptor map or silence a column, and lists its entries that match no header', () => {
    const m = mapColumns('redlist', ['单位全称', '编号'], desc({ kind: 'redlist', columns: { 单位全称: 'subjectName', 编号: '', 发布单位全称: 'authority' } }));
    expect(m.fields.map((f) => f?.field ?? null)).toEqual(['subjectName', null]);
    expect(m.unmatched).toEqual(['发布单位全称']);
  });
});

describe('mapRow', () => {
  const m = mapColumns('penalty', PENALTY_HEADER, desc());
  it('normalises a good row into a penalty record', () => {
    const r = mapRow('penalty', row(), m, desc());
    expect(r).toMatchObject({
      ok: true,
      value: { kind: 'penalty', categories: ['警告', '罚款'], fineWan: 0.2, decisionDate: '2026-03-05' },
      subject: { name: '哈尔滨松江商贸有限公司', category: '法人及非法人组织', codes: { uscc: '9133021272513935X8' } },
    });
  });
  it('rejects a row with an impossible date, naming the source column and the fix', () => {
    const r = mapRow('penalty', row({ 处罚决定日期: '2026-13-45' }), m, desc());
    expect(r).toMatchObject({ ok: false, issues: [{ column: '处罚决定日期', reason: expect.stringContaining('无法识别的日期“2026-13-45”') }] });
  });
  it('rejects a row without 文书号 or name, and an amount that is not a number', () => {
    expect(mapRow('penalty', row({ 行政处罚决定书文号: '' }), m, desc())).toMatchObject({ ok: false, issues: [{ column: '行政处罚决定书文号', reason: '缺少行政处罚决定书文号' }] });
    expect(mapRow('penalty', row({ 行政相对人名称: ' ' }), m, desc())).toMatchObject({ ok: false, issues: [{ column: '行政相对人名称' }] });
    expect(mapRow('penalty', row({ '罚款金额（万元）': '二万元' }), m, desc())).toMatchObject({ ok: false, issues: [{ column: '罚款金额（万元）', reason: expect.stringContaining('不是数字') }] });
  });
  it('warns about a bad check character but keeps the record', () => {
    const r = mapRow('penalty', row({ 统一社会信用代码: '9133021272513935X9' }), m, desc());
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([{ column: '统一社会信用代码', reason: expect.stringContaining('应为 8') }]);
  });
  it('files a legacy code in the code column under its own kind', () => {
    const r = mapRow('penalty', row({ 统一社会信用代码: '110108000000016' }), m, desc());
    expect(r).toMatchObject({ ok: true, subject: { codes: { regNo: '110108000000016' } } });
  });
  it('masks a person’s ID number and never keeps the raw number', () => {
    const header = ['姓名', '证件号码', '行政处罚决定书文号', '处罚类别', '处罚决定日期', '处罚机关', '违法事实'];
    const pm = mapColumns('penalty', header, desc());
    const r = mapRow('penalty', ['张三', '11010519491231002X', '文1号', '罚款', '2026-01-01', '公安分局', '张三（11010519491231002X）无证经营'], pm, desc());
    expect(r).toMatchObject({ ok: true, subject: { name: '张三', category: '自然人', codes: { idMasked: '110105********002X', idType: '身份证' } } });
    expect(JSON.stringify(r)).not.toContain('11010519491231002X');
  });
  it('identifies a person by a keyed hash of the raw ID number, not by the number', () => {
    const header = ['姓名', '证件号码', '行政处罚决定书文号', '处罚类别', '处罚决定日期', '处罚机关'];
    const pm = mapColumns('penalty', header, desc());
    const r = mapRow('penalty', ['张三', '11010519491231002X', '文1号', '罚款', '2026-01-01', '公安分局'], pm, desc());
    // HMAC-SHA-256 of the ID under the test secret, computed independently with openssl:
    // printf 11010519491231002X | openssl dgst -sha256 -hmac test-secret-for-person-keys
    expect(r).toMatchObject({ ok: true, idKey: 'cfe4b43ae636246eace2f05696e1e2ad84becf5388f69383612dde0194fc975f' });
    expect(personKey(SECRET, '11010519491231002x')).toBe(personKey(SECRET, '11010519491231002X'));
    expect(personKey('another-deployment-secret', '11010519491231002X')).not.toBe(personKey(SECRET, '11010519491231002X'));
  });
  it('applies the descriptor’s defaults and value look-ups before the built-in ones', () => {
    const d = desc({ kind: 'redlist', defaults: { listName: '纳税信用A级纳税人' }, values: { subjectCategory: { 企业: '法人及非法人组织', 单位: '法人及非法人组织' } } });
    const rm = mapColumns('redlist', ['纳税人名称', '主体类型', '评价年度', '税务机关'], d);
    const r = mapRow('redlist', ['甲公司', '单位', '2018', '税务局'], rm, d);
    expect(r).toMatchObject({ ok: true, value: { listName: '纳税信用A级纳税人', evaluationYear: 2018 } });
    const bad = mapRow('redlist', ['甲公司', '外星', '2018', '税务局'], rm, d);
    expect(bad).toMatchObject({ ok: false, issues: [{ column: '主体类型', reason: expect.stringContaining('values.subjectCategory') }] });
  });
  it('keeps a licence without 文书号, warning that its link comes from its other fields', () => {
    const lm = mapColumns('license', ['XK_XDR_MC', 'XK_JDRQ', 'XK_XKJG'], desc({ kind: 'license' }));
    const r = mapRow('license', ['甲公司', '20260305', '行政服务中心'], lm, desc({ kind: 'license' }));
    expect(r).toMatchObject({ ok: true, warnings: [{ column: '行政许可决定文书号', reason: expect.stringContaining('缺少行政许可决定文书号') }] });
  });
  it('reads 长期 in an end-date column as no end', () => {
    const lm = mapColumns('license', ['XK_XDR_MC', 'XK_JDRQ', 'XK_YXQZI', 'XK_XKJG'], desc({ kind: 'license' }));
    const r = mapRow('license', ['甲公司', '20260305', '长期', '行政服务中心'], lm, desc({ kind: 'license' }));
    expect(r).toMatchObject({ ok: true, value: { kind: 'license', decisionDate: '2026-03-05', authority: '行政服务中心' } });
    expect(r).not.toHaveProperty('value.validTo');
  });
});

describe('splitPenaltyCategories', () => {
  it('splits on every separator publishers use and maps synonyms to 行政处罚法 第九条', () => {
    expect(splitPenaltyCategories('罚款;没收违法所得').categories).toEqual(['罚款', '没收违法所得']);
    expect(splitPenaltyCategories('警告、并处罚款').categories).toEqual(['警告', '罚款']);
    expect(splitPenaltyCategories('吊销营业执照').categories).toEqual(['吊销许可证件']);
  });
  it('keeps unknown words as 其他 and says which', () => {
    expect(splitPenaltyCategories('罚款，责令改正')).toEqual({ categories: ['罚款', '其他'], unknown: ['责令改正'] });
  });
});

describe('parseAmountWan', () => {
  it('reads 万元 by default and converts 元', () => {
    expect(parseAmountWan('0.2')).toBe(0.2);
    expect(parseAmountWan('2000元')).toBe(0.2);
    expect(parseAmountWan('2,000', 'yuan')).toBe(0.2);
    expect(parseAmountWan('1.5万元')).toBe(1.5);
    expect(parseAmountWan('二万元')).toBeNull();
  });
});
