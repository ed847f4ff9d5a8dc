/**
 * The search stage end to end on a slice of the sample: a full index, then after one subject changed and one
 * left, a delta index that names exactly the base pages it supersedes, with the base left untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';
import { describe, expect, it } from 'vitest';
import { tempFolder } from './helpers.ts';
import { lookupCodes, shardOf, type CodeShard } from '../../src/lib/search/codes.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The sample, ingested into a folder of this test's own: a fresh clone has no content/data until it is built. */
const SAMPLE = tempFolder('credit-search-sample-');
const ingest = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', join(ROOT, 'scripts/ingest/cli.ts'), '--no-cache', '--out', SAMPLE, '--today', '2026-11-22'], { cwd: ROOT, encoding: 'utf8' });
if (ingest.status !== 0) throw new Error(`ingest of the sample failed:\n${ingest.stderr}`);
const lines = (file: string) => readFileSync(join(SAMPLE, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const run = (cwd: string, extra: string[] = [], config = join(ROOT, 'district.yaml')) => spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', join(ROOT, 'scripts/search-index.ts'),
  '--data', join(cwd, 'data'), '--dist', join(cwd, 'site'), '--index-dist', join(cwd, 'dist'), ...extra], { cwd, encoding: 'utf8', env: { ...process.env, CREDIT_CONFIG: config } });
/** subject id → fragment file name, read from the fragments themselves. */
/** The index's pages in order, by fragment name (its metadata). */
function pagesOf(dir: string): string[] {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  const raw = gunzipSync(readFileSync(join(dir, `pagefind.${entry.languages['zh-cn'].hash}.pf_meta`)));
  return (decode(raw.subarray('pagefind_dcd'.length)) as [string, [string][]])[1].map(([name]) => name);
}
function fragmentsOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(join(dir, 'fragment'))) {
    const url = /"url":"\/subject\/([^/"]+)\.html"/.exec(gunzipSync(readFileSync(join(dir, 'fragment', f))).toString('utf8'))![1]!;
    out.set(url, f.replace('.pf_fragment', ''));
  }
  return out;
}

describe('search-index', () => {
  const subjects = lines('subjects.ndjson').slice(0, 40);
  const ids = new Set(subjects.map((s) => s.id));
  const records = lines('records.ndjson').filter((r) => ids.has(r.subjectId));
  const cwd = tempFolder('credit-search-');
  const write = (subs: unknown[], recs: unknown[]) => {
    mkdirSync(join(cwd, 'data'), { recursive: true });
    writeFileSync(join(cwd, 'data/subjects.ndjson'), subs.map((s) => `${JSON.stringify(s)}\n`).join(''));
    writeFileSync(join(cwd, 'data/records.ndjson'), recs.map((r) => `${JSON.stringify(r)}\n`).join(''));
  };

  it('builds the full index, then a delta of what changed merged into it, the base’s pages and fragments as they were', { timeout: 120_000 }, () => {
    write(subjects, records);
    const first = run(cwd);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('full index of 40 subject(s)');
    expect(first.stderr).toContain('stubs made for 40 of 40 subject(s) with public records');
    const base = fragmentsOf(join(cwd, 'dist/pagefind'));
    expect(base.size).toBe(40);
    // Page names compacted (compact.ts): one tag and a sequence number.
    expect(first.stderr).toMatch(/metadata \d+ KB → \d+ KB with short page names/);
    for (const name of base.values()) expect(name).toMatch(/^[0-9a-f]{7}-[0-9a-z]+$/);
    const pagesBefore = pagesOf(join(cwd, 'dist/pagefind'));
    const mtimes = new Map(readdirSync(join(cwd, 'dist/pagefind/fragment')).map((f) => [f, statSync(join(cwd, 'dist/pagefind/fragment', f)).mtimeMs]));
    const codeTimes = new Map(readdirSync(join(cwd, 'dist/codes')).map((f) => [f, statSync(join(cwd, 'dist/codes', f)).mtimeMs]));

    // One subject renamed, one gone (with its records).
    const [renamed, gone] = [subjects[3], subjects[7]];
    write(subjects.filter((s) => s !== gone).map((s) => (s === renamed ? { ...s, name: `${s.name}（更名）` } : s)), records.filter((r) => r.subjectId !== gone.id));
    const second = run(cwd);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain('delta of 1 subject(s) merged into the base of 40; 2 base page(s) superseded');
    // Only the renamed subject's stub was made again: the others' input is what the base was built from.
    expect(second.stderr).toContain('stubs made for 1 of 39 subject(s) with public records');
    // The delta is merged into the base's index (merge.ts): one index to search, no second one to merge.
    const delta = JSON.parse(readFileSync(join(cwd, 'dist/pagefind-delta/superseded.json'), 'utf8'));
    expect(delta).toEqual({ index: false, superseded: [base.get(renamed.id), base.get(gone.id)].sort() });
    expect(readdirSync(join(cwd, 'dist/pagefind-delta'))).toEqual(['superseded.json']);
    // Every base page is still there, its fragment untouched, and the renamed subject's new page after them.
    const merged = pagesOf(join(cwd, 'dist/pagefind'));
    expect(merged.slice(0, 40)).toEqual(pagesBefore);
    expect(merged).toHaveLength(41);
    const urlOf = (name: string) => /"url":"\/subject\/([^/"]+)\.html"/.exec(gunzipSync(readFileSync(join(cwd, 'dist/pagefind/fragment', `${name}.pf_fragment`))).toString('utf8'))![1];
    expect(urlOf(merged[40]!)).toBe(renamed.id);
    expect(readdirSync(join(cwd, 'dist/pagefind/fragment'))).toHaveLength(41);
    for (const [f, t] of mtimes) expect(statSync(join(cwd, 'dist/pagefind/fragment', f)).mtimeMs).toBe(t);
    // Rebuilt once more with the same data written again (new times on its files), the merge is made from the base
    // again, not from the last merge.
    const later = new Date(Date.now() + 60_000);
    for (const f of ['subjects.ndjson', 'records.ndjson']) utimesSync(join(cwd, 'data', f), later, later);
    const again = run(cwd);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('delta of 1 subject(s) merged into the base of 40');
    expect(pagesOf(join(cwd, 'dist/pagefind'))).toEqual(merged);
    expect(readdirSync(join(cwd, 'dist/pagefind/fragment'))).toHaveLength(41);
    // Nothing changed since, not even the data files' times: the stage stands, and stages lookups.json as it was.
    const lookups = readFileSync(join(cwd, 'site/lookups.json'), 'utf8');
    rmSync(join(cwd, 'site/lookups.json'));
    const stands = run(cwd);
    expect(stands.status, stands.stderr).toBe(0);
    expect(stands.stderr).toContain('as the last run left it');
    expect(readFileSync(join(cwd, 'site/lookups.json'), 'utf8')).toBe(lookups);
    expect(pagesOf(join(cwd, 'dist/pagefind'))).toEqual(merged);
    // The code lookup, kept in place: the gone subject's codes are no longer found, the renamed one's carry the new
    // name, and a shard holding neither keeps its file as it was.
    const codesNow = Object.assign({}, ...readdirSync(join(cwd, 'dist/codes')).map((f) => JSON.parse(readFileSync(join(cwd, 'dist/codes', f), 'utf8')))) as CodeShard;
    for (const code of lookupCodes(gone)) expect(codesNow[code]).toBeUndefined();
    for (const code of lookupCodes(renamed)) expect(codesNow[code]).toEqual([[renamed.id, `${renamed.name}（更名）`]]);
    const { codeDigits } = JSON.parse(readFileSync(join(cwd, 'site/lookups.json'), 'utf8')) as { codeDigits: number };
    const touched = new Set([gone, renamed].flatMap((x) => lookupCodes(x)).map((code) => `${shardOf(code, codeDigits)}.json`));
    const untouched = [...codeTimes].filter(([f]) => !touched.has(f));
    expect(untouched.length).toBeGreaterThan(5);
    for (const [f, t] of untouched) expect(statSync(join(cwd, 'dist/codes', f)).mtimeMs).toBe(t);

    // --full folds the delta into a new base. Every fragment gets a new name (compact.ts), so the index is written
    // into a folder of its own and swapped in; what Pagefind writes the same every time keeps its file.
    const ui = join(cwd, 'dist/pagefind/pagefind-ui.js');
    const uiTime = statSync(ui).mtimeMs;
    const third = run(cwd, ['--full']);
    expect(third.status, third.stderr).toBe(0);
    expect(third.stderr).toContain('full index of 39 subject(s)');
    expect(third.stderr).toContain('stubs made for 39 of 39 subject(s) with public records');
    expect(existsSync(join(cwd, 'dist/pagefind-delta'))).toBe(false);
    const rebuilt = fragmentsOf(join(cwd, 'dist/pagefind'));
    expect(rebuilt.has(gone.id)).toBe(false);
    expect(rebuilt.size).toBe(39);
    for (const name of base.values()) expect(existsSync(join(cwd, 'dist/pagefind/fragment', `${name}.pf_fragment`))).toBe(false);
    expect(statSync(ui).mtimeMs).toBe(uiTime);
    expect(readdirSync(join(cwd, 'dist')).sort()).toEqual(['codes', 'docno', 'pagefind']);
  });

  it('indexes another portal’s subjects with its own when district.yaml gives that portal’s data, each with its region', { timeout: 120_000 }, () => {
    const dir = tempFolder('credit-search-shards-');
    mkdirSync(join(dir, 'data'));
    mkdirSync(join(dir, 'nangang'));
    const mine = subjects.slice(0, 10);
    const theirs = subjects.slice(10, 20);
    const recs = (list: { id: string }[]) => records.filter((r) => list.some((x) => x.id === r.subjectId)).map((r) => `${JSON.stringify(r)}\n`).join('');
    writeFileSync(join(dir, 'data/subjects.ndjson'), mine.map((x) => `${JSON.stringify(x)}\n`).join(''));
    writeFileSync(join(dir, 'data/records.ndjson'), recs(mine));
    writeFileSync(join(dir, 'nangang/subjects.ndjson'), theirs.map((x) => `${JSON.stringify(x)}\n`).join(''));
    writeFileSync(join(dir, 'nangang/records.ndjson'), recs(theirs));
    const yaml = readFileSync(join(ROOT, 'district.yaml'), 'utf8').replace(/^sources: .*$/m, `sources: ${join(ROOT, 'content/sources/daoli/sources.yaml')}`);
    writeFileSync(join(dir, 'district.yaml'), `${yaml}\nshards:\n  - { name: 哈尔滨市南岗区, url: 'https://nangang.credit.example.gov.cn/', data: nangang }\n  - { name: 哈尔滨市香坊区, url: 'https://xiangfang.credit.example.gov.cn/' }\n`);
    const out = run(dir, [], join(dir, 'district.yaml'));
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain('full index of 20 subject(s) (10 of other portals)');
    // Each portal's stubs are indexed apart and the indexes merged into one (merge.ts).
    expect(out.stderr).toMatch(/merged from 2 Pagefind indexes, one per portal/);
    expect(readdirSync(join(dir, 'dist/pagefind')).filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
    const pages = readdirSync(join(dir, 'dist/pagefind/fragment')).map((f) => JSON.parse(gunzipSync(readFileSync(join(dir, 'dist/pagefind/fragment', f))).toString('utf8').slice('pagefind_dcd'.length)) as { url: string; filters: Record<string, string[]> });
    const regionOf = new Map(pages.map((p) => [p.url, p.filters.region]));
    for (const x of mine) expect(regionOf.get(`/subject/${x.id}.html`)).toEqual(['哈尔滨市道里区']);
    for (const x of theirs) expect(regionOf.get(`/shards/0/subject/${x.id}.html`)).toEqual(['哈尔滨市南岗区']);
    expect(pages).toHaveLength(20);
    const stubFiles = () => readdirSync(join(dir, '.cache/search-stubs'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
    expect(stubFiles()).toBe(20);

    // Another portal's subject renamed: a delta of it alone, merged in; the stubs' folder still holds every stub.
    writeFileSync(join(dir, 'nangang/subjects.ndjson'), theirs.map((x, i) => `${JSON.stringify(i === 0 ? { ...x, name: `${x.name}（更名）` } : x)}\n`).join(''));
    const again = run(dir, [], join(dir, 'district.yaml'));
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('delta of 1 subject(s) merged into the base of 20; 1 base page(s) superseded');
    expect(stubFiles()).toBe(20);
    const full = run(dir, ['--full'], join(dir, 'district.yaml'));
    expect(full.status, full.stderr).toBe(0);
    expect(full.stderr).toContain('full index of 20 subject(s) (10 of other portals)');
    // Each portal's fragments were set down as its index was made and moved into the merged index: all there, none left aside.
    expect(readdirSync(join(dir, 'dist/pagefind/fragment'))).toHaveLength(20);
    expect(existsSync(join(dir, '.cache/search/fragments'))).toBe(false);
    // Built again from the same stubs, the index comes out the same: each fragment set down is already there, and
    // the file there is kept (its modification time too).
    const fragments = readdirSync(join(dir, 'dist/pagefind/fragment')).sort();
    const kept = join(dir, 'dist/pagefind/fragment', fragments[0]!);
    const keptTime = statSync(kept).mtimeMs;
    const same = run(dir, ['--full'], join(dir, 'district.yaml'));
    expect(same.status, same.stderr).toBe(0);
    expect(readdirSync(join(dir, 'dist/pagefind/fragment')).sort()).toEqual(fragments);
    expect(statSync(kept).mtimeMs).toBe(keptTime);
    expect(existsSync(join(dir, '.cache/search/fragments'))).toBe(false);
    const renamedStub = readFileSync(join(dir, `.cache/search-stubs/shards/0/subject/${theirs[0]!.id}.html`), 'utf8');
    expect(renamedStub).toContain('（更名）');

    // A shard whose data folder is missing is an error that names it.
    writeFileSync(join(dir, 'district.yaml'), `${yaml}\nshards:\n  - { name: 哈尔滨市南岗区, url: 'https://nangang.credit.example.gov.cn/', data: nowhere }\n`);
    const missing = run(dir, [], join(dir, 'district.yaml'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('shards.0.data（哈尔滨市南岗区）');
  });

  it('writes the code and 文号 lookups beside the index, and how they are split where the build stages it', () => {
    expect(readdirSync(join(cwd, 'dist/codes')).length).toBeGreaterThan(0);
    expect(existsSync(join(cwd, 'site/codes'))).toBe(false);
    expect(Object.keys(JSON.parse(readFileSync(join(cwd, 'site/lookups.json'), 'utf8'))).sort()).toEqual(['codeDigits', 'docNoDigits']);
    const docNo = records.find((r) => r.docNo)!.docNo as string;
    const all = Object.assign({}, ...readdirSync(join(cwd, 'dist/docno')).map((f) => JSON.parse(readFileSync(join(cwd, 'dist/docno', f), 'utf8'))));
    // Brackets as [], no spaces, and the serial after the year as a number (docno.ts).
    expect(Object.keys(all)).toContain(docNo.replace(/〔/g, '[').replace(/〕/g, ']').replace(/\s/g, '').replace(/\]第?0*(\d+)号?$/, ']$1'));
  });
});
