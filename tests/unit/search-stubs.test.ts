import { describe, expect, it } from 'vitest';
import { namePairTokens, nameRest, searchStubs, subjectCodes, subjectStub, titleTokens } from '../../src/lib/search/stubs.ts';
import { pairToken } from '../../src/lib/search/pairs.ts';
import type { PublishedRecord } from '../../src/lib/schemas/record.ts';
import type { Subject } from '../../src/lib/schemas/subject.ts';
import { holdsAll, isUsccShape, normalizeQueryCode, searchTerms, subjectHref, today } from '../../src/scripts/search-util.ts';

const subject: Subject = {
  id: '9133021272513935X8', name: '哈尔滨松江<商贸>有限公司', category: '法人及非法人组织',
  codes: { uscc: '9133021272513935X8', regNo: '110108000000016' }, aliases: ['松江商贸'], recordIds: ['cf-000000000001', 'hm-000000000002'],
};
const penalty = {
  id: 'cf-000000000001', kind: 'penalty', subjectId: subject.id,
  docNo: '哈道市监罚〔2026〕1号', violationType: '虚假宣传', categories: ['罚款'], decisionDate: '2026-05-10', authority: '哈尔滨市道里区市场监督管理局',
  disclosure: { state: '公示中', rule: 'ndrc-2025-36/一般', start: '2026-05-10', end: '2027-05-10' },
  sources: [{ source: 'a', title: 't', publisher: 'p', row: 2 }],
} as unknown as PublishedRecord;
const black = {
  id: 'hm-000000000002', kind: 'blacklist', subjectId: subject.id, listName: '严重违法失信名单', listedOn: '2025-03-01', authority: '哈尔滨市市场监督管理局',
  disclosure: { state: '公示中', rule: 'x', start: '2025-03-01', end: '2028-03-01' },
  sources: [{ source: 'b', title: 't', publisher: 'p', row: 3 }],
} as unknown as PublishedRecord;
const other: Subject = { id: '91230102MA1B2C3D4E', name: '没有记录的公司', category: '法人及非法人组织', codes: {}, aliases: [], recordIds: [] };

describe('searchStubs', () => {
  const stubs = Object.fromEntries(searchStubs([penalty, black], [subject, other]));
  const html = stubs['subject/9133021272513935X8.html']!;
  it('writes one stub per subject with public records, at the URL of its page', () => {
    expect(Object.keys(stubs)).toEqual(['subject/9133021272513935X8.html']);
  });
  it('puts every code and the pinyin in the searchable text, and of the names and aliases only what their pairs do not hold', () => {
    // 哈尔滨松江<商贸>有限公司: every character is in a pair, and < > are no words.
    expect(html).toContain('<h1 data-pagefind-weight="10"></h1>');
    expect(html).not.toMatch(/<(h1|p)[^>]*>[^<]*松江/);
    // The name whole, once, as the title metadata (Pagefind's one word for it), escaped.
    expect(html).toContain('data-pagefind-meta="title:哈尔滨松江&lt;商贸&gt;有限公司"');
    expect(html).toContain('110108000000016');
    expect(html).toContain('haerbinsongjiangshangmaoyouxiangongsi');
    expect(html).toContain('hebsjsmyxgs');
    expect(html).toContain('songjiangshangmao sjsm');
    expect(html).toContain('lang="zh-CN"');
  });
  it('gives each record a heading whose id is the record id and whose words are its title’s pairs, newest first, weighing less than the name', () => {
    // 虚假 假宣 宣传
    expect(html).toContain(`<h2 id="cf-000000000001" data-pagefind-weight="1">${['虚假', '假宣', '宣传'].map((p) => pairToken(p, 'vz')).join(' ')}</h2><h2 id="hm-000000000002"`);
    expect(html.indexOf('id="cf-000000000001"')).toBeLessThan(html.indexOf('id="hm-000000000002"'));
  });
  it('leaves 文号 and authorities out of the searchable text: the 文号 lookup and the authority filter find them', () => {
    expect(html).not.toContain('哈道市监罚');
    expect(html.replace(/<i [^>]*><\/i>/g, '')).not.toContain('市场监督管理局');
  });
  it('carries every kind, authority and year as filters, and no sort key (it would grow the metadata every search loads)', () => {
    expect(html).toContain('data-pagefind-filter="kind:行政处罚"');
    expect(html).toContain('data-pagefind-filter="kind:严重失信主体名单（黑名单）"');
    expect(html).toContain('data-pagefind-filter="authority:哈尔滨市市场监督管理局"');
    expect(html).toContain('data-pagefind-filter="year:2025"');
    expect(html).toContain('data-pagefind-filter="year:2026"');
    expect(html).toContain('data-pagefind-filter="category:法人及非法人组织"');
    expect(html).not.toContain('data-pagefind-sort');
  });
  it('packs the code and each record’s kind, date, end and authority into the id of an empty element, and the name alone into the metadata (Pagefind indexes metadata as words)', () => {
    expect(html).toContain('<i id="card:9133021272513935X8|哈尔滨市道里区市场监督管理局~哈尔滨市市场监督管理局|cf-000000000001,P,2026-05-10,2027-05-10,0,虚假宣传;hm-000000000002,B,2025-03-01,2028-03-01,1,严重违法失信名单"></i>');
    expect(html.match(/data-pagefind-meta="[^"]*"/g)).toEqual(['data-pagefind-meta="title:哈尔滨松江&lt;商贸&gt;有限公司"']);
  });
  it('a person shows the masked number as code, never more', () => {
    const person: Subject = { id: 'p-0123456789ab', name: '张三', category: '自然人', codes: { idMasked: '230102********1234' }, aliases: [], recordIds: [penalty.id] };
    const [, h] = subjectStub(person, [{ ...penalty, subjectId: person.id } as PublishedRecord]);
    expect(h).toContain('<i id="card:230102********1234|');
    expect(h).toContain('zhangsan zs');
  });
});

describe('titleTokens', () => {
  it('holds a title’s pairs of Chinese characters once each, as tokens apart from a name’s', () => {
    // 纳税 税信 信用 | 级纳 纳税 税人; 顾乡 as a title's pair: vz and the number of the name's zzbrh6jl.
    expect(titleTokens('纳税信用A级纳税人')).toEqual(['纳税', '税信', '信用', '级纳', '税人'].map((p) => pairToken(p, 'vz')));
    expect(titleTokens('顾乡')).toEqual(['vzbrh6jl']);
    expect(titleTokens('证')).toEqual([]);
  });
});

describe('subjectCodes', () => {
  it('lists the codes a subject is known by', () => {
    expect(subjectCodes(subject)).toBe('9133021272513935X8 110108000000016');
  });
});

describe('search-util', () => {
  it('normalizeQueryCode folds case, width and spaces', () => {
    expect(normalizeQueryCode('９１３３ 0212-7251 3935x8')).toBe('9133021272513935X8');
  });
  it('isUsccShape accepts 18 characters of the GB 32100 alphabet only', () => {
    expect(isUsccShape('9133021272513935X8')).toBe(true);
    expect(isUsccShape('9133021272513935I8')).toBe(false);
    expect(isUsccShape('哈尔滨')).toBe(false);
  });
  it('subjectHref turns a result’s stub address into the credit file’s', () => {
    expect(subjectHref('/subject/9133021272513935X8.html')).toBe('/subject/9133021272513935X8/');
    expect(subjectHref('/subject/p-0c7c450d52bb.html')).toBe('/subject/p-0c7c450d52bb/');
  });
  it('today is the visitor’s local date', () => {
    expect(today(new Date(2026, 10, 22, 23, 59))).toBe('2026-11-22');
  });
});

describe('what of a name its pairs do not hold', () => {
  it('keeps its Latin words and digits and a Chinese character standing alone, and drops punctuation', () => {
    expect(nameRest('ABC科技（哈）有限公司')).toEqual(['ABC', '哈']);
    expect(nameRest('哈尔滨3M科技有限公司')).toEqual(['3M']);
    expect(nameRest('哈尔滨松江<商贸>有限公司')).toEqual([]);
    expect(nameRest('IBM Corp.')).toEqual(['IBM Corp']);
  });
  it('the stub holds those words in its heading, and an alias’s in the text beside the codes', () => {
    const named: Subject = { ...subject, name: '哈尔滨3M科技有限公司', aliases: ['3M（哈）'] };
    const stub = subjectStub(named, [penalty])[1];
    expect(stub).toContain('<h1 data-pagefind-weight="10">3M</h1>');
    expect(stub).toContain('<p data-pagefind-weight="5">3M 哈 ');
  });
});

describe('name pairs', () => {
  // The tokens below were worked out by hand: zz, then ((first − 0x3400) × 27648 + (second − 0x3400)) in base 36, six digits.
  it('a pair of Chinese characters is one token of letters and digits', () => {
    expect(pairToken('顾乡')).toBe('zzbrh6jl');
    expect(pairToken('一一')).toBe('zz31kfsw');
    expect(pairToken('㐀㐀')).toBe('zz000000');
  });
  it('the index holds every pair of adjacent Chinese characters of the names, as tokens', () => {
    expect(namePairTokens('ABC科技（哈尔滨）有限公司')).toEqual(['zz867nuo', 'zz3u5990', 'zz4owbmw', 'zz5z2rf4', 'zzbiaj58', 'zz3fzkzc']);
    const html = Object.fromEntries(searchStubs([penalty], [subject]))['subject/9133021272513935X8.html']!;
    // 哈尔 尔滨 滨松 松江 江商 商贸 有限 限公 公司
    for (const token of ['zz3u5990', 'zz4owbmw', 'zz6w8ku6', 'zz60zv4v', 'zz6ljvwm', 'zz3w86yg', 'zz5z2rf4', 'zzbiaj58', 'zz3fzkzc']) expect(html).toContain(token);
    expect(html).not.toContain('哈尔 尔滨');
  });
  it('a fragment of two or more Chinese characters is asked for by the tokens of its pairs; other words as typed', () => {
    // 顾乡 安和 建筑 工程
    expect(searchTerms('顾乡安和建筑工程')).toBe('zzbrh6jl zz4mlt3g zz5143f5 zz4wjxu3');
    // 顾乡 安和 和建
    expect(searchTerms('顾乡安和建')).toBe('zzbrh6jl zz4mlt3g zz3t5ptm');
    // 顾乡 乡安
    expect(searchTerms('顾乡安')).toBe('zzbrh6jl zz335zt5');
    expect(searchTerms('商贸')).toBe('zz3w86yg');
    expect(searchTerms('商')).toBe('商');
    expect(searchTerms('hebsm')).toBe('hebsm');
    expect(searchTerms('ABC科技有限 91230102')).toBe('ABC zz867nuo zz5z2rf4 91230102');
  });
  it('a fragment is asked for among titles by the tokens of the same pairs in their own space', () => {
    expect(searchTerms('顾乡安和建筑工程', false, 'vz')).toBe('vzbrh6jl vz4mlt3g vz5143f5 vz4wjxu3');
  });
  it('a result holds a query when its text has every pair token asked for; other words are not checked', () => {
    const content = '哈尔滨顾乡安和建筑工程有限公司. zzbrh6jl zz4mlt3g zz5143f5 zz4wjxu3 zz5z2rf4';
    expect(holdsAll(content, 'zzbrh6jl zz4mlt3g zz5143f5 zz4wjxu3')).toBe(true);
    expect(holdsAll(content, 'zzbrh6jl zz3t5ptm')).toBe(false);
    expect(holdsAll(content, 'vzbrh6jl')).toBe(false);
    expect(holdsAll(content, 'ABC zzbrh6jl')).toBe(true);
  });
  it('every pair of a fragment, when asked for: only a name holding the fragment itself has them all', () => {
    // 顾乡 乡安 安和 和建
    expect(searchTerms('顾乡安和建', true)).toBe('zzbrh6jl zz335zt5 zz4mlt3g zz3t5ptm');
    expect(searchTerms('商贸', true)).toBe('zz3w86yg');
  });
});
