import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** A fresh temporary folder with the given files (string or bytes). */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'credit-test-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

/** Write a sources.yaml into `dir` and return its path. */
export function writeSources(dir: string, sources: Record<string, unknown>[]): string {
  const file = join(dir, 'sources.yaml');
  writeFileSync(file, stringify({ sources }));
  return file;
}

export const source = (over: Record<string, unknown>) => ({ title: '测试来源', publisher: '测试单位', ...over });
