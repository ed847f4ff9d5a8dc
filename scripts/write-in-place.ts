/**
 * Writes a file over the one there in place: opened without truncating it, written from its start, and cut to the new
 * length only if the old one was longer. A file that is not there yet is made, with its folder.
 *
 * Why: `writeFileSync` opens with O_TRUNC, which frees the old file's blocks before the new bytes take others, and on
 * this machine's ext4 (mounted with `discard`) freeing blocks is what costs. 100,000 pages of 12 KB written over
 * themselves, one thread (2026-12-04): 18.5 s with `writeFileSync` (9.2 s of system time), 1.3 s in place (1.0 s).
 * A file made anew costs the same either way.
 *
 * A reader who reads the file while it is written sees a mix of the old and new bytes, as one did with a truncating
 * write (then a short file); a build that stops halfway leaves such a file, as before, which the next build writes
 * again (the entity pages' manifest is written only at the end).
 */
import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `there`: whether the caller knows a file (or its folder) to be there from the last build. A file that is not is
 * made as before, with its folder: trying to open it first, and failing, cost 7 µs a page more (an exception each;
 * 50,000 new pages on tmpfs: 0.61 s of user time against 0.28 s).
 */
export function writeInPlace(file: string, data: Uint8Array | string, there = true): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (!there) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    return;
  }
  let fd: number;
  try {
    fd = openSync(file, 'r+');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, 'w');
  }
  try {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at, at);
    if (fstatSync(fd).size > bytes.length) ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}
