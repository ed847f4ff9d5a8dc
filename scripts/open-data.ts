/**
 * Write the open-data files after `astro build`, streaming from content/data: one CSV and one NDJSON file
 * per record kind and year (src/lib/view/opendata.ts names them), and the subjects. Nothing is held but the
 * subjects' index and one open stream per file.
 *
 * Made in --keep (kept between builds) and linked into --dist: when the data files (their paths, sizes and times), the
 * code and the district's file are those of the last run and --keep is as that run left it, nothing is made again
 * (scripts/output-memo.ts). At 100,000 subjects the files are 500 MB, made again in 10–12 s.
 *
 *   node scripts/open-data.ts [--data content/data] [--dist dist] [--keep .cache/open-data] [--full]
 */
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { loadDistrict } from '../src/lib/district.ts';
import { fileStamps, forgetOutput, outputStands, recordOutput } from './output-memo.ts';
import { readNdjson, readNdjsonLines } from '../src/lib/ndjson.ts';
import { IngestReportSchema } from '../src/lib/schemas/report.ts';
import type { PublishedRecord } from '../src/lib/schemas/record.ts';
import type { Subject } from '../src/lib/schemas/subject.ts';
import { CSV_HEADER, csvRow, openDataName } from '../src/lib/view/opendata.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'content/data' }, dist: { type: 'string', default: 'dist' },
    keep: { type: 'string', default: '.cache/open-data' }, full: { type: 'boolean', default: false },
  },
});
const started = performance.now();
const keep = resolve(values.keep);
const memo = `${keep}.json`;
const published = join(values.dist, 'data');

/** Links every file of `from` into `to` (copies it where a link cannot be made): the files in --keep stay as they are. */
function linkInto(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    try {
      linkSync(join(from, name), join(to, name));
    } catch {
      copyFileSync(join(from, name), join(to, name));
    }
  }
}

/**
 * What the files are made from: the data (by path, size and time: the ingest leaves its files as they are when its
 * inputs are the last run's), this stage and the library it writes rows with, the packages, the district's file.
 */
const LIB = fileURLToPath(new URL('../src/lib/', import.meta.url));
const key = createHash('sha256').update(JSON.stringify({
  data: fileStamps(['records.ndjson', 'subjects.ndjson', 'ingest-report.json'].map((f) => join(values.data, f))),
  code: [fileURLToPath(import.meta.url), ...readdirSync(LIB, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort(),
    fileURLToPath(new URL('../package-lock.json', import.meta.url)), loadDistrict().file]
    .filter((f) => existsSync(f)).map((f) => [f, createHash('sha1').update(readFileSync(f)).digest('hex')]),
})).digest('hex');
if (!values.full && outputStands(memo, keep, key)) {
  linkInto(keep, published);
  console.error(`open data: as the last run made it (the same data and code), linked in ${((performance.now() - started) / 1000).toFixed(1)} s → ${published}`);
  process.exit(0);
}
forgetOutput(memo);
// Made anew, never over the files there: those are linked into the last build's dist/.
rmSync(keep, { recursive: true, force: true });
const out = keep;
await mkdir(out, { recursive: true });

const subjects = new Map<string, Subject>();
for await (const s of readNdjson<Subject>(join(values.data, 'subjects.ndjson'))) subjects.set(s.id, s);

const streams = new Map<string, { csv: WriteStream; json: WriteStream }>();
async function write(stream: WriteStream, text: string) {
  if (!stream.write(text)) await once(stream, 'drain');
}
let n = 0;
for await (const { value: r, line } of readNdjsonLines<PublishedRecord>(join(values.data, 'records.ndjson'))) {
  const name = openDataName(r);
  let files = streams.get(name);
  if (!files) {
    files = { csv: createWriteStream(join(out, `${name}.csv`)), json: createWriteStream(join(out, `${name}.ndjson`)) };
    streams.set(name, files);
    await write(files.csv, `\ufeff${stringify([CSV_HEADER])}`);
  }
  await write(files.csv, stringify([csvRow(r, subjects.get(r.subjectId)!)]));
  // The line as the ingest wrote it (JSON.stringify of the record, checked by its ID guard): writing the parsed record
  // out again gave the same bytes for 14% more of this stage's processor time (100,000 subjects, 5 runs in turn).
  await write(files.json, `${line}\n`);
  n++;
}
await Promise.all([...streams.values()].flatMap(({ csv, json }) => [csv, json].map((s) => { s.end(); return once(s, 'close'); })));
await copyFile(join(values.data, 'subjects.ndjson'), join(out, 'subjects.ndjson'));
// The data date, for the notice that pages show once their data is older than the district allows.
const report = IngestReportSchema.parse(JSON.parse(await readFile(join(values.data, 'ingest-report.json'), 'utf8')));
await writeFile(join(out, 'build.json'), `${JSON.stringify({ dataDate: report.today, staleAfterDays: loadDistrict().site.staleAfterDays })}\n`);
recordOutput(memo, keep, key);
linkInto(keep, published);
console.error(`open data: ${n} records in ${streams.size} files (by kind and year), ${subjects.size} subjects in ${((performance.now() - started) / 1000).toFixed(1)} s → ${published}`);
