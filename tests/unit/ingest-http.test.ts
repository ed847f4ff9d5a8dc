import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../scripts/ingest/run.ts';
import { writeOutputs } from '../../scripts/ingest/write.ts';
import { source, tempDir, writeSources } from './helpers.ts';

const rows = (n: number) => ['主体名称,统一社会信用代码,名单名称,认定日期,认定部门',
  ...Array.from({ length: n }, (_, i) => `哈尔滨第${i + 1}商贸有限公司,,守合同重信用企业,2026-01-0${(i % 9) + 1},哈尔滨市道里区市场监督管理局`)].join('\n');

let server: Server;
let base: string;
let size = 10;
beforeAll(async () => {
  // Loopback only: the test serves its own sources.
  server = createServer((req, res) => {
    if (req.url === '/list.csv') { res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }); res.end(rows(size)); return; }
    if (req.url === '/slow.csv') { setTimeout(() => { res.writeHead(200); res.end(rows(1)); }, 3000); return; }
    res.writeHead(404); res.end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => { server.closeAllConnections(); server.close(); });

function setup(path: string, extra: Record<string, unknown> = {}) {
  const dir = tempDir();
  return { sources: writeSources(dir, [source({ id: 'web', kind: 'redlist', format: 'csv', location: `${base}${path}`, ...extra })]), out: join(dir, 'out') };
}

describe('http sources', () => {
  it('ingests a source served over http', async () => {
    size = 10;
    const s = setup('/list.csv');
    const { report } = await runIngest({ sourcesFile: s.sources, outDir: s.out, today: '2026-06-01' });
    expect(report.sources[0]).toMatchObject({ rows: 10, accepted: 10 });
  });
  it('fails on a 404 with the status in the message', async () => {
    const s = setup('/missing.csv');
    await expect(runIngest({ sourcesFile: s.sources, outDir: s.out, today: '2026-06-01' })).rejects.toThrow('HTTP 404');
  });
  it('fails on a timeout, saying how long it waited', async () => {
    const s = setup('/slow.csv', { timeoutSeconds: 0.5 });
    await expect(runIngest({ sourcesFile: s.sources, outDir: s.out, today: '2026-06-01' })).rejects.toThrow('超时（0.5 秒）');
  });
  it('fails when the served file shrank by more than half since the last good run', async () => {
    size = 10;
    const s = setup('/list.csv');
    await writeOutputs(s.out, { ...(await runIngest({ sourcesFile: s.sources, outDir: s.out, today: '2026-06-01' })), snapshots: {} });
    size = 3;
    await expect(runIngest({ sourcesFile: s.sources, outDir: s.out, today: '2026-06-01' })).rejects.toThrow('从上次的 10 降到 3');
  });
});
