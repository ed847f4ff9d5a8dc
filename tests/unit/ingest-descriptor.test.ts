/**
 * The descriptor does what it says, or refuses: unknown keys and fields are errors, every option has an
 * effect a test can see, and every row read is accepted, rejected or excluded with a reason.
 */
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { outputFiles, runIngest } from '../../scripts/ingest/run.ts';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import { source, tempDir, writeSources } from './helpers.ts';

async function run(files: Record<string, string | Uint8Array>, desc: Record<string, unknown>, today = '2026-06-01') {
  const dir = tempDir(files);
  const sources = writeSources(dir, [source({ id: 's', ...desc })]);
  const result = await runIngest({ sourcesFile: sources, outDir: join(dir, 'out'), today });
  return { ...result, source: result.report.sources[0]!, files: outputFiles(result) };
}

const RATING = [
  'corpName,creditCode,evaGrade,doScore',
  '中交路桥建设有限公司,9111000059062789XU,AA,96',
  '四川京川公路工程（集团）有限公司,91510100633114155W,A,94.5',
  '某某路桥有限公司,,C,70',
  '另一路桥有限公司,,D,60',
].join('\n');
const RATING_DESC = {
  kind: 'redlist', location: 'r.csv',
  columns: { corpName: 'subjectName', creditCode: 'uscc', evaGrade: 'listName', doScore: '' },
  filter: { evaGrade: ['AA', 'A'] },
  values: { listName: { AA: '公路建设市场信用评价AA级', A: '公路建设市场信用评价A级', B: '公路建设市场信用评价B级' } },
  defaults: { listedOn: '2024-11-29', authority: '交通运输部' },
};

describe('unknown keys and fields', () => {
  it('refuses an unknown descriptor key, naming it and the nearest known one', async () => {
    await expect(run({ 'r.csv': RATING }, { ...RATING_DESC, filtr: { evaGrade: ['A'] } })).rejects.toThrow(/sources\.0\.filtr：未知的配置项（是否应为 filter？）/);
  });
  it('refuses a field name the kind does not have in columns, values or defaults', async () => {
    await expect(run({ 'r.csv': RATING }, { ...RATING_DESC, defaults: { listedOnn: '2024-11-29' } })).rejects.toThrow(/defaults\.listedOnn.*是否应为 listedOn/);
    await expect(run({ 'r.csv': RATING }, { ...RATING_DESC, columns: { corpName: 'subjectNmae' } })).rejects.toThrow(/columns\.corpName.*subjectName/);
  });
});

describe('values, filter and what went unused', () => {
  it('keeps only the allowed grades, counts the others as excluded with the reason, and maps list names through values', async () => {
    const r = await run({ 'r.csv': RATING }, RATING_DESC);
    expect(r.source).toMatchObject({ rows: 4, accepted: 2, rejected: 0, excluded: 2, exclusions: [{ reason: 'evaGrade不是 AA、A（描述文件 filter）', rows: 2 }] });
    expect(r.records.map((x) => x.kind === 'redlist' && x.listName).sort()).toEqual(['公路建设市场信用评价AA级', '公路建设市场信用评价A级']);
    expect(r.report.totals).toMatchObject({ rows: 4, accepted: 2, excluded: 2 });
  });
  it('lists look-up entries no row used, columns entries no header matched, and defaults no row needed', async () => {
    const r = await run({ 'r.csv': RATING }, { ...RATING_DESC, columns: { ...RATING_DESC.columns, 评价机关: 'authority' }, defaults: { ...RATING_DESC.defaults, subjectName: '无名' } });
    expect(r.source).toMatchObject({ unusedValues: ['listName.B'], unmatchedColumns: ['评价机关'], unusedDefaults: ['subjectName'] });
  });
  it('refuses a filter on a header the file does not have', async () => {
    await expect(run({ 'r.csv': RATING }, { ...RATING_DESC, filter: { 信用等级: ['A'] } })).rejects.toThrow(/filter 中的表头“信用等级”不在文件中/);
  });
});

describe('reading', () => {
  const LIC = '柳审环城园[2017]260号|砍伐、移植、修剪城市树木审批|2017年03月01日|2018年03月01日|柳州市城市管理局|同意砍伐\n柳环审字[2015]25号|建设项目环境影响评价批复|-|-|柳州市环境保护局|-';
  const LIC_DESC = {
    kind: 'license', location: 'l.csv', delimiter: '|', headerRow: 0,
    header: ['许可文书编号', '许可文件名称', '有效期自', '有效期至', '许可机关', '许可内容'],
    columns: { 许可文书编号: 'docNo', 许可文件名称: 'docName' },
    defaults: { subjectName: '广西柳工机械股份有限公司' },
  };
  it('reads a headerless |-separated file, counting its first line as data', async () => {
    const r = await run({ 'l.csv': LIC }, LIC_DESC);
    expect(r.source).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(r.records[0]).toMatchObject({ docNo: '柳审环城园[2017]260号', decisionDate: '2017-03-01' });
  });
  it('detects | as the delimiter when none is given', async () => {
    const r = await run({ 'l.csv': LIC }, { ...LIC_DESC, delimiter: undefined });
    expect(r.source.rows).toBe(2);
    expect(r.source.mappedColumns).toMatchObject({ 许可文书编号: 'docNo' });
  });
  it('warns when a licence takes 有效期自 as its decision date, and rejects one with neither', async () => {
    const r = await run({ 'l.csv': LIC }, LIC_DESC);
    expect(r.source.warnings).toContainEqual(expect.objectContaining({ row: 1, column: '有效期自', reason: expect.stringContaining('以有效期自 2017-03-01 作为决定日期') }));
    expect(r.report.rejects).toContainEqual(expect.objectContaining({ row: 2, reason: expect.stringContaining('许可决定日期') }));
  });
  it('counts a header line repeated inside the file as excluded, not as bad data', async () => {
    const twice = `${RATING}\n${RATING}`;
    const r = await run({ 'r.csv': twice }, { ...RATING_DESC, filter: {} });
    expect(r.source).toMatchObject({ rows: 9, excluded: 1, exclusions: [{ reason: '重复表头', rows: 1 }] });
  });
  it('reads a legacy .xls (BIFF8) workbook', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([
      ['道里区守信激励对象名单'],
      ['主体名称', '统一社会信用代码', '名单名称', '认定日期', '认定部门'],
      ['哈尔滨松江商贸有限公司', '9133021272513935X8', '守合同重信用企业', '2026-01-05', '哈尔滨市道里区市场监督管理局'],
    ]), '名单');
    const bytes = XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer;
    const r = await run({ 'h.xls': new Uint8Array(bytes) }, { kind: 'redlist', location: 'h.xls' });
    expect(r.source).toMatchObject({ rows: 1, accepted: 1 });
    expect(r.records[0]).toMatchObject({ listName: '守合同重信用企业', listedOn: '2026-01-05', sources: [{ row: 3 }] });
  });
});

describe('list names', () => {
  it('takes the list name from the source title when there is no column or default', async () => {
    const csv = '企业名称,统一社会信用代码,列入日期,列入事由,列入机关\n甲公司,9133021272513935X8,2026-01-05,拖欠工资,哈尔滨市道里区人力资源和社会保障局';
    const r = await run({ 'b.csv': csv }, { kind: 'blacklist', location: 'b.csv', title: '拖欠农民工工资失信联合惩戒对象名单' });
    expect(r.records[0]).toMatchObject({ listName: '拖欠农民工工资失信联合惩戒对象名单' });
  });
});
