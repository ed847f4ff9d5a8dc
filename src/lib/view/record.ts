/** How a record is named and dated wherever it is shown: lists, pages, citations and the search index. */
import { KIND_LABELS } from '../schemas/common.ts';
import type { PublishedRecord, RecordFields } from '../schemas/record.ts';

/** The record's own title: violation type, licence, list name or commitment type. */
export function recordTitle(r: PublishedRecord): string {
  switch (r.kind) {
    case 'penalty': return r.violationType ?? '行政处罚决定';
    case 'license': return r.certName ?? r.docName ?? '行政许可决定';
    case 'commitment': return r.commitmentType;
    default: return r.listName;
  }
}

/** The date a reader would cite: decision, listing or commitment date (a yearly rating: 1 January after its year). */
export function recordDate(r: RecordFields): string {
  switch (r.kind) {
    case 'penalty':
    case 'license': return r.decisionDate;
    case 'commitment': return r.committedOn;
    case 'blacklist': return r.listedOn;
    case 'redlist': return r.listedOn ?? `${r.evaluationYear! + 1}-01-01`;
  }
}

/** Label of the authority role for this kind. */
export function authorityRole(r: Pick<PublishedRecord, 'kind'>): string {
  return { penalty: '处罚机关', license: '许可机关', redlist: '认定部门', blacklist: '列入机关', commitment: '受理单位' }[r.kind];
}

export const kindLabel = (r: Pick<PublishedRecord, 'kind'>) => KIND_LABELS[r.kind];

/** The years records were decided or listed in, newest first. */
export function yearsOf(records: PublishedRecord[]): string[] {
  return [...new Set(records.map((r) => recordDate(r).slice(0, 4)))].sort().reverse();
}

/** Newest first, then by id, so every list has one stable order. */
export function byDateDesc(a: PublishedRecord, b: PublishedRecord): number {
  const da = recordDate(a);
  const db = recordDate(b);
  return da < db ? 1 : da > db ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
