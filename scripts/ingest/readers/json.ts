import type { Grid } from './grid.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cell).filter(Boolean).join('、');
  if (isObj(v)) return JSON.stringify(v);
  return String(v);
}

/**
 * Rows of a JSON source: an array of objects; an object holding one (the longest array of objects, or the
 * one at `path`); or an object whose values are the row objects (keyed by an item code).
 */
export function findRows(data: unknown, path?: string): Obj[] {
  let node = data;
  if (path) {
    for (const p of path.split('.')) node = isObj(node) ? node[p] : undefined;
    if (!Array.isArray(node)) throw new Error(`JSON 中 ${path} 不是数组`);
  }
  if (Array.isArray(node)) return node.filter(isObj);
  if (!isObj(node)) throw new Error('JSON 既不是数组也不是对象');
  const arrays = Object.values(node).filter((v): v is Obj[] => Array.isArray(v) && v.some(isObj));
  if (arrays.length) return arrays.reduce((a, b) => (b.length > a.length ? b : a));
  const values = Object.values(node);
  if (values.length && values.every(isObj)) return values as Obj[];
  throw new Error('JSON 中找不到记录数组，请在描述文件中用 path 指明');
}

export function readJson(text: string, path?: string): Grid {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`JSON 格式错误：${(e as Error).message}`);
  }
  const objects = findRows(data, path);
  const header: string[] = [];
  for (const o of objects) for (const k of Object.keys(o)) if (!header.includes(k)) header.push(k);
  return { header, rows: objects.map((o, i) => ({ row: i + 1, cells: header.map((h) => cell(o[h])) })) };
}
