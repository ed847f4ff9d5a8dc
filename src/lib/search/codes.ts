/**
 * The static code lookup: every code a subject is known by (统一社会信用代码, 注册号, 组织机构代码, 税务登记号 and
 * others, never an ID number) → the subject(s) carrying it, as [id, name], split into shards by a hash of the code so that
 * resolving one code is one small request (/codes/{shard}.json) whatever the size of the portal.
 * Shared by the build (scripts/search-index.ts) and the search page.
 */
import type { Subject } from '../schemas/subject.ts';

/** FNV-1a (32 bit) as 8 hex digits: the same in Node and in the browser. */
export function codeHash(code: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    h ^= code.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Hex digits of the shard name: about a hundred codes a shard (a few KB), whatever the number of codes. */
export function shardDigits(codeCount: number): number {
  let digits = 1;
  while (16 ** digits * 100 < codeCount && digits < 6) digits++;
  return digits;
}

export const shardOf = (code: string, digits: number) => codeHash(code).slice(0, digits);

/** The codes a subject can be looked up by. */
export function lookupCodes(s: Pick<Subject, 'codes'>): string[] {
  const c = s.codes;
  return [c.uscc, c.regNo, c.orgCode, c.taxNo, c.instCert, c.socialOrgCert, c.other].filter((v): v is string => !!v);
}

export type CodeShard = Record<string, [id: string, name: string][]>;

/** shard name → { code → [subject id, name] } for every subject. */
export function codeShards(subjects: Pick<Subject, 'id' | 'name' | 'codes'>[]): { digits: number; shards: Map<string, CodeShard> } {
  const count = subjects.reduce((n, s) => n + lookupCodes(s).length, 0);
  const digits = shardDigits(count);
  const shards = new Map<string, CodeShard>();
  for (const s of subjects) {
    for (const code of lookupCodes(s)) {
      const name = shardOf(code, digits);
      const shard = shards.get(name) ?? {};
      (shard[code] ??= []).push([s.id, s.name]);
      shards.set(name, shard);
    }
  }
  return { digits, shards };
}
