import { parse } from 'csv-parse/sync';
import type { Grid } from './grid.ts';

/** The delimiter that splits the first lines most consistently: comma, tab, semicolon or |. */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 10);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', '\t', ';', '|']) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const score = Math.min(...counts, Infinity) + counts.reduce((a, b) => a + b, 0) / 100;
    if (score > bestScore) { best = d; bestScore = score; }
  }
  return best;
}

/**
 * CSV as published: ragged rows are kept (the mapper reports them), stray quotes are tolerated, and every
 * row keeps its line number in the file.
 */
export function readCsv(text: string, delimiter?: string): Grid {
  const records = parse(text, {
    delimiter: delimiter ?? sniffDelimiter(text),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
  }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
  // info.lines is the line a record ends on; a clerk looks for the line it starts on. csv-parse counts a CRLF inside
  // a quoted cell as two lines, and carries that on to every later record: those are taken off again.
  let overCounted = 0;
  return {
    rows: records.map(({ record, info, raw }) => {
      const inner = raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\n|\r)$/, '');
      overCounted += (inner.match(/\r\n/g) ?? []).length;
      return { row: info.lines - (inner.match(/\r\n|\n|\r/g) ?? []).length - overCounted, cells: record };
    }),
  };
}
