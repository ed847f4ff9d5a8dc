/**
 * The static code lookup: every code a subject is known by (统一社会信用代码, 注册号, 组织机构代码, 税务登记号 and
 * others, never an ID number) → the subject(s) carrying it, as [id, name], split into shards by a hash of the code so that
 * resolving one code is one small request (/codes/{shard}.json) whatever the size of the portal.
 * Shared by the build (scripts/search-index.ts) and the search page.
 */
import type { Subject } from '../schemas/subject.ts';

/** FNV-1a, 32 bits: a fixed, fast hash of a short text, the same in Node and in the browser, on every machine and in every build. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** FNV-1a (32 bit) as 8 hex digits. */
export const codeHash = (code: string): string => fnv1a(code).toString(16).padStart(8, '0');

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

/**
 * A static lookup: every (key, value) filed under its key in the shard named by the key's hash, about a hundred
 * keys a shard (the code lookup here, the 文号 lookup in docno.ts).
 */
export function hashShards<V>(entries: Iterable<[key: string, value: V]>): { digits: number; shards: Map<string, Record<string, V[]>> } {
  const all = [...entries];
  const digits = shardDigits(all.length);
  const shards = new Map<string, Record<string, V[]>>();
  for (const [key, value] of all) {
    const name = shardOf(key, digits);
    const shard = shards.get(name) ?? {};
    (shard[key] ??= []).push(value);
    shards.set(name, shard);
  }
  return { digits, shards };
}

/** shard name → { code → [subject id, name] } for every subject. */
export function codeShards(subjects: Pick<Subject, 'id' | 'name' | 'codes'>[]): { digits: number; shards: Map<string, CodeShard> } {
  return hashShards(subjects.flatMap((s) => lookupCodes(s).map((code): [string, [string, string]] => [code, [s.id, s.name]])));
}
