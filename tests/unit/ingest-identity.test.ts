/**
 * Identity and privacy in the resolve stage, on small files of the shapes real publishers produce:
 * one credit file per business, never another's record, and no personal ID number in any output.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFiles, runIngest } from '../../scripts/ingest/run.ts';
import { findIdNumber } from '../../src/lib/mask.ts';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import type { Subject } from '../../src/lib/schemas/subject.ts';
import { source, tempDir, writeSources } from './helpers.ts';

const HEADER = '当事人名称,统一社会信用代码,证件号码,行政处罚决定书文号,处罚类别,罚款金额（万元）,处罚决定日期,处罚机关';

async function ingest(lines: string[]) {
  const dir = tempDir({ 'cf.csv': `${HEADER}\n${lines.join('\n')}\n` });
  const sources = writeSources(dir, [source({ id: 'cf', kind: 'penalty', location: 'cf.csv' })]);
  const run = await runIngest({ sourcesFile: sources, outDir: join(dir, 'out'), today: '2026-06-01', secret: 'identity-test-secret-0001' });
  return {
    ...run,
    files: outputFiles(run),
    warnings: run.report.sources[0]!.warnings,
  };
}
const fined = (name: string, code: string, id: string, doc: string) => `${name},${code},${id},${doc},罚款,15,2026-05-10,哈尔滨市道里区市场监督管理局`;

describe('identity: a valid 统一社会信用代码', () => {
  it('makes one subject of rows under other names (名称变更), named by its latest record, with the others as aliases and one warning', async () => {
    const r = await ingest([
      fined('哈尔滨松江商贸有限公司', '9133021272513935X8', '', '文1号'),
      fined('哈尔滨松江商贸集团有限公司', '9133021272513935X8', '', '文2号').replace('2026-05-10', '2026-05-20'),
      fined('哈尔滨松江商贸集团有限公司', '9133021272513935X8', '', '文3号'),
    ]);
    expect(r.subjects).toEqual([expect.objectContaining({ id: '9133021272513935X8', name: '哈尔滨松江商贸集团有限公司', aliases: ['哈尔滨松江商贸有限公司'] })]);
    const renames = r.warnings.filter((w) => w.reason.includes('名称变更'));
    expect(renames).toHaveLength(1);
    expect(renames[0]!.reason).toContain('哈尔滨松江商贸有限公司、哈尔滨松江商贸集团有限公司');
  });
});

describe('identity: a code with a wrong check character', () => {
  it('does not absorb other shops whose codes differ from a valid code only in the last character (昭觉县 case)', async () => {
    const r = await ingest([
      fined('昭觉县甲便利店', '9133021272513935X8', '', '文1号'),
      fined('昭觉县乙副食店', '9133021272513935X9', '', '文2号'),
      fined('昭觉县丙百货店', '9133021272513935X7', '', '文3号'),
    ]);
    expect(r.subjects.map((s) => s.name).sort()).toEqual(['昭觉县丙百货店', '昭觉县乙副食店', '昭觉县甲便利店']);
    const valid = r.subjects.find((s) => s.id === '9133021272513935X8')!;
    expect(valid.aliases).toEqual([]);
    expect(valid.recordIds).toHaveLength(1);
  });
  it('joins the valid subject when the name is the same (a typo of the same business)', async () => {
    const r = await ingest([
      fined('哈尔滨松江商贸有限公司', '9133021272513935X8', '', '文1号'),
      fined('哈尔滨松江商贸有限公司', '9133021272513935X9', '', '文2号'),
    ]);
    expect(r.subjects).toEqual([expect.objectContaining({ id: '9133021272513935X8', recordIds: expect.arrayContaining([expect.any(String), expect.any(String)]) })]);
  });
  it('gives two subjects and a warning when a tail-zeroed code is shared by two different names', async () => {
    const r = await ingest([
      fined('湖北甲路桥有限公司', '913301017043065000', '', '文1号'),
      fined('湖北乙建设有限公司', '913301017043065000', '', '文2号'),
    ]);
    expect(r.subjects).toHaveLength(2);
    expect(r.warnings.some((w) => w.reason.includes('913301017043065000') && w.reason.includes('不合并'))).toBe(true);
  });
});

describe('identity: codes Excel damaged', () => {
  it('drops a code in scientific notation with a warning that says so, and keeps each row by its name', async () => {
    const r = await ingest([
      fined('中国一冶集团有限公司', '9.14E+17', '', '文1号'),
      fined('中铁七局集团有限公司', '9.14E+17', '', '文2号'),
      fined('中国一冶集团有限公司', '9.12301E+17', '', '文3号'),
    ]);
    expect(r.report.sources[0]).toMatchObject({ accepted: 3, rejected: 0 });
    expect(r.subjects.map((s) => [s.name, s.recordIds.length]).sort()).toEqual([['中国一冶集团有限公司', 2], ['中铁七局集团有限公司', 1]]);
    expect(r.warnings.filter((w) => w.reason.includes('科学计数法'))).toHaveLength(3);
    expect(r.files['records.ndjson']).not.toContain('E+17');
    expect(r.files['subjects.ndjson']).not.toContain('E+17');
  });
});

describe('identity: natural persons', () => {
  it('keeps two namesakes whose masked IDs look alike as two subjects', async () => {
    const r = await ingest([
      `张伟,,11010519491231002X,文1号,罚款,3,2026-05-10,哈尔滨市公安局道里分局`,
      `张伟,,11010519500101002X,文2号,罚款,3,2026-05-10,哈尔滨市公安局道里分局`,
    ]);
    expect(r.subjects).toHaveLength(2);
    expect(new Set(r.subjects.map((s) => s.codes.idMasked))).toEqual(new Set(['110105********002X']));
  });
  it('never merges a person row without an ID number with a namesake', async () => {
    const r = await ingest([
      `李娜,,11010519491231002X,文1号,罚款,3,2026-05-10,哈尔滨市公安局道里分局`,
      `李娜,,,文2号,罚款,3,2026-05-10,哈尔滨市公安局道里分局`,
    ]);
    expect(r.subjects).toHaveLength(2);
  });
  it('makes the same person one subject across rows, with an id that is a hash, not the number', async () => {
    const r = await ingest([
      `王芳,,11010519491231002X,文1号,罚款,3,2026-05-10,哈尔滨市公安局道里分局`,
      `王芳,,11010519491231002x,文2号,罚款,3,2026-05-11,哈尔滨市公安局道里分局`,
    ]);
    expect(r.subjects).toHaveLength(1);
    expect(r.subjects[0]!.id).toMatch(/^p-[0-9a-f]{12}$/);
    expect(r.subjects[0]!.id).not.toMatch(/110105|1949|002X/i);
  });
});

describe('privacy: anything shaped like a resident ID', () => {
  it('masks an owner’s ID that Excel cut in a 个体户’s code column, everywhere', async () => {
    const r = await ingest([fined('某某县某某饭店', '513328198909014000', '', '文1号')]);
    const all = Object.values(r.files).join('\n');
    expect(all).not.toContain('513328198909014000');
    expect(findIdNumber(all)).toBeNull();
    expect(r.subjects[0]!.codes).toEqual(expect.objectContaining({ idMasked: '513328********4000' }));
    expect(r.subjects[0]!.codes).not.toHaveProperty('uscc');
  });
  it('masks a 15-digit old ID found in a code column', async () => {
    const r = await ingest([fined('某某县某某商店', '110105491231003', '', '文1号')]);
    expect(Object.values(r.files).join('\n')).not.toContain('110105491231003');
  });
  it('masks ID shapes inside free text and in the quarantine of rejected rows', async () => {
    const r = await ingest([`赵六,,513328198909014000,文1号,罚款,3,不详,哈尔滨市公安局道里分局`]);
    expect(r.report.totals.rejected).toBe(1);
    expect(r.files['quarantine.ndjson']).toContain('513328********4000');
    expect(findIdNumber(Object.values(r.files).join('\n'))).toBeNull();
  });
});
