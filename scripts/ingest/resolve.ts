/**
 * Stage "resolve": one subject per 统一社会信用代码 (else per normalised name and category), duplicate
 * decisions merged deterministically, removals and objections applied, and the disclosure state computed
 * for `today`.
 */
import { createHash } from 'node:crypto';
import { usccCheckChar } from '../../src/lib/credit-code.ts';
import { disclosureState, isPublic, objectionOpen, penaltyTierOf } from '../../src/lib/disclosure.ts';
import { objectionDue } from '../../src/lib/workdays.ts';
import { kindOf } from '../../src/lib/kinds/index.ts';
import { DEFAULT_DISCLOSURE_CONFIG, type DisclosureConfig } from '../../src/lib/disclosure-rules.ts';
import { DISCLOSURE_STATES, type DisclosureState } from '../../src/lib/schemas/common.ts';
import {
  PublishedRecordSchema, type EventSubject, type Objection, type Provenance, type PublishedRecord, type RecordFields, type Removal,
  type SubjectRef,
} from '../../src/lib/schemas/record.ts';
import type { SourceDescriptor } from '../../src/lib/schemas/source.ts';
import type { RowIssue } from '../../src/lib/schemas/report.ts';
import { SubjectSchema, type Subject, type SubjectCodes } from '../../src/lib/schemas/subject.ts';
import { nameKey, toHalfWidth } from '../../src/lib/text.ts';
import { recordDate } from '../../src/lib/view/record.ts';

export interface Accepted {
  source: SourceDescriptor;
  row: number;
  value: RecordFields | Removal | Objection;
  subject: EventSubject;
  /** A person's keyed ID hash (map.ts personKey), when the row carried an ID number. */
  idKey?: string;
}

export interface Resolved {
  subjects: Subject[];
  records: PublishedRecord[];
  /** Accepted records not shown today, by source. */
  withheldBySource: Record<string, number>;
  publishedBySource: Record<string, number>;
  byState: Record<DisclosureState, number>;
  merged: number;
  events: number;
  warnings: RowIssue[];
}

const hash = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 12);

/** 文号 as a key: bracket styles around the year and spaces do not matter. */
export function docNoKey(docNo: string): string {
  return toHalfWidth(docNo).replace(/\s+/g, '')
    .replace(/[[(（【〔{]\s*(\d{4})\s*[\])）】〕}]/g, '〔$1〕');
}

const validUscc = (code: string | undefined): code is string => code !== undefined && usccCheckChar(code) === code[17];

/**
 * Assigns subject ids. A valid 统一社会信用代码 is an identity: rows with it are one subject whatever their
 * names (名称变更). A code with a wrong check character is not: it joins a subject only with the same
 * normalised name, and is never "corrected" into another business's code. Legacy codes and bare names link
 * to a valid-code subject when that is unambiguous. Persons are known by their keyed ID hash; a person row
 * without an ID number is never merged with a namesake.
 */
export class SubjectIndex {
  /**
   * category|nameKey → the valid USCC seen with that name, or the set of them once there are two (then the name
   * names no one subject). One string a name rather than a set: at 100,000 subjects nearly every name has one code.
   */
  private byName = new Map<string, string | Set<string>>();
  private byOrgCode = new Map<string, string>();

  /** `keys`: each ref's nameKey, where the caller has them already (the same order as `refs`). */
  constructor(refs: Pick<SubjectRef, 'name' | 'category' | 'codes'>[], keys?: string[]) {
    for (const [i, r] of refs.entries()) {
      const uscc = r.codes.uscc;
      if (!validUscc(uscc) || r.category === '自然人') continue;
      const k = `${r.category}|${keys?.[i] ?? nameKey(r.name)}`;
      const seen = this.byName.get(k);
      if (seen === undefined) this.byName.set(k, uscc);
      else if (typeof seen !== 'string') seen.add(uscc);
      else if (seen !== uscc) this.byName.set(k, new Set([seen, uscc]));
      const org = uscc.slice(8, 17);
      if (!this.byOrgCode.has(org)) this.byOrgCode.set(org, uscc);
    }
  }

  /** The one valid-code subject with this name, if exactly one. */
  private named(r: Pick<SubjectRef, 'name' | 'category'>): string | undefined {
    const seen = this.byName.get(`${r.category}|${nameKey(r.name)}`);
    return typeof seen === 'string' ? seen : undefined;
  }

  /**
   * `idKey`: a person's keyed ID hash. `rowKey`: what makes a row without any identifier its own (source and
   * 文号 or row), used for persons without an ID number; a function where it costs something to make.
   */
  idOf(r: Pick<SubjectRef, 'name' | 'category' | 'codes'>, idKey?: string, rowKey: string | (() => string) = ''): string {
    const uscc = r.codes.uscc;
    if (validUscc(uscc)) return uscc;
    if (r.category === '自然人') {
      return idKey ? `p-${idKey.slice(0, 12)}` : `p-${hash(`无证件号码|${typeof rowKey === 'string' ? rowKey : rowKey()}|${nameKey(r.name)}`)}`;
    }
    if (uscc) return this.named(r) ?? `n-${hash(`${r.category}|${nameKey(r.name)}|${uscc}`)}`;
    const viaOrg = (r.codes.orgCode && this.byOrgCode.get(r.codes.orgCode))
      || (r.codes.taxNo?.length === 15 && this.byOrgCode.get(r.codes.taxNo.slice(6)));
    if (viaOrg) return viaOrg;
    if (idKey) return `p-${idKey.slice(0, 12)}`;
    return this.named(r) ?? `n-${hash(`${r.category}|${nameKey(r.name)}`)}`;
  }
}

/** Stable record id: the same decision gets the same permalink in every build. */
export function recordId(r: RecordFields, subjectId: string, docKey = r.docNo ? docNoKey(r.docNo) : ''): string {
  const kind = kindOf(r);
  return `${kind.idPrefix}-${hash(`${r.kind}|${subjectId}|${kind.idKey(r, docKey)}`)}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The records an event acts on: those with its 文号, narrowed by the code it gives (any of the subject's
 * codes) or else by its name; they must all belong to one subject. A string says why nothing matched.
 */
function eventTargets<G extends { subjectId: string; first: { subject: SubjectRef } }>(e: Accepted, candidates: G[]): G[] | string {
  const doc = (e.value as Removal | Objection).docNo;
  if (!candidates.length) return `未找到文号为 ${doc} 的记录`;
  const codes = Object.entries(e.subject.codes).filter(([k]) => k !== 'idMasked' && k !== 'idType').map(([, v]) => v);
  let narrowed = candidates;
  if (codes.length) {
    narrowed = candidates.filter((g) => g.subjectId !== undefined && (codes.includes(g.subjectId)
      || Object.values(g.first.subject.codes).some((v) => codes.includes(v!))));
    if (!narrowed.length) return `文号为 ${doc} 的记录不属于代码 ${codes.join('、')} 的主体`;
  } else if (e.subject.name) {
    narrowed = candidates.filter((g) => nameKey(g.first.subject.name) === nameKey(e.subject.name!));
    if (!narrowed.length) return `文号为 ${doc} 的记录不属于“${e.subject.name}”`;
  }
  if (new Set(narrowed.map((g) => g.subjectId)).size > 1) return `文号 ${doc} 对应多个主体的记录，请在该行写明统一社会信用代码`;
  return narrowed;
}

export function resolve(accepted: Accepted[], today: string, config: DisclosureConfig = DEFAULT_DISCLOSURE_CONFIG): Resolved {
  const warnings: RowIssue[] = [];
  const recordsIn = accepted.filter((a): a is Accepted & { value: RecordFields } => a.value.kind !== 'removal' && a.value.kind !== 'objection');
  const eventsIn = accepted.filter((a): a is Accepted & { value: Removal | Objection } => a.value.kind === 'removal' || a.value.kind === 'objection');
  // Each row's name as a key, made once: the subject index, the identity warnings and the records all ask for it.
  const keys = recordsIn.map((a) => nameKey((a.subject as SubjectRef).name));
  const index = new SubjectIndex(recordsIn.map((a) => a.subject as SubjectRef), keys);

  // Group rows into records; the first row (source order, then row order) wins each field.
  interface Group { id: string; subjectId: string; first: Accepted & { value: RecordFields; subject: SubjectRef }; sources: Provenance[]; names: string[]; order: number }
  const groups = new Map<string, Group>();
  let merged = 0;
  // For the identity warnings: the names seen per code (valid, or with a wrong check character), in the order first
  // seen. A code's first name is kept as it is; a map of them is made only for a code seen under a second name.
  const namesByCode = new Map<string, { key: string; name: string; names?: Map<string, string>; at: Accepted }>();
  for (const [i, raw] of recordsIn.entries()) {
    const a = raw as Accepted & { value: RecordFields; subject: SubjectRef };
    const docKey = a.value.docNo ? docNoKey(a.value.docNo) : '';
    const subjectId = index.idOf(a.subject, a.idKey, () => `${a.source.id}|${a.value.docNo ? docKey : `第${a.row}行`}`);
    const code = a.subject.codes.uscc;
    if (code && a.subject.category !== '自然人') {
      const key = keys[i]!;
      const seen = namesByCode.get(code);
      if (!seen) namesByCode.set(code, { key, name: a.subject.name, at: a });
      else if (seen.names) {
        if (!seen.names.has(key)) seen.names.set(key, a.subject.name);
      } else if (seen.key !== key) seen.names = new Map([[seen.key, seen.name], [key, a.subject.name]]);
    }
    const id = recordId(a.value, subjectId, docKey);
    const prov: Provenance = { source: a.source.id, title: a.source.title, publisher: a.source.publisher, row: a.row };
    const g = groups.get(id);
    if (!g) { groups.set(id, { id, subjectId, first: a, sources: [prov], names: [a.subject.name], order: groups.size }); continue; }
    merged++;
    g.sources.push(prov);
    g.names.push(a.subject.name);
    const diff = Object.keys(a.value).filter((k) => !same((a.value as Record<string, unknown>)[k], (g.first.value as Record<string, unknown>)[k]));
    warnings.push({
      source: a.source.id, row: a.row, column: '—',
      reason: `与来源 ${g.first.source.id} 第 ${g.first.row} 行为同一${a.value.docNo ? `决定（${a.value.docNo}）` : '记录'}，已合并${diff.length ? `；字段 ${diff.join('、')} 不一致，保留先出现的值` : ''}`,
    });
  }
  const renamed = [...namesByCode].flatMap(([code, { names, at }]) => (names ? [{ code, names, at }] : []));
  for (const { code, names, at } of renamed.sort((x, y) => (x.code < y.code ? -1 : 1))) {
    const list = [...names.values()].join('、');
    warnings.push({
      source: at.source.id, row: at.row, column: '统一社会信用代码',
      reason: validUscc(code)
        ? `统一社会信用代码 ${code} 出现在 ${names.size} 个名称下（${list}），视为同一主体的名称变更，其他名称作为曾用名显示`
        : `校验位错误的代码 ${code} 出现在 ${names.size} 个不同名称下（${list}），按名称分为 ${names.size} 个主体，不合并；请向来源单位核实正确代码`,
    });
  }

  // Events name a record by its 文号; a code or name given with it narrows the match.
  const byDoc = new Map<string, Group[]>();
  for (const g of groups.values()) {
    const doc = g.first.value.docNo;
    if (!doc) continue;
    const k = docNoKey(doc);
    const list = byDoc.get(k);
    if (list) list.push(g);
    else byDoc.set(k, [g]);
  }
  const removals = new Map<string, { date: string; method: string }>();
  const objections = new Map<string, { value: Objection; at: Accepted }>();
  for (const e of eventsIn) {
    const targets = eventTargets(e, byDoc.get(docNoKey(e.value.docNo)) ?? []);
    const what = e.value.kind === 'removal' ? '修复/移出' : '异议';
    if (typeof targets === 'string') {
      warnings.push({ source: e.source.id, row: e.row, column: '决定书文号', reason: `${targets}，该${what}未生效` });
      continue;
    }
    for (const g of targets) {
      if (e.value.kind === 'removal') {
        const prev = removals.get(g.id);
        if (!prev || e.value.date < prev.date) removals.set(g.id, { date: e.value.date, method: e.value.method });
      } else {
        const prev = objections.get(g.id);
        if (!prev || e.value.received >= prev.value.received) objections.set(g.id, { value: e.value, at: e });
      }
    }
  }

  const byState = Object.fromEntries(DISCLOSURE_STATES.map((s) => [s, 0])) as Record<DisclosureState, number>;
  const withheldBySource: Record<string, number> = {};
  const publishedBySource: Record<string, number> = {};
  const records: PublishedRecord[] = [];
  const subjectRefs = new Map<string, { refs: SubjectRef[]; ids: string[]; names: string[]; latest: { date: string; order: number; name: string } }>();
  for (const g of [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const objectionEvent = objections.get(g.id);
    const objection = objectionEvent?.value;
    const disclosure = disclosureState({
      record: g.first.value,
      subjectCategory: g.first.subject.category,
      regime: g.first.source.regime,
      events: {
        removal: removals.get(g.id),
        objection: objection && { received: objection.received, status: objection.status, closed: objection.closed },
      },
    }, today, config);
    byState[disclosure.state]++;
    const v = g.first.value;
    if (v.kind === 'penalty' && penaltyTierOf(v, g.first.subject.category, config).amountUnknown && isPublic(disclosure)) {
      warnings.push({
        source: g.first.source.id, row: g.first.row, column: '罚款金额',
        reason: `处罚类别含罚款但金额空缺：金额不明不按“较低数额罚款”处理，按${disclosure.tier}失信公示；请向来源单位补全金额`,
      });
    }
    const due = objection && config.objection.verificationWorkingDays !== undefined && objectionOpen(objection, today)
      ? objectionDue(objection.received, config.objection.verificationWorkingDays) : undefined;
    if (due && today > due) {
      warnings.push({
        source: objectionEvent!.at.source.id, row: objectionEvent!.at.row, column: '处理状态',
        reason: `异议（${objection!.docNo}）自 ${objection!.received} 受理，已超过核实期限（${config.objection.verificationWorkingDays} 个工作日，应于 ${due} 前办结）仍在核实中`,
      });
    }
    const src = g.first.source.id;
    if (!isPublic(disclosure)) {
      withheldBySource[src] = (withheldBySource[src] ?? 0) + 1;
      continue;
    }
    publishedBySource[src] = (publishedBySource[src] ?? 0) + 1;
    // The schema gives its fields in its own order, whatever the order of the object it checks.
    const record = PublishedRecordSchema.parse({ ...g.first.value, id: g.id, subjectId: g.subjectId, disclosure, sources: g.sources });
    records.push(record);
    const date = recordDate(g.first.value);
    const entry = subjectRefs.get(g.subjectId) ?? { refs: [], ids: [], names: [], latest: { date, order: g.order, name: g.first.subject.name } };
    // A subject is named as its latest record names it (名称变更); a tie goes to the source read first.
    if (date > entry.latest.date || (date === entry.latest.date && g.order < entry.latest.order)) entry.latest = { date, order: g.order, name: g.first.subject.name };
    entry.refs.push(g.first.subject);
    entry.names.push(...g.names);
    entry.ids.push(g.id);
    subjectRefs.set(g.subjectId, entry);
  }

  const subjects: Subject[] = [...subjectRefs.keys()].sort().map((id) => {
    const { refs, ids, names, latest } = subjectRefs.get(id)!;
    const codes: SubjectCodes = {};
    // A subject keyed by a USCC shows that code, not a mistyped variant one of its rows carried.
    if (!id.includes('-')) codes.uscc = id;
    for (const r of refs) for (const [k, v] of Object.entries(r.codes) as [keyof SubjectCodes, string][]) codes[k] ??= v;
    const name = latest.name;
    return SubjectSchema.parse({
      id,
      name,
      category: refs[0]!.category,
      codes,
      legalRep: refs.find((r) => r.legalRep)?.legalRep,
      aliases: [...new Set(names.filter((n) => n !== name))].sort(),
      recordIds: ids,
    });
  });

  return { subjects, records, withheldBySource, publishedBySource, byState, merged, events: eventsIn.length, warnings };
}
