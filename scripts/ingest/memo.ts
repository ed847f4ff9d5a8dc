/**
 * A run whose every input is the last run's makes the last run's output: the ingest is pure but for reading its
 * sources. Its inputs are each source's bytes and descriptor, the ID key, the day, the district's disclosure rules,
 * the flags that decide failures, and the code (cache.ts codeVersion). When all of them hash to the key of the run
 * that wrote the output folder, and that folder holds exactly the files that run wrote, with their sizes and
 * modification times, the output stands and nothing is read, resolved or written again.
 *
 * Kept in the cache folder as run.json: the key and every output file's size and time. A run that fails, or one that
 * falls back to a source's snapshot, records nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { DisclosureConfig } from '../../src/lib/disclosure-rules.ts';
import type { SourceDescriptor } from '../../src/lib/schemas/source.ts';
import { contextKey } from './cache.ts';

export interface RunInputs {
  today: string;
  config: DisclosureConfig;
  secret: string;
  strict: boolean;
  allowShrink: boolean;
  /** Each source's descriptor and the SHA-256 of its bytes, in the order of the sources file. */
  sources: { desc: SourceDescriptor; sha256: string }[];
}

/** The key of a run's inputs (contextKey covers the code, the descriptor and the ID key). */
export function runKey(i: RunInputs): string {
  return createHash('sha256').update(JSON.stringify({
    today: i.today, config: i.config, strict: i.strict, allowShrink: i.allowShrink,
    sources: i.sources.map((s) => [contextKey(s.desc, i.secret), s.sha256]),
  })).digest('hex');
}

const memoFile = (cacheDir: string) => join(cacheDir, 'run.json');

/** Every file under `dir` (relative path → [size, modification time in ms]); empty when there is no such folder. */
function filesOf(dir: string): Record<string, [number, number]> {
  if (!existsSync(dir)) return {};
  const out: Record<string, [number, number]> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const st = statSync(path);
    out[relative(dir, path)] = [st.size, st.mtimeMs];
  }
  return out;
}

/** Whether `outDir` holds what the run of this key wrote, untouched since. */
export async function outputStands(cacheDir: string, outDir: string, key: string): Promise<boolean> {
  let kept: { key: string; files: Record<string, [number, number]> };
  try {
    kept = JSON.parse(await readFile(memoFile(cacheDir), 'utf8'));
  } catch {
    return false;
  }
  if (kept.key !== key) return false;
  const now = filesOf(outDir);
  const names = Object.keys(kept.files);
  return names.length > 0 && names.length === Object.keys(now).length
    && names.every((n) => now[n]?.[0] === kept.files[n]![0] && now[n]?.[1] === kept.files[n]![1]);
}

/** Records that `outDir` now holds what the run of this key wrote. */
export async function recordRun(cacheDir: string, outDir: string, key: string): Promise<void> {
  const tmp = `${memoFile(cacheDir)}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify({ key, files: filesOf(outDir) })}\n`);
  await rename(tmp, memoFile(cacheDir));
}

/** Forgets the last run: the output folder is about to change, or a run did not complete. */
export async function forgetRun(cacheDir: string): Promise<void> {
  await rm(memoFile(cacheDir), { force: true });
}
