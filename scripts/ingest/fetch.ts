import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SourceDescriptor } from '../../src/lib/schemas/source.ts';
import { SourceError } from './errors.ts';

export const isUrl = (location: string) => /^https?:\/\//i.test(location);

/** The bytes of a source: a file relative to the descriptor's folder, or an http(s) URL with a timeout. */
export async function fetchSource(desc: SourceDescriptor, baseDir: string): Promise<Uint8Array> {
  if (!isUrl(desc.location)) {
    const path = resolve(baseDir, desc.location);
    try {
      return new Uint8Array(await readFile(path));
    } catch (e) {
      throw new SourceError(desc.id, `无法读取文件 ${path}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`, '请检查 location 路径是否相对于来源描述文件');
    }
  }
  let res: Response;
  try {
    res = await fetch(desc.location, { signal: AbortSignal.timeout(desc.timeoutSeconds * 1000), redirect: 'follow' });
  } catch (e) {
    const err = e as Error;
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
    throw new SourceError(
      desc.id,
      timedOut ? `下载 ${desc.location} 超时（${desc.timeoutSeconds} 秒）` : `无法下载 ${desc.location}（${(err.cause as Error | undefined)?.message ?? err.message}）`,
      timedOut ? '可稍后重试，或在描述文件中调大 timeoutSeconds' : '请检查网址和网络',
    );
  }
  if (!res.ok) {
    throw new SourceError(desc.id, `下载 ${desc.location} 失败：HTTP ${res.status}`, '请向发布单位确认文件地址是否变更');
  }
  try {
    return new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new SourceError(desc.id, `下载 ${desc.location} 中断（${(e as Error).message}）`, '可稍后重试');
  }
}
