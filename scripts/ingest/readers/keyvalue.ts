import type { Grid } from './grid.ts';

/**
 * "字段名,值" dumps of HTML detail pages (one table per case, rows joined by commas): a new record begins
 * at each `recordStart` key. Unquoted values were split at <span> boundaries by the scraper, so their
 * fragments are joined without a separator; a quoted value keeps its commas. A key that was itself split
 * ("相关法律依据及,税务处理处罚情况") is rejoined when the joined form is a known column.
 * Row numbers are the line numbers where each record starts.
 */
export function readKeyValue(text: string, recordStart: string, isKnownHeader: (h: string) => boolean): Grid {
  const lines = text.split(/\r?\n/);
  const header: string[] = [];
  const records: { row: number; values: Map<string, string> }[] = [];
  const notes: Grid['notes'] = [];
  let current: { row: number; values: Map<string, string> } | null = null;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parts = line.split(',');
    let key = parts.shift()!.replace(/^"|"$/g, '').trim();
    if (!isKnownHeader(key) && parts.length && isKnownHeader(key + parts[0]!.trim())) key += parts.shift()!.trim();
    if (key === recordStart) {
      current = { row: i + 1, values: new Map() };
      records.push(current);
    }
    if (!current) {
      notes.push({ row: i + 1, column: key, reason: `第一条记录（${recordStart}）之前的行，已忽略` });
      return;
    }
    // Some pages print the table twice side by side: "案件性质,X,案件性质,X". Keep the first copy.
    const repeat = parts.findIndex((p) => p.trim() === key);
    if (repeat >= 0) {
      notes.push({ row: i + 1, column: key, reason: `该行重复出现字段名“${key}”，只取第一次的值` });
      parts.splice(repeat);
    }
    const joined = parts.join(',');
    const quoted = joined.trimStart().startsWith('"');
    const value = (quoted ? joined : parts.join('')).trim().replace(/^"+|"+$/g, '');
    if (current.values.has(key)) {
      notes.push({ row: i + 1, column: key, reason: `同一条记录中“${key}”重复出现，已保留第一次的值` });
      return;
    }
    if (!header.includes(key)) header.push(key);
    current.values.set(key, value);
  });
  return {
    header,
    rows: records.map((r) => ({ row: r.row, cells: header.map((h) => r.values.get(h) ?? '') })),
    notes,
  };
}
