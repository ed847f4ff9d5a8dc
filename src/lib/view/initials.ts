/**
 * The subject index by pinyin initial: the search page's way in without JavaScript. A letter's subjects are cut into
 * pages where the subjects themselves say (pagesOf), not every 200 places: a subject added or gone changes its own
 * page, where numbered pages moved every name after it and every page of the index was written again (927 pages
 * by a rebuild after 1% of 100,000 subjects changed).
 */
import type { Subject } from '../schemas/subject.ts';
import { fnv1a } from '../search/codes.ts';
import { LETTERS, letterOf, namePinyin } from '../search/pinyin.ts';

export interface Filed { subject: Subject; pinyin: string }

let cache: { from: Subject[]; letters: Map<string, Filed[]> } | null = null;

/** letter (A–Z, '#') → its subjects in pinyin order; every letter present, empty ones too. */
export function subjectsByLetter(subjects: Subject[]): Map<string, Filed[]> {
  if (cache?.from === subjects) return cache.letters;
  const letters = new Map<string, Filed[]>(LETTERS.map((l) => [l, []]));
  for (const subject of subjects) {
    const pinyin = namePinyin(subject.name).full;
    letters.get(letterOf(pinyin))!.push({ subject, pinyin });
  }
  for (const list of letters.values()) list.sort((a, b) => (a.pinyin < b.pinyin ? -1 : a.pinyin > b.pinyin ? 1 : a.subject.id < b.subject.id ? -1 : 1));
  cache = { from: subjects, letters };
  return letters;
}

/** letter → how many subjects it files, for the letter links (LetterNav). */
export function letterCounts(subjects: Subject[]): Map<string, number> {
  return new Map([...subjectsByLetter(subjects)].map(([l, list]) => [l, list.length]));
}

/**
 * About this many subjects to a page of the index by initial: a page begins at one subject in INDEX_PAGE (by its id)
 * once the page before holds MIN_PAGE; past LONG_PAGE, at one in LONG_EVERY; past MAX_PAGE (about one page in 200,000
 * with these numbers), wherever it is.
 */
export const INDEX_PAGE = 200;
export const MIN_PAGE = 50;
export const LONG_PAGE = 300;
export const LONG_EVERY = 20;
export const MAX_PAGE = 600;

/**
 * A letter's subjects (in their order) cut into pages where their ids say, not every so many places: where a page
 * begins depends on the subjects around it alone, so a subject added, renamed or gone changes the page it is on and at
 * times a page beside it (a page it begins or ends, or one the looser rule below began), and every other page keeps its
 * subjects and its address (its first subject's id): tests/unit/subject-index.test.ts shows an addition, a split and a
 * removal. This is content-defined chunking, as rsync cuts files; the second, looser rule past LONG_PAGE keeps
 * a long run of ids that begin nothing from being cut by position, which would move every page after it.
 */
export function pagesOf<T extends { subject: { id: string } }>(list: readonly T[]): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  for (const item of list) {
    const n = page.length;
    if (n > 0) {
      const h = fnv1a(item.subject.id);
      if (n >= MAX_PAGE || (n >= MIN_PAGE && h % INDEX_PAGE === 0) || (n >= LONG_PAGE && h % LONG_EVERY === 0)) {
        pages.push(page);
        page = [];
      }
    }
    page.push(item);
  }
  if (page.length) pages.push(page);
  return pages;
}
