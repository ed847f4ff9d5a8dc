/**
 * A worker of scripts/render-entities.ts: renders one chunk of pages with a fresh Astro container and
 * writes them under dist/.
 */
// Synchronous writes: this thread has nothing else to do meanwhile, and they cost a third of the async ones.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { ListComponent } from '../src/lib/view/lists.ts';

export interface RenderJob {
  /** An export of src/render/entities.ts. */
  component: ComponentName;
  /** Under dist/, e.g. subject/91230102…/index.html. */
  path: string;
  props: Record<string, unknown>;
}
export interface WorkerInput { bundle: string; headTags: string; dist: string; jobs: RenderJob[] }
export interface WorkerOutput { written: number; renderMs?: number; writeMs?: number; error?: string }

export type ComponentName = 'SubjectPage' | 'RecordPage' | 'SubjectSectionPage' | ListComponent;
type Components = Record<ComponentName, Parameters<AstroContainer['renderToString']>[0]>;
let components: Components | undefined;
let headTags: Buffer | undefined;
const DOCTYPE = Buffer.from('<!DOCTYPE html>');
const HEAD_END = Buffer.from('</head>');

parentPort?.on('message', async (input: WorkerInput) => {
  try {
    components ??= (await import(pathToFileURL(input.bundle).href)) as Components;
    const container = await AstroContainer.create();
    let written = 0;
    let renderMs = 0;
    let writeMs = 0;
    for (const job of input.jobs) {
      const t0 = performance.now();
      const component = components[job.component];
      const url = `http://localhost/${job.path.replace(/index\.html$/, '')}`;
      // The page's bytes as Astro encoded them: taking them as text (renderToString) decoded them only for the
      // write to encode them again, a tenth of the render's time.
      const response = await container.renderToResponse(component, { props: job.props, request: new Request(url) });
      const html = Buffer.from(await response.arrayBuffer());
      const t1 = performance.now();
      const file = join(input.dist, job.path);
      mkdirSync(dirname(file), { recursive: true });
      // A component renders without the doctype Astro's page pipeline adds; the stylesheet links Astro gave
      // its own pages go at the end of the head, where Astro puts them.
      const head = html.indexOf(HEAD_END);
      if (head < 0) throw new Error(`${job.path}: the rendered page has no </head>`);
      writeFileSync(file, Buffer.concat([DOCTYPE, html.subarray(0, head), headTags ??= Buffer.from(input.headTags), html.subarray(head)]));
      written++;
      renderMs += t1 - t0;
      writeMs += performance.now() - t1;
    }
    parentPort!.postMessage({ written, renderMs, writeMs } satisfies WorkerOutput);
  } catch (e) {
    parentPort!.postMessage({ written: 0, error: (e as Error).stack ?? String(e) } satisfies WorkerOutput);
  }
});
