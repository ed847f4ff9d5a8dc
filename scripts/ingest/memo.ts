/**
 * A run whose every input is the last run's makes the last run's output: the ingest is pure but for reading its
 * sources. Its inputs are each source's bytes and descriptor, the ID key, the day, the district's disclosure rules,
 * the flags that decide failures, and the code (cache.ts codeVersion). When all of them hash to the key of the run
 * that wrote the output folder, and that folder holds exactly the files that run wrote, with their sizes and
 * modification times, the output stands and nothing is read, resolved or written again.
 *
 * Kept in the cache folder as run.json (scripts/output-memo.ts): the key and every output file's size and time. A run
 * that fails, or one that falls back to a source's snapshot, records nothing.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { DisclosureConfig } from '../../src/lib/disclosure-rules.ts';
import type { SourceDescriptor } from '../../src/lib/schemas/source.ts';
import { contextKey } from './cache.ts';
import { forgetOutput, outputStands as standing, recordOutput } from '../output-memo.ts';

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

/** Whether `outDir` holds what the run of this key wrote, untouched since. */
export const outputStands = (cacheDir: string, outDir: string, key: string): boolean => standing(memoFile(cacheDir), outDir, key);
/** Records that `outDir` now holds what the run of this key wrote. */
export const recordRun = (cacheDir: string, outDir: string, key: string): void => recordOutput(memoFile(cacheDir), outDir, key);
/** Forgets the last run: the output folder is about to change, or a run did not complete. */
export const forgetRun = (cacheDir: string): void => forgetOutput(memoFile(cacheDir));
