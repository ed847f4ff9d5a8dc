/**
 * Write the open-data files after `astro build`, streaming from content/data: one CSV and one NDJSON file
 * per record kind and year (src/lib/view/opendata.ts names them), and the subjects. Nothing is held but the
 * subjects' index and one open stream per file.
 *
 *   node scripts/open-data.ts [--data content/data] [--dist dist]
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { loadDistrict } from '../src/lib/district.ts';
import { readNdjson, readNdjsonLines } from '../src/lib/ndjson.ts';
import { IngestReportSchema } from '../src/lib/schemas/report.ts';
import type { PublishedRecord } from '../src/lib/schemas/record.ts';
import type { Subject } from '../src/lib/schemas/subject.ts';
import { CSV_HEADER, csvRow, openDataName } from '../src/lib/view/opendata.ts';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'content/data' }, dist: { type: 'string', default: 'dist' } } });
const started = performance.now();
const out = join(values.dist, 'data');
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
console.error(`open data: ${n} records in ${streams.size} files (by kind and year), ${subjects.size} subjects in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}`);
