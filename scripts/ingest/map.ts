/**
 * Stage "map": a source's columns to schema fields (each column taken once), and each row to a validated
 * record or event — or to a rejection naming the row, the source's own column and what to do.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { classifyCode } from '../../src/lib/credit-code.ts';
import { parseDate, parseYear } from '../../src/lib/dates.ts';
import { maskIdNumber, scrubPersonalNumbers } from '../../src/lib/mask.ts';
import type { SourceKind, SubjectCategory } from '../../src/lib/schemas/common.ts';
import {
  BlacklistFieldsSchema, CommitmentFieldsSchema, EventSubjectSchema, LicenseFieldsSchema, ObjectionSchema, PenaltyFieldsSchema,
  RedlistFieldsSchema, RemovalSchema, SubjectRefSchema, type EventSubject, type Objection, type RecordFields, type Removal,
} from '../../src/lib/schemas/record.ts';
import type { SourceDescriptor } from '../../src/lib/schemas/source.ts';
import type { SubjectCodes } from '../../src/lib/schemas/subject.ts';
import { cleanCell, displayName, headerKey, normalizeCode } from '../../src/lib/text.ts';
import { aliasIndex, fieldLabel, type FieldDef } from './fields.ts';
import {
  ID_TYPE, LICENSE_CATEGORY, OBJECTION_STATUS, PROCEDURE, REMOVAL_METHOD, SEVERITY, SUBJECT_CATEGORY, lookup, lookupKey,
  parseAmountWan, splitPenaltyCategories,
} from './values.ts';

export interface ColumnMap {
  /** For each column index, the field it feeds (or null). */
  fields: (FieldDef | null)[];
  /** Cleaned header names, by column index, as messages quote them. */
  columns: string[];
  unused: string[];
  mapped: Record<string, string>;
  /** Descriptor `columns` entries whose header is not in the file. */
  unmatched: string[];
  notes: { column: string; reason: string }[];
}

/** Map a header to fields: descriptor `columns` first, then the dictionary; a field is taken once. */
export function mapColumns(kind: SourceKind, header: string[], desc: Pick<SourceDescriptor, 'columns'>): ColumnMap {
  const index = aliasIndex(kind);
  const overrides = new Map(Object.entries(desc.columns).map(([h, f]) => [headerKey(h), f]));
  const byField = new Map<string, FieldDef>();
  for (const def of index.values()) if (!byField.has(def.field)) byField.set(def.field, def);
  const taken = new Set<string>();
  const out: ColumnMap = { fields: [], columns: header.map((h, i) => cleanCell(h) || `第${i + 1}列`), unused: [], mapped: {}, unmatched: [], notes: [] };
  const present = new Set(header.map(headerKey));
  for (const h of Object.keys(desc.columns)) if (!present.has(headerKey(h))) out.unmatched.push(h);
  header.forEach((raw, i) => {
    const h = cleanCell(raw);
    const key = headerKey(raw);
    const override = overrides.get(key);
    let def: FieldDef | undefined;
    if (override !== undefined) {
      // Field names were checked when the descriptor was loaded; '' means "do not use this column".
      def = byField.get(override);
    } else {
      def = index.get(key);
    }
    if (!def || !h) {
      out.fields.push(null);
      if (h) out.unused.push(h);
      return;
    }
    if (taken.has(def.field) && !def.multi) {
      out.fields.push(null);
      out.unused.push(h);
      out.notes.push({ column: h, reason: `与前面的列同为“${def.label}”，只取第一列` });
      return;
    }
    taken.add(def.field);
    out.fields.push(def);
    out.mapped[h] = def.field;
  });
  return out;
}

export interface RowIssueLocal { column: string; reason: string }

export type Mapped =
  | {
    ok: true; value: RecordFields | Removal | Objection; subject: EventSubject; warnings: RowIssueLocal[];
    /** HMAC-SHA-256 of a person's raw ID number under the deployment's secret: their identity, never shown. */
    idKey?: string;
  }
  | { ok: false; issues: RowIssueLocal[]; warnings: RowIssueLocal[] };

/** What a run of mapRow over one source used of its descriptor, to report what was not. */
export interface DescriptorUsage { values: Set<string>; defaults: Set<string> }
export const newUsage = (): DescriptorUsage => ({ values: new Set(), defaults: new Set() });

export interface MapContext {
  usage: DescriptorUsage;
  /** Key of the HMAC that identifies natural persons. */
  secret: string;
}

/** A person's identity: HMAC-SHA-256 of the normalised ID number, taken before masking. */
export const personKey = (secret: string, rawId: string) => createHmac('sha256', secret).update(rawId.toUpperCase()).digest('hex');

interface Cell { value: string; column: string }

const RECORD_SCHEMAS = {
  license: LicenseFieldsSchema, penalty: PenaltyFieldsSchema, redlist: RedlistFieldsSchema,
  blacklist: BlacklistFieldsSchema, commitment: CommitmentFieldsSchema, removal: RemovalSchema, objection: ObjectionSchema,
} as const;

const DATE_FIELDS = new Set(['decisionDate', 'validFrom', 'validTo', 'publishedOn', 'publishUntil', 'listedOn', 'committedOn', 'date', 'received', 'closed']);
const CODE_FIELDS = ['uscc', 'regNo', 'orgCode', 'taxNo', 'code'] as const;
const TEXT_SKIP = new Set(['subjectName', 'subjectCategory', 'idType', 'idNumber', 'legalRep', ...CODE_FIELDS, 'instCert', 'socialOrgCert', 'categories', 'fineWan', 'confiscatedWan', 'evaluationYear', 'procedure', 'severity', 'method', 'status']);

const PLACEHOLDER = /^[-—－–/／\\]+$/;

/** Legal representative cells sometimes carry gender and (masked) ID: keep the name only. */
function repName(raw: string): string {
  return raw.split(/[、,，;；\s]/)[0]!.trim();
}

/**
 * Turn one row into a record or event. `cells` are aligned with `map.fields`. Values pass through the
 * descriptor's look-ups and defaults, are normalised, and are validated with the shared zod schema.
 */
export function mapRow(
  kind: SourceKind, cells: string[], map: ColumnMap, desc: Pick<SourceDescriptor, 'values' | 'defaults' | 'title'>, ctx: MapContext,
): Mapped {
  const issues: RowIssueLocal[] = [];
  const warnings: RowIssueLocal[] = [];
  const got = new Map<string, Cell[]>();
  const isEvent = kind === 'removal' || kind === 'objection';
  map.fields.forEach((def, i) => {
    if (!def) return;
    let value = cleanCell(cells[i] ?? '');
    // A lone dash or slash is how exports and scrapes write "empty".
    if (!value || PLACEHOLDER.test(value)) return;
    // The descriptor's look-up for this field, whatever the field: { listName: { C: … } }.
    const table = desc.values[def.field];
    if (table) {
      const k = lookupKey(value);
      const hit = Object.keys(table).find((raw) => lookupKey(raw) === k);
      if (hit !== undefined) {
        ctx.usage.values.add(`${def.field}.${hit}`);
        value = cleanCell(table[hit]!);
        if (!value) return;
      }
    }
    const list = got.get(def.field) ?? [];
    list.push({ value: def.unit === 'yuan' ? `${value}元` : value, column: map.columns[i]! });
    got.set(def.field, list);
  });
  for (const [field, value] of Object.entries(desc.defaults)) {
    if (!got.has(field) && String(value).trim()) {
      ctx.usage.defaults.add(field);
      got.set(field, [{ value: String(value), column: `${fieldLabel(kind, field)}（描述文件默认值）` }]);
    }
  }
  // A list without a 名单名称 column or default is the list the source's title names.
  if ((kind === 'redlist' || kind === 'blacklist') && !got.has('listName')) {
    got.set('listName', [{ value: desc.title, column: '名单名称（来源标题）' }]);
  }
  const first = (field: string) => got.get(field)?.[0];
  const columnOf = (field: string) => first(field)?.column ?? fieldLabel(kind, field);
  const look = <T extends string>(field: string, table: Record<string, T>): T | undefined => {
    const c = first(field);
    if (!c) return undefined;
    const hit = lookup<T>(c.value, table);
    if (hit === undefined) issues.push({ column: c.column, reason: `“${c.value}”不是可识别的${fieldLabel(kind, field)}取值（可选：${[...new Set(Object.values(table))].join('、')}）；可在描述文件 values.${field} 中补充对照` });
    return hit;
  };

  // Subject: name, category, codes (classified whatever column they sit in), masked ID.
  const codes: SubjectCodes = {};
  let rawId: string | undefined;
  for (const f of CODE_FIELDS) {
    for (const c of got.get(f) ?? []) {
      const cls = classifyCode(c.value);
      if (!cls) continue;
      if (cls.type === 'residentId') {
        rawId ??= cls.value;
        if (f !== 'code') warnings.push({ column: c.column, reason: `该列的值是居民身份证号码形式（${maskIdNumber(cls.value)}），按个人证件号码处理，只显示脱敏后的号码` });
        continue;
      }
      if (cls.warning) warnings.push({ column: c.column, reason: cls.warning });
      if (cls.type === 'damaged') continue;
      const slot = cls.type === 'other' ? 'other' : cls.type;
      if (codes[slot] === undefined) codes[slot] = cls.value;
      else if (codes[slot] !== cls.value) warnings.push({ column: c.column, reason: `同一行出现两个不同的${fieldLabel(kind, f)}，保留 ${codes[slot]}` });
    }
  }
  for (const f of ['instCert', 'socialOrgCert'] as const) if (first(f)) codes[f] = first(f)!.value;
  const idCell = first('idNumber');
  if (idCell) rawId = normalizeCode(idCell.value);
  if (rawId) {
    codes.idMasked = maskIdNumber(rawId);
    codes.idType = (first('idType') && lookup(first('idType')!.value, ID_TYPE)) ?? '身份证';
  }
  let category: SubjectCategory | undefined = first('subjectCategory') ? look('subjectCategory', SUBJECT_CATEGORY) : undefined;
  if (!first('subjectCategory')) {
    category = codes.uscc?.startsWith('92') ? '个体工商户'
      : rawId && !codes.uscc && !codes.regNo && !codes.orgCode && !codes.taxNo ? '自然人' : '法人及非法人组织';
  }
  const legal = first('legalRep');
  const subject = {
    name: first('subjectName') ? displayName(first('subjectName')!.value) : isEvent ? undefined : '',
    category: category ?? '法人及非法人组织',
    codes,
    legalRep: legal && category !== '自然人' ? repName(legal.value) || undefined : undefined,
  };

  // Fields of the kind.
  const fields: Record<string, unknown> = { kind };
  for (const [field, list] of got) {
    if (TEXT_SKIP.has(field)) continue;
    const c = list[0]!;
    if (DATE_FIELDS.has(field)) {
      // "长期" in an end-date column means the publisher set no end: the field is left empty.
      if ((field === 'validTo' || field === 'publishUntil') && /^(长期|永久|长期有效|无期限|—|-|\/)$/.test(c.value)) continue;
      const d = parseDate(c.value);
      if (d) fields[field] = d;
      else issues.push({ column: c.column, reason: `无法识别的日期“${c.value}”，请使用 2026-03-05、2026年3月5日 等格式` });
      continue;
    }
    fields[field] = scrubPersonalNumbers(c.value);
  }
  if (got.has('evaluationYear')) {
    const c = first('evaluationYear')!;
    const y = parseYear(c.value);
    if (y) fields.evaluationYear = y;
    else issues.push({ column: c.column, reason: `无法识别的年度“${c.value}”，应为四位年份` });
  }
  if (kind === 'penalty') {
    const cats = got.get('categories') ?? [];
    const split = splitPenaltyCategories(cats.map((c) => c.value).join(';'));
    fields.categories = split.categories;
    if (split.unknown.length) warnings.push({ column: cats[0]!.column, reason: `处罚类别“${split.unknown.join('、')}”不在行政处罚法第九条所列类别中，按“其他”处理` });
    for (const f of ['fineWan', 'confiscatedWan'] as const) {
      const c = first(f);
      if (!c) continue;
      const n = parseAmountWan(c.value);
      if (n === null) issues.push({ column: c.column, reason: `金额“${c.value}”不是数字；金额以万元计，如 0.2 表示 2000 元` });
      else fields[f] = n;
    }
    if (first('procedure')) fields.procedure = look('procedure', PROCEDURE);
    if (first('severity')) fields.severity = look('severity', SEVERITY);
  }
  if (kind === 'license' && typeof fields.licenseCategory === 'string') {
    fields.licenseCategory = lookup(fields.licenseCategory, LICENSE_CATEGORY) ?? fields.licenseCategory;
  }
  if (kind === 'license' && first('status')) fields.status = first('status')!.value;
  if (kind === 'license' && !fields.decisionDate && typeof fields.validFrom === 'string') {
    fields.decisionDate = fields.validFrom;
    warnings.push({ column: columnOf('validFrom'), reason: `缺少许可决定日期，以有效期自 ${fields.validFrom} 作为决定日期` });
  }
  if (kind === 'license' && !fields.docNo) warnings.push({ column: columnOf('docNo'), reason: '缺少行政许可决定文书号；该记录的链接由其他字段生成' });
  if (kind === 'removal' && first('method')) fields.method = look('method', REMOVAL_METHOD);
  if (kind === 'removal' && !first('method')) fields.method = '信用修复';
  if (kind === 'objection' && first('status')) fields.status = look('status', OBJECTION_STATUS);

  const subjectCheck = (isEvent ? EventSubjectSchema : SubjectRefSchema).safeParse(subject);
  if (!subjectCheck.success) for (const issue of subjectCheck.error.issues) issues.push({ column: columnOf(issue.path[0] === 'name' ? 'subjectName' : String(issue.path[0])), reason: issue.message });
  const schema = RECORD_SCHEMAS[kind] as z.ZodType;
  const candidate = kind === 'removal' || kind === 'objection' ? { ...fields, subject } : fields;
  const checked = schema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (field === 'subject') continue;
      // Invalid values were already reported with their cell; only report what zod adds.
      if (issues.some((i) => i.column === columnOf(field))) continue;
      issues.push({ column: columnOf(field), reason: issue.code === 'invalid_type' && issue.input === undefined ? `缺少${fieldLabel(kind, field)}` : issue.message });
    }
  }
  if (issues.length || !checked.success || !subjectCheck.success) return { ok: false, issues, warnings };
  const value = checked.data as RecordFields | Removal | Objection;
  if ('decisionDate' in value && value.kind === 'penalty' && value.publishUntil && value.publishUntil < value.decisionDate) {
    warnings.push({ column: columnOf('publishUntil'), reason: `公示截止期 ${value.publishUntil} 早于处罚决定日期，已忽略` });
  }
  return { ok: true, value, subject: subjectCheck.data, warnings, idKey: rawId ? personKey(ctx.secret, rawId) : undefined };
}
