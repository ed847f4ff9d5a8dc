/**
 * Pagefind's metadata (pagefind.*.pf_meta), which the first search loads whole, names every page by a random hash
 * of its fragment (zh-cn_806926f). Random names do not compress: at 100,000 subjects they are half of the file's
 * 610 KB. Renamed to one tag per index followed by a sequence number (c973706-0, c973706-1, …), the same metadata
 * gzips to about 330 KB; the fragments are renamed to match.
 *
 * The tag is taken from the hash Pagefind gave the metadata, so an index with other content gets other names: a
 * fragment's address never serves two different subjects across builds, and a CDN may cache it for good (Pagefind
 * fetches pagefind-entry.json afresh on every load). A base index and its delta (scripts/search-index.ts) have
 * different tags, so their page ids never collide when the search page merges them.
 *
 * Each page's word count becomes the index's mean. Pagefind uses it only to weigh a match by the page's length
 * against the mean (BM25), and a stub's length is its count of records: a subject with many records ranked below
 * one with few for the same name. Without it the metadata is another third smaller (on the sample 6.8 → 4.6 KB).
 *
 * Nothing else changes. The file is decoded and encoded with cbor2, and left as Pagefind wrote it (with the
 * reason returned) unless re-encoding the decoded file gives back its exact bytes and every page is a fragment of
 * its own, so that a later Pagefind with another layout cannot be damaged, only left uncompacted.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';

const SIGNATURE = 'pagefind_dcd';

/** A Pagefind index as files: path within the index folder (fragment/….pf_fragment) → bytes. */
export type IndexFiles = Map<string, Uint8Array>;

interface Entry { version: string; languages: Record<string, { hash: string; wasm: string | null; page_count: number }> }
export type Compacted = { pages: number; bytesBefore: number; bytesAfter: number } | { skipped: string };

/** A page of the metadata as Pagefind 1.6 writes it: [fragment hash, word count, fragment group ("" when none)]. */
const isPage = (p: unknown): p is [string, number, string] =>
  Array.isArray(p) && p.length === 3 && typeof p[0] === 'string' && typeof p[1] === 'number' && p[2] === '';

const fragmentPath = (hash: string) => `fragment/${hash}.pf_fragment`;

/** Compact the metadata of every language of a Pagefind index, in place. */
export function compactPagefind(files: IndexFiles): Compacted {
  const entryBytes = files.get('pagefind-entry.json');
  if (!entryBytes) return { skipped: 'no pagefind-entry.json' };
  const entry = JSON.parse(Buffer.from(entryBytes).toString('utf8')) as Entry;
  const plans: { lang: string; oldFile: string; pages: [string, number, string][]; decoded: unknown[]; tag: string }[] = [];
  let bytesBefore = 0;
  // First check every language; nothing is renamed unless all can be.
  for (const [lang, { hash }] of Object.entries(entry.languages)) {
    const oldFile = `pagefind.${hash}.pf_meta`;
    const gz = files.get(oldFile);
    if (!gz) return { skipped: `no ${oldFile}` };
    bytesBefore += gz.length;
    const raw = gunzipSync(gz);
    if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) return { skipped: `${oldFile}: no ${SIGNATURE} signature` };
    const body = raw.subarray(SIGNATURE.length);
    const decoded = decode(body) as unknown;
    if (!Array.isArray(decoded) || !Array.isArray(decoded[1])) return { skipped: `${oldFile}: not the layout of Pagefind 1.6 (version, pages, …)` };
    if (!Buffer.from(encode(decoded)).equals(body)) return { skipped: `${oldFile}: decoding and encoding again does not give back the same bytes` };
    const pages = decoded[1] as unknown[];
    const odd = pages.find((p) => !isPage(p));
    if (odd !== undefined) return { skipped: `${oldFile}: a page that is not [hash, word count, ""] (${JSON.stringify(odd)})` };
    const missing = (pages as [string, number, string][]).find(([h]) => !files.has(fragmentPath(h)));
    if (missing) return { skipped: `${oldFile}: no fragment file for page ${missing[0]}` };
    const tag = hash.slice(hash.lastIndexOf('_') + 1, hash.lastIndexOf('_') + 8);
    plans.push({ lang, oldFile, pages: pages as [string, number, string][], decoded, tag });
  }
  let bytesAfter = 0;
  let count = 0;
  for (const { lang, oldFile, pages, decoded, tag } of plans) {
    const mean = Math.round(pages.reduce((sum, p) => sum + p[1], 0) / Math.max(1, pages.length));
    pages.forEach((page, i) => {
      page[1] = mean;
      const name = `${tag}-${i.toString(36)}`;
      files.set(fragmentPath(name), files.get(fragmentPath(page[0]))!);
      files.delete(fragmentPath(page[0]));
      page[0] = name;
    });
    count += pages.length;
    const gz = gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), encode(decoded)]), { level: 9 });
    const hash = `${lang}_${createHash('sha1').update(gz).digest('hex').slice(0, 13)}`;
    files.delete(oldFile);
    files.set(`pagefind.${hash}.pf_meta`, gz);
    entry.languages[lang]!.hash = hash;
    bytesAfter += gz.length;
  }
  files.set('pagefind-entry.json', Buffer.from(JSON.stringify(entry)));
  return { pages: count, bytesBefore, bytesAfter };
}
