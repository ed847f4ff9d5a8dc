/**
 * The static 文号 lookup: a decision's number in any bracket style (〔〕 [] () 【】 ［］ ﹝﹞, half- or full-width,
 * with or without spaces) → the records carrying it, split into shards by a hash of the normalised number so that
 * one small request (/docno/{shard}.json) finds it. Shared by the build and the search page.
 */
import { toHalfWidth } from '../text.ts';
import { hashShards } from './codes.ts';

const OPEN = /[〔\[(（【［﹝〖｛{]/g;
const CLOSE = /[〕\])）】］﹞〗｝}]/g;

/** Brackets as [], half-width, no spaces, upper case. */
const folded = (docNo: string) => toHalfWidth(docNo).replace(OPEN, '[').replace(CLOSE, ']').replace(/[\s\u00a0]+/g, '').toUpperCase();

/**
 * One spelling of a 文号: brackets as [], half-width, no spaces, upper case; and the serial after the bracketed
 * year as a number, so that 〔2022〕08772号, [2022]8772号, [2022]第8772号 and [2022]8772 are one 文号, as they are one
 * decision however a publisher or a reader writes the number. The search index does not hold 文号 (stubs.ts), so
 * this lookup is how a 文号 is found.
 */
export function normalizeDocNo(docNo: string): string {
  return folded(docNo).replace(/\]第?0*(\d+)号?$/, ']$1');
}

/** A query that may be a 文号: a four-digit year in brackets, or digits followed by 号. */
export function isDocNoLike(q: string): boolean {
  const n = folded(q);
  return /\[(19|20)\d\d\]/.test(n) || /\d号$/.test(n);
}

/** What the search page shows of a record found by its 文号. */
export interface DocNoHit {
  /** Record id (its permalink is /record/{id}/). */
  id: string;
  /** Subject name. */
  name: string;
  /** Record kind label and title. */
  title: string;
  /** Decision or listing date. */
  date: string;
  /** Last day of disclosure: the page hides the hit after it. */
  end: string;
}

export type DocNoShard = Record<string, DocNoHit[]>;

/** shard name → { normalised 文号 → hits } for every record with a 文号. */
export function docNoShards(hits: Iterable<[docNo: string, hit: DocNoHit]>): { digits: number; shards: Map<string, DocNoShard> } {
  return hashShards([...hits].map(([docNo, hit]): [string, DocNoHit] => [normalizeDocNo(docNo), hit]));
}
