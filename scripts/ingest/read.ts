/** Stage "read": bytes of any supported format to a table with a header and numbered rows. */
import { extname } from 'node:path';
import type { SourceDescriptor, SourceFormat } from '../../src/lib/schemas/source.ts';
import { headerKey } from '../../src/lib/text.ts';
import { SourceError } from './errors.ts';
import { aliasIndex } from './fields.ts';
import { readCsv, sniffDelimiter } from './readers/csv.ts';
import { decodeText } from './readers/decode.ts';
import { toTable, type Grid, type Table } from './readers/grid.ts';
import { readHtml } from './readers/html.ts';
import { readJson } from './readers/json.ts';
import { readKeyValue } from './readers/keyvalue.ts';
import { readXls } from './readers/xls.ts';
import { readXlsx } from './readers/xlsx.ts';

export function formatOf(desc: Pick<SourceDescriptor, 'format' | 'location' | 'id'>): SourceFormat {
  if (desc.format) return desc.format;
  const ext = extname(desc.location.replace(/[?#].*$/, '')).toLowerCase().slice(1);
  const guessed = ({ csv: 'csv', txt: 'csv', xlsx: 'xlsx', xls: 'xls', json: 'json', html: 'html', htm: 'html', shtml: 'html' } as const)[ext];
  if (!guessed) throw new SourceError(desc.id, `无法从扩展名“${ext}”判断格式`, '请在描述文件中写明 format（csv、xlsx、xls、json 或 html）');
  return guessed;
}

/** A CSV's table, with what reading its appended rows alone needs (source.ts): the delimiter used and the rows read before the header was looked for. */
export interface ReadTable extends Table { csv?: { delimiter: string; gridRows: number } }

export async function readTable(desc: SourceDescriptor, bytes: Uint8Array): Promise<ReadTable> {
  const known = aliasIndex(desc.kind);
  const overrides = new Set(Object.keys(desc.columns).map(headerKey));
  const isKnown = (h: string) => known.has(headerKey(h)) || overrides.has(headerKey(h));
  const format = formatOf(desc);
  let grid: Grid;
  let delimiter: string | undefined;
  try {
    if (format === 'xlsx') {
      grid = await readXlsx(bytes, desc.sheet);
    } else if (format === 'xls') {
      grid = readXls(bytes, desc.sheet);
    } else {
      const { text, encoding } = decodeText(bytes, desc.encoding);
      if (format === 'csv' && desc.layout === 'keyvalue') {
        if (!desc.recordStart) throw new Error('layout: keyvalue 需要 recordStart（每条记录第一行的字段名）');
        grid = readKeyValue(text, desc.recordStart, isKnown);
      } else if (format === 'csv') grid = readCsv(text, (delimiter = desc.delimiter ?? sniffDelimiter(text)));
      else if (format === 'json') grid = readJson(text, desc.path);
      else grid = readHtml(text, desc.table);
      grid.encoding = encoding;
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(desc.id, `无法按 ${format} 读取：${(e as Error).message}`, '请检查文件格式、编码或描述文件中的 format/encoding/sheet');
  }
  const table = toTable(grid, isKnown, desc.headerRow, desc.header);
  if (!table.header.some(isKnown)) {
    throw new SourceError(desc.id, `找不到可识别的表头（读到：${table.header.slice(0, 8).join('、') || '空'}）`, '请用 headerRow 指明表头所在行，或用 columns 对照表头与字段');
  }
  return delimiter === undefined ? table : { ...table, csv: { delimiter, gridRows: grid.rows.length } };
}
