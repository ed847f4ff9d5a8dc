/**
 * Publish a staged build into dist/: a file is written only if it is new or its bytes differ, and a file the
 * new build no longer has is removed, so that what did not change stays byte-identical and untouched (a
 * deploy by rsync or by object-store sync then uploads only the change). Folders kept up to date by another
 * stage (the entity pages) are left alone. Files are compared many at a time: the cost is the disk's, not
 * one round trip after another.
 *
 * A new or changed file is moved, not copied (the staged folder is spent afterwards): on a first build every
 * file is new, and a rename costs the disk nothing like reading and writing the file again.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface PublishResult { written: number; unchanged: number; removed: number }

/** At most this many files are being compared or copied at once. */
const PARALLEL = 64;

async function same(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b).catch(() => null)]);
  if (!sb || sa.size !== sb.size) return false;
  // One file by two names: the open data links what it kept (scripts/open-data.ts), which a build before published.
  if (sa.ino === sb.ino && sa.dev === sb.dev) return true;
  const [ba, bb] = await Promise.all([readFile(a), readFile(b)]);
  return ba.equals(bb);
}

/** Rename; across file systems (a dist/ mounted elsewhere), copy. */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await copyFile(from, to);
  }
}

export async function publish(staged: string, dist: string, keep: ReadonlySet<string>): Promise<PublishResult> {
  const result: PublishResult = { written: 0, unchanged: 0, removed: 0 };
  const files: string[] = [];
  // 1. Folders first (created, and what the staged build no longer has removed), collecting the files.
  async function walk(rel: string, top: boolean): Promise<void> {
    const from = join(staged, rel);
    const to = join(dist, rel);
    await mkdir(to, { recursive: true });
    const entries = await readdir(from, { withFileTypes: true });
    const names = new Map(entries.map((e) => [e.name, e.isDirectory()]));
    for (const e of await readdir(to, { withFileTypes: true })) {
      if ((top && keep.has(e.name)) || names.get(e.name) === e.isDirectory()) continue;
      await rm(join(to, e.name), { recursive: true, force: true });
      result.removed++;
    }
    for (const e of entries) {
      if (e.isDirectory()) await walk(join(rel, e.name), false);
      else files.push(join(rel, e.name));
    }
  }
  await walk('', true);
  // 2. Files, many at a time.
  let next = 0;
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    for (let i = next++; i < files.length; i = next++) {
      const rel = files[i]!;
      if (await same(join(staged, rel), join(dist, rel))) result.unchanged++;
      else { await move(join(staged, rel), join(dist, rel)); result.written++; }
    }
  }));
  return result;
}
