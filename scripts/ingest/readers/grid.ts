/** What every reader produces: a grid of text cells with the row numbers a clerk would see. */
export interface GridRow {
  /** 1-based row (CSV line, sheet row, table row, array index, key/value block start). */
  row: number;
  cells: string[];
}

export interface Grid {
  rows: GridRow[];
  encoding?: string;
  /** When the reader already knows the header (JSON keys, key/value names), no detection is needed. */
  header?: string[];
  notes?: { row: number; column: string; reason: string }[];
}

export interface Table {
  header: string[];
  /** Row of the header (0 when it did not come from a row). */
  headerRow: number;
  rows: GridRow[];
  encoding?: string;
  notes: { row: number; column: string; reason: string }[];
}

export const isBlank = (r: GridRow) => r.cells.every((c) => c.trim() === '');

/**
 * Find the header: the descriptor's `headerRow`, or among the first 30 rows the one whose cells match
 * most known column names (so a title row above the header is skipped). Rows above the header and blank
 * rows are not data rows.
 */
export function toTable(grid: Grid, isKnownHeader: (h: string) => boolean, headerRow?: number, headerOverride?: string[]): Table {
  const notes = grid.notes ?? [];
  if (grid.header) {
    return { header: headerOverride ?? grid.header, headerRow: 0, rows: grid.rows.filter((r) => !isBlank(r)), encoding: grid.encoding, notes };
  }
  // headerRow 0: the file has no header line (the descriptor's `header` names the columns); every row is data.
  if (headerRow === 0) {
    return { header: headerOverride ?? [], headerRow: 0, rows: grid.rows.filter((r) => !isBlank(r)), encoding: grid.encoding, notes };
  }
  let index: number;
  if (headerRow !== undefined) {
    index = grid.rows.findIndex((r) => r.row === headerRow);
  } else {
    let best = -1;
    index = -1;
    for (let i = 0; i < Math.min(30, grid.rows.length); i++) {
      const score = grid.rows[i]!.cells.filter((c) => c.trim() && isKnownHeader(c)).length;
      if (score > best) { best = score; index = i; }
    }
    if (best <= 0) index = grid.rows.findIndex((r) => !isBlank(r));
  }
  if (index < 0) return { header: headerOverride ?? [], headerRow: 0, rows: [], encoding: grid.encoding, notes };
  const headerCells = grid.rows[index]!.cells;
  return {
    header: headerOverride ?? headerCells,
    headerRow: grid.rows[index]!.row,
    rows: grid.rows.slice(index + 1).filter((r) => !isBlank(r)),
    encoding: grid.encoding,
    notes,
  };
}
