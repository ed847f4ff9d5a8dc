/**
 * Pinyin of subject names, for search (full pinyin and initials: `hebsm` finds 哈尔滨商贸…) and for the
 * no-JavaScript subject index by initial letter. pinyin-pro reads words in context (银行 → yinhang), which a
 * character table would get wrong; it is called once per name and both forms come from that one call.
 */
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from '../text.ts';

export interface NamePinyin {
  /** Every syllable joined, lower case, letters and digits only: haerbinshangmaoyouxiangongsi. */
  full: string;
  /** First letter of each syllable (and Latin words and digits as written): hebsmyxgs. */
  initials: string;
}

export function namePinyin(name: string): NamePinyin {
  // pinyin-pro writes syllables in lower case and keeps other text as given: a segment with a capital or a
  // digit is a Latin word or a number (ABC, 3M) and is kept whole in the initials.
  const parts = pinyin(toHalfWidth(name), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => ({ word: /[A-Z0-9]/.test(s), text: s.toLowerCase().replace(/[^a-z0-9]/g, '') }))
    .filter((p) => p.text);
  return { full: parts.map((p) => p.text).join(''), initials: parts.map((p) => (p.word ? p.text : p.text[0])).join('') };
}

/** The letter a name is filed under in the subject index, from its full pinyin: A–Z, or '#' for digits and anything else. */
export function letterOf(full: string): string {
  const c = full[0]?.toUpperCase() ?? '#';
  return /[A-Z]/.test(c) ? c : '#';
}

export const initialLetter = (name: string): string => letterOf(namePinyin(name).full);

export const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'] as const;
/** How a letter is named on a page: '#' files names that begin with a digit or anything else. */
export const letterLabel = (letter: string) => (letter === '#' ? '数字及其他' : letter);
/** URL segment of a letter ('#' cannot be one). */
export const letterSlug = (letter: string) => (letter === '#' ? '0-9' : letter.toLowerCase());
