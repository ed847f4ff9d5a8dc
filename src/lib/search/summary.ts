/**
 * What a search result needs to follow the visitor's date without fetching the subject's page: each public
 * record's id, kind, date, last day of disclosure, authority and title, packed into one string, and the code shown
 * with the name.
 * Written by the index build (stubs.ts) as the id of an empty element of the stub, which Pagefind hands back in the
 * result's `anchors` without indexing it, and read by the search page. Not as Pagefind metadata: since Pagefind
 * 1.5 every metadata value is indexed as words too, and the packed records were a third of the indexer's memory
 * (docs/scale.md).
 */
import type { RecordKind } from '../schemas/common.ts';

/**
 * Each kind's one-letter code (its module's searchCode: SEARCH_CODES in ../kinds/index.ts). Passed in rather
 * than imported: the kind modules carry their schemas, which the search page must not download.
 */
export type KindCodes = Record<RecordKind, string>;

/** The end of a record whose source gives none: it is shown until a later build says otherwise. */
export const NO_END = '9999-12-31';

export interface RecordSummary { id: string; kind: RecordKind; date: string; end: string; authority?: string; title?: string }

/** "id,K,date,end;…": about 40 characters a record (the authority is the card's, below). */
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

/** The anchor that carries a result's card. */
const CARD = 'card:';
const SEPARATORS: Record<string, string> = { '|': '｜', '~': '～', ',': '，', ';': '；' };
/**
 * A text as the card holds it: its separators in their full-width forms, and a run of spaces (which Pagefind
 * drops from ids) as a middle dot.
 */
export const cardText = (text: string) => text.replace(/[|~,;]/g, (c) => SEPARATORS[c]!).replace(/\s+/g, '·');

/**
 * The id of the stub's card element: `card:` + the code shown + `|` + the authorities of its records (~ between)
 * + `|` + the packed records, each with the place of its authority in that list and its title as further fields.
 */
export function packCard(code: string | undefined, list: RecordSummary[], codes: KindCodes): string {
  const authorities = [...new Set(list.map((r) => cardText(r.authority ?? '')))];
  const recs = list.map((r) => `${r.id},${codes[r.kind]},${r.date},${r.end},${authorities.indexOf(cardText(r.authority ?? ''))},${cardText(r.title ?? '')}`).join(';');
  return `${CARD}${cardText(code ?? '')}|${authorities.join('~')}|${recs}`;
}

/**
 * A result's card from its anchors; from an older index's metadata (`code`, `recs`: no authorities or titles)
 * where it has none, as a province's portal may merge another portal's index built before the card.
 */
export function unpackCard(anchors: readonly { id?: string }[] | undefined, meta: Record<string, string>, codes: KindCodes): { code: string; recs: RecordSummary[] } {
  const id = anchors?.find((a) => a.id?.startsWith(CARD))?.id;
  if (!id) return { code: meta.code ?? '', recs: unpackRecords(meta.recs, codes) };
  const [code = '', authorities = '', packed = ''] = id.slice(CARD.length).split('|');
  const names = authorities.split('~');
  const recs = packed ? packed.split(';').map((entry) => {
    const fields = entry.split(',');
    const [r] = unpackRecords(fields.slice(0, 4).join(','), codes);
    return { ...r!, authority: names[Number(fields[4])], title: fields[5] };
  }) : [];
  return { code, recs };
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

