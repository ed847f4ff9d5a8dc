/**
 * Pairs of adjacent Chinese characters. Pagefind cuts Chinese text into words by context, so a name and a fragment
 * of it can be cut differently (at 100,000 subjects 顾乡安和建筑工程 found nothing though two companies carry it).
 * The index holds every pair of every name (stubs.ts) and the search page asks for a fragment's pairs
 * (src/scripts/search-util.ts), each as a word of letters and digits (pairToken): the browser cuts a query into
 * words too (Intl.Segmenter), and cut 泰建 into 泰 and 建, each then matching any word it begins, so that every
 * name holding the characters in any order matched alike.
 */

/** Chinese characters: CJK unified ideographs and extension A. */
const HAN = '\\u3400-\\u9fff';
/** Every run of Chinese characters in a text (with match). */
export const HAN_RUN = new RegExp(`[${HAN}]+`, 'g');
/** Cuts a word into runs of Chinese characters and the rest, keeping both (with split). */
export const HAN_SPLIT = new RegExp(`([${HAN}]+)`);
/** A text that is Chinese characters only. */
export const ALL_HAN = new RegExp(`^[${HAN}]+$`);

/** 顾乡安和 → 顾乡 乡安 安和. */
export function charPairs(run: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/**
 * The pairs a query needs to ask for: enough to cover every character, each chunk of the index fetched once.
 * A name holding all of 顾乡 安和 建筑 工程 holds 顾乡安和建筑工程 but for a coincidence the ranking puts last, and
 * four pairs fetch about half the index chunks seven would. An odd length ends on an overlapping pair.
 */
export function coveringPairs(run: string): string[] {
  if (run.length < 2) return [run];
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i += 2) out.push(run.slice(i, i + 2));
  if (run.length % 2) out.push(run.slice(-2));
  return out;
}

const HAN_FIRST = 0x3400;
const HAN_COUNT = 0x9fff - HAN_FIRST + 1;

/**
 * Whose pair a token is: a name's (zz) or a record title's (vz). Apart, so that a name fragment never fetches the
 * long lists of the pairs nearly every title holds (许可, 经营: with one kind of token for both, a later search at
 * 100,000 subjects took 142 ms against 44), and a title is asked for only when no name holds the query.
 */
export type PairSpace = 'zz' | 'vz';

/**
 * A pair of Chinese characters as one word that no segmenter cuts and no other word begins with: its space (zz or
 * vz) and the pair's number among all pairs of HAN characters in base 36, six digits (27,648² < 36⁶). Pinyin, whose
 * syllables begin with neither, and codes (GB 32100 has no V or Z) never hold them.
 */
export function pairToken(pair: string, space: PairSpace = 'zz'): string {
  const n = (pair.charCodeAt(0) - HAN_FIRST) * HAN_COUNT + (pair.charCodeAt(1) - HAN_FIRST);
  return `${space}${n.toString(36).padStart(6, '0')}`;
}
