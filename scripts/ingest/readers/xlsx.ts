import ExcelJS from 'exceljs';
import type { Grid } from './grid.ts';

/** A cell as text; dates become ISO dates, numbers stay as typed (date serials are parsed by the mapper). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

export async function readXlsx(bytes: Uint8Array, sheet?: string | number): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = sheet === undefined ? wb.worksheets[0]
    : typeof sheet === 'number' ? wb.worksheets[sheet - 1] : wb.getWorksheet(sheet);
  if (!ws) throw new Error(`工作簿中没有工作表 ${sheet ?? 1}（共有：${wb.worksheets.map((w) => w.name).join('、')}）`);
  const rows: Grid['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    rows.push({ row: n, cells });
  });
  return { rows };
}
