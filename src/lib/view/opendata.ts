/**
 * Open data: the public records split by kind and year (a city's single file would be hundreds of MB), each
 * as CSV (UTF-8 with BOM, opens in Excel) and NDJSON, plus the subjects. The /data/ page and the writer
 * (scripts/open-data.ts) both take names and rows from here.
 */
import { RECORD_KINDS } from '../schemas/common.ts';
import { KIND_LABELS } from '../kinds/index.ts';
import type { PublishedRecord, RecordFields } from '../schemas/record.ts';
import type { Subject } from '../schemas/subject.ts';
import { recordDate, recordTitle } from './record.ts';
import { LIST_SLUG, recordUrl } from './urls.ts';

/** The file (without extension) a record is published in: penalty-2026. */
export const openDataName = (r: RecordFields) => `${LIST_SLUG[r.kind]}-${recordDate(r).slice(0, 4)}`;

export interface OpenDataFile { name: string; label: string; count: number }

/** The files and how many records each holds, by kind then newest year first. */
export function openDataFiles(records: PublishedRecord[]): OpenDataFile[] {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(openDataName(r), (counts.get(openDataName(r)) ?? 0) + 1);
  return RECORD_KINDS.flatMap((kind) => [...counts]
    .filter(([name]) => name.startsWith(`${LIST_SLUG[kind]}-`))
    .sort((a, b) => (a[0] < b[0] ? 1 : -1))
    .map(([name, count]) => ({ name, label: `${KIND_LABELS[kind]} ${name.slice(-4)} 年`, count })));
}

export const CSV_HEADER = ['编号', '类别', '主体编号', '主体名称', '主体类别', '统一社会信用代码', '证件号码（脱敏）', '信息', '文号', '机关', '日期', '状态', '公示起', '公示截止', '链接'];

/** One CSV row: the subject's name and codes come from the subject, stored once. */
export function csvRow(r: PublishedRecord, s: Subject): string[] {
  return [
    r.id, KIND_LABELS[r.kind], s.id, s.name, s.category, s.codes.uscc ?? '', s.codes.idMasked ?? '',
    recordTitle(r), r.docNo ?? '', r.authority, recordDate(r), r.disclosure.state, r.disclosure.start, r.disclosure.end ?? '', recordUrl(r.id),
  ];
}
