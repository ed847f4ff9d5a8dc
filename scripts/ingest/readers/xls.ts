/**
 * Legacy Excel 97–2003 workbooks (.xls, BIFF8), which many offices still publish. Read with SheetJS 0.20
 * (@e965/xlsx: the npm republish of the maintained SheetJS build; npm's own `xlsx` stopped at 0.18.5,
 * which has unfixed advisories). ExcelJS, used for .xlsx, cannot read BIFF.
 */
import * as XLSX from '@e965/xlsx';
import type { Grid } from './grid.ts';

export function readXls(bytes: Uint8Array, sheet?: string | number): Grid {
  const wb = XLSX.read(bytes, { type: 'array', cellDates: true, dense: true });
  const name = sheet === undefined ? wb.SheetNames[0] : typeof sheet === 'number' ? wb.SheetNames[sheet - 1] : sheet;
  const ws = name === undefined ? undefined : wb.Sheets[name];
  if (!ws) throw new Error(`工作簿中没有工作表 ${sheet ?? 1}（共有：${wb.SheetNames.join('、')}）`);
  const rows: Grid['rows'] = [];
  // Row numbers as Excel shows them: the sheet's used range may start below row 1.
  const first = XLSX.utils.decode_range(ws['!ref'] ?? 'A1').s.r;
  const aoa = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, blankrows: true, defval: '' });
  aoa.forEach((cells, i) => {
    const text = cells.map((v) => (v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : localIsoDate(v)) : v === null || v === undefined ? '' : String(v)));
    if (text.some((c) => c.trim())) rows.push({ row: first + i + 1, cells: text });
  });
  return { rows };
}

/** SheetJS gives dates at local midnight; the calendar day is what the publisher typed. */
function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
