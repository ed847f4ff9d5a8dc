/**
 * What reading one source produced (its rows mapped and checked, its rejects, its report), kept between runs:
 * a source whose bytes, descriptor and person-hash key are the same as last time, read by the same ingest code,
 * is not read again. Publishers update their files one at a time (a department's penalties this week, the red list
 * next month), so a daily build mostly re-reads nothing; identities and disclosure are still resolved afresh from
 * every source, on the day's date.
 *
 * One pair of files per source under the cache folder: ID.key (what the outcome was made from) and ID.ndjson (a
 * header line, then one accepted row a line, streamed both ways: no whole-source string). Written aside and renamed,
 * the key last, so that an interrupted run leaves no key that vouches for a partial file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readNdjson, writeNdjson } from '../../src/lib/ndjson.ts';
import type { SourceDescriptor } from '../../src/lib/schemas/source.ts';
import type { Tail } from './append.ts';
import type { Accepted } from './resolve.ts';

/** The parts of an outcome that are kept; accepted rows are kept without their descriptor (it is the current one). */
export interface Outcome<R, Q, P> { report: R; rejects: Q[]; quarantine: P[]; accepted: Accepted[] }

const ROOT = resolve(import.meta.dirname, '../..');
let version: string | undefined;

/** A hash of the code a source's outcome depends on: the ingest and the shared library (schemas, text, codes, masks). */
export function codeVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) hash.update(relative(ROOT, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  for (const dir of ['scripts/ingest', 'src/lib']) walk(join(ROOT, dir));
  // The readers' libraries (csv, xlsx, html parsers) by their locked versions.
  for (const f of ['package-lock.json', 'package.json']) if (existsSync(join(ROOT, f))) hash.update(readFileSync(join(ROOT, f)));
  version = hash.digest('hex');
  return version;
}

/** What an outcome was made with but its bytes: the code, the descriptor and the ID key (append.ts checks it). */
export function contextKey(desc: SourceDescriptor, secret: string): string {
  return createHash('sha256').update(codeVersion()).update('\0').update(JSON.stringify(desc)).update('\0')
    .update(createHash('sha256').update(secret).digest()).digest('hex');
}

export function outcomeKey(desc: SourceDescriptor, bytes: Uint8Array, secret: string): string {
  return createHash('sha256').update(contextKey(desc, secret)).update('\0').update(bytes).digest('hex');
}

const files = (dir: string, id: string) => ({ key: join(dir, `${id}.key`), data: join(dir, `${id}.ndjson`), tail: join(dir, `${id}.tail.json`) });

/** The Tail (append.ts) kept beside a source's outcome, if any. */
export async function readTail(dir: string, id: string): Promise<Tail | null> {
  const text = await readFile(files(dir, id).tail, 'utf8').catch(() => null);
  try {
    return text ? (JSON.parse(text) as Tail) : null;
  } catch {
    return null;
  }
}

/** Keeps `tail` beside the source's outcome, or removes the one there (null). Written after the outcome: a tail names its key. */
export async function writeTail(dir: string, id: string, tail: Tail | null): Promise<void> {
  const f = files(dir, id).tail;
  if (!tail) return rm(f, { force: true });
  const tmp = `${f}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(tail)}\n`);
  await rename(tmp, f);
}

/** Whether an outcome is kept under this key (readOutcome may still find its file unreadable, and the source is read then). */
export async function hasOutcome(dir: string, desc: SourceDescriptor, key: string): Promise<boolean> {
  const stored = await readFile(files(dir, desc.id).key, 'utf8').catch(() => null);
  return stored?.trim() === key;
}

export async function readOutcome<R, Q, P>(dir: string, desc: SourceDescriptor, key: string): Promise<Outcome<R, Q, P> | null> {
  if (!(await hasOutcome(dir, desc, key))) return null;
  const f = files(dir, desc.id);
  let head: Omit<Outcome<R, Q, P>, 'accepted'> | undefined;
  const accepted: Accepted[] = [];
  try {
    for await (const line of readNdjson<Record<string, unknown>>(f.data)) {
      if (!head) head = line as unknown as Omit<Outcome<R, Q, P>, 'accepted'>;
      else accepted.push({ ...(line as unknown as Omit<Accepted, 'source'>), source: desc });
    }
  } catch {
    return null;
  }
  return head ? { ...head, accepted } : null;
}

export async function writeOutcome<R, Q, P>(dir: string, desc: SourceDescriptor, key: string, outcome: Outcome<R, Q, P>): Promise<void> {
  const f = files(dir, desc.id);
  await mkdir(dir, { recursive: true });
  await rm(f.key, { force: true });
  const { accepted, ...head } = outcome;
  const rows = (function* () {
    yield head;
    for (const { source: _source, ...row } of accepted) yield row;
  })();
  const tmp = `${f.data}.${process.pid}.tmp`;
  await writeNdjson(tmp, rows);
  await rename(tmp, f.data);
  await writeFile(f.key, `${key}\n`);
}
