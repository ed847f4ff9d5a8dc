import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsv, sniffDelimiter } from '../../scripts/ingest/readers/csv.ts';
import { decodeText } from '../../scripts/ingest/readers/decode.ts';
import { toTable } from '../../scripts/ingest/readers/grid.ts';
import { readHtml } from '../../scripts/ingest/readers/html.ts';
import { findRows, readJson } from '../../scripts/ingest/readers/json.ts';
import { readKeyValue } from '../../scripts/ingest/readers/keyvalue.ts';
import { readXlsx } from '../../scripts/ingest/readers/xlsx.ts';

const known = (h: string) => ['纳税人名称', '纳税人识别号', '主体名称', '认定日期', '相关法律依据及税务处理处罚情况', '案件性质'].includes(h.trim());

describe('decodeText', () => {
  const text = '纳税人名称,纳税人识别号\n哈尔滨松江商贸有限公司,9133021272513935X8\n';
  it('reads UTF-8, UTF-8 with BOM and GBK to the same text', () => {
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({ text, encoding: 'utf-8-bom' });
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
  });
  it('honours a declared encoding and refuses an unknown one', () => {
    expect(decodeText(iconv.encode(text, 'gbk'), 'gbk').text).toBe(text);
    expect(() => decodeText(new Uint8Array(), 'klingon')).toThrow('不支持的编码');
  });
});

describe('readCsv', () => {
  it('keeps ragged rows and the line number of each row', () => {
    const grid = readCsv('a,b,c\n1,2\n\n3,4,5,6\n"多行\n文本",x,y\n');
    expect(grid.rows.map((r) => r.row)).toEqual([1, 2, 4, 5]);
    expect(grid.rows[1]!.cells).toEqual(['1', '2']);
    expect(grid.rows[2]!.cells).toEqual(['3', '4', '5', '6']);
    expect(grid.rows[3]!.cells[0]).toBe('多行\n文本');
  });
  it('numbers rows by the line they start on when cells hold line breaks, with CRLF or LF line ends', () => {
    // Each case: the file, and the lines its records start on (counted by hand).
    const cases: [string, number[]][] = [
      ['h,x\r\na,"1\r\n2"\r\nb,3\r\nc,"4\r\n5"\r\nd,6\r\n', [1, 2, 4, 5, 7]],
      ['h,x\r\n\r\na,"1\r\n\r\n2"\r\nb,3\r\n', [1, 3, 6]],
      ['h,x\na,"1\r\n2"\nb,3\n', [1, 2, 4]],
      ['h,x\r\na,"1\n2"\r\nb,3\r\n', [1, 2, 4]],
      ['h,x\n\n\na,"1\n\n2"\nb,3', [1, 4, 7]],
      ['\r\n\r\nh,x\r\na,1\r\n', [3, 4]],
    ];
    for (const [text, lines] of cases) expect({ text, lines: readCsv(text, ',').rows.map((r) => r.row) }).toEqual({ text, lines });
  });
  it('sniffs tab- and semicolon-separated files', () => {
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(sniffDelimiter('编号\t纳税人识别号,纳税人名称,评价年度\n1,913,名称,2018\n')).toBe(',');
  });
});

describe('toTable', () => {
  it('finds the header below a title row and drops blank rows', () => {
    const t = toTable({ rows: [
      { row: 1, cells: ['2026年守信激励名单', '', ''] },
      { row: 2, cells: ['序号', '主体名称', '认定日期'] },
      { row: 3, cells: ['1', '甲公司', '2026-01-01'] },
      { row: 4, cells: ['', '', ''] },
      { row: 5, cells: ['2', '乙公司', '2026-01-02'] },
    ] }, known);
    expect(t.header).toEqual(['序号', '主体名称', '认定日期']);
    expect(t.headerRow).toBe(2);
    expect(t.rows.map((r) => r.row)).toEqual([3, 5]);
  });
  it('uses an explicit header row and a replacement header', () => {
    const t = toTable({ rows: [{ row: 1, cells: ['x'] }, { row: 2, cells: ['y'] }] }, known, 1, ['主体名称']);
    expect(t).toMatchObject({ header: ['主体名称'], headerRow: 1, rows: [{ row: 2, cells: ['y'] }] });
  });
});

describe('readKeyValue', () => {
  const dump = [
    '纳税人名称,青海甲商贸有限公司',
    '纳税人识别号,91630104MA75232D2N ',
    '案件性质,走逃（失联）-虚开,增值税专用发票,案件性质,走逃（失联）-虚开,增值税专用发票',
    '相关法律依据及,税务处理处罚情况,依照,《税收征收管理法》,处理',
    '纳税人名称,青海乙物资有限公司',
    '主要违法事实,"对外虚开发票30份,金额298.35万元"',
  ].join('\r\n');
  it('starts a record at each recordStart key and numbers it by its first line', () => {
    const g = readKeyValue(dump, '纳税人名称', known);
    expect(g.rows.map((r) => r.row)).toEqual([1, 5]);
    expect(g.header).toEqual(['纳税人名称', '纳税人识别号', '案件性质', '相关法律依据及税务处理处罚情况', '主要违法事实']);
  });
  it('joins span fragments, keeps commas of quoted values, rejoins split keys and cuts doubled tables', () => {
    const g = readKeyValue(dump, '纳税人名称', known);
    const first = Object.fromEntries(g.header!.map((h, i) => [h, g.rows[0]!.cells[i]]));
    expect(first['案件性质']).toBe('走逃（失联）-虚开增值税专用发票');
    expect(first['相关法律依据及税务处理处罚情况']).toBe('依照《税收征收管理法》处理');
    expect(g.rows[1]!.cells[4]).toBe('对外虚开发票30份,金额298.35万元');
    expect(g.notes).toEqual([{ row: 3, column: '案件性质', reason: expect.stringContaining('重复出现') }]);
  });
});

describe('readJson and findRows', () => {
  it('reads an array, an object holding one, and an object of row objects', () => {
    expect(findRows([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(findRows({ code: 200, data: [{ a: 1 }, { a: 2 }], meta: [{ x: 1 }] })).toHaveLength(2);
    expect(findRows({ 'k-1': { a: 1 }, 'k-2': { a: 2 } })).toHaveLength(2);
    expect(findRows({ result: { list: [{ a: 1 }] } }, 'result.list')).toHaveLength(1);
  });
  it('turns values into cells: arrays joined, nulls empty', () => {
    const g = readJson(JSON.stringify([{ 名称: '甲', 行政相对人: ['企业', '自然人'], 金额: null }, { 名称: '乙', 备注: 3 }]));
    expect(g.header).toEqual(['名称', '行政相对人', '金额', '备注']);
    expect(g.rows[0]!.cells).toEqual(['甲', '企业、自然人', '', '']);
    expect(g.rows[1]!.cells).toEqual(['乙', '', '', '3']);
  });
  it('explains what is wrong with a broken or shapeless file', () => {
    expect(() => readJson('{"a":')).toThrow('JSON 格式错误');
    expect(() => readJson('{"a": 1}')).toThrow('找不到记录数组');
  });
});

describe('readHtml', () => {
  it('reads the table with most rows, its th and td cells, and decodes entities', () => {
    const g = readHtml(`<table><tr><td>导航</td></tr></table>
      <table><tr><th colspan="2">名单</th></tr><tr><th>主体名称</th><th>认定日期</th></tr>
      <tbody><tr><td>甲&amp;乙公司</td><td>2026.1.2&nbsp;</td></tr></tbody></table>`);
    expect(g.rows.map((r) => r.cells)).toEqual([['名单'], ['主体名称', '认定日期'], ['甲&乙公司', '2026.1.2\u00a0']]);
  });
  it('can be told which table to read', () => {
    expect(readHtml('<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr><tr><td>c</td></tr></table>', 1).rows).toHaveLength(1);
    expect(() => readHtml('<p>无表格</p>')).toThrow('没有表格');
  });
});

describe('readXlsx', () => {
  it('reads rows with their sheet row numbers, dates as ISO dates and serials as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['守信激励名单']);
    ws.addRow(['主体名称', '认定日期']);
    ws.addRow(['甲公司', new Date('2026-03-05T00:00:00Z')]);
    ws.addRow([]);
    ws.addRow(['乙公司', 46086]);
    ws.addRow([{ richText: [{ text: '丙' }, { text: '公司' }] }, { formula: 'A1', result: '2026-01-01' }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const g = await readXlsx(bytes);
    expect(g.rows.map((r) => [r.row, ...r.cells])).toEqual([
      [1, '守信激励名单'], [2, '主体名称', '认定日期'], [3, '甲公司', '2026-03-05'], [5, '乙公司', '46086'], [6, '丙公司', '2026-01-01'],
    ]);
    await expect(readXlsx(bytes, '不存在')).rejects.toThrow('没有工作表');
  });
});
