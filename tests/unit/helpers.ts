import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const made: string[] = [];

/**
 * A fresh folder under the system's temporary folder, removed when the test file ends (tests/unit/setup.ts):
 * left behind, every run of the tests added some fifty folders there.
 */
export function tempFolder(prefix = 'credit-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders tempFolder made in this test file. */
export function removeTempFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh temporary folder with the given files (string or bytes). */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempFolder();
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
