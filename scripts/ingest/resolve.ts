/**
 * Stage "resolve": one subject per 统一社会信用代码 (else per normalised name and category), duplicate
 * decisions merged deterministically, removals and objections applied, and the disclosure state computed
 * for `today`.
 */
import { createHash } from 'node:crypto';
import { usccCheckChar } from '../../src/lib/credit-code.ts';
import { disclosureState, isPublic } from '../../src/lib/disclosure.ts';
import { DEFAULT_DISCLOSURE_CONFIG, type DisclosureConfig } from '../../src/lib/disclosure-rules.ts';
import { DISCLOSURE_STATES, type DisclosureState } from '../../src/lib/schemas/common.ts';
import {
  PublishedRecordSchema, type Objection, type Provenance, type PublishedRecord, type RecordFields, type Removal, type SubjectRef,
} from '../../src/lib/schemas/record.ts';
import type { SourceDescriptor } from '../../src/lib/schemas/source.ts';
import type { RowIssue } from '../../src/lib/schemas/report.ts';
import { SubjectSchema, type Subject, type SubjectCodes } from '../../src/lib/schemas/subject.ts';
import { nameKey, toHalfWidth } from '../../src/lib/text.ts';

export interface Accepted {
  source: SourceDescriptor;
  row: number;
  value: RecordFields | Removal | Objection;
  subject: SubjectRef;
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

/** Assigns subject ids: USCC first; legacy codes and names link to a USCC subject when unambiguous. */
export class SubjectIndex {
  private byName = new Map<string, Set<string>>();
  private byOrgCode = new Map<string, string>();
  /** First 17 characters of each USCC whose check character is right. */
  private byBody = new Map<string, string>();

  constructor(refs: SubjectRef[]) {
    for (const r of refs) {
      const uscc = r.codes.uscc;
      if (uscc && usccCheckChar(uscc) === uscc[17]) this.byBody.set(uscc.slice(0, 17), uscc);
    }
    for (const r of refs) {
      const uscc = r.codes.uscc;
      if (!uscc || r.category === '自然人') continue;
      const k = `${r.category}|${nameKey(r.name)}`;
      const set = this.byName.get(k) ?? new Set();
      set.add(uscc);
      this.byName.set(k, set);
      if (!this.byOrgCode.has(uscc.slice(8, 17))) this.byOrgCode.set(uscc.slice(8, 17), uscc);
    }
  }

  idOf(r: SubjectRef): string {
    // A code with a wrong check character is a typo of the valid code with the same first 17 characters.
    if (r.codes.uscc) return usccCheckChar(r.codes.uscc) === r.codes.uscc[17] ? r.codes.uscc : this.byBody.get(r.codes.uscc.slice(0, 17)) ?? r.codes.uscc;
    if (r.category === '自然人') return `p-${hash(`自然人|${nameKey(r.name)}|${r.codes.idMasked ?? ''}`)}`;
    const viaOrg = (r.codes.orgCode && this.byOrgCode.get(r.codes.orgCode))
      || (r.codes.taxNo?.length === 15 && this.byOrgCode.get(r.codes.taxNo.slice(6)));
    if (viaOrg) return viaOrg;
    const named = this.byName.get(`${r.category}|${nameKey(r.name)}`);
    if (named?.size === 1) return [...named][0]!;
    return `n-${hash(`${r.category}|${nameKey(r.name)}`)}`;
  }
}

const PREFIX = { license: 'xk', penalty: 'cf', redlist: 'hong', blacklist: 'hei', commitment: 'cn' } as const;

/** Stable record id: the same decision gets the same permalink in every build. */
export function recordId(r: RecordFields, subjectId: string): string {
  const doc = r.docNo ? docNoKey(r.docNo) : '';
  let key: string;
  switch (r.kind) {
    case 'penalty': key = doc; break;
    case 'license': key = doc || r.licenseNo || `${r.decisionDate}|${r.certName ?? ''}|${r.content ?? ''}`; break;
    case 'redlist': key = `${r.listName}|${doc || `${r.listedOn ?? r.evaluationYear}|${r.authority}`}`; break;
    case 'blacklist': key = `${r.listName}|${doc || `${r.listedOn}|${r.authority}`}`; break;
    case 'commitment': key = doc || `${r.commitmentType}|${r.committedOn}|${r.authority}`; break;
  }
  return `${PREFIX[r.kind]}-${hash(`${r.kind}|${subjectId}|${key}`)}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function resolve(accepted: Accepted[], today: string, config: DisclosureConfig = DEFAULT_DISCLOSURE_CONFIG): Resolved {
  const warnings: RowIssue[] = [];
  const recordsIn = accepted.filter((a): a is Accepted & { value: RecordFields } => a.value.kind !== 'removal' && a.value.kind !== 'objection');
  const eventsIn = accepted.filter((a): a is Accepted & { value: Removal | Objection } => a.value.kind === 'removal' || a.value.kind === 'objection');
  const index = new SubjectIndex(recordsIn.map((a) => a.subject));

  // Group rows into records; the first row (source order, then row order) wins each field.
  interface Group { id: string; subjectId: string; first: Accepted & { value: RecordFields }; sources: Provenance[]; names: string[] }
  const groups = new Map<string, Group>();
  let merged = 0;
  for (const a of recordsIn) {
    const subjectId = index.idOf(a.subject);
    const id = recordId(a.value, subjectId);
    const prov: Provenance = { source: a.source.id, title: a.source.title, publisher: a.source.publisher, row: a.row };
    const g = groups.get(id);
    if (!g) { groups.set(id, { id, subjectId, first: a, sources: [prov], names: [a.subject.name] }); continue; }
    merged++;
    g.sources.push(prov);
    g.names.push(a.subject.name);
    const diff = Object.keys(a.value).filter((k) => !same((a.value as Record<string, unknown>)[k], (g.first.value as Record<string, unknown>)[k]));
    warnings.push({
      source: a.source.id, row: a.row, column: '—',
      reason: `与来源 ${g.first.source.id} 第 ${g.first.row} 行为同一${a.value.docNo ? `决定（${a.value.docNo}）` : '记录'}，已合并${diff.length ? `；字段 ${diff.join('、')} 不一致，保留先出现的值` : ''}`,
    });
  }

  // Events: matched by subject and 文号, or by 文号 alone when it names exactly one subject's records.
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
  const objections = new Map<string, Objection>();
  for (const e of eventsIn) {
    const subjectId = index.idOf(e.subject);
    const candidates = byDoc.get(docNoKey(e.value.docNo)) ?? [];
    let targets = candidates.filter((g) => g.subjectId === subjectId);
    if (!targets.length && new Set(candidates.map((g) => g.subjectId)).size === 1) targets = candidates;
    if (!targets.length) {
      warnings.push({ source: e.source.id, row: e.row, column: '决定书文号', reason: `未找到“${e.subject.name}”文号为 ${e.value.docNo} 的记录，该${e.value.kind === 'removal' ? '修复/移出' : '异议'}未生效` });
      continue;
    }
    for (const g of targets) {
      if (e.value.kind === 'removal') {
        const prev = removals.get(g.id);
        if (!prev || e.value.date < prev.date) removals.set(g.id, { date: e.value.date, method: e.value.method });
      } else {
        const prev = objections.get(g.id);
        if (!prev || e.value.received >= prev.received) objections.set(g.id, e.value);
      }
    }
  }

  const byState = Object.fromEntries(DISCLOSURE_STATES.map((s) => [s, 0])) as Record<DisclosureState, number>;
  const withheldBySource: Record<string, number> = {};
  const publishedBySource: Record<string, number> = {};
  const records: PublishedRecord[] = [];
  const subjectRefs = new Map<string, { refs: SubjectRef[]; ids: string[]; names: string[] }>();
  for (const g of [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const { kind, ...fields } = g.first.value;
    const objection = objections.get(g.id);
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
    const src = g.first.source.id;
    if (!isPublic(disclosure)) {
      withheldBySource[src] = (withheldBySource[src] ?? 0) + 1;
      continue;
    }
    publishedBySource[src] = (publishedBySource[src] ?? 0) + 1;
    const record = PublishedRecordSchema.parse({ id: g.id, kind, subjectId: g.subjectId, subject: g.first.subject, ...fields, disclosure, sources: g.sources });
    records.push(record);
    const entry = subjectRefs.get(g.subjectId) ?? { refs: [], ids: [], names: [] };
    entry.refs.push(g.first.subject);
    entry.names.push(...g.names);
    entry.ids.push(g.id);
    subjectRefs.set(g.subjectId, entry);
  }

  const subjects: Subject[] = [...subjectRefs.keys()].sort().map((id) => {
    const { refs, ids, names } = subjectRefs.get(id)!;
    const codes: SubjectCodes = {};
    // A subject keyed by a USCC shows that code, not a mistyped variant one of its rows carried.
    if (!id.includes('-')) codes.uscc = id;
    for (const r of refs) for (const [k, v] of Object.entries(r.codes) as [keyof SubjectCodes, string][]) codes[k] ??= v;
    const name = refs[0]!.name;
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
