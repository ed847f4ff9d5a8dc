/**
 * Every record kind, one module each. Adding a kind: write its module (./types.ts says what it holds), add it
 * here and to RECORD_KINDS (src/lib/schemas/common.ts); its section, list, filters, open data and search
 * follow from the module.
 */
import type { RecordKind, SourceKind } from '../schemas/common.ts';
import { blacklist } from './blacklist.ts';
import { commitment } from './commitment.ts';
import { license } from './license.ts';
import { penalty } from './penalty.ts';
import { redlist } from './redlist.ts';
import type { KindModule } from './types.ts';

export const KINDS = { license, penalty, redlist, blacklist, commitment } as const;

/** The module of a record's kind, typed for that record. */
export function kindOf<R extends { kind: RecordKind }>(r: R): KindModule<RecordKind, R> {
  return KINDS[r.kind] as unknown as KindModule<RecordKind, R>;
}

/** Labels of every kind a source may carry: the record kinds' own, and the two kinds of event. */
export const KIND_LABELS: Record<SourceKind, string> = {
  ...(Object.fromEntries(Object.values(KINDS).map((k) => [k.kind, k.label])) as Record<RecordKind, string>),
  removal: '信用修复与移出',
  objection: '异议处理',
};

/** Each kind's one-letter code in the search metadata (src/lib/search/summary.ts). */
export const SEARCH_CODES = Object.fromEntries(Object.values(KINDS).map((k) => [k.kind, k.searchCode])) as Record<RecordKind, string>;

/** Sections of a credit file, in the order a reader looks for them. */
export const SECTION_ORDER: RecordKind[] = ['redlist', 'blacklist', 'license', 'penalty', 'commitment'];
