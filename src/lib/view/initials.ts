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
  return cut(list, (item, n) => {
    const h = fnv1a(item.subject.id);
    return n >= MAX_PAGE || (n >= MIN_PAGE && h % INDEX_PAGE === 0) || (n >= LONG_PAGE && h % LONG_EVERY === 0);
  });
}

/**
 * Past this many pages, a letter's first page lists its parts (partsOf) rather than every page: at 100,000 subjects
 * the synthetic district files 78,000 under H (哈尔滨…), whose first page listed its 393 pages in 137 KB, and a
 * letter of about 125,000 would have passed 200 KB.
 */
export const TOC_PAGES = 100;
/** About one page in PART_EVERY begins a part (after MIN_PART pages), and no part runs past MAX_PART: parts of about 50 pages, 10,000 subjects. */
export const PART_EVERY = 40;
export const MIN_PART = 10;
export const MAX_PART = 400;

/**
 * A letter's pages (pagesOf) cut into parts the same way, at the id of a page's first subject: a part begins at a
 * page whose first id hashes, on the bits above those that began the page (hash ÷ INDEX_PAGE), to 0 mod PART_EVERY,
 * once the part holds MIN_PART pages; past MAX_PART (about one part in 20,000), wherever it is. A subject added or
 * gone changes the part its page is in, and at times the one beside it.
 */
export function partsOf<T extends { subject: { id: string } }>(pages: readonly T[][]): T[][][] {
  return cut(pages, (page, n) => n >= MAX_PART || (n >= MIN_PART && Math.floor(fnv1a(page[0]!.subject.id) / INDEX_PAGE) % PART_EVERY === 0));
}

/** `list` in order, cut before every item that `begins` (given the number already in the run it would end). */
function cut<T>(list: readonly T[], begins: (item: T, n: number) => boolean): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  for (const item of list) {
    if (run.length > 0 && begins(item, run.length)) {
      runs.push(run);
      run = [];
    }
    run.push(item);
  }
  if (run.length) runs.push(run);
  return runs;
}
