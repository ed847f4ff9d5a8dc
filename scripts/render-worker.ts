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
      const html = await container.renderToString(component, { props: job.props, request: new Request(url) });
      const t1 = performance.now();
      const file = join(input.dist, job.path);
      mkdirSync(dirname(file), { recursive: true });
      // A component renders without the doctype Astro's page pipeline adds; the stylesheet links Astro gave
      // its own pages go at the end of the head, where Astro puts them.
      writeFileSync(file, `<!DOCTYPE html>${html.replace('</head>', `${input.headTags}</head>`)}`);
      written++;
      renderMs += t1 - t0;
      writeMs += performance.now() - t1;
    }
    parentPort!.postMessage({ written, renderMs, writeMs } satisfies WorkerOutput);
  } catch (e) {
    parentPort!.postMessage({ written: 0, error: (e as Error).stack ?? String(e) } satisfies WorkerOutput);
  }
});
