/**
 * Several Pagefind indexes made one, file by file, as if Pagefind had indexed all their pages at once.
 *
 * Why: Pagefind's indexer holds every page until it writes the index (4.9 GB at 100,000 subjects), so a province's
 * portal cannot index a million stubs in one run, and merging ten indexes in the browser (`mergeIndex`) makes every
 * later search go through ten indexes one after another (docs/scale.md). Indexed in parts and merged here, the
 * browser loads one index.
 *
 * Pagefind 1.6 writes, each gzipped after the signature `pagefind_dcd` and encoded in CBOR:
 * - the metadata: [version, pages [[fragment, word count, group]], index chunks [[from, to, file]],
 *   filters [[name, file]], sorts, metadata fields];
 * - an index chunk: [[word, [[page, locations, metadata locations], …], extra], …], words in byte order, each page's
 *   number given as its distance from the one before (the first from 0), cut where its locations pass 20,000;
 * - a filter: [name, [[value, [page, …]], …]], page numbers as they are.
 * The pages of the merged index are those of the first part, then the second's, and so on; a page's number in a part
 * becomes that plus the pages before its part. A word's locations are copied byte for byte, only the first page
 * number of each part's run is written again. Merging a single index gives back Pagefind's own chunks byte for byte
 * (tests/unit/search-merge.test.ts), which is what shows the layout here is Pagefind's.
 *
 * What this does not know (sorts, more than one metadata field list, a word's extra element when not empty, pages
 * that are not their own fragment) makes it throw, naming it: a later Pagefind with another layout is refused, not
 * merged wrong.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cbor2';
import type { IndexFiles } from './compact.ts';

const SIGNATURE = Buffer.from('pagefind_dcd', 'latin1');
/** Pagefind cuts an index chunk once the locations of its words (and one per page of each) pass this. */
const CHUNK_LOCATIONS = 20_000;

interface Entry { version: string; languages: Record<string, { hash: string; wasm: string | null; page_count: number }>; [k: string]: unknown }
type Page = [string, number, string];

/** A word's run of pages in one part: where its page entries are in the part's chunk bytes. */
interface Run { bytes: Buffer; end: number; pages: number; firstDeltaEnd: number; first: number; last: number; locations: number }

/**
 * Every word's runs, a row of typed arrays a run, and each word's rows in part order. A province's ten indexes hold
 * about 3.7 million words, most in one part only (codes, pinyin); kept as an object a run and an array a part for
 * each word, with a Buffer of each word to sort by, the merge took the search stage to 7.6 GB (2026-12-07).
 */
class Runs {
  private size = 0;
  private cols = Runs.columns(1 << 16);
  /** The chunk bodies the runs point into, by number. */
  readonly bodies: Buffer[] = [];
  /** Each word's row, or rows when it is in more than one part. */
  readonly ofWord = new Map<string, number | number[]>();

  private static columns(n: number) {
    return { part: new Uint16Array(n), body: new Uint32Array(n), from: new Uint32Array(n), end: new Uint32Array(n), pages: new Uint32Array(n), first: new Uint32Array(n), last: new Uint32Array(n), locations: new Uint32Array(n) };
  }

  add(word: string, part: number, body: number, run: Run, file: string): void {
    if (this.size === this.cols.part.length) {
      const grown = Runs.columns(this.size * 2);
      for (const [k, col] of Object.entries(this.cols)) grown[k as keyof typeof grown].set(col);
      this.cols = grown;
    }
    const row = this.size++;
    const c = this.cols;
    c.part[row] = part; c.body[row] = body; c.from[row] = run.firstDeltaEnd; c.end[row] = run.end;
    c.pages[row] = run.pages; c.first[row] = run.first; c.last[row] = run.last; c.locations[row] = run.locations;
    const had = this.ofWord.get(word);
    if (had === undefined) { this.ofWord.set(word, row); return; }
    const rows = typeof had === 'number' ? [had] : had;
    if (c.part[rows.at(-1)!] === part) fail(`词 ${word} 在第 ${part + 1} 个索引里出现在两个索引块中（${file}）`);
    rows.push(row);
    if (typeof had === 'number') this.ofWord.set(word, rows);
  }

  /** A word's runs in part order: its part, page count, locations, first and last page, and its page entries' bytes after the first page number. */
  *of(word: string): Generator<{ part: number; pages: number; locations: number; first: number; last: number; rest: Buffer }> {
    const had = this.ofWord.get(word)!;
    const c = this.cols;
    for (const row of typeof had === 'number' ? [had] : had) {
      yield { part: c.part[row]!, pages: c.pages[row]!, locations: c.locations[row]!, first: c.first[row]!, last: c.last[row]!, rest: this.bodies[c.body[row]!]!.subarray(c.from[row]!, c.end[row]!) };
    }
  }
}

/**
 * UTF-8 byte order, as Rust sorts strings, without a Buffer a string: UTF-16 code units in order, but for those of
 * U+E000–U+FFFF, which sort before a surrogate pair's (a character past U+FFFF) in UTF-8 and after it in UTF-16.
 */
export function byUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const key = (c: number) => (c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c);
    return key(x) - key(y);
  }
  return a.length - b.length;
}

const fail = (what: string): never => { throw new Error(`合并 Pagefind 索引：${what}`); };

/** A CBOR head at `i`: its major type, its value (a length or an unsigned number) and where what follows begins. */
function head(b: Buffer, i: number): [number, number, number] {
  const major = b[i]! >> 5;
  const info = b[i]! & 31;
  if (info < 24) return [major, info, i + 1];
  if (info === 24) return [major, b[i + 1]!, i + 2];
  if (info === 25) return [major, b.readUInt16BE(i + 1), i + 3];
  if (info === 26) return [major, b.readUInt32BE(i + 1), i + 5];
  return fail(`CBOR 头 0x${b[i]!.toString(16)} 不是 Pagefind 1.6 索引块的写法`);
}

/** Where the item at `i` ends (numbers, text, arrays: all an index chunk holds). */
function skip(b: Buffer, i: number): number {
  const [major, value, next] = head(b, i);
  if (major === 0 || major === 1) return next;
  if (major === 2 || major === 3) return next + value;
  if (major === 4) {
    let at = next;
    for (let k = 0; k < value; k++) at = skip(b, at);
    return at;
  }
  return fail(`CBOR 类型 ${major} 不是 Pagefind 1.6 索引块的写法`);
}

function encodeHead(major: number, value: number): Buffer {
  const m = major << 5;
  if (value < 24) return Buffer.from([m | value]);
  if (value < 0x100) return Buffer.from([m | 24, value]);
  if (value < 0x10000) { const b = Buffer.alloc(3); b[0] = m | 25; b.writeUInt16BE(value, 1); return b; }
  const b = Buffer.alloc(5); b[0] = m | 26; b.writeUInt32BE(value, 1); return b;
}

const unpack = (gz: Uint8Array, file: string): Buffer => {
  const raw = gunzipSync(gz);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) fail(`${file} 没有 pagefind_dcd 签名`);
  return raw.subarray(SIGNATURE.length);
};
/**
 * Index chunks and filters at zlib's default level: at 100,000 subjects their 304 chunks took 8.2 s at the best level
 * (8,776 KB) and 1.3 s at this one (9,054 KB, 3% more; Pagefind's own 8,859 KB). The metadata, which every first
 * search loads whole, at the best.
 */
const pack = (body: Uint8Array, level = 6): Buffer => gzipSync(Buffer.concat([SIGNATURE, body]), { level });

/** Every word of an index chunk and its run of pages. */
function* wordsOf(b: Buffer, file: string): Generator<[string, Run]> {
  let [major, n, at] = head(b, 0);
  if (major !== 4 || n !== 1) fail(`${file} 不是 [词表] 的写法`);
  [major, n, at] = head(b, at);
  if (major !== 4) fail(`${file} 的词表不是数组`);
  for (let w = 0; w < n; w++) {
    let [m, len, i] = head(b, at);
    if (m !== 4 || len !== 3) fail(`${file} 第 ${w + 1} 个词不是 [词, 页, 附加]`);
    [m, len, i] = head(b, i);
    if (m !== 3) fail(`${file} 第 ${w + 1} 个词的词不是文本`);
    const word = b.toString('utf8', i, i + len);
    i += len;
    const [pm, pages, start] = head(b, i);
    if (pm !== 4 || pages === 0) fail(`${file} 的词 ${word} 没有页`);
    let page = start;
    let abs = 0;
    let first = 0;
    let firstDeltaEnd = 0;
    let locations = 0;
    for (let p = 0; p < pages; p++) {
      const [em, elen, e] = head(b, page);
      if (em !== 4 || elen !== 3) fail(`${file} 的词 ${word} 的页不是 [页号, 位置, 元数据位置]`);
      const [dm, delta, afterDelta] = head(b, e);
      if (dm !== 0) fail(`${file} 的词 ${word} 的页号不是非负整数`);
      abs += delta;
      if (p === 0) { first = abs; firstDeltaEnd = afterDelta; }
      const [lm, locs] = head(b, afterDelta);
      if (lm !== 4) fail(`${file} 的词 ${word} 的位置不是数组`);
      page = skip(b, afterDelta);
      const [mm, metaLocs] = head(b, page);
      if (mm !== 4) fail(`${file} 的词 ${word} 的元数据位置不是数组`);
      locations += locs + metaLocs + 1;
      page = skip(b, page);
    }
    if (b[page] !== 0x80) fail(`${file} 的词 ${word} 的附加元素不为空，本程序不知如何合并`);
    yield [word, { bytes: b, end: page, pages, firstDeltaEnd, first, last: abs, locations }];
    at = page + 1;
  }
}

/**
 * Pagefind's chunk bounds: the last word of one and the first of the next cut to one character past what they
 * share; the last word stays whole where its cut would sort before the chunk's own (already cut) first bound.
 */
function bounds(words: string[][]): [string, string][] {
  const out = words.map((w) => [w[0]!, w.at(-1)!] as [string, string]);
  for (let i = 0; i + 1 < out.length; i++) {
    const a = Array.from(out[i]![1]);
    const b = Array.from(out[i + 1]![0]);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join('');
    if (byUtf8(to, out[i]![0]) >= 0) out[i]![1] = to;
    out[i + 1]![0] = b.slice(0, common + 1).join('');
  }
  return out;
}

/** A file name as Pagefind gives it: the language and the first 7 hex digits of the content's hash, longer on a clash. */
function nameOf(lang: string, body: Uint8Array, taken: Set<string>): string {
  const full = createHash('sha1').update(body).digest('hex');
  let len = 7;
  while (taken.has(`${lang}_${full.slice(0, len)}`) && len < full.length) len++;
  const name = `${lang}_${full.slice(0, len)}`;
  taken.add(name);
  return name;
}

/**
 * One index of the parts' pages, in the order of `parts`: the files of a Pagefind index (pagefind-entry.json, the
 * metadata, index chunks, filters and the parts' fragments, which must have different names: compact.ts gives each
 * index its own tag). Every page's word count becomes the merged index's mean, as compact.ts does for one index.
 */
export function mergePagefind(parts: IndexFiles[]): IndexFiles {
  if (parts.length === 0) fail('没有可合并的索引');
  const entries = parts.map((files, k) => {
    const bytes = files.get('pagefind-entry.json') ?? fail(`第 ${k + 1} 个索引没有 pagefind-entry.json`);
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as Entry;
  });
  const langs = Object.keys(entries[0]!.languages);
  if (langs.length !== 1) fail(`第 1 个索引有 ${langs.length} 种语言，本程序只合并单一语言的索引`);
  const lang = langs[0]!;
  const metas = parts.map((files, k) => {
    if (entries[k]!.version !== entries[0]!.version) fail(`第 ${k + 1} 个索引的版本 ${entries[k]!.version} 与第 1 个的 ${entries[0]!.version} 不同`);
    const l = entries[k]!.languages[lang] ?? fail(`第 ${k + 1} 个索引没有语言 ${lang}`);
    if (Object.keys(entries[k]!.languages).length !== 1) fail(`第 ${k + 1} 个索引有多种语言`);
    const file = `pagefind.${l.hash}.pf_meta`;
    const meta = decode(unpack(files.get(file) ?? fail(`第 ${k + 1} 个索引没有 ${file}`), file)) as unknown[];
    if (!Array.isArray(meta) || meta.length !== 6) fail(`第 ${k + 1} 个索引的 ${file} 不是 Pagefind 1.6 的六项写法`);
    if ((meta[4] as unknown[]).length) fail(`第 ${k + 1} 个索引有排序（sort），本程序不合并排序`);
    return meta as [string, Page[], [string, string, string][], [string, string][], unknown[], string[]];
  });
  const fields = JSON.stringify(metas[0]![5]);
  metas.forEach((m, k) => { if (JSON.stringify(m[5]) !== fields) fail(`第 ${k + 1} 个索引的元数据字段 ${JSON.stringify(m[5])} 与第 1 个的 ${fields} 不同`); });

  // Pages, one after another; a page's number in part k is offset by the pages before it.
  const offsets: number[] = [];
  const pages: Page[] = [];
  const fragments = new Set<string>();
  for (const m of metas) {
    offsets.push(pages.length);
    for (const p of m[1]) {
      if (!Array.isArray(p) || p.length !== 3 || typeof p[0] !== 'string' || p[2] !== '') fail(`页 ${JSON.stringify(p)} 不是 [片段, 词数, ""]`);
      if (fragments.has(p[0])) fail(`片段 ${p[0]} 在两个索引里都有：每个索引的片段名须不同（compact.ts）`);
      fragments.add(p[0]);
      pages.push([p[0], Number(p[1]), p[2]]);
    }
  }
  const mean = Math.round(pages.reduce((a, p) => a + p[1], 0) / Math.max(1, pages.length));
  for (const p of pages) p[1] = mean;

  // Words: every part's run of each, in part order.
  const runs = new Runs();
  metas.forEach((m, k) => {
    for (const [, , hash] of m[2]) {
      const file = `index/${hash}.pf_index`;
      const body = unpack(parts[k]!.get(file) ?? fail(`第 ${k + 1} 个索引没有 ${file}`), file);
      runs.bodies.push(body);
      for (const [word, run] of wordsOf(body, file)) runs.add(word, k, runs.bodies.length - 1, run, file);
    }
  });
  // Byte order of UTF-8, as Rust sorts strings: UTF-16's own order (sorted natively) where no word has a character
  // from U+D800 on, where the two orders part.
  const words = [...runs.ofWord.keys()];
  words.sort(words.some((w) => /[\ud800-\uffff]/.test(w)) ? byUtf8 : undefined);

  const out: IndexFiles = new Map();
  const taken = new Set<string>();
  const chunkWords: string[][] = [];
  const chunkNames: string[] = [];
  let pieces: Buffer[] = [];
  let inChunk: string[] = [];
  let size = 0;
  const flush = () => {
    if (!inChunk.length) return;
    const body = Buffer.concat([Buffer.from([0x81]), encodeHead(4, inChunk.length), ...pieces]);
    const name = nameOf(lang, body, taken);
    out.set(`index/${name}.pf_index`, pack(body));
    chunkWords.push(inChunk);
    chunkNames.push(name);
    pieces = [];
    inChunk = [];
    size = 0;
  };
  for (const word of words) {
    const wordBytes = Buffer.from(word);
    let count = 0;
    const body: Buffer[] = [];
    let last = 0;
    for (const run of runs.of(word)) {
      count += run.pages;
      size += run.locations;
      body.push(Buffer.from([0x83]), encodeHead(0, run.first + offsets[run.part]! - last), run.rest);
      last = run.last + offsets[run.part]!;
    }
    pieces.push(Buffer.from([0x83]), encodeHead(3, wordBytes.length), wordBytes, encodeHead(4, count), ...body, Buffer.from([0x80]));
    inChunk.push(word);
    if (size >= CHUNK_LOCATIONS) flush();
  }
  flush();

  // Filters: each value's pages, offset as the pages are.
  const filters = new Map<string, Map<string, number[]>>();
  metas.forEach((m, k) => {
    for (const [filter, hash] of m[3]) {
      const file = `filter/${hash}.pf_filter`;
      const [name, values] = decode(unpack(parts[k]!.get(file) ?? fail(`第 ${k + 1} 个索引没有 ${file}`), file)) as [string, [string, number[]][]];
      if (name !== filter) fail(`${file} 是筛选 ${name}，元数据说是 ${filter}`);
      let byValue = filters.get(filter);
      if (!byValue) filters.set(filter, (byValue = new Map()));
      for (const [value, list] of values) {
        let all = byValue.get(value);
        if (!all) byValue.set(value, (all = []));
        for (const p of list) all.push(Number(p) + offsets[k]!);
      }
    }
  });
  const filterMeta: [string, string][] = [];
  for (const [filter, byValue] of [...filters].sort((a, b) => byUtf8(a[0], b[0]))) {
    const body = encode([filter, [...byValue].sort((a, b) => byUtf8(a[0], b[0]))]);
    const name = nameOf(lang, body, taken);
    out.set(`filter/${name}.pf_filter`, pack(body));
    filterMeta.push([filter, name]);
  }

  const chunks = bounds(chunkWords).map(([from, to], i) => [from, to, chunkNames[i]!]);
  const meta = pack(encode([metas[0]![0], pages, chunks, filterMeta, [], metas[0]![5]]), 9);
  const metaHash = `${lang}_${createHash('sha1').update(meta).digest('hex').slice(0, 13)}`;
  out.set(`pagefind.${metaHash}.pf_meta`, meta);
  const entry: Entry = { ...entries[0]!, languages: { [lang]: { ...entries[0]!.languages[lang]!, hash: metaHash, page_count: pages.length } } };
  out.set('pagefind-entry.json', Buffer.from(JSON.stringify(entry)));
  // The parts' fragments and Pagefind's own files (scripts, styles), which are the same in every part.
  for (const files of parts) {
    for (const [path, bytes] of files) {
      if (path.startsWith('fragment/') || !/^(index|filter)\/|\.pf_meta$|^pagefind-entry\.json$/.test(path)) {
        if (!out.has(path)) out.set(path, bytes);
      }
    }
  }
  return out;
}
