/**
 * Build the search: the Pagefind index over one slim stub per subject rather than whole pages (whole subject
 * pages take 14 GB at 50k; one stub per record too made a city's index 350k pages), written to
 * .cache/search-stubs and indexed with addDirectory, which is linear (addCustomRecord is quadratic); and the
 * static lookups of exact codes (/codes/) and 文号 (/docno/), one small file per hash shard.
 *
 *   node scripts/search-index.ts [--data content/data] [--dist dist]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { readAllNdjson } from '../src/lib/ndjson.ts';
import type { PublishedRecord } from '../src/lib/schemas/record.ts';
import type { Subject } from '../src/lib/schemas/subject.ts';
import { codeShards } from '../src/lib/search/codes.ts';
import { docNoShards, type DocNoHit } from '../src/lib/search/docno.ts';
import { searchStubs } from '../src/lib/search/stubs.ts';
import { kindLabel, recordDate, recordTitle } from '../src/lib/view/record.ts';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'content/data' }, dist: { type: 'string', default: 'dist' } } });
const started = performance.now();
const records = await readAllNdjson<PublishedRecord>(join(values.data, 'records.ndjson'));
const subjects = await readAllNdjson<Subject>(join(values.data, 'subjects.ndjson'));

const stubs = resolve('.cache/search-stubs');
await rm(stubs, { recursive: true, force: true });
let stubCount = 0;
for (const [path, html] of searchStubs(records, subjects)) {
  await mkdir(dirname(join(stubs, path)), { recursive: true });
  await writeFile(join(stubs, path), html);
  stubCount++;
}

// The static code lookup: one small file per shard of codes (src/lib/search/codes.ts).
const lookup = codeShards(subjects);
const codesDir = resolve(values.dist, 'codes');
await rm(codesDir, { recursive: true, force: true });
await mkdir(codesDir, { recursive: true });
for (const [name, shard] of lookup.shards) await writeFile(join(codesDir, `${name}.json`), JSON.stringify(shard));

// The 文号 lookup (src/lib/search/docno.ts): every spelling of a number finds its records in one request.
const nameOf = new Map(subjects.map((s) => [s.id, s.name]));
const docNos = docNoShards((function* (): Generator<[string, DocNoHit]> {
  for (const r of records) {
    if (r.docNo) yield [r.docNo, { id: r.id, name: nameOf.get(r.subjectId)!, title: `${kindLabel(r)} ${recordTitle(r)}`, date: recordDate(r), end: r.disclosure.end ?? '9999-12-31' }];
  }
})());
const docNoDir = resolve(values.dist, 'docno');
await rm(docNoDir, { recursive: true, force: true });
await mkdir(docNoDir, { recursive: true });
for (const [name, shard] of docNos.shards) await writeFile(join(docNoDir, `${name}.json`), JSON.stringify(shard));

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: stubs });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
await rm(resolve(values.dist, 'pagefind'), { recursive: true, force: true });
const out = await index.writeFiles({ outputPath: resolve(values.dist, 'pagefind') });
if (out.errors.length) throw new Error(`pagefind: ${out.errors.join('; ')}`);
await pagefind.close();
console.error(`code lookup: ${lookup.shards.size} shards of ${lookup.digits} hex digit(s) → ${values.dist}/codes`);
console.error(`文号 lookup: ${docNos.shards.size} shards of ${docNos.digits} hex digit(s) → ${values.dist}/docno`);
console.error(`search index: ${added.page_count} subject stubs of ${stubCount} written (${subjects.length} subjects, ${records.length} records) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${values.dist}/pagefind`);
