/** Data for the list pages: one kind, optionally one year, newest first. */
import type { PaginateFunction } from 'astro';
import { RECORD_KINDS, type RecordKind } from '../schemas/common.ts';
import type { PublishedRecord } from '../schemas/record.ts';
import type { SiteData } from './data.ts';
import { endCounts } from './ends.ts';
import { recordDate, yearsOf } from './record.ts';
import { LIST_SLUG } from './urls.ts';

export const PAGE_SIZE = 50;

export function listContext(data: SiteData, kind: RecordKind) {
  const records = data.records.filter((r) => r.kind === kind);
  const years = yearsOf(records);
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.authority, (counts.get(r.authority) ?? 0) + 1);
  const authorities = [...counts].map(([name, n]) => ({ name, n })).sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, 'zh-CN'));
  return { records, years, authorities };
}

export function listPaths(data: SiteData, paginate: PaginateFunction, byYear: boolean) {
  return RECORD_KINDS.flatMap((kind) => {
    const ctx = listContext(data, kind);
    const props = { kind, years: ctx.years, authorities: ctx.authorities, names: data.names };
    if (!byYear) return paginate(ctx.records, { params: { kind: LIST_SLUG[kind] }, props: { ...props, ends: endCounts(ctx.records) }, pageSize: PAGE_SIZE });
    return ctx.years.flatMap((year) => {
      const list = ctx.records.filter((r: PublishedRecord) => recordDate(r).startsWith(year));
      return paginate(list, { params: { kind: LIST_SLUG[kind], year }, props: { ...props, year, ends: endCounts(list) }, pageSize: PAGE_SIZE });
    });
  });
}
