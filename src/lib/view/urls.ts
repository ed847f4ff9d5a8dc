/** Every URL the portal makes, in one place, so permalinks stay stable. */
import { createHash } from 'node:crypto';
import { KINDS } from '../kinds/index.ts';
import type { RecordKind } from '../schemas/common.ts';
import { letterSlug } from '../search/pinyin.ts';

/** URL names of the record lists, from each kind's module. */
export const LIST_SLUG = Object.fromEntries(Object.values(KINDS).map((k) => [k.kind, k.slug])) as Record<RecordKind, string>;

/**
 * The top folders of dist/ that hold the pages made from the data (credit files, permalinks, lists, authorities, the
 * subject index), and nothing else: the entity stage (scripts/render-entities.ts) keeps them, the build's publish
 * leaves them alone.
 */
export const ENTITY_DIRS = ['subject', 'record', 'lists', 'authority', 'subjects'] as const;

export const subjectUrl = (id: string) => `/subject/${id}/`;
/**
 * The subject index under a pinyin initial (A–Z, '#'): its first page, or (`first`, the id of the subject a later page
 * begins with) that page, whose address stays while that subject begins it (initials.ts pagesOf).
 */
export const subjectsLetterUrl = (letter: string, first?: string) => `/subjects/by/${letterSlug(letter)}/${first ? `${first}/` : ''}`;
/** A part of a long letter's pages (initials.ts partsOf), by the id of the subject it begins with. */
export const subjectsPartUrl = (letter: string, first: string) => `/subjects/by/${letterSlug(letter)}/part/${first}/`;
export const recordUrl = (id: string) => `/record/${id}/`;
export const listUrl = (kind: RecordKind, year?: string) => (year ? `/lists/${LIST_SLUG[kind]}/year/${year}/` : `/lists/${LIST_SLUG[kind]}/`);
/**
 * A month of a list (`list`: the list's own address, /lists/penalty/ or an authority's /authority/a-…/penalty/),
 * month as YYYY-MM: the pages that keep still, as a month's records change only with that month.
 */
export const monthUrl = (list: string, month: string) => `${list}month/${month}/`;
/** Authorities are named, not coded, in many files: the slug is a hash of the name. */
const slugs = new Map<string, string>();
export function authoritySlug(name: string): string {
  // Every row of every list links its authority: a hash per row was 2% of rendering them.
  let slug = slugs.get(name);
  if (!slug) slugs.set(name, (slug = `a-${createHash('sha1').update(name).digest('hex').slice(0, 10)}`));
  return slug;
}
export const authorityUrl = (name: string) => `/authority/${authoritySlug(name)}/`;
/** An authority's records of one kind. */
export const authorityListUrl = (name: string, kind: RecordKind) => `${authorityUrl(name)}${LIST_SLUG[kind]}/`;
