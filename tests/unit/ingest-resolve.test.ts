import { describe, expect, it } from 'vitest';
import { SubjectIndex, docNoKey, recordId, resolve, type Accepted } from '../../scripts/ingest/resolve.ts';
import { rng } from '../../scripts/sample/rng.ts';
import type { RecordFields, SubjectRef } from '../../src/lib/schemas/record.ts';
import { DISCLOSURE_STATES } from '../../src/lib/schemas/common.ts';
import { DisclosureConfigSchema } from '../../src/lib/schemas/district.ts';
import { SourceDescriptorSchema } from '../../src/lib/schemas/source.ts';

const src = SourceDescriptorSchema.parse({ id: 'a', title: '来源A', publisher: '甲', kind: 'penalty', location: 'a.csv' });
const srcB = SourceDescriptorSchema.parse({ id: 'b', title: '来源B', publisher: '乙', kind: 'penalty', location: 'b.csv' });
const company: SubjectRef = { name: '哈尔滨松江商贸有限公司', category: '法人及非法人组织', codes: { uscc: '9133021272513935X8' } };
const pen = (docNo: string, over: Partial<RecordFields> = {}): RecordFields =>
  ({ kind: 'penalty', docNo, categories: ['罚款'], fineWan: 15, decisionDate: '2026-05-10', authority: '市场监管局', ...over }) as RecordFields;
const acc = (value: Accepted['value'], subject = company, row = 2, source = src): Accepted => ({ source, row, value, subject });

describe('docNoKey', () => {
  it('treats year brackets of any style as the same 文号', () => {
    expect(docNoKey('哈道市监罚[2026]1号')).toBe(docNoKey('哈道市监罚〔2026〕1号'));
    expect(docNoKey('哈道市监罚（2026）1号')).toBe(docNoKey('哈道市监罚 〔2026〕 1号'));
  });
});

describe('SubjectIndex', () => {
  const index = new SubjectIndex([company]);
  it('identifies organisations by USCC', () => {
    expect(index.idOf(company)).toBe('9133021272513935X8');
  });
  it('links a record with only the organisation code, or only the name, to the USCC subject', () => {
    expect(index.idOf({ name: '别名', category: '法人及非法人组织', codes: { orgCode: '72513935X' } })).toBe('9133021272513935X8');
    expect(index.idOf({ name: '哈尔滨松江商贸有限公司', category: '法人及非法人组织', codes: { regNo: '110108000000016' } })).toBe('9133021272513935X8');
  });
  it('joins a code with a wrong check character to a subject only together with the same name', () => {
    expect(index.idOf({ name: '哈尔滨松江商贸有限公司', category: '法人及非法人组织', codes: { uscc: '9133021272513935X9' } })).toBe('9133021272513935X8');
  });
  it('never “corrects” a wrong check character into another business’s valid code', () => {
    // 昭觉县 shops in real data: codes one character off a valid code, under other names.
    const id = index.idOf({ name: '昭觉县某某便利店', category: '法人及非法人组织', codes: { uscc: '9133021272513935X9' } });
    expect(id).not.toBe('9133021272513935X8');
    expect(id).toMatch(/^n-[0-9a-f]{12}$/);
  });
  it('links a bare name to a code only while one valid code carries that name', () => {
    // A second valid code, its check character worked out by hand (GB 32100-2015): W.
    const other: SubjectRef = { ...company, codes: { uscc: '91230102MA1BXQ8R6W' } };
    const bare: SubjectRef = { name: company.name, category: company.category, codes: {} };
    // The same code under the same name twice is still one code for the name.
    expect(new SubjectIndex([company, company]).idOf(bare)).toBe('9133021272513935X8');
    const shared = new SubjectIndex([company, other, company]);
    expect(shared.idOf(bare)).toMatch(/^n-[0-9a-f]{12}$/);
    expect(shared.idOf({ ...company, codes: { uscc: '9133021272513935X9' } })).toMatch(/^n-[0-9a-f]{12}$/);
    // Each valid code stays its own subject.
    expect(shared.idOf(other)).toBe('91230102MA1BXQ8R6W');
  });
  it('gives persons an id from their keyed ID hash, and a person without ID number an id of their own row', () => {
    expect(index.idOf({ name: '张三', category: '自然人', codes: { idMasked: '110105********002X' } }, 'cfe4b43ae636246eace2f0569')).toBe('p-cfe4b43ae636');
    const a = index.idOf({ name: '张三', category: '自然人', codes: {} }, undefined, 'src|文1号');
    const b = index.idOf({ name: '张三', category: '自然人', codes: {} }, undefined, 'src|文2号');
    expect(a).toMatch(/^p-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});

describe('recordId', () => {
  it('is the same for the same decision whatever the row, and differs by 文号', () => {
    expect(recordId(pen('哈道市监罚〔2026〕1号'), 'X')).toBe(recordId(pen('哈道市监罚[2026]1号', { fineWan: 1 }), 'X'));
    expect(recordId(pen('哈道市监罚〔2026〕1号'), 'X')).not.toBe(recordId(pen('哈道市监罚〔2026〕2号'), 'X'));
    expect(recordId(pen('x'), 'X')).toMatch(/^cf-[0-9a-f]{12}$/);
  });
});

describe('resolve', () => {
  it('merges the same decision from two sources, keeping the first row’s values and both provenances', () => {
    const r = resolve([acc(pen('文1号')), acc(pen('文1号', { fineWan: 20 }), company, 9, srcB)], '2026-06-01');
    expect(r.records).toHaveLength(1);
    expect(r.merged).toBe(1);
    expect(r.records[0]).toMatchObject({ fineWan: 15, sources: [{ source: 'a', row: 2 }, { source: 'b', row: 9 }] });
    expect(r.warnings[0]!.reason).toContain('fineWan');
  });
  it('makes one subject of all rows with the same USCC, with the records sorted by id', () => {
    const r = resolve([acc(pen('文2号')), acc(pen('文1号'))], '2026-06-01');
    expect(r.subjects).toHaveLength(1);
    expect(r.subjects[0]!.recordIds).toEqual([...r.subjects[0]!.recordIds].sort());
  });
  it('applies a removal to the record it names and counts it as withheld', () => {
    const removal = { kind: 'removal' as const, subject: company, docNo: '文1号', date: '2026-05-20', method: '信用修复' as const };
    const r = resolve([acc(pen('文1号')), acc(pen('文2号')), acc(removal, company, 3)], '2026-06-01');
    expect(r.records.map((x) => x.docNo)).toEqual(expect.not.arrayContaining(['文1号']));
    expect(r.byState['已修复']).toBe(1);
    expect(r.withheldBySource).toEqual({ a: 1 });
  });
  it('marks a record under objection and reports an event that names nothing, with its 文号', () => {
    const objection = { kind: 'objection' as const, subject: company, docNo: '文1号', received: '2026-05-20', status: '核实中' as const };
    const stray = { kind: 'objection' as const, subject: company, docNo: '文9号', received: '2026-05-20', status: '核实中' as const };
    const r = resolve([acc(pen('文1号')), acc(objection, company, 3), acc(stray, company, 4)], '2026-06-01');
    expect(r.records[0]!.disclosure.state).toBe('异议核实中');
    expect(r.warnings).toEqual([expect.objectContaining({ row: 4, reason: expect.stringMatching(/文9号.*未生效/) })]);
  });
  it('applies an event that gives only a 文号, or a 文号 and a code, without a name', () => {
    const onlyDoc = { kind: 'objection' as const, subject: { category: '法人及非法人组织' as const, codes: {} }, docNo: '文1号', received: '2026-05-20', status: '核实中' as const };
    const withCode = { kind: 'removal' as const, subject: { category: '法人及非法人组织' as const, codes: { uscc: '9133021272513935X8' } }, docNo: '文2号', date: '2026-05-20', method: '信用修复' as const };
    const r = resolve([acc(pen('文1号')), acc(pen('文2号')), acc(onlyDoc, onlyDoc.subject as SubjectRef, 3), acc(withCode, withCode.subject as SubjectRef, 4)], '2026-06-01');
    expect(r.records.map((x) => [x.docNo, x.disclosure.state])).toEqual([['文1号', '异议核实中']]);
    expect(r.byState['已修复']).toBe(1);
    expect(r.warnings).toEqual([]);
  });
  it('does not apply an event whose code names another subject', () => {
    const other = { kind: 'removal' as const, subject: { category: '法人及非法人组织' as const, codes: { uscc: '91230102MA1YUJA5X1' } }, docNo: '文1号', date: '2026-05-20', method: '信用修复' as const };
    const r = resolve([acc(pen('文1号')), acc(other, other.subject as SubjectRef, 3)], '2026-06-01');
    expect(r.records).toHaveLength(1);
    expect(r.warnings[0]!.reason).toContain('不属于代码 91230102MA1YUJA5X1');
  });
  it('leaves out subjects whose records are all withheld', () => {
    const r = resolve([acc(pen('文1号', { categories: ['警告'], fineWan: undefined }))], '2026-06-01');
    expect(r.records).toHaveLength(0);
    expect(r.subjects).toHaveLength(0);
    expect(r.byState['不予公示']).toBe(1);
  });
  it('warns that a fine’s amount is missing, and shows the penalty as general rather than hiding it as minor', () => {
    const config = DisclosureConfigSchema.parse({ lowFine: { person: 1, organisation: 10, basis: '测试' } });
    const r = resolve([acc(pen('文1号', { fineWan: undefined }))], '2026-06-01', config);
    expect(r.records[0]!.disclosure).toMatchObject({ state: '公示中', tier: '一般' });
    expect(r.warnings).toEqual([expect.objectContaining({ column: '罚款金额', reason: expect.stringContaining('金额空缺') })]);
  });
  it('flags an objection open past the district’s verification deadline, on the objection’s row', () => {
    const config = DisclosureConfigSchema.parse({ objection: { verificationWorkingDays: 20, basis: '本区规定' } });
    const objection = { kind: 'objection' as const, subject: company, docNo: '文1号', received: '2026-05-11', status: '核实中' as const };
    // 20 working days from Monday 2026-05-11 end on Monday 2026-06-08 (no holiday in between).
    expect(resolve([acc(pen('文1号')), acc(objection, company, 7)], '2026-06-08', config).warnings).toEqual([]);
    const late = resolve([acc(pen('文1号')), acc(objection, company, 7)], '2026-06-09', config);
    expect(late.warnings).toEqual([expect.objectContaining({ row: 7, reason: expect.stringContaining('已超过核实期限（20 个工作日，应于 2026-06-08 前办结）') })]);
  });
});

describe('resolve: rows that share no identity never change each other', () => {
  /**
   * Two districts' worth of names, codes, people and 文号 that share nothing. Within each, rows collide on purpose:
   * names written two ways, codes with a wrong check character, organisation codes and 税务登记号 alone, people with and
   * without an ID hash, one decision in several rows, events naming a 文号. The valid codes' check characters were
   * worked out by hand (GB 32100-2015).
   */
  const POOLS = [
    { tag: 'a', names: ['哈尔滨甲商贸有限公司', '哈尔滨甲商贸有限公司 ', '哈尔滨乙建设有限公司', '道里丙饭店'], people: ['张三', '李四'],
      codes: ['91230102MA1C00001T', '91230102MA1C00002X', '91230102MA1C000031', '91230102MA1C000044'],
      docs: ['哈道市监罚〔2026〕1号', '哈道市监罚[2026]1号', '哈道市监罚〔2026〕2号', '哈道交罚〔2025〕3号'] },
    { tag: 'b', names: ['哈尔滨丁物流有限公司', '哈尔滨丁物流有限公司', '哈尔滨戊药房', '南岗己超市'], people: ['王五', '赵六'],
      codes: ['91230103MA1D000058', '91230103MA1D00006B', '91230103MA1D00007E', '91230103MA1D00008H'],
      docs: ['哈南市监罚〔2026〕11号', '哈南市监罚（2026）11号', '哈南市监罚〔2026〕12号', '哈南交罚〔2025〕13号'] },
  ];
  const ORG = '法人及非法人组织' as const;
  type Row = Omit<Accepted, 'row' | 'source'> & { pool: number; source?: Accepted['source'] };
  function rowOf(pool: number, next: () => number): Row {
    const p = POOLS[pool]!;
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const code = pick(p.codes);
    const name = pick(p.names);
    const person = pick(p.people);
    const shapes: (() => Pick<Row, 'subject' | 'idKey'>)[] = [
      () => ({ subject: { name, category: ORG, codes: { uscc: code } } }),
      () => ({ subject: { name, category: ORG, codes: { uscc: code } } }),
      () => ({ subject: { name, category: ORG, codes: { uscc: `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}` } } }),
      () => ({ subject: { name, category: ORG, codes: { orgCode: code.slice(8, 17) } } }),
      () => ({ subject: { name, category: ORG, codes: { taxNo: `230102${code.slice(8, 17)}` } } }),
      () => ({ subject: { name, category: ORG, codes: {} } }),
      () => ({ subject: { name: person, category: '自然人', codes: { idMasked: '230102********002X' } }, idKey: `${p.tag}${person.codePointAt(0)!.toString(16)}`.padEnd(25, '0') }),
      () => ({ subject: { name: person, category: '自然人', codes: {} } }),
    ];
    const { subject, idKey } = pick(shapes)();
    const docNo = pick(p.docs);
    const day = `2026-0${1 + Math.floor(next() * 5)}-1${Math.floor(next() * 10)}`;
    const roll = next();
    const value: Accepted['value'] = roll < 0.7 ? pen(docNo, { decisionDate: day, fineWan: pick([1, 15, 200]) })
      : roll < 0.85 ? { kind: 'removal', subject, docNo, date: day, method: '信用修复' }
        : { kind: 'objection', subject: next() < 0.5 ? subject : { category: subject.category, codes: {} }, docNo, received: day, ...(next() < 0.5 ? { status: '核实中' as const } : { status: '已驳回' as const, closed: '2026-05-30' }) };
    return { pool, subject, value, ...(idKey ? { idKey } : {}) };
  }
  /** The rows of both pools mixed, in two sources, numbered in source order as an ingest reads them. */
  function mixed(seed: number): (Accepted & { pool: number })[] {
    const next = rng(seed);
    const rows = Array.from({ length: 60 }, () => rowOf(next() < 0.5 ? 0 : 1, next));
    const numbered = rows.map((r) => ({ ...r, source: next() < 0.6 ? src : srcB }));
    const ordered = [...numbered.filter((r) => r.source === src), ...numbered.filter((r) => r.source === srcB)];
    return ordered.map((r, i) => ({ ...r, source: r.source!, row: i + 2 }));
  }
  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  const warningsOf = (list: { source: string; row: number; reason: string }[]) => list.map((w) => `${w.source}|${w.row}|${w.reason}`).sort();

  it('gives, over 50 mixes of two districts, the records, subjects, counts and warnings each gives alone', () => {
    const seen = { merged: 0, names: 0, removed: 0, objected: 0 };
    for (let seed = 1; seed <= 50; seed++) {
      const all = mixed(seed);
      const whole = resolve(all, '2026-06-01');
      const alone = [0, 1].map((pool) => resolve(all.filter((r) => r.pool === pool), '2026-06-01'));
      expect(whole.records).toEqual(byId(alone.flatMap((r) => r.records)));
      expect(whole.subjects).toEqual(byId(alone.flatMap((r) => r.subjects)));
      expect(whole.merged).toBe(alone[0]!.merged + alone[1]!.merged);
      expect(whole.events).toBe(alone[0]!.events + alone[1]!.events);
      for (const state of DISCLOSURE_STATES) expect(whole.byState[state]).toBe(alone[0]!.byState[state] + alone[1]!.byState[state]);
      expect(warningsOf(whole.warnings)).toEqual(warningsOf(alone.flatMap((r) => r.warnings)));
      seen.merged += whole.merged;
      seen.names += whole.warnings.filter((w) => w.column === '统一社会信用代码').length;
      seen.removed += whole.byState['已修复'];
      seen.objected += whole.records.filter((r) => r.disclosure.objection).length;
    }
    // The mixes did collide within each district: merged decisions, names under one code, repairs, objections.
    expect(seen.merged).toBeGreaterThan(50);
    expect(seen.names).toBeGreaterThan(10);
    expect(seen.removed).toBeGreaterThan(10);
    expect(seen.objected).toBeGreaterThan(10);
  });
});
