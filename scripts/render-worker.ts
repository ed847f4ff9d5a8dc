/**
 * A worker of scripts/render-entities.ts: renders one chunk of pages with a fresh Astro container and
 * writes them under dist/.
 *
 * Pages under the same menu entry (the only thing the layout reads of a page's address) are rendered up to BATCH at
 * a time, in one render of src/render/Batch.astro, and cut apart at a break no page can hold: a render's own cost
 * (its route, request and response) was a quarter of a record page's. Each page comes out byte for byte as when
 * rendered alone (checked on every page of a 10,000-subject district).
 */
// Synchronous writes: this thread has nothing else to do meanwhile, and they cost a third of the async ones.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { ListComponent } from '../src/lib/view/lists.ts';
import { currentNav } from '../src/lib/view/nav.ts';
import { writeInPlace } from './write-in-place.ts';

export interface RenderJob {
  /** An export of src/render/entities.ts. */
  component: ComponentName;
  /** Under dist/, e.g. subject/91230102…/index.html. */
  path: string;
  props: Record<string, unknown>;
  /** Whether the page's folder was there when the stage began (write-in-place.ts). */
  there?: boolean;
}
export interface WorkerInput { bundle: string; headTags: string; dist: string; jobs: RenderJob[] }
export interface WorkerOutput { written: number; renderMs?: number; writeMs?: number; error?: string }

export type ComponentName = 'SubjectPage' | 'RecordPage' | 'SubjectSectionPage' | ListComponent;
type Component = Parameters<AstroContainer['renderToString']>[0];
let components: (Record<ComponentName, Component> & { Batch: Component; SiteHeader: Component; SiteFooter: Component }) | undefined;
let headTags: Buffer | undefined;
const DOCTYPE = Buffer.from('<!DOCTYPE html>');
const HEAD_END = Buffer.from('</head>');
/** Pages rendered in one call: enough that a render's own cost is spread thin, few enough to keep the string small. */
const BATCH = 50;
/** Between two pages of a batch; a comment no page can hold (a fresh UUID). */
const BREAK = `<!--page-break-${randomUUID()}-->`;
const BREAK_BYTES = Buffer.from(BREAK);

const urlOf = (path: string) => `/${path.replace(/index\.html$/, '')}`;

/**
 * The header and footer of the pages under a menu entry, rendered once and given to the layout as text (Astro.locals):
 * they are the same on every page under that entry (rendering them with each page was about a tenth of its render).
 */
const chromes = new Map<string, Promise<{ header: string; footer: string }>>();
function chromeOf(container: AstroContainer, current: string | undefined): Promise<{ header: string; footer: string }> {
  let chrome = chromes.get(current ?? '');
  if (!chrome) {
    chromes.set(current ?? '', (chrome = Promise.all([
      container.renderToString(components!.SiteHeader, { props: { current } }),
      container.renderToString(components!.SiteFooter),
    ]).then(([header, footer]) => ({ header, footer }))));
  }
  return chrome;
}

/** The chunk's pages, grouped by what the layout reads of their address (and by component, so that neighbours are alike), BATCH at most to a group. */
export function batches(jobs: RenderJob[], size = BATCH): RenderJob[][] {
  const groups = new Map<string, RenderJob[]>();
  for (const job of jobs) {
    const key = `${job.component} ${currentNav(urlOf(job.path)) ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(job);
    else groups.set(key, [job]);
  }
  const out: RenderJob[][] = [];
  for (const group of groups.values()) for (let i = 0; i < group.length; i += size) out.push(group.slice(i, i + size));
  return out;
}

/** Chunks are rendered one after another, in the order they came: they may come while one is being rendered. */
let queue = Promise.resolve();
parentPort?.on('message', (input: WorkerInput) => { queue = queue.then(() => renderChunk(input)); });

async function renderChunk(input: WorkerInput): Promise<void> {
  try {
    components ??= (await import(pathToFileURL(input.bundle).href)) as NonNullable<typeof components>;
    headTags ??= Buffer.from(input.headTags);
    const container = await AstroContainer.create();
    let written = 0;
    let renderMs = 0;
    let writeMs = 0;
    for (const batch of batches(input.jobs)) {
      const t0 = performance.now();
      // The page's bytes as Astro encoded them: taking them as text decoded them only for the write to encode them again.
      const url = urlOf(batch[0]!.path);
      const response = await container.renderToResponse(components.Batch, {
        props: { brk: BREAK, pages: batch.map((job) => ({ Component: components![job.component], props: job.props })) },
        request: new Request(`http://localhost${url}`),
        locals: { chrome: await chromeOf(container, currentNav(url)) },
      });
      const html = Buffer.from(await response.arrayBuffer());
      const t1 = performance.now();
      let at = 0;
      for (const job of batch) {
        const end = html.indexOf(BREAK_BYTES, at);
        if (end < 0) throw new Error(`${job.path}: the batch it was rendered in came out with fewer pages than it had (${batch.map((j) => j.path).join(', ')})`);
        const page = html.subarray(at, end);
        at = end + BREAK_BYTES.length;
        const file = join(input.dist, job.path);
        // A component renders without the doctype Astro's page pipeline adds; the stylesheet links Astro gave
        // its own pages go at the end of the head, where Astro puts them.
        const head = page.indexOf(HEAD_END);
        if (head < 0) throw new Error(`${job.path}: the rendered page has no </head>`);
        // Over the last build's page in place: a truncating write cost the disk most of the page's time (write-in-place.ts).
        writeInPlace(file, Buffer.concat([DOCTYPE, page.subarray(0, head), headTags, page.subarray(head)]), job.there);
        written++;
      }
      if (at !== html.length) throw new Error(`a batch came out with more than its ${batch.length} pages (${batch.map((j) => j.path).join(', ')})`);
      renderMs += t1 - t0;
      writeMs += performance.now() - t1;
    }
    parentPort!.postMessage({ written, renderMs, writeMs } satisfies WorkerOutput);
  } catch (e) {
    parentPort!.postMessage({ written: 0, error: (e as Error).stack ?? String(e) } satisfies WorkerOutput);
  }
}
