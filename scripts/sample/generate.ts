/**
 * The embedded 道里区 sample: a seeded generator of realistic published files in the formats real
 * publishers use, with the mess real files have. `npm run sample` rewrites content/sources/daoli/.
 *
 *   npm run sample -- [--seed 20181127] [--anchor 2026-11-22] [--out content/sources/daoli]
 *   npm run sample -- --subjects N [--seed S] [--change F] --out DIR
 *
 * --subjects N writes a synthetic district of about N subjects (same formats, same mess, events growing with
 * N) with its own sources.yaml in DIR; --change F writes the same district with a fraction F of its
 * businesses changed (a new decision, a repair, one name change), for incremental-build measurements.
 *
 * The anchor is the day the sample pretends to be exported; the committed sample was made with the
 * defaults, so records end, become repairable and expire against the real calendar from then on.
 * Every subject and person in it is invented; codes are valid GB 32100 codes for region 230102.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { parse, stringify as stringifyYaml } from 'yaml';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { USCC_ALPHABET, orgCodeCheckChar, usccCheckChar } from '../../src/lib/credit-code.ts';
import { addDays, addMonths, daysBetween } from '../../src/lib/dates.ts';
import { rng } from './rng.ts';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '20181127' },
    anchor: { type: 'string', default: '2026-11-22' },
    out: { type: 'string', default: 'content/sources/daoli' },
    /** Multiply every count (for benchmarks); 1 is the committed sample. */
    scale: { type: 'string' },
    /** About how many subjects (the committed sample generates 1,871): sets the scale. */
    subjects: { type: 'string' },
    /** Fraction of businesses to change (0–1), after generating the same district. */
    change: { type: 'string', default: '0' },
  },
});
/** Subjects the generator makes at scale 1 (companies, 个体工商户, persons, organisations). */
const BASE_SUBJECTS = 1560 + 180 + 120 + 11;
const SCALE = args.subjects ? Number(args.subjects) / BASE_SUBJECTS : Number(args.scale ?? '1');
const CHANGE = Number(args.change);
if (!(SCALE > 0) || !(CHANGE >= 0 && CHANGE <= 1)) throw new Error('--subjects/--scale 应为正数，--change 应在 0 与 1 之间');
const n = (count: number) => Math.round(count * SCALE);
const ANCHOR = args.anchor;
const OUT = resolve(args.out);

let rand = rng(Number(args.seed));
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const chance = (p: number) => rand() < p;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

// ---------------------------------------------------------------------------------------------------
// Codes
const REGION = '230102'; // 哈尔滨市道里区
const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usedOrg = new Set<string>();

function orgCode(prefix = 'MA'): string {
  for (;;) {
    let body = prefix;
    while (body.length < 8) body += pick([...ORG_CHARS]);
    const check = orgCodeCheckChar(body)!;
    const code = body + check;
    if (USCC_ALPHABET.includes(check) && !usedOrg.has(code)) {
      usedOrg.add(code);
      return code;
    }
  }
}

/** A valid 统一社会信用代码: 登记管理部门 + 机构类别 + 230102 + 组织机构代码 + check. */
function uscc(kind: '91' | '92' | '11' | '12' | '51' | '52' | '93', prefix = 'MA'): string {
  const first17 = kind + REGION + orgCode(kind === '92' ? 'L' : prefix);
  return first17 + usccCheckChar(first17);
}

/** A well-formed but invented resident ID of a person born in 道里区 (MOD 11-2 check). */
function residentId(): string {
  const birth = `${int(1955, 2000)}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`;
  const body = REGION + birth + pad(int(10, 999), 3);
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

/** A valid 15-digit 工商注册号 (ISO 7064 MOD 11,10). */
function regNo(): string {
  const body = REGION + pad(int(0, 99_999_999), 8);
  let p = 10;
  for (const c of body) {
    let s = (p + Number(c)) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  for (let d = 0; d < 10; d++) if ((p + d) % 10 === 1) return body + d;
  throw new Error('unreachable');
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// ---------------------------------------------------------------------------------------------------
// Departments, as 哈里政规〔2018〕4号 names them (区市场监管局, 区安监局, 道里公安分局 …), in full.
interface Dept { name: string; short: string; code: string }
const dept = (name: string, short: string): Dept => ({ name, short, code: uscc('11', '0') });
const D = {
  scjg: dept('哈尔滨市道里区市场监督管理局', '区市场监管局'),
  sw: dept('国家税务总局哈尔滨市道里区税务局', '区税务局'),
  cxjs: dept('哈尔滨市道里区城乡建设局', '区城乡建设局'),
  mz: dept('哈尔滨市道里区民政局', '区民政局'),
  aj: dept('哈尔滨市道里区安全生产监督管理局', '区安监局'),
  ly: dept('哈尔滨市道里区旅游局', '区旅游局'),
  cz: dept('哈尔滨市道里区财政局', '区财政局'),
  fg: dept('哈尔滨市道里区发展和改革局', '区发改局'),
  gx: dept('哈尔滨市道里区工业和信息化局', '区工信局'),
  nl: dept('哈尔滨市道里区农林畜牧兽医局', '区农林畜牧兽医局'),
  ga: dept('哈尔滨市公安局道里分局', '道里公安分局'),
  hb: dept('哈尔滨市环境保护局道里分局', '道里环保分局'),
  gh: dept('哈尔滨市城乡规划局道里分局', '道里城乡规划分局'),
  gt: dept('哈尔滨市国土资源局道里分局', '道里国土资源分局'),
  fw: dept('哈尔滨市道里区行政服务中心', '区行政服务中心'),
  xy: dept('哈尔滨市道里区社会信用体系建设领导小组办公室', '区信用办'),
  wm: dept('哈尔滨市道里区精神文明建设委员会办公室', '区文明办'),
  sa: dept('哈尔滨市道里区食品安全委员会办公室', '区食安办'),
};

// ---------------------------------------------------------------------------------------------------
// Subjects
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'];
const GIVEN = [...'伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红鹏辉建国志海峰波宇浩凯亮晶欣然宁博文雪梅松柏春冬'];
const ZIHAO = ['松江', '中央', '兆麟', '通江', '尚志', '新阳', '工农', '群力', '安静', '抚顺', '斯大林', '友谊', '索菲亚', '金安', '正阳', '顾乡', '康安', '上方', '爱建', '榆树', '太平', '新华', '城乡', '建国', '经纬', '景阳', '共乐', '安和', '西十', '地段', '霁虹', '红专', '哈西', '华梦', '北江', '龙华', '冰城', '雪城', '丁香', '欧亚', '金江', '博远', '盛华', '鑫源', '恒泰', '宏达', '远洋', '瑞丰', '汇通', '百川', '同创', '永和', '嘉禾', '和美', '佳信', '益民', '顺安', '天马', '润泽', '卓越'];
const TRADES: { trade: string; licences: string[]; penaltyDepts: (keyof typeof D)[] }[] = [
  { trade: '商贸', licences: ['食品经营许可'], penaltyDepts: ['scjg'] },
  { trade: '餐饮管理', licences: ['食品经营许可', '公众聚集场所投入使用、营业前消防安全检查'], penaltyDepts: ['scjg', 'sa'] },
  { trade: '大药房', licences: ['药品经营许可'], penaltyDepts: ['scjg'] },
  { trade: '建筑工程', licences: ['建筑工程施工许可', '建设工程规划许可'], penaltyDepts: ['cxjs', 'aj', 'gh'] },
  { trade: '物业管理', licences: ['城市建筑垃圾处置核准'], penaltyDepts: ['cxjs'] },
  { trade: '酒店管理', licences: ['公共场所卫生许可', '特种行业许可'], penaltyDepts: ['scjg', 'ga', 'ly'] },
  { trade: '旅行社', licences: ['旅行社业务经营许可'], penaltyDepts: ['ly'] },
  { trade: '汽车服务', licences: ['机动车维修经营备案'], penaltyDepts: ['scjg', 'hb'] },
  { trade: '食品', licences: ['食品生产许可'], penaltyDepts: ['scjg', 'sa'] },
  { trade: '化工产品', licences: ['危险化学品经营许可'], penaltyDepts: ['aj', 'hb'] },
  { trade: '文化传媒', licences: ['出版物零售许可'], penaltyDepts: ['scjg'] },
  { trade: '物流', licences: ['道路货物运输经营许可'], penaltyDepts: ['aj'] },
  { trade: '房地产开发', licences: ['商品房预售许可', '建设用地规划许可'], penaltyDepts: ['cxjs', 'gt'] },
  { trade: '养老服务', licences: ['养老机构设立备案'], penaltyDepts: ['mz'] },
  { trade: '农资', licences: ['农药经营许可', '兽药经营许可'], penaltyDepts: ['nl'] },
  { trade: '电子科技', licences: ['电信业务经营许可'], penaltyDepts: ['gx', 'scjg'] },
];
const FORMS = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];

interface Subject {
  name: string;
  category: '法人及非法人组织' | '个体工商户' | '自然人';
  code?: string;
  legalRep?: string;
  idNumber?: string;
  trade: (typeof TRADES)[number];
  legacy?: string;
}

const personName = () => pick(SURNAMES) + pick(GIVEN) + (chance(0.6) ? pick(GIVEN) : '');
const usedNames = new Set<string>();

function company(): Subject {
  const trade = pick(TRADES);
  for (;;) {
    const branch = chance(0.08) ? '道里分公司' : '';
    const brackets = chance(0.05);
    const name = brackets ? `${pick(ZIHAO)}${trade.trade}（哈尔滨）${pick(FORMS)}${branch}` : `哈尔滨${pick(ZIHAO)}${pick(ZIHAO)}${trade.trade}${pick(FORMS)}${branch}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    return { name, category: '法人及非法人组织', code: uscc(pick(['91', '91', '91', '93'] as const)), legalRep: personName(), trade, legacy: chance(0.1) ? regNo() : undefined };
  }
}

function soleTrader(): Subject {
  const shop = pick(['小吃部', '便利店', '美发店', '五金商店', '烧烤店', '水果店', '药店', '干洗店', '饺子馆', '粮油店']);
  const owner = personName();
  const name = `道里区${owner}${shop}`;
  usedNames.add(name);
  const trade = TRADES[shop === '药店' ? 2 : shop.includes('店') || shop.includes('馆') || shop.includes('部') ? 1 : 0]!;
  return { name, category: '个体工商户', code: uscc('92'), legalRep: owner, trade };
}

function person(): Subject {
  return { name: personName(), category: '自然人', idNumber: residentId(), trade: pick(TRADES) };
}

function organisation(kind: '12' | '51' | '52', name: string): Subject {
  return { name, category: '法人及非法人组织', code: uscc(kind, '0'), legalRep: personName(), trade: TRADES[13]! };
}

const companies = Array.from({ length: n(1560) }, company);
const traders = Array.from({ length: n(180) }, soleTrader);
const persons = Array.from({ length: n(120) }, person);
const orgs = [
  ...['哈尔滨市道里区安静街道社区卫生服务中心', '哈尔滨市道里区新阳路小学校', '哈尔滨市道里区群力第一中学', '哈尔滨市道里区工农街道养老服务中心', '哈尔滨市道里区图书馆'].map((n) => organisation('12', n)),
  ...['哈尔滨市道里区个体劳动者协会', '哈尔滨市道里区餐饮行业协会', '哈尔滨市道里区慈善总会', '哈尔滨市道里区志愿者协会'].map((n) => organisation('51', n)),
  ...['哈尔滨市道里区康乐养老院', '哈尔滨市道里区阳光职业培训学校'].map((n) => organisation('52', n)),
];
const businesses = [...companies, ...traders];
const allOrgs = [...companies, ...traders, ...orgs];

// ---------------------------------------------------------------------------------------------------
// Dates
const dateBetween = (from: string, to: string) => addDays(from, int(0, Math.max(0, daysBetween(from, to))));
const [ay] = ANCHOR.split('-').map(Number) as [number];

/** The forms real exports use for a date. */
function messyDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return pick([
    iso, iso, iso,
    `${y}/${Number(m)}/${Number(d)}`,
    `${y}年${Number(m)}月${Number(d)}日`,
    `${y}${m}${d}`,
    `${iso} 00:00:00`,
  ]);
}

// ---------------------------------------------------------------------------------------------------
// 行政处罚 (GBK CSV, 区 departments)
const VIOLATIONS: Record<string, { type: string; facts: string; basis: string }[]> = {
  scjg: [
    { type: '销售不符合食品安全标准的食品', facts: '经查，当事人经营超过保质期的食品', basis: '《中华人民共和国食品安全法》第一百二十四条' },
    { type: '未按规定公示年度报告', facts: '当事人未按照规定的期限公示年度报告', basis: '《企业信息公示暂行条例》第十八条' },
    { type: '虚假宣传', facts: '当事人在店内宣传材料中对商品功效作虚假宣传', basis: '《中华人民共和国反不正当竞争法》第二十条' },
    { type: '经营无合格证明的特种设备', facts: '当事人使用未经定期检验的电梯', basis: '《中华人民共和国特种设备安全法》第八十四条' },
    { type: '销售不合格药品', facts: '当事人销售的药品经抽检不符合规定', basis: '《中华人民共和国药品管理法》第一百一十七条' },
    { type: '价格违法', facts: '当事人不按规定明码标价', basis: '《中华人民共和国价格法》第四十二条' },
  ],
  sa: [{ type: '食品经营场所卫生不达标', facts: '当事人后厨环境卫生不符合要求，且未落实进货查验制度', basis: '《中华人民共和国食品安全法》第一百二十六条' }],
  cxjs: [
    { type: '未取得施工许可擅自施工', facts: '当事人未取得施工许可证擅自开工建设', basis: '《建筑工程施工许可管理办法》第十二条' },
    { type: '物业服务违规', facts: '当事人未按规定履行物业服务义务', basis: '《物业管理条例》第五十九条' },
  ],
  aj: [
    { type: '未按规定开展安全生产教育培训', facts: '当事人未对从业人员进行安全生产教育和培训', basis: '《中华人民共和国安全生产法》第九十七条' },
    { type: '危险化学品储存不符合规定', facts: '当事人危险化学品储存场所未设置安全警示标志', basis: '《危险化学品安全管理条例》第八十条' },
  ],
  gh: [{ type: '违法建设', facts: '当事人未取得建设工程规划许可证进行建设', basis: '《中华人民共和国城乡规划法》第六十四条' }],
  ga: [{ type: '旅馆业未按规定登记住宿旅客信息', facts: '当事人未按规定登记住宿旅客身份信息', basis: '《中华人民共和国反恐怖主义法》第八十六条' }],
  ly: [{ type: '旅行社未与旅游者签订旅游合同', facts: '当事人组织旅游活动未与旅游者签订书面合同', basis: '《中华人民共和国旅游法》第一百条' }],
  hb: [{ type: '超标排放大气污染物', facts: '当事人排放的废气经监测超过排放标准', basis: '《中华人民共和国大气污染防治法》第九十九条' }],
  gt: [{ type: '非法占用土地', facts: '当事人未经批准占用集体土地建设', basis: '《中华人民共和国土地管理法》第七十七条' }],
  mz: [{ type: '养老机构未按规定开展服务', facts: '当事人未按照国家有关标准开展服务', basis: '《养老机构管理办法》第四十六条' }],
  nl: [{ type: '经营假劣农药', facts: '当事人经营的农药经检验为劣质农药', basis: '《农药管理条例》第五十六条' }],
  gx: [{ type: '违规使用无线电频率', facts: '当事人擅自设置使用无线电台', basis: '《中华人民共和国无线电管理条例》第七十条' }],
};

interface PenaltyRow {
  subject: Subject;
  dept: Dept;
  docNo: string;
  violation: { type: string; facts: string; basis: string };
  categories: string[];
  fine?: number;
  confiscated?: number;
  date: string;
  procedure?: string;
  publishUntil?: string;
}

let docSeq = 0;
function penaltyFor(subject: Subject, date: string, deptKey?: keyof typeof D): PenaltyRow {
  const key = deptKey ?? pick(subject.trade.penaltyDepts);
  const dept = D[key];
  const violation = pick(VIOLATIONS[key] ?? VIOLATIONS.scjg!);
  const roll = rand();
  let categories: string[];
  let fine: number | undefined;
  let confiscated: number | undefined;
  if (roll < 0.12) categories = ['警告'];
  else if (roll < 0.17) categories = ['通报批评'];
  else if (roll < 0.7) { categories = chance(0.3) ? ['警告', '罚款'] : ['罚款']; fine = pick([0.05, 0.2, 0.3, 0.5, 1, 2, 3, 5, 8, 10, 15, 20, 50]); }
  else if (roll < 0.86) { categories = ['罚款', '没收违法所得']; fine = pick([1, 2, 5, 10, 20, 30]); confiscated = pick([0.12, 0.35, 0.8, 1.6, 4.2]); }
  else if (roll < 0.93) { categories = ['责令停产停业', '罚款']; fine = pick([5, 10, 20, 30]); }
  else if (roll < 0.97) { categories = ['吊销许可证件']; }
  else { categories = ['罚款']; fine = pick([120, 150, 200]); }
  const year = date.slice(0, 4);
  docSeq++;
  return {
    subject, dept, violation, categories, fine, confiscated, date,
    docNo: `哈道${dept.short.replace(/^区|^道里/, '').replace(/分局$|局$|办$|中心$/, '').slice(0, 2)}罚〔${year}〕${pad(docSeq, 4)}号`,
    procedure: categories.length === 1 && categories[0] === '警告' && chance(0.5) ? '简易程序' : '普通程序',
  };
}

const penalties: PenaltyRow[] = [];
for (let i = 0; i < n(2150); i++) {
  const subject = chance(0.06) ? pick(persons) : chance(0.1) ? pick(traders) : pick(companies);
  penalties.push(penaltyFor(subject, dateBetween(addMonths(ANCHOR, -40), addDays(ANCHOR, -2))));
}
// A few decisions carry the publisher's own 公示截止期.
for (const p of penalties.slice(0, 60)) p.publishUntil = addMonths(p.date, 6);

const amount = (n: number | undefined) => (n === undefined ? '' : String(n));
const PENALTY_HEADER = ['行政相对人名称', '行政相对人类别', '统一社会信用代码', '工商注册号', '法定代表人', '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额（万元）', '没收违法所得、没收非法财物的金额（万元）', '处罚决定日期', '公示截止期', '处罚机关', '处罚机关统一社会信用代码', '程序类型', '数据来源单位', '备注'];

function penaltyCsvRow(p: PenaltyRow, i: number): string[] {
  const s = p.subject;
  const person = s.category === '自然人';
  let code = s.code ?? '';
  // Mess seen in real exports: full-width codes, a legacy 注册号 only, bad check characters, trailing spaces.
  if (code && i % 97 === 5) code = FULL_WIDTH(code);
  if (code && i % 131 === 7) code = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
  const legacyOnly = s.legacy && i % 7 === 0;
  let facts = `${p.violation.facts}，违反了${p.violation.basis.replace(/第.*$/, '')}的规定。`;
  if (i % 211 === 3) facts += '(责任编辑：admin)';
  if (i % 223 === 4) facts = `${facts.slice(0, 8)}<br/>${facts.slice(8)}`;
  if (i % 239 === 9) facts = facts.replace('，', '\u2002，');
  const content = p.categories.map((c) => (c === '罚款' ? `罚款${p.fine}万元` : c === '没收违法所得' ? `没收违法所得${p.confiscated}万元` : c)).join('，');
  return [
    i % 173 === 11 ? ` ${s.name}  ` : s.name,
    person ? '自然人' : s.category === '个体工商户' ? '个体工商户' : '法人及非法人组织',
    person || legacyOnly ? '' : code,
    legacyOnly ? s.legacy! : '',
    person ? '' : s.legalRep ?? '',
    person ? '身份证' : '',
    person ? s.idNumber! : '',
    p.docNo,
    p.violation.type,
    facts,
    p.violation.basis,
    p.categories.join(i % 2 ? ';' : '、'),
    content,
    i % 151 === 13 && p.fine ? `${p.fine * 10_000}元` : amount(p.fine),
    amount(p.confiscated),
    messyDate(p.date),
    p.publishUntil ?? '',
    p.dept.name,
    p.dept.code,
    p.procedure ?? '',
    p.dept.name,
    '',
  ];
}

// ---------------------------------------------------------------------------------------------------
// 行政处罚 of the market regulator in the national CF_ code names, older variant columns (JSON).
const samrPenalties: PenaltyRow[] = Array.from({ length: n(420) }, () =>
  penaltyFor(pick(businesses), dateBetween(addMonths(ANCHOR, -40), addDays(ANCHOR, -2)), 'scjg'));

function samrJson(p: PenaltyRow, i: number) {
  const [c1, c2] = p.categories;
  return {
    CF_WSH: p.docNo.replace('〔', '[').replace('〕', ']'),
    CF_CFMC: p.violation.type,
    CF_CFLB1: c1 ?? '',
    CF_CFLB2: c2 ?? '',
    CF_SY: p.violation.facts,
    CF_YJ: p.violation.basis,
    CF_JG: p.categories.join('，'),
    CF_NR_FK: p.fine ?? null,
    CF_NR_WFFF: p.confiscated ?? null,
    CF_XDR_MC: p.subject.name,
    CF_XDR_LB: p.subject.category === '个体工商户' ? '04' : '02',
    CF_XDR_ZDM: p.subject.code,
    CF_FRDB: p.subject.legalRep ?? '',
    CF_JDRQ: i % 5 === 0 ? p.date.replace(/-/g, '') : p.date,
    CF_CFJG: p.dept.name,
    CF_CFJGDM: p.dept.code,
    CF_ZT: '正常',
    CF_SJC: `${p.date} 16:${pad(i % 60, 2)}:00`,
  };
}

// ---------------------------------------------------------------------------------------------------
// 行政许可 (JSON with XK_ codes)
interface LicenceRow { subject: Subject; dept: Dept; name: string; category: string; no: string; date: string; validTo?: string; status: string; docNo: string }
const LICENCE_DEPT: Record<string, keyof typeof D> = {
  食品经营许可: 'scjg', 药品经营许可: 'scjg', 食品生产许可: 'scjg', 公共场所卫生许可: 'fw', 特种行业许可: 'ga',
  '公众聚集场所投入使用、营业前消防安全检查': 'fw', 建筑工程施工许可: 'cxjs', 建设工程规划许可: 'gh', 建设用地规划许可: 'gh',
  城市建筑垃圾处置核准: 'cxjs', 旅行社业务经营许可: 'ly', 机动车维修经营备案: 'fw', 危险化学品经营许可: 'aj',
  出版物零售许可: 'fw', 道路货物运输经营许可: 'fw', 商品房预售许可: 'cxjs', 养老机构设立备案: 'mz', 农药经营许可: 'nl',
  兽药经营许可: 'nl', 电信业务经营许可: 'gx',
};
const licences: LicenceRow[] = [];
let licSeq = 0;
for (let i = 0; i < n(3250); i++) {
  const subject = chance(0.04) ? pick(persons) : chance(0.02) ? pick(orgs) : pick(businesses);
  const name = pick(subject.trade.licences);
  const dept = D[LICENCE_DEPT[name] ?? 'fw'];
  const date = dateBetween(addMonths(ANCHOR, -60), addDays(ANCHOR, -1));
  const years = name.includes('核准') || name.includes('预售') ? 1 : 5;
  licSeq++;
  licences.push({
    subject, dept, name, date,
    category: name.includes('核准') ? '04' : name.includes('特种') ? '02' : name.includes('备案') ? '05' : '01',
    no: `${name.startsWith('食品') ? 'JY' : 'XK'}2${REGION}${pad(licSeq, 6)}`,
    validTo: name.includes('规划') ? undefined : addDays(addMonths(date, years * 12), -1),
    status: chance(0.03) ? '注销' : chance(0.01) ? '撤销' : '有效',
    docNo: `哈道许〔${date.slice(0, 4)}〕${pad(licSeq, 5)}号`,
  });
}

function licenceJson(l: LicenceRow, i: number) {
  const s = l.subject;
  const person = s.category === '自然人';
  return {
    XK_XDR_MC: s.name,
    XK_XDR_LB: person ? '01' : s.category === '个体工商户' ? '04' : '02',
    XK_XDR_SHXYM: person ? '' : s.code,
    XK_XDR_GSZC: s.legacy ?? '',
    XK_FRDB: person ? '' : s.legalRep,
    XK_XDR_ZJLX: person ? '01' : '',
    XK_XDR_ZJHM: person ? s.idNumber : '',
    XK_XKWS: `${l.name}决定书`,
    XK_WSH: l.docNo,
    XK_XKLB: l.category,
    XK_XKZS: l.name.replace(/许可$/, '许可证'),
    XK_XKBH: l.no,
    XK_NR: `准予${l.name}`,
    XK_JDRQ: i % 9 === 0 ? l.date.replace(/-/g, '') : l.date,
    XK_YXQZ: l.date,
    XK_YXQZI: l.validTo ?? '长期',
    XK_XKJG: l.dept.name,
    XK_XKJGDM: l.dept.code,
    XK_ZT: l.status,
    XK_LYDW: l.dept.name,
    XK_LYDWDM: l.dept.code,
    BZ: '',
  };
}

// ---------------------------------------------------------------------------------------------------
// 守信激励 (XLSX): 诚信典型, A级纳税人, 守合同重信用, 优秀志愿服务组织
interface RedRow { subject: Subject; list: string; dept: Dept; listed?: string; year?: number; validTo?: string; reason: string; basis: string; measures: string; memo?: string; docNo: string }
const reds: RedRow[] = [];
const redSubjects = [...allOrgs].sort(() => rand() - 0.5).slice(0, n(640));
redSubjects.forEach((s, i) => {
  const r = rand();
  if (r < 0.5 && s.category !== '自然人') {
    const year = pick([ay - 2, ay - 1, ay - 1]);
    reds.push({ subject: s, list: '纳税信用A级纳税人', dept: D.sw, year, reason: `${year}年度纳税信用评价为A级`, basis: '《纳税信用管理办法（试行）》', measures: '按规定享受发票领用、出口退税、绿色通道等激励措施', memo: '发改财金〔2016〕1467号', docNo: `哈道税信〔${year + 1}〕${pad(i + 1, 4)}号` });
  } else if (r < 0.75) {
    const listed = dateBetween(addMonths(ANCHOR, -34), addDays(ANCHOR, -5));
    reds.push({ subject: s, list: '守合同重信用企业', dept: D.scjg, listed, validTo: addDays(addMonths(listed, 24), -1), reason: '连续两年合同履约良好，无不良信用记录', basis: '《哈尔滨市守合同重信用企业公示管理办法》', measures: '在行政审批中给予“绿色通道”，在日常监管中减少检查频次', docNo: `哈道市监信〔${listed.slice(0, 4)}〕${pad(i + 1, 4)}号` });
  } else if (r < 0.93) {
    const listed = dateBetween(addMonths(ANCHOR, -30), addDays(ANCHOR, -5));
    reds.push({ subject: s, list: '道里区诚信典型', dept: D.xy, listed, reason: pick(['诚信经营、服务群众，获得消费者广泛好评', '连续三年无不良信用记录，积极参与社会公益', '主动履行社会责任，按时足额支付农民工工资']), basis: '哈里政规〔2018〕4号', measures: '在政府采购、评优评先中同等条件下优先考虑', docNo: `道信办〔${listed.slice(0, 4)}〕${pad(i + 1, 3)}号` });
  } else {
    const listed = dateBetween(addMonths(ANCHOR, -26), addDays(ANCHOR, -5));
    reds.push({ subject: s, list: '优秀志愿服务组织', dept: D.wm, listed, validTo: addDays(addMonths(listed, 24), -1), reason: '长期开展志愿服务活动，成效显著', basis: '哈里政规〔2018〕4号', measures: '在公共服务中给予便利', docNo: `道文明〔${listed.slice(0, 4)}〕${pad(i + 1, 3)}号` });
  }
});

// ---------------------------------------------------------------------------------------------------
// 严重失信主体名单 (HTML table)
interface BlackRow { subject: Subject; list: string; dept: Dept; listed: string; validTo?: string; reason: string; basis: string; measures: string; memo: string; removal: string; remedies: string; docNo: string }
const BLACK_LISTS = [
  { list: '严重违法失信企业名单', dept: D.scjg, reason: '被列入经营异常名录届满3年仍未履行相关义务', basis: '《严重违法失信名单管理办法》（国家市场监督管理总局令第44号）第二条', measures: '依法限制参加政府采购、工程招投标，限制担任法定代表人', memo: '发改财金〔2015〕2045号（失信企业协同监管和联合惩戒合作备忘录）', removal: '列入满1年且已履行义务、消除影响的，可申请提前移出；列入满3年自动移出' },
  { list: '拖欠农民工工资失信联合惩戒对象', dept: D.cxjs, reason: '克扣、无故拖欠农民工工资数额达到认定拒不支付劳动报酬罪数额标准', basis: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条', measures: '限制政府资金支持、政府采购、招投标、融资贷款、市场准入、评优评先', memo: '发改财金〔2017〕2058号', removal: '列入之日起满3年且未再发生拖欠的移出；已改正且符合条件的可申请提前移出' },
  { list: '重大税收违法失信主体', dept: D.sw, reason: '虚开增值税专用发票', basis: '《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）', measures: '纳税信用级别直接判为D级，适用相应D级纳税人管理措施', memo: '发改财金〔2016〕2798号', removal: '自公布之日起满3年停止公布；按规定缴清税款、滞纳金、罚款的可提前停止公布' },
  { list: '安全生产严重失信主体', dept: D.aj, reason: '发生生产安全事故，负有责任', basis: '《安全生产严重失信主体名单管理办法》', measures: '加大执法检查频次，限制享受优惠政策', memo: '发改财金〔2016〕1001号', removal: '管理期限届满且已整改的移出' },
];
const blacks: BlackRow[] = [];
const blackSubjects = businesses.filter((s) => s.category !== '自然人').sort(() => rand() - 0.5).slice(0, n(130));
blackSubjects.forEach((s, i) => {
  const l = pick(BLACK_LISTS);
  const listed = dateBetween(addMonths(ANCHOR, -44), addDays(ANCHOR, -3));
  blacks.push({ subject: s, ...l, listed, validTo: chance(0.5) ? addDays(addMonths(listed, 36), -1) : undefined, remedies: '对列入决定不服的，可在收到决定之日起60日内申请行政复议，或在6个月内提起行政诉讼；对公示信息有异议的，可向认定部门或“信用中国”提出异议申诉', docNo: `哈道失信〔${listed.slice(0, 4)}〕${pad(i + 1, 3)}号` });
});

// ---------------------------------------------------------------------------------------------------
// 信用承诺 (UTF-8 CSV with BOM)
const commitments = businesses.sort(() => rand() - 0.5).slice(0, n(320)).map((s, i) => {
  const date = dateBetween(addMonths(ANCHOR, -30), addDays(ANCHOR, -1));
  return { s, date, type: pick(['审批替代型承诺', '容缺受理型承诺', '信用修复型承诺', '行业自律型承诺']), dept: pick([D.fw, D.scjg, D.cxjs]), no: `DLCN${date.replace(/-/g, '')}${pad(i + 1, 4)}` };
});

// ---------------------------------------------------------------------------------------------------
// Events: repairs and removals; objections
const repairs: string[][] = [];
const removable = penalties.filter((p) => p.subject.category !== '自然人' && p.categories.includes('罚款') && p.date < addMonths(ANCHOR, -8));
for (const p of removable.slice(0, n(36))) {
  repairs.push([p.subject.name, p.subject.code ?? '', p.docNo, messyDate(dateBetween(addMonths(p.date, 4), addDays(ANCHOR, -1))), pick(['信用修复', '终止公示']), '“信用中国”网站']);
}
for (const b of blacks.filter((b) => b.listed < addMonths(ANCHOR, -14)).slice(0, n(6))) {
  repairs.push([b.subject.name, b.subject.code ?? '', b.docNo, dateBetween(addMonths(b.listed, 13), addDays(ANCHOR, -1)), '移出名单', b.dept.name]);
}
// A repair that names a decision nobody published: the report must show it did nothing.
repairs.push(['哈尔滨松江冰城商贸有限公司', uscc('91'), '哈道市监罚〔2024〕9999号', '2026-05-06', '信用修复', '“信用中国”网站']);

const recentSerious = penalties.filter((p) => p.subject.category !== '自然人' && p.categories.includes('吊销许可证件') && p.date > addMonths(ANCHOR, -10));
const recentFine = penalties.filter((p) => p.subject.category !== '自然人' && p.fine !== undefined && p.fine >= 20 && p.date > addMonths(ANCHOR, -9));
const objections: string[][] = [];
// One of each kind at scale 1; more as the district grows.
for (let i = 0; i < Math.max(1, Math.round(SCALE)); i++) {
  const serious = recentSerious[i];
  const fine = recentFine[i];
  const black = blacks[i];
  if (serious) objections.push([serious.subject.name, serious.subject.code!, serious.docNo, addDays(ANCHOR, -20 - (i % 10)), '核实中', '']);
  if (fine) objections.push([fine.subject.name, fine.subject.code!, fine.docNo, addMonths(ANCHOR, -3), '已驳回', addDays(addMonths(ANCHOR, -3), 26)]);
  if (black) objections.push([black.subject.name, black.subject.code!, black.docNo, addDays(ANCHOR, -9 - (i % 5)), '核实中', '']);
}

// ---------------------------------------------------------------------------------------------------
// Deliberately bad rows, as a clerk would find them in a real export.
const badPenalties: string[][] = [
  ['哈尔滨新阳松江商贸有限公司', '法人及非法人组织', uscc('91'), '', '王强', '', '', '', '虚假宣传', '当事人作虚假宣传', '《中华人民共和国反不正当竞争法》第二十条', '罚款', '罚款1万元', '1', '', '2026-03-05', '', D.scjg.name, D.scjg.code, '普通程序', D.scjg.name, '缺少文书号'],
  ['哈尔滨兆麟友谊餐饮管理有限公司', '法人及非法人组织', uscc('91'), '', '李娜', '', '', '哈道市监罚〔2026〕9001号', '销售不符合食品安全标准的食品', '经营超过保质期的食品', '《中华人民共和国食品安全法》第一百二十四条', '罚款', '罚款0.5万元', '0.5', '', '2026-13-45', '', D.scjg.name, D.scjg.code, '普通程序', D.scjg.name, '日期错误'],
  ['', '法人及非法人组织', uscc('91'), '', '', '', '', '哈道市监罚〔2026〕9002号', '价格违法', '不按规定明码标价', '《中华人民共和国价格法》第四十二条', '警告', '警告', '', '', '2026-02-11', '', D.scjg.name, D.scjg.code, '普通程序', D.scjg.name, '缺少名称'],
  ['哈尔滨顾乡工农建筑工程有限公司', '法人及非法人组织', uscc('91'), '', '赵军', '', '', '哈道建罚〔2026〕9003号', '未取得施工许可擅自施工', '未取得施工许可证擅自开工建设', '《建筑工程施工许可管理办法》第十二条', '罚款', '罚款', '二万元', '', '2026-04-18', '', D.cxjs.name, D.cxjs.code, '普通程序', D.cxjs.name, '金额不是数字'],
  ['哈尔滨正阳群力物流有限公司', '企业法人单位', uscc('91'), '', '孙伟', '', '', '哈道安罚〔2026〕9004号', '未按规定开展安全生产教育培训', '未对从业人员进行安全生产教育和培训', '《中华人民共和国安全生产法》第九十七条', '罚款', '罚款3万元', '3', '', '2026-06-30', '', D.aj.name, D.aj.code, '普通程序', D.aj.name, '相对人类别不规范'],
];

// ---------------------------------------------------------------------------------------------------
// --change F: the same district a little later. A separate random sequence, so that everything above is
// generated exactly as without it; the new rows go at the end of their files, so no old row moves.
const changedPenalties: PenaltyRow[] = [];
const changedRepairs: string[][] = [];
/** Their CSV rows, made while the separate sequence is in use (penaltyCsvRow draws random forms too). */
let changedPenaltyRows: string[][] = [];
if (CHANGE > 0) {
  const base = rand;
  rand = rng(Number(args.seed) ^ 0x2545f491);
  const candidates = businesses.filter((b) => b.code).sort(() => rand() - 0.5).slice(0, Math.max(1, Math.round(CHANGE * businesses.length)));
  const byCode = new Map<string, PenaltyRow[]>();
  for (const p of penalties) if (p.subject.code) byCode.set(p.subject.code, [...(byCode.get(p.subject.code) ?? []), p]);
  candidates.forEach((subject, i) => {
    const own = (byCode.get(subject.code!) ?? []).filter((p) => p.date < addMonths(ANCHOR, -6) && p.categories.includes('罚款'));
    if (i === 0) {
      // 名称变更: the same code under a new name on a new decision.
      changedPenalties.push(penaltyFor({ ...subject, name: subject.name.replace(/^哈尔滨/, '哈尔滨新') }, addDays(ANCHOR, -1)));
    } else if (own.length && chance(0.3)) {
      changedRepairs.push([subject.name, subject.code!, own[0]!.docNo, addDays(ANCHOR, -1), '信用修复', '“信用中国”网站']);
    } else {
      changedPenalties.push(penaltyFor(subject, dateBetween(addMonths(ANCHOR, -1), addDays(ANCHOR, -1))));
    }
  });
  changedPenaltyRows = changedPenalties.map((p, i) => penaltyCsvRow(p, penalties.length + i));
  rand = base;
}

// ---------------------------------------------------------------------------------------------------
// Write the files.
async function main() {
  await mkdir(OUT, { recursive: true });

  // 1. GBK CSV with Chinese headers (a desktop export from the 双公示 reporting system).
  const penaltyRows = penalties.map(penaltyCsvRow);
  // The same decision reported twice (once by the department, once by the data source unit); a small district
  // (--subjects 300) has fewer decisions than these places, so they wrap.
  for (const i of [17, 230, 1024]) penaltyRows.push([...penaltyRows[i % penaltyRows.length]!]);
  penaltyRows.splice(400, 0, ...badPenalties.slice(0, 3));
  penaltyRows.splice(1500, 0, ...badPenalties.slice(3));
  penaltyRows.push(...changedPenaltyRows);
  const csv = stringify([PENALTY_HEADER, ...penaltyRows], { record_delimiter: '\r\n' });
  await writeFile(join(OUT, 'daoli-xzcf-2026.csv'), iconv.encode(csv, 'gbk'));

  // 2. JSON with XK_ codes, wrapped in an API-style envelope.
  const xk = { code: 200, msg: '成功', total: licences.length, data: licences.map(licenceJson) };
  xk.data.splice(777, 0, { ...licenceJson(licences[5]!, 5), XK_XDR_MC: '哈尔滨爱建金安商贸有限公司', XK_XDR_SHXYM: uscc('91'), XK_JDRQ: '二〇二六年', XK_WSH: '哈道许〔2026〕99001号' });
  xk.data.splice(1999, 0, { ...licenceJson(licences[6]!, 6), XK_XDR_MC: '哈尔滨太平景阳食品有限公司', XK_XDR_SHXYM: uscc('91'), XK_XKJG: '', XK_WSH: '哈道许〔2026〕99002号' });
  await writeFile(join(OUT, 'daoli-xzxk-2026.json'), `${JSON.stringify(xk, null, 1)}\n`);

  // 3. JSON with older CF_ variants (CF_CFLB1/CF_CFLB2, CF_XDR_ZDM, CF_JG) from the market regulator.
  await writeFile(join(OUT, 'daoli-scjg-xzcf.json'), `${JSON.stringify(samrPenalties.map(samrJson), null, 1)}\n`);

  // 4. XLSX with a title row above the header, a note row, Excel dates and serial numbers. ExcelJS zips with JSZip,
  // which stamps each entry with the time of writing: stamped with the sample's date instead, the same workbook is
  // the same bytes, as a publisher's unchanged file is (an incremental build then does not read it again).
  JSZip.defaults.date = new Date(`${ANCHOR}T00:00:00Z`);
  const wb = new ExcelJS.Workbook();
  wb.creator = '道里区社会信用体系建设领导小组办公室';
  wb.created = new Date(`${ANCHOR}T00:00:00Z`);
  wb.modified = wb.created;
  const ws = wb.addWorksheet('守信激励对象');
  ws.addRow([`哈尔滨市道里区守信激励对象名单（截至${ANCHOR.replace(/-(\d\d)-(\d\d)$/, (_m, m: string, d: string) => `年${Number(m)}月${Number(d)}日`).replace(/^(\d{4})/, '$1')}）`]);
  ws.mergeCells(1, 1, 1, 12);
  ws.addRow(['序号', '主体名称', '统一社会信用代码', '名单名称', '认定文号', '认定日期', '评价年度', '认定事由', '认定依据', '认定部门', '有效期至', '激励措施', '依据备忘录']);
  reds.forEach((r, i) => {
    const listed = r.listed ? (i % 3 === 0 ? new Date(`${r.listed}T00:00:00Z`) : i % 3 === 1 ? String(Math.round(Date.parse(r.listed) / 86_400_000 + 25569)) : messyDate(r.listed)) : '';
    ws.addRow([i + 1, r.subject.name, r.subject.code ?? '', r.list, r.docNo, listed, r.year ?? '', r.reason, r.basis, r.dept.name, r.validTo ? new Date(`${r.validTo}T00:00:00Z`) : '', r.measures, r.memo ?? '']);
  });
  ws.addRow(['', '哈尔滨通江建国商贸有限公司', uscc('91'), '守合同重信用企业', '', '', '', '合同履约良好', '', D.scjg.name, '', '', '']);
  ws.addRow(['注：本名单由道里区社会信用体系建设领导小组办公室汇总发布。']);
  ws.getColumn(6).numFmt = 'yyyy-mm-dd';
  ws.getColumn(11).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(join(OUT, 'daoli-shouxin-jili.xlsx'));

  // 5. HTML table as a CMS article page publishes the black list.
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = blacks.map((b, i) => `<tr><td>${i + 1}</td><td>${esc(b.subject.name)}</td><td>${b.subject.code}&nbsp;</td><td>${esc(b.subject.legalRep ?? '')}</td><td>${b.list}</td><td>${b.docNo}</td><td>${i % 4 === 0 ? b.listed.replace(/-/g, '.') : b.listed}</td><td>${esc(b.reason)}</td><td>${esc(b.basis)}</td><td>${b.dept.name}</td><td>${b.validTo ?? ''}</td><td>${esc(b.measures)}</td><td>${esc(b.memo)}</td><td>${esc(b.removal)}</td><td>${esc(b.remedies)}</td></tr>`);
  rows.splice(40, 0, '<tr><td>—</td><td>哈尔滨上方抚顺化工产品有限公司</td><td></td><td></td><td>严重违法失信企业名单</td><td></td><td>待定</td><td></td><td></td><td>哈尔滨市道里区市场监督管理局</td><td></td><td></td><td></td><td></td><td></td></tr>');
  const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>道里区严重失信主体名单</title></head>
<body><div class="article"><h1>哈尔滨市道里区严重失信主体名单</h1>
<p>发布单位：道里区社会信用体系建设领导小组办公室　发布日期：${ANCHOR}</p>
<table class="nav"><tr><td><a href="/">首页</a></td><td><a href="/xygs/">信用公示</a></td></tr></table>
<table border="1" cellspacing="0">
<tr><th colspan="15">严重失信主体名单</th></tr>
<tr><th>序号</th><th>主体名称</th><th>统一社会信用代码</th><th>法定代表人</th><th>名单名称</th><th>认定文号</th><th>列入日期</th><th>列入事由</th><th>认定依据</th><th>列入机关</th><th>有效期至</th><th>联合惩戒措施</th><th>依据备忘录</th><th>移出条件</th><th>救济途径</th></tr>
${rows.join('\n')}
</table><p>(责任编辑：admin)</p></div></body></html>
`;
  await writeFile(join(OUT, 'daoli-yanzhong-shixin.html'), html);

  // 6. 信用承诺, UTF-8 with BOM (Excel's "CSV UTF-8").
  const commitmentCsv = stringify([
    ['企业名称', '统一社会信用代码', '承诺类型', '承诺内容', '承诺日期', '受理单位', '承诺书编号'],
    ...commitments.map((c) => [c.s.name, c.s.code ?? '', c.type, `承诺所提交材料真实有效，如有虚假愿承担相应责任（${c.type}）`, messyDate(c.date), c.dept.name, c.no]),
  ], { record_delimiter: '\r\n' });
  await writeFile(join(OUT, 'daoli-xinyong-chengnuo.csv'), `\ufeff${commitmentCsv}`);

  // 7. and 8. Events.
  await writeFile(join(OUT, 'daoli-xinyong-xiufu.csv'), stringify([['主体名称', '统一社会信用代码', '决定书文号', '修复日期', '修复方式', '修复机关'], ...repairs, ...changedRepairs]));
  await writeFile(join(OUT, 'daoli-yiyi.csv'), stringify([['主体名称', '统一社会信用代码', '决定书文号', '异议受理日期', '处理状态', '办结日期'], ...objections]));

  // A generated district outside the embedded sample gets its own sources.yaml: the sample's, with the
  // shrink guards scaled to its size.
  const template = resolve(import.meta.dirname, '../../content/sources/daoli/sources.yaml');
  if (resolve(OUT, 'sources.yaml') !== template) {
    const yaml = parse(await readFile(template, 'utf8')) as { sources: { minRows?: number }[] };
    for (const src of yaml.sources) if (src.minRows !== undefined) src.minRows = Math.floor(src.minRows * Math.min(1, SCALE) * 0.8);
    await writeFile(join(OUT, 'sources.yaml'), `# Generated by npm run sample -- --subjects ${args.subjects ?? ''} --seed ${args.seed} --change ${CHANGE}\n${stringifyYaml(yaml)}`);
  }
  console.error(`sample @ ${ANCHOR} → ${OUT}: ${penalties.length + samrPenalties.length} 处罚, ${licences.length} 许可, ${reds.length} 红名单, ${blacks.length} 黑名单, ${commitments.length} 承诺, ${repairs.length + changedRepairs.length} 修复, ${objections.length} 异议${CHANGE ? `；变更 ${changedPenalties.length} 处罚、${changedRepairs.length} 修复` : ''}`);
}

await main();
