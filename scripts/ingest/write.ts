/**
 * Stage "write": the output folder is replaced as a whole. Records, subjects and the quarantine are streamed
 * line by line (NDJSON) into a staging folder beside it, each line checked for anything of resident-ID shape;
 * only when everything is written is the staging folder swapped in. A run that fails leaves the last good
 * output untouched.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { findIdNumber, maskIdNumber } from '../../src/lib/mask.ts';
import { writeNdjson } from '../../src/lib/ndjson.ts';
import { IngestError, type RunResult } from './run.ts';

/** The ingest's last guard: no line leaves with an unmasked ID number, whole or damaged. */
function guard(file: string) {
  return (line: string) => {
    const id = findIdNumber(line);
    if (id) throw new IngestError(`内部错误：${file} 含有未脱敏的身份证号码形式的数字（${maskIdNumber(id)}），已停止写出`);
  };
}

export async function writeOutputs(outDir: string, result: Pick<RunResult, 'report' | 'records' | 'subjects' | 'summary' | 'quarantine' | 'snapshots'>): Promise<void> {
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(outDir)}.staging-${process.pid}`);
  const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    await writeNdjson(join(staging, 'records.ndjson'), result.records, guard('records.ndjson'));
    await writeNdjson(join(staging, 'subjects.ndjson'), result.subjects, guard('subjects.ndjson'));
    await writeNdjson(join(staging, 'quarantine.ndjson'), result.quarantine, guard('quarantine.ndjson'));
    const summary = `${JSON.stringify(result.summary)}\n`;
    guard('summary.json')(summary);
    await writeFile(join(staging, 'summary.json'), summary);
    const report = `${JSON.stringify(result.report, null, 2)}\n`;
    guard('ingest-report.json')(report);
    await writeFile(join(staging, 'ingest-report.json'), report);
    for (const [name, body] of Object.entries(result.snapshots)) {
      await mkdir(dirname(join(staging, name)), { recursive: true });
      await writeFile(join(staging, name), body);
    }
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  let hadOld = true;
  try {
    await rename(outDir, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    hadOld = false;
  }
  await rename(staging, outDir);
  if (hadOld) await rm(old, { recursive: true, force: true });
}
