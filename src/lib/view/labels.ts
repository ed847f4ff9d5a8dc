import { KINDS, SECTION_ORDER as KIND_ORDER } from '../kinds/index.ts';
import type { DisclosureState, RecordKind } from '../schemas/common.ts';
import type { ReadOn } from './lists.ts';

/** Sections of a subject page, in the order a reader looks for them, titled by each kind's module. */
export const SECTION_ORDER: { kind: RecordKind; title: string }[] = KIND_ORDER.map((kind) => ({ kind, title: KINDS[kind].section }));

/** Badge colours with AA contrast for each state. */
export const STATE_CLASS: Record<DisclosureState, string> = {
  公示中: 'bg-blue-50 text-blue-900 ring-blue-800',
  可申请修复: 'bg-green-50 text-green-900 ring-green-800',
  异议核实中: 'bg-amber-50 text-amber-950 ring-amber-800',
  已届满: 'bg-gray-100 text-gray-900 ring-gray-700',
  不予公示: 'bg-gray-100 text-gray-900 ring-gray-700',
  已修复: 'bg-gray-100 text-gray-900 ring-gray-700',
};

/** A month of a list (YYYY-MM) as a reader says it: 2026年1月. */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** Where a list's first page says to read on: 接着看更早的记录：2026年1月第 2 页. */
export const moreLabel = (more: Pick<ReadOn, 'month' | 'page'>) => `接着看更早的记录：${monthLabel(more.month)}${more.page > 1 ? `第 ${more.page} 页` : ''}`;
