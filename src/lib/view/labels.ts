import type { DisclosureState, RecordKind } from '../schemas/common.ts';

/** Section titles on a subject page, in the order a reader looks for them. */
export const SECTION_ORDER: { kind: RecordKind; title: string }[] = [
  { kind: 'blacklist', title: '严重失信' },
  { kind: 'redlist', title: '守信激励' },
  { kind: 'penalty', title: '行政处罚' },
  { kind: 'license', title: '行政许可' },
  { kind: 'commitment', title: '信用承诺' },
];

/** Text colour classes with AA contrast on white for each state badge. */
export const STATE_CLASS: Record<DisclosureState, string> = {
  公示中: 'bg-blue-50 text-blue-900 ring-blue-700',
  可申请修复: 'bg-green-50 text-green-900 ring-green-700',
  异议核实中: 'bg-amber-50 text-amber-900 ring-amber-700',
  已届满: 'bg-gray-100 text-gray-800 ring-gray-600',
  不予公示: 'bg-gray-100 text-gray-800 ring-gray-600',
  已修复: 'bg-gray-100 text-gray-800 ring-gray-600',
};
