import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { siteData } from '../../lib/view/data.ts';
import { kindLabel, recordDate, recordTitle } from '../../lib/view/record.ts';
import { recordUrl } from '../../lib/view/urls.ts';

export const GET: APIRoute = async () => {
  const { records } = await siteData();
  const rows = records.map((r) => [
    r.id, kindLabel(r), r.subject.name, r.subject.category, r.subject.codes.uscc ?? '', r.subject.codes.idMasked ?? '',
    recordTitle(r), r.docNo ?? '', r.authority, recordDate(r), r.disclosure.state, r.disclosure.start, r.disclosure.end ?? '', recordUrl(r.id),
  ]);
  const header = ['编号', '类别', '主体名称', '主体类别', '统一社会信用代码', '证件号码（脱敏）', '信息', '文号', '机关', '日期', '状态', '公示起', '公示截止', '链接'];
  return new Response(`\ufeff${stringify([header, ...rows])}`, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
