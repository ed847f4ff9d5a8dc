import { parse, type HTMLElement } from 'node-html-parser';
import type { Grid } from './grid.ts';

const children = (el: HTMLElement, tags: string[]) =>
  el.childNodes.filter((n): n is HTMLElement => (n as HTMLElement).tagName !== undefined && tags.includes((n as HTMLElement).tagName));

/** Rows of a table (its own, not those of nested tables), with th/td cells as text. */
function tableRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of children(table, ['TR', 'THEAD', 'TBODY', 'TFOOT'])) {
    if (child.tagName === 'TR') rows.push(child);
    else for (const tr of children(child, ['TR'])) rows.push(tr);
  }
  return rows;
}

/** An HTML table: the `table`-th one, or the one with most rows. Row numbers count the table's rows. */
export function readHtml(text: string, tableIndex?: number): Grid {
  const root = parse(text, { blockTextElements: { script: false, style: false } });
  const tables = root.querySelectorAll('table');
  if (!tables.length) throw new Error('HTML 中没有表格');
  const table = tableIndex !== undefined ? tables[tableIndex - 1]
    : tables.reduce((a, b) => (tableRows(b).length > tableRows(a).length ? b : a));
  if (!table) throw new Error(`HTML 中没有第 ${tableIndex} 个表格（共 ${tables.length} 个）`);
  return {
    rows: tableRows(table).map((tr, i) => ({
      row: i + 1,
      cells: children(tr, ['TD', 'TH']).map((c) => c.text),
    })),
  };
}
