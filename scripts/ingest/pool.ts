/**
 * Sources read side by side: each source is read and mapped on its own (source.ts), so a city's sources go to
 * worker threads, one source at a time to each, the costliest first; the outcomes come back in the sources' order
 * and everything after (identities, disclosure, the checks that every row is accounted for) is done once, on the
 * whole. A small run reads them one after another in this thread: a worker's start (its modules loaded) costs more
 * than a district's sources take to read.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SourceDescriptor } from '../../src/lib/schemas/source.ts';
import { IngestError, SourceError } from './errors.ts';
import { formatOf } from './read.ts';
import { ingestCached, isCached, type SourceOptions, type SourceOutcome } from './source.ts';

export interface SourceJob { desc: SourceDescriptor; bytes: Uint8Array }

/**
 * Below this many bytes of sources to be read (those whose outcome is not in the cache), they are read in this
 * thread. Measured on two cores (the ingest alone, runs in turn, threads against none): 20 MB (10,000 subjects) wall
 * 0.98, processor time +26%; 59 MB (30,000) wall 0.96, +23%; 206 MB (100,000) wall 0.83, +9%. Each thread loads the
 * readers and sends its rows back as copies. A rebuild after 1% of a city changed reads two of its eight sources
 * again (43 MB) and loads the rest from the cache: on two threads, which loaded cached outcomes only to copy them
 * back, it took as long (26.9 against 26.7 s) and 15% more processor time.
 */
export const WORKERS_FROM_BYTES = 64 * 2 ** 20;

/**
 * Below WORKERS_FROM_BYTES, sources to be read are still read in one thread beside this one when this one has
 * cached outcomes to load meanwhile and there are at least this many bytes to read: a rebuild after 1% of a city
 * changed reads its largest source of penalties again (42 MB) while the six others come from the cache, one after
 * the other in this thread until now.
 */
export const BESIDE_CACHED_FROM_BYTES = 16 * 2 ** 20;

/**
 * How many threads read these sources (those to be read): `requested` if given (1: this one), else one per
 * processor for a city's bytes, else none (1). `cachedToLoad`: how many outcomes this thread loads from the cache
 * meanwhile; then, unless `requested` says otherwise, a single thread reads beside it (the sources' bytes being at
 * least BESIDE_CACHED_FROM_BYTES), which `beside` tells.
 */
export function workerCount(jobs: SourceJob[], requested?: number, cachedToLoad = 0): { threads: number; beside: boolean } {
  const bytes = jobs.reduce((n, j) => n + j.bytes.length, 0);
  const wanted = requested ?? (bytes >= WORKERS_FROM_BYTES ? availableParallelism() : 1);
  const threads = Math.max(1, Math.min(wanted, jobs.length));
  return { threads, beside: threads === 1 && requested === undefined && cachedToLoad > 0 && bytes >= BESIDE_CACHED_FROM_BYTES };
}

/**
 * A guess of what a source costs to read, to start the costliest first: its bytes, a workbook's ten times over
 * (its bytes are compressed XML). A format that cannot be told is left to the reader to report.
 */
function cost(job: SourceJob): number {
  let format: string | undefined;
  try {
    format = formatOf(job.desc);
  } catch {
    format = undefined;
  }
  return job.bytes.length * (format === 'xlsx' || format === 'xls' ? 10 : 1);
}

/** An error as it crosses from a worker: what is needed to throw the same error here. */
export interface PassedError { type: 'source' | 'ingest' | 'other'; message: string; stack?: string; source?: string; reason?: string; hint?: string }
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'cached' }
  | { type: 'appended'; rows: number }
  | { type: 'done'; outcome: SourceOutcome }
  | { type: 'error'; error: PassedError };
export interface WorkerJob { desc: SourceDescriptor; bytes: Uint8Array; opts: Pick<SourceOptions, 'secret' | 'cacheDir' | 'freshCache'> }

export function passError(e: unknown): PassedError {
  if (e instanceof SourceError) return { type: 'source', message: e.message, source: e.source, reason: e.reason, hint: e.hint };
  const err = e instanceof Error ? e : new Error(String(e));
  return { type: e instanceof IngestError ? 'ingest' : 'other', message: err.message, stack: err.stack };
}

function thrown(p: PassedError): Error {
  if (p.type === 'source') return new SourceError(p.source!, p.reason!, p.hint!);
  if (p.type === 'ingest') return new IngestError(p.message);
  const e = new Error(p.message);
  if (p.stack) e.stack = p.stack;
  return e;
}

/**
 * Each source's outcome, or why it failed, in the order of `jobs`. The threads read the sources whose outcome is not
 * in the cache; those whose outcome is are loaded in this thread meanwhile (a thread would load it only to copy it
 * back).
 */
export async function readSources(jobs: SourceJob[], opts: SourceOptions & { workers?: number }): Promise<PromiseSettledResult<SourceOutcome>[]> {
  const cached = await Promise.all(jobs.map((job) => isCached(job.desc, job.bytes, opts)));
  const { threads, beside } = workerCount(jobs.filter((_, i) => !cached[i]), opts.workers, cached.filter(Boolean).length);
  const here = async (i: number): Promise<PromiseSettledResult<SourceOutcome>> => {
    try {
      return { status: 'fulfilled', value: await ingestCached(jobs[i]!.desc, jobs[i]!.bytes, opts) };
    } catch (reason) {
      return { status: 'rejected', reason };
    }
  };
  const results: PromiseSettledResult<SourceOutcome>[] = new Array(jobs.length);
  if (threads === 1 && !beside) {
    for (const i of jobs.keys()) results[i] = await here(i);
    return results;
  }
  const queue = jobs.map((job, i) => ({ job, i })).filter(({ i }) => !cached[i]).sort((a, b) => cost(b.job) - cost(a.job) || a.i - b.i);
  const loadCached = async () => {
    for (const i of jobs.keys()) if (cached[i]) results[i] = await here(i);
  };
  const passed = { secret: opts.secret, cacheDir: opts.cacheDir, freshCache: opts.freshCache };
  const runWorker = async () => {
    let worker: Worker | undefined;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { job, i } = next;
        // A worker that died of an uncaught error takes no more sources: a new one reads the next.
        const w = (worker ??= new Worker(new URL('./source-worker.ts', import.meta.url)));
        results[i] = await new Promise<PromiseSettledResult<SourceOutcome>>((settle) => {
          const done = (r: PromiseSettledResult<SourceOutcome>) => {
            w.off('message', onMessage);
            w.off('error', onError);
            w.off('exit', onExit);
            settle(r);
          };
          const onMessage = (m: WorkerMessage) => {
            if (m.type === 'progress') return opts.onProgress?.(job.desc.id, m.done, m.total);
            if (m.type === 'cached') return opts.onCached?.(job.desc.id);
            if (m.type === 'appended') return opts.onAppended?.(job.desc.id, m.rows);
            if (m.type === 'error') return done({ status: 'rejected', reason: thrown(m.error) });
            // The rows came with a copy of the descriptor: they point to this run's own, as rows read here do.
            for (const a of m.outcome.accepted) a.source = job.desc;
            done({ status: 'fulfilled', value: m.outcome });
          };
          const onError = (e: Error) => {
            worker = undefined;
            done({ status: 'rejected', reason: e });
          };
          // A thread that ends without a word (process.exit in a library) would leave the run waiting for ever.
          const onExit = (code: number) => {
            worker = undefined;
            done({ status: 'rejected', reason: new Error(`读取来源 ${job.desc.id} 的线程意外退出（退出码 ${code}），该来源未读完`) });
          };
          w.on('message', onMessage);
          w.on('error', onError);
          w.on('exit', onExit);
          w.postMessage({ desc: job.desc, bytes: job.bytes, opts: passed } satisfies WorkerJob);
        });
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all([loadCached(), ...Array.from({ length: threads }, runWorker)]);
  return results;
}
