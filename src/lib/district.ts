/**
 * Loading district.yaml: `CREDIT_CONFIG` (or an explicit path) picks the file, `CREDIT_SOURCES` overrides its
 * sources file. Errors name the file and the key. Read synchronously: the build reads it while importing.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DistrictSchema, type District } from './schemas/district.ts';
import { describeIssues } from './schemas/issues.ts';

export const DEFAULT_DISTRICT_FILE = 'district.yaml';

export class ConfigError extends Error {}

export interface LoadedDistrict extends District {
  /** Absolute path of the district file. */
  file: string;
  /** Absolute path of the sources file in use (CREDIT_SOURCES wins over the file's `sources`). */
  sourcesFile: string;
  /** `shards`, each `data` folder resolved beside the district file. */
  shards: (District['shards'][number] & { dataDir?: string })[];
}

export function districtFile(explicit?: string): string {
  return resolve(explicit || process.env.CREDIT_CONFIG || DEFAULT_DISTRICT_FILE);
}

export function parseDistrict(text: string, file: string): District {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    throw new ConfigError(`配置文件 ${file} 不是有效的 YAML：${(e as Error).message}`);
  }
  const parsed = DistrictSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigError(`配置文件 ${file} 有误：\n${describeIssues(DistrictSchema, parsed.error).map((l) => `  ${l}`).join('\n')}`);
  }
  return parsed.data;
}

const cache = new Map<string, LoadedDistrict>();

export function loadDistrict(explicit?: string): LoadedDistrict {
  const file = districtFile(explicit);
  const hit = cache.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`无法读取配置文件 ${file}（${(e as NodeJS.ErrnoException).code}）；用 CREDIT_CONFIG 指定另一个文件`);
  }
  const district = parseDistrict(text, file);
  const loaded: LoadedDistrict = {
    ...district,
    file,
    sourcesFile: process.env.CREDIT_SOURCES ? resolve(process.env.CREDIT_SOURCES) : resolve(dirname(file), district.sources),
    shards: district.shards.map((x) => (x.data ? { ...x, dataDir: resolve(dirname(file), x.data) } : x)),
  };
  cache.set(file, loaded);
  return loaded;
}

/** The ID-hash secret: the environment variable the district names, else its configured value. */
export function idSecret(d: Pick<District, 'idSecret'>, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = d.idSecret.env ? env[d.idSecret.env] : undefined;
  if (fromEnv) {
    if (fromEnv.length < 16) throw new ConfigError(`环境变量 ${d.idSecret.env} 中的密钥至少应有 16 个字符`);
    return fromEnv;
  }
  if (d.idSecret.value) return d.idSecret.value;
  throw new ConfigError(`未设置身份证号哈希密钥：请设置环境变量 ${d.idSecret.env}（配置文件 idSecret.env）`);
}
