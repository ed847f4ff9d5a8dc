/** Every URL the portal makes, in one place, so permalinks stay stable. */
import { createHash } from 'node:crypto';
import type { RecordKind } from '../schemas/common.ts';

/** URL names of the record lists. */
export const LIST_SLUG: Record<RecordKind, string> = {
  redlist: 'red', blacklist: 'black', license: 'license', penalty: 'penalty', commitment: 'commitment',
};

export const subjectUrl = (id: string) => `/subject/${id}/`;
export const recordUrl = (id: string) => `/record/${id}/`;
export const listUrl = (kind: RecordKind, year?: string) => (year ? `/lists/${LIST_SLUG[kind]}/year/${year}/` : `/lists/${LIST_SLUG[kind]}/`);
/** Authorities are named, not coded, in many files: the slug is a hash of the name. */
export const authoritySlug = (name: string) => `a-${createHash('sha1').update(name).digest('hex').slice(0, 10)}`;
export const authorityUrl = (name: string) => `/authority/${authoritySlug(name)}/`;
