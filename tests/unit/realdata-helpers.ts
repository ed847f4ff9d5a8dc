/**
 * Running the ingest on the real published files, whole (../shared/realdata) or as the excerpts kept in
 * tests/fixtures/realdata/excerpts. One descriptor file serves both: only the locations differ.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { parse, stringify } from 'yaml';
import { outputFiles, runIngest, type RunResult } from '../../scripts/ingest/run.ts';
import { idSecret, loadDistrict } from '../../src/lib/district.ts';
import { tempDir } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/realdata');
export const SHARED_REALDATA = join(import.meta.dirname, '../../../shared/realdata');
export const EXCERPTS = join(FIXTURES, 'excerpts');
export const hasShared = existsSync(SHARED_REALDATA);

export interface RealRun extends RunResult {
  /** The output files as text. */
  files: Record<string, string>;
  source: (id: string) => RunResult['report']['sources'][number];
}

/** Ingest the real files on `today`; `files` maps a source file's name to where it is read from. */
export async function ingestReal(today: string, files: 'shared' | 'excerpts'): Promise<RealRun> {
  const district = loadDistrict(join(FIXTURES, 'district.yaml'));
  const desc = parse(readFileSync(join(FIXTURES, 'sources.yaml'), 'utf8')) as { sources: { location: string }[] };
  if (files === 'excerpts') for (const s of desc.sources) s.location = join(EXCERPTS, basename(s.location));
  else for (const s of desc.sources) s.location = join(FIXTURES, s.location);
  const dir = tempDir();
  const sourcesFile = join(dir, 'sources.yaml');
  writeFileSync(sourcesFile, stringify(desc));
  const run = await runIngest({ sourcesFile, outDir: join(dir, 'out'), today, config: district.disclosure, secret: idSecret(district) });
  return {
    ...run,
    files: outputFiles(run),
    source: (id) => run.report.sources.find((s) => s.id === id)!,
  };
}

/** The non-empty lines of a file, decoded. */
export function fileLines(path: string, encoding: string): string[] {
  return iconv.decode(readFileSync(path), encoding).split(/\r?\n/).filter((l) => l.trim());
}
