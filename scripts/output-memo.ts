/**
 * Whether a folder still holds what a stage last wrote into it, from inputs of a given key: a stage that is pure but
 * for its inputs need not run again when they hash to the key it was last run with and its output is as it left it.
 * Kept in a small JSON file (memoFile): the key, and every file of the output with its size and modification time
 * when the stage ended. The ingest's output (scripts/ingest/memo.ts) and Astro's (scripts/build.ts) are kept so.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

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

/**
 * The files a stage reads, each as [absolute path, size, modification time] (size and time undefined for a file not
 * there), for its key: the ingest leaves its files untouched when its own inputs are its last run's, so a stage that
 * reads them finds the same stamps.
 */
export function fileStamps(files: string[]): [string, number | undefined, number | undefined][] {
  return files.map((f) => {
    const file = resolve(f);
    const st = existsSync(file) ? statSync(file) : undefined;
    return [file, st?.size, st?.mtimeMs];
  });
}

/** Whether `dir` holds exactly what was recorded under this key in `memoFile`, every file untouched since. */
export function outputStands(memoFile: string, dir: string, key: string): boolean {
  let kept: { key: string; files: Record<string, [number, number]> };
  try {
    kept = JSON.parse(readFileSync(memoFile, 'utf8'));
  } catch {
    return false;
  }
  if (kept.key !== key) return false;
  const now = filesOf(dir);
  const names = Object.keys(kept.files);
  return names.length > 0 && names.length === Object.keys(now).length
    && names.every((n) => now[n]?.[0] === kept.files[n]![0] && now[n]?.[1] === kept.files[n]![1]);
}

/** Records that `dir` now holds what inputs of this key make. */
export function recordOutput(memoFile: string, dir: string, key: string): void {
  const tmp = `${memoFile}.${process.pid}.tmp`;
  mkdirSync(dirname(memoFile), { recursive: true });
  writeFileSync(tmp, `${JSON.stringify({ key, files: filesOf(dir) })}\n`);
  renameSync(tmp, memoFile);
}

/** Forgets what was recorded: the output is about to change, or a run did not complete. */
export function forgetOutput(memoFile: string): void {
  rmSync(memoFile, { force: true });
}
