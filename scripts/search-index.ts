/**
 * Build the Pagefind index over slim records rather than whole pages (whole subject pages take 14 GB at
 * 50k): the stubs of src/lib/search/stubs.ts are written to .cache/search-stubs and indexed with
 * addDirectory, which is linear (addCustomRecord scans URLs per record and is quadratic).
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
import { searchStubs } from '../src/lib/search/stubs.ts';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'content/data' }, dist: { type: 'string', default: 'dist' } } });
const started = performance.now();
const records = await readAllNdjson<PublishedRecord>(join(values.data, 'records.ndjson'));
const subjects = await readAllNdjson<Subject>(join(values.data, 'subjects.ndjson'));

const stubs = resolve('.cache/search-stubs');
await rm(stubs, { recursive: true, force: true });
for (const [path, html] of searchStubs(records, subjects)) {
  await mkdir(dirname(join(stubs, path)), { recursive: true });
  await writeFile(join(stubs, path), html);
}

// The static code lookup: one small file per shard of codes (src/lib/search/codes.ts).
const lookup = codeShards(subjects);
const codesDir = resolve(values.dist, 'codes');
await rm(codesDir, { recursive: true, force: true });
await mkdir(codesDir, { recursive: true });
for (const [name, shard] of lookup.shards) await writeFile(join(codesDir, `${name}.json`), JSON.stringify(shard));

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: stubs });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const out = await index.writeFiles({ outputPath: resolve(values.dist, 'pagefind') });
if (out.errors.length) throw new Error(`pagefind: ${out.errors.join('; ')}`);
await pagefind.close();
console.error(`code lookup: ${lookup.shards.size} shards of ${lookup.digits} hex digit(s) → ${values.dist}/codes`);
console.error(`search index: ${added.page_count} stubs (${subjects.length} subjects, ${records.length} records) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${values.dist}/pagefind`);
