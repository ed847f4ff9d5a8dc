/**
 * Configuration errors a clerk can act on: each names the key (as a dotted path), says what is wrong and,
 * for a key the schema does not know, which known key is nearest ("filtr" → "filter"). Configuration
 * objects are strict, so nothing a district writes is silently ignored.
 */
import leven from 'leven';
import type { z } from 'zod';

interface Def { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] }
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas that may sit at `path` inside `schema` (unions give several). */
function objectsAt(schema: z.ZodType, path: PropertyKey[]): Def[] {
  const def = defOf(schema);
  const inner = def.innerType ?? def.in;
  if (inner && ['optional', 'default', 'nullable', 'pipe', 'prefault', 'readonly', 'catch'].includes(def.type)) return objectsAt(inner, path);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => objectsAt(o, path));
  if (!path.length) return def.type === 'object' ? [def] : [];
  const [head, ...rest] = path;
  if (def.type === 'object' && def.shape && typeof head === 'string' && head in def.shape) return objectsAt(def.shape[head]!, rest);
  if (def.type === 'array' && def.element && typeof head === 'number') return objectsAt(def.element, rest);
  if (def.type === 'record' && def.valueType) return objectsAt(def.valueType, rest);
  return [];
}

/** The known key nearest to `key`, when one is close enough to be a likely typo. */
export function nearestKey(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = leven(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) { best = k; bestDistance = d; }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

const where = (path: PropertyKey[]) => path.map(String).join('.') || '(根)';

/** One line per problem: "sources.0.filtr：未知的配置项（是否应为 filter？）". */
export function describeIssues(schema: z.ZodType, error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const known = [...new Set(objectsAt(schema, issue.path).flatMap((d) => Object.keys(d.shape ?? {})))];
      return issue.keys.map((k) => {
        const near = nearestKey(k, known);
        return `${where([...issue.path, k])}：未知的配置项${near ? `（是否应为 ${near}？）` : known.length ? `（可用：${known.join('、')}）` : ''}`;
      });
    }
    return [`${where(issue.path)}：${issue.message}`];
  });
}
