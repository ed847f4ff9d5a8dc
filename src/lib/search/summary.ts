/**
 * What a search result needs to follow the visitor's date without fetching the subject's page: each public
 * record's id, kind, date and last day of disclosure, packed into one string of the result's metadata.
 * Written by the index build (stubs.ts), read by the search page.
 */
import type { RecordKind } from '../schemas/common.ts';

/**
 * Each kind's one-letter code (its module's searchCode: SEARCH_CODES in ../kinds/index.ts). Passed in rather
 * than imported: the kind modules carry their schemas, which the search page must not download.
 */
export type KindCodes = Record<RecordKind, string>;

/** The end of a record whose source gives none: it is shown until a later build says otherwise. */
export const NO_END = '9999-12-31';

export interface RecordSummary { id: string; kind: RecordKind; date: string; end: string }

/** "id,K,date,end;…": about 40 characters a record. */
export function packRecords(list: RecordSummary[], codes: KindCodes): string {
  return list.map((r) => `${r.id},${codes[r.kind]},${r.date},${r.end}`).join(';');
}

export function unpackRecords(packed: string | undefined, codes: KindCodes): RecordSummary[] {
  if (!packed) return [];
  const KINDS = Object.fromEntries(Object.entries(codes).map(([k, v]) => [v, k])) as Record<string, RecordKind>;
  return packed.split(';').map((entry) => {
    const [id, k, date, end] = entry.split(',') as [string, string, string, string];
    const kind = KINDS[k];
    if (!kind) throw new Error(`unknown record kind ${k} in search metadata`);
    return { id, kind, date, end };
  });
}

export interface LiveSummary {
  /** Records still inside their disclosure period on `today`, by kind. */
  counts: Record<RecordKind, number>;
  /** Ids of those records. */
  live: Set<string>;
  /** On the black list / red list on `today`. */
  blacklisted: boolean;
  redlisted: boolean;
}

/** What is still public on `today` (YYYY-MM-DD): a record whose end is before today has ended. */
export function liveSummary(list: RecordSummary[], today: string): LiveSummary {
  const counts: Record<RecordKind, number> = { license: 0, penalty: 0, redlist: 0, blacklist: 0, commitment: 0 };
  const live = new Set<string>();
  for (const r of list) {
    if (r.end < today) continue;
    counts[r.kind]++;
    live.add(r.id);
  }
  return { counts, live, blacklisted: counts.blacklist > 0, redlisted: counts.redlist > 0 };
}
