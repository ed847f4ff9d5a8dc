/**
 * The disclosure state of a record on a given day: a pure function of (record, events, today, config).
 * Dates are inclusive last days (民法典 第二百零二条): a record whose `end` is 2026-04-15 is shown on that day
 * and not after it.
 */
import { addDays, addMonths, daysBetween, minDate } from './dates.ts';
import {
  DEFAULT_DISCLOSURE_CONFIG, SAMR_RULES, ruleSetOn, type DisclosureConfig,
} from './disclosure-rules.ts';
import type { DisclosureState, PenaltyCategory, SubjectCategory, Tier } from './schemas/common.ts';
import { PUBLIC_STATES } from './schemas/common.ts';
import type { Disclosure, ObjectionStatus, PenaltyFields, RecordFields } from './schemas/record.ts';

export interface DisclosureEvents {
  removal?: { date: string; method: string };
  objection?: { received: string; status: ObjectionStatus; closed?: string };
}

export interface DisclosureInput {
  record: RecordFields;
  subjectCategory: SubjectCategory;
  regime?: 'ndrc' | 'samr';
  events?: DisclosureEvents;
}

/** The term before events: which rule, from when, until when, and whether it may be shown at all. */
interface Term {
  rule: string;
  tier?: Tier;
  start: string;
  minEnd?: string;
  end?: string;
  publish: boolean;
  note: string;
}

const MINOR_ONLY: readonly PenaltyCategory[] = ['警告', '通报批评'];
const FINE_LIKE: readonly PenaltyCategory[] = ['警告', '通报批评', '罚款'];

const isPerson = (c: SubjectCategory) => c === '自然人';

/** Tier of a penalty: an explicit severity wins, else categories and amounts against the configured thresholds. */
export function penaltyTier(p: PenaltyFields, category: SubjectCategory, config: DisclosureConfig = DEFAULT_DISCLOSURE_CONFIG): Tier {
  if (p.severity) return p.severity;
  if (p.procedure === '简易程序') return '轻微';
  const who = isPerson(category) ? 'person' : 'organisation';
  const amount = (p.fineWan ?? 0) + (p.confiscatedWan ?? 0);
  if (p.categories.some((c) => config.seriousCategories.includes(c)) || amount >= config.seriousAmountWan[who]) return '严重';
  if (p.categories.every((c) => MINOR_ONLY.includes(c))) return '轻微';
  if (p.categories.every((c) => FINE_LIKE.includes(c)) && (p.fineWan ?? 0) < config.lowFineWan[who]) return '轻微';
  return '一般';
}

function sectorText(p: PenaltyFields): string {
  return [p.authority, p.violationType, p.basis, p.facts].filter(Boolean).join(' ');
}

function penaltyTerm(p: PenaltyFields, input: DisclosureInput, today: string, config: DisclosureConfig): Term {
  const start = p.decisionDate;
  const tier = penaltyTier(p, input.subjectCategory, config);
  if (p.procedure === '简易程序') {
    return { rule: 'simple-procedure', tier, start, publish: false, note: '简易程序作出的行政处罚不作为公示的信用信息（鹤信用发〔2022〕1号）' };
  }
  let term: Term;
  if (input.regime === 'samr') {
    const who = isPerson(input.subjectCategory) ? 'person' : 'organisation';
    if (p.categories.every((c) => c === '警告')) {
      return { rule: SAMR_RULES.id, tier, start, publish: false, note: '仅受警告的行政处罚不公示（国家市场监督管理总局令第45号）' };
    }
    const short = p.categories.every((c) => c === '通报批评')
      || (p.categories.every((c) => FINE_LIKE.includes(c)) && (p.fineWan ?? 0) < config.lowFineWan[who]);
    const end = addMonths(start, short ? SAMR_RULES.shortMonths : SAMR_RULES.longMonths);
    const sensitive = SAMR_RULES.sensitiveKeywords.some((k) => sectorText(p).includes(k));
    const noEarlyStop = p.categories.some((c) => SAMR_RULES.noEarlyStop.includes(c));
    const minEnd = noEarlyStop || short ? undefined
      : addMonths(start, sensitive ? SAMR_RULES.repairAfterMonthsSensitive : SAMR_RULES.repairAfterMonths);
    term = { rule: SAMR_RULES.id, tier, start, minEnd, end, publish: true, note: SAMR_RULES.cite };
  } else {
    const set = ruleSetOn(today);
    const row = set.tiers[tier];
    let minMonths = row.minMonths;
    let cite = row.cite;
    for (const s of set.sectorMinimums) {
      if (s.keywords.some((k) => sectorText(p).includes(k)) && s.minMonths > minMonths) {
        minMonths = s.minMonths;
        cite = s.cite;
      }
    }
    if (!row.publish) return { rule: `${set.id}/${tier}`, tier, start, publish: false, note: cite };
    term = {
      rule: `${set.id}/${tier}`, tier, start, publish: true, note: cite,
      minEnd: minMonths > 0 ? addMonths(start, minMonths) : undefined,
      end: addMonths(start, row.maxMonths),
    };
  }
  // The publisher's own 公示截止期 is never extended; an implausible one (before the decision) is ignored.
  if (p.publishUntil && p.publishUntil >= start && term.end) {
    term.end = minDate(term.end, p.publishUntil);
    if (term.minEnd && term.minEnd > term.end) term.minEnd = undefined;
  }
  return term;
}

function baseTerm(input: DisclosureInput, today: string, config: DisclosureConfig): Term {
  const r = input.record;
  switch (r.kind) {
    case 'penalty':
      return penaltyTerm(r, input, today, config);
    case 'license':
      // 行政许可 is not 失信信息: shown with its status; expiry and 注销/撤销 change the status, not visibility.
      return { rule: 'license', start: r.decisionDate, publish: true, note: '行政许可信息长期公示，有效期届满、注销或撤销时更新状态' };
    case 'redlist': {
      const termRule = config.redlistTerms.find((t) => r.listName.includes(t.match));
      const start = r.listedOn ?? `${r.evaluationYear! + 1}-01-01`;
      if (r.validTo) return { rule: 'redlist/source', start, end: r.validTo, publish: true, note: '有效期以认定部门公布的为准' };
      if (termRule?.fromEvaluationYear && r.evaluationYear !== undefined) {
        const from = `${r.evaluationYear + 1}-01-01`;
        return { rule: `redlist/${termRule.match}`, start, end: addDays(addMonths(from, termRule.months), -1), publish: true, note: termRule.cite };
      }
      const months = termRule?.months ?? config.redlistDefaultMonths;
      return {
        rule: termRule ? `redlist/${termRule.match}` : 'redlist/default', start, end: addMonths(start, months), publish: true,
        note: termRule?.cite ?? `认定部门未公布有效期，按本站配置公示${months}个月`,
      };
    }
    case 'blacklist': {
      const start = r.listedOn;
      const end = r.validTo ?? addMonths(start, config.blacklistDefaultMonths);
      const minEnd = addMonths(start, config.blacklistEarlyRemovalMonths);
      return {
        rule: r.validTo ? 'blacklist/source' : 'blacklist/default', tier: '严重', start, end,
        minEnd: minEnd < end ? minEnd : undefined, publish: true,
        note: r.validTo ? '公示期限以列入机关决定为准' : `列入机关未载明期限，按严重失信信息最长公示期限${config.blacklistDefaultMonths}个月计算`,
      };
    }
    case 'commitment': {
      const end = r.validTo ?? addMonths(r.committedOn, config.commitmentDefaultMonths);
      return { rule: r.validTo ? 'commitment/source' : 'commitment/default', start: r.committedOn, end, publish: true, note: '信用承诺按承诺有效期公示' };
    }
  }
}

const shift = (d: string | undefined, days: number) => (d === undefined ? undefined : addDays(d, days));

/**
 * State and dates of a record on `today`. The order of precedence: a repair or removal that has taken
 * effect; a tier that is not public; an objection under verification (shown, marked, term paused);
 * the end of the term; the end of the minimum term.
 */
export function disclosureState(input: DisclosureInput, today: string, config: DisclosureConfig = DEFAULT_DISCLOSURE_CONFIG): Disclosure {
  const term = baseTerm(input, today, config);
  let { minEnd, end } = term;
  const ev = input.events ?? {};
  const out: Disclosure = { state: '公示中', rule: term.rule, start: term.start, note: term.note };
  if (term.tier) out.tier = term.tier;

  const obj = ev.objection;
  let underObjection = false;
  if (obj && obj.received <= today && (end === undefined || obj.received <= end)) {
    out.objection = obj.closed ? { received: obj.received, status: obj.status, closed: obj.closed } : { received: obj.received, status: obj.status };
    const closedBy = obj.closed && obj.closed <= today ? obj.closed : undefined;
    if (obj.status === '核实中' || (obj.status === '已驳回' && !closedBy)) {
      // 广元 plan (seed 004): an objection pauses the term; it resumes when the objection is rejected.
      underObjection = true;
      const paused = daysBetween(obj.received, today);
      minEnd = shift(minEnd, paused);
      end = shift(end, paused);
      out.paused = true;
    } else if (obj.status === '已驳回' && closedBy) {
      const paused = daysBetween(obj.received, closedBy);
      minEnd = shift(minEnd, paused);
      end = shift(end, paused);
    }
  }
  if (minEnd) out.minEnd = minEnd;
  if (end) out.end = end;
  if (minEnd && (!end || minEnd < end)) out.repairableFrom = addDays(minEnd, 1);

  let state: DisclosureState;
  if (ev.removal && ev.removal.date <= today) {
    state = '已修复';
    out.note = `已于 ${ev.removal.date} ${ev.removal.method}，依规停止公示`;
  } else if (!term.publish) state = '不予公示';
  else if (underObjection) state = '异议核实中';
  else if (end !== undefined && today > end) state = '已届满';
  else if (out.repairableFrom && today >= out.repairableFrom) state = '可申请修复';
  else state = '公示中';
  out.state = state;
  return out;
}

export const isPublic = (d: Pick<Disclosure, 'state'>): boolean => PUBLIC_STATES.includes(d.state);

/** Status of a licence on `today`, from its published status and validity. */
export function licenseStatus(r: { status?: string; validTo?: string }, today: string): string {
  if (r.status && /注销|撤销|撤回|吊销/.test(r.status)) return r.status;
  if (r.validTo && today > r.validTo) return '有效期届满';
  return r.status ?? '有效';
}
