/**
 * A worker of pool.ts: reads and maps the sources it is given, one at a time, and sends back each outcome (or
 * why it failed), with the progress of its rows on the way.
 */
import { parentPort } from 'node:worker_threads';
import { passError, type WorkerJob, type WorkerMessage } from './pool.ts';
import { ingestCached } from './source.ts';

const send = (m: WorkerMessage) => parentPort!.postMessage(m);

parentPort!.on('message', async ({ desc, bytes, opts }: WorkerJob) => {
  try {
    const outcome = await ingestCached(desc, bytes, {
      ...opts,
      onProgress: (_source, done, total) => send({ type: 'progress', done, total }),
      onCached: () => send({ type: 'cached' }),
      onAppended: (_source, rows) => send({ type: 'appended', rows }),
    });
    send({ type: 'done', outcome });
  } catch (e) {
    send({ type: 'error', error: passError(e) });
  }
});
