/** Pure helpers of the search page, shared with the unit tests. */
import { USCC_ALPHABET } from '../lib/credit-code.ts';
import { ALL_HAN, HAN_SPLIT, charPairs, coveringPairs, pairToken, type PairSpace } from '../lib/search/pairs.ts';
import { toHalfWidth } from '../lib/text.ts';

/** The credit file a search result is about: stubs are indexed as /subject/ID.html (src/lib/search/stubs.ts). */
export function subjectHref(resultUrl: string): string {
  return resultUrl.replace(/\.html$/, '/');
}

/** A query as a code: full-width folded, spaces and dashes removed, upper case. */
export function normalizeQueryCode(q: string): string {
  return toHalfWidth(q).replace(/[\s\-]/g, '').toUpperCase();
}

/** 18 characters of the GB 32100 alphabet. */
export function isUsccShape(code: string): boolean {
  return code.length === 18 && [...code].every((c) => USCC_ALPHABET.includes(c));
}

/** A query that may be a code: 8 to 20 letters and digits, at least one digit (not a name). */
export function isCodeLike(code: string): boolean {
  return /^[0-9A-Z]{8,20}$/.test(code) && /\d/.test(code);
}

/** The visitor's date, YYYY-MM-DD, in their own time zone. */
export function today(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A query as Pagefind should see it: a run of two or more Chinese characters becomes the tokens of pairs covering
 * it (the index holds every pair of every name as a token, src/lib/search/pairs.ts), so that a fragment is found
 * however Pagefind or the browser would cut it; other words (pinyin, codes, Latin names, a single character) stay
 * as typed. `every`: all its adjacent pairs, not just enough to cover it (鑫源恒泰建筑工程: 鑫源 源恒 恒泰 泰建
 * 建筑 筑工 工程), which only a name holding the run itself, or by coincidence, has all of. `space`: vz for a
 * record title's pairs.
 */
export function searchTerms(q: string, every = false, space: PairSpace = 'zz'): string {
  return q.trim().split(/\s+/).flatMap((word) => word.split(HAN_SPLIT).filter(Boolean)
    .flatMap((part) => (part.length >= 2 && ALL_HAN.test(part) ? (every ? charPairs(part) : coveringPairs(part)).map((p) => pairToken(p, space)) : [part]))).join(' ');
}

/**
 * Whether a result holds every pair token of the terms asked for. Pagefind leaves out of a search each word its
 * index lacks, and every page it returns holds all the others, so one result lacking a token means no page holds
 * it: no name (or title) holds the query, and the results hold only some of its pairs.
 */
export function holdsAll(content: string, terms: string): boolean {
  return terms.split(' ').filter((t) => /^(zz|vz)[0-9a-z]{6}$/.test(t)).every((t) => content.includes(t));
}
