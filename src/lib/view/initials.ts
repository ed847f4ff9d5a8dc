/** The subject index by pinyin initial: the search page's way in without JavaScript. */
import type { Subject } from '../schemas/subject.ts';
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
