/**
 * The disclosure state of a record on a given day: a pure function of (record, events, today, config).
 * Dates are inclusive last days (民法典 第二百零二条): a record whose `end` is 2026-04-15 is shown on that day
 * and not after it.
 *
 * Which rule judges a record: the rule set in force on its decision date. Rules do not act backwards to a
 * subject's harm (立法法 第一百零四条), but a later rule in force on `today` applies where it is more
 * favourable, bound by bound: not published at all, an earlier repair date, an earlier end
 * (`transition: favourable`, the default).
 */
import { addDays, addMonths, daysBetween, minDate } from './dates.ts';
import {
  DEFAULT_DISCLOSURE_CONFIG, PENALTY_RULE_SETS, SAMR_PUBLICATION, SAMR_REPAIR_SETS, SIMPLE_PROCEDURE, ruleSetOn,
  type DisclosureConfig, type PenaltyRuleSet, type SamrRepairSet,
} from './disclosure-rules.ts';
import type { Amount, RedlistTerm } from './schemas/district.ts';
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
  startBasis?: Disclosure['startBasis'];
  /** Last day of the minimum period; equal to `end` when the record cannot be repaired early. */
  minEnd?: string;
  end?: string;
  publish: boolean;
  note: string;
  basis?: Disclosure['basis'];
}

const MINOR_ONLY: readonly PenaltyCategory[] = ['警告', '通报批评'];
const FINE_LIKE: readonly PenaltyCategory[] = ['警告', '通报批评', '罚款'];

const who = (c: SubjectCategory) => (c === '自然人' ? 'person' : 'organisation');

function sectorText(p: PenaltyFields): string {
  return [p.authority, p.violationType, p.basis, p.facts].filter(Boolean).join(' ');
}
const inSector = (p: PenaltyFields, keywords: readonly string[]) => keywords.some((k) => sectorText(p).includes(k));

/** The thresholds in force for a penalty: a sector's own where configured, else the district's. */
function thresholds(p: PenaltyFields, config: DisclosureConfig): { lowFine?: Amount; hugeFine?: Amount } {
  const sector = config.sectorThresholds.find((s) => inSector(p, s.keywords));
  return { lowFine: sector?.lowFine ?? config.lowFine, hugeFine: sector?.hugeFine ?? config.hugeFine };
}

/** True when the fine is known and below the configured 较低数额; false when unknown or not configured. */
function lowerFine(p: PenaltyFields, category: SubjectCategory, config: DisclosureConfig): boolean {
  const low = thresholds(p, config).lowFine;
  return p.fineWan !== undefined && low !== undefined && p.fineWan < low[who(category)];
}

export interface TierResult {
  tier: Tier;
  /** Why, in plain words. */
  basis: string;
  /** A fine is imposed but its amount is blank: the tier could not use it. */
  amountUnknown: boolean;
}

/**
 * Tier of a penalty: an explicit severity from the source wins; else 简易程序 is 轻微; the categories the
 * district counts as serious, or a fine reaching its 巨额 threshold, make it 严重; 警告 / 通报批评 alone, or
 * (where configured) a known fine below 较低数额, make it 轻微; everything else is 一般. A blank amount is
 * unknown, not zero: it never makes a penalty 轻微.
 */
export function penaltyTierOf(p: PenaltyFields, category: SubjectCategory, config: DisclosureConfig = DEFAULT_DISCLOSURE_CONFIG): TierResult {
  const fined = p.categories.includes('罚款');
  const amountUnknown = fined && p.fineWan === undefined;
  if (p.severity) return { tier: p.severity, basis: '来源标明的失信程度', amountUnknown: false };
  if (p.procedure === '简易程序') return { tier: '轻微', basis: '简易程序', amountUnknown: false };
  const serious = p.categories.find((c) => config.seriousCategories.includes(c));
  if (serious) return { tier: '严重', basis: `处罚类别含${serious}`, amountUnknown: false };
  const huge = thresholds(p, config).hugeFine;
  const amount = (p.fineWan ?? 0) + (p.confiscatedWan ?? 0);
  if (huge && (p.fineWan !== undefined || p.confiscatedWan !== undefined) && amount >= huge[who(category)]) {
    return { tier: '严重', basis: `罚没金额达到巨额标准（${huge[who(category)]}万元）`, amountUnknown };
  }
  if (p.categories.every((c) => MINOR_ONLY.includes(c))) return { tier: '轻微', basis: '仅警告或通报批评', amountUnknown: false };
  if (p.categories.every((c) => FINE_LIKE.includes(c)) && config.lowFineIsMinor && lowerFine(p, category, config)) {
    return { tier: '轻微', basis: '较低数额罚款', amountUnknown: false };
  }
  return { tier: '一般', basis: amountUnknown ? '罚款金额空缺，按一般失信处理' : '一般失信', amountUnknown };
}


/** What one national rule set says of a penalty. */
interface Bounds { set: PenaltyRuleSet; publish: boolean; minEnd?: string; end: string; publishCite: string; minCite: string; endCite: string }

function underSet(p: PenaltyFields, tier: Tier, set: PenaltyRuleSet): Bounds {
  const row = set.tiers[tier];
  const start = p.decisionDate;
  const end = addMonths(start, row.maxMonths);
  let minMonths = row.minMonths;
  let minCite = row.cite;
  for (const s of set.sectorMinimums) {
    if (inSector(p, s.keywords) && s.minMonths > minMonths) { minMonths = s.minMonths; minCite = s.cite; }
  }
  let minEnd = minMonths > 0 ? addMonths(start, minMonths) : undefined;
  const full = set.fullTerm;
  if (full && inSector(p, full.keywords) && p.categories.some((c) => full.categories.includes(c))) {
    minEnd = end;
    minCite = full.cite;
  }
  return { set, publish: row.publish, minEnd, end, publishCite: row.cite, minCite, endCite: row.cite };
}

/** The first day a repair can be applied for under some bounds, or undefined when never before the end. */
const repairDay = (minEnd: string | undefined, end: string | undefined) => (minEnd && (!end || minEnd < end) ? addDays(minEnd, 1) : undefined);

function ndrcPenaltyTerm(p: PenaltyFields, tier: Tier, today: string, config: DisclosureConfig): Term {
  const start = p.decisionDate;
  const then = underSet(p, tier, ruleSetOn(p.decisionDate));
  const nowSet = ruleSetOn(today);
  const now = config.transition === 'favourable' && nowSet.effectiveFrom > then.set.effectiveFrom ? underSet(p, tier, nowSet) : null;
  const rule = `${then.set.id}/${tier}`;
  const base: Pick<Term, 'rule' | 'tier' | 'start' | 'startBasis'> = { rule, tier, start, startBasis: '处罚决定日期' };
  if (!then.publish) return { ...base, publish: false, note: then.publishCite };
  if (now && !now.publish) {
    return { ...base, publish: false, note: `决定作出时施行${then.set.docNo}；现行${now.set.docNo}不予公示此类信息，对当事人更有利，按现行规定不予公示`, basis: { publish: now.publishCite } };
  }
  let minEnd = then.minEnd;
  let minCite = then.minCite;
  let end = then.end;
  let endCite = then.endCite;
  const later: string[] = [];
  if (now) {
    if (now.end < end) { end = now.end; endCite = now.endCite; later.push('公示截止日期'); }
    const thenRepair = repairDay(minEnd, end);
    const nowRepair = repairDay(now.minEnd, end);
    if (nowRepair && (!thenRepair || nowRepair < thenRepair)) { minEnd = now.minEnd; minCite = now.minCite; later.push('可申请修复日期'); }
  }
  if (minEnd && minEnd > end) minEnd = end;
  const note = later.length
    ? `按决定作出时施行的${then.set.docNo}计算；现行${now!.set.docNo}对当事人更有利的，${later.join('和')}按现行规定计算（立法法第一百零四条）`
    : then.set === nowSet ? then.publishCite : `按决定作出时施行的${then.set.docNo}计算（规章不溯及既往，立法法第一百零四条）`;
  return { ...base, publish: true, minEnd, end, note, basis: { minEnd: minCite, end: endCite } };
}

function samrPenaltyTerm(p: PenaltyFields, tier: Tier, category: SubjectCategory, today: string, config: DisclosureConfig): Term {
  // Art. 13: periods count from the day of publication; the decision date stands in when the source has none.
  const start = p.publishedOn ?? p.decisionDate;
  const base: Pick<Term, 'rule' | 'tier' | 'start' | 'startBasis'> = {
    rule: SAMR_PUBLICATION.id, tier, start, startBasis: p.publishedOn ? '公示日期' : '处罚决定日期',
  };
  if (p.categories.every((c) => c === '警告')) return { ...base, rule: SAMR_PUBLICATION.notPublished.id, publish: false, note: SAMR_PUBLICATION.notPublished.cite };
  // "仅受到通报批评或者较低数额罚款": only those; 警告 with a lower fine is not this case.
  const short = p.categories.every((c) => c === '通报批评' || c === '罚款')
    && (!p.categories.includes('罚款') || lowerFine(p, category, config));
  const pub = short ? SAMR_PUBLICATION.short : SAMR_PUBLICATION.long;
  let end = addMonths(start, pub.months);
  if (!short && p.validTo && p.validTo > end && p.categories.some((c) => SAMR_PUBLICATION.actualTerm.includes(c))) end = p.validTo;
  const noEarly = p.categories.find((c) => SAMR_PUBLICATION.noEarlyStop.categories.includes(c));
  const term: Term = { ...base, rule: pub.id, publish: true, end, note: pub.cite, basis: { end: pub.cite } };
  if (short) return term;
  if (noEarly) return { ...term, minEnd: end, basis: { ...term.basis, minEnd: SAMR_PUBLICATION.noEarlyStop.cite } };
  // Repair: the rule in force on the decision date, or a later one in force today where it allows repair earlier.
  const sets: SamrRepairSet[] = [ruleSetOn(p.decisionDate, SAMR_REPAIR_SETS)];
  const nowSet = ruleSetOn(today, SAMR_REPAIR_SETS);
  if (config.transition === 'favourable' && nowSet.effectiveFrom > sets[0]!.effectiveFrom) sets.push(nowSet);
  let best: { minEnd: string; set: SamrRepairSet } | undefined;
  for (const set of sets) {
    const months = set.sensitive && inSector(p, set.sensitive.keywords) ? set.sensitive.months : set.afterMonths[tier === '严重' ? '严重' : '一般'];
    const minEnd = addMonths(start, months);
    if (!best || minEnd < best.minEnd) best = { minEnd, set };
  }
  return { ...term, minEnd: minDate(best!.minEnd, end), basis: { ...term.basis, minEnd: best!.set.cite } };
}

function penaltyTerm(p: PenaltyFields, input: DisclosureInput, today: string, config: DisclosureConfig): Term {
  const { tier } = penaltyTierOf(p, input.subjectCategory, config);
  if (p.procedure === '简易程序') {
    return { rule: SIMPLE_PROCEDURE.id, tier, start: p.decisionDate, publish: false, note: SIMPLE_PROCEDURE.cite };
  }
  const term = input.regime === 'samr'
    ? samrPenaltyTerm(p, tier, input.subjectCategory, today, config)
    : ndrcPenaltyTerm(p, tier, today, config);
  // The publisher's own 公示截止期 is never extended; an implausible one (before the start) is ignored.
  if (term.publish && p.publishUntil && p.publishUntil >= term.start && term.end && p.publishUntil < term.end) {
    term.end = p.publishUntil;
    term.basis = { ...term.basis, end: '来源部门载明的公示截止期' };
    if (term.minEnd && term.minEnd > term.end) term.minEnd = term.end;
  }
  return term;
}

/** The configured red-list term for a list name: exact name, or an anchored pattern; never a substring. */
export function redlistTermFor(listName: string, terms: readonly RedlistTerm[]): RedlistTerm | undefined {
  return terms.find((t) => (t.name !== undefined ? t.name === listName : new RegExp(t.pattern!, 'u').test(listName)));
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
      const termRule = redlistTermFor(r.listName, config.redlistTerms);
      const start = r.listedOn ?? `${r.evaluationYear! + 1}-01-01`;
      const ruleId = termRule ? `redlist/${termRule.name ?? termRule.pattern}` : 'redlist/default';
      if (r.validTo) return { rule: 'redlist/source', start, end: r.validTo, publish: true, note: '有效期以认定部门公布的为准' };
      if (termRule?.fromEvaluationYear && r.evaluationYear !== undefined) {
        const from = `${r.evaluationYear + 1}-01-01`;
        return { rule: ruleId, start, end: addDays(addMonths(from, termRule.months), -1), publish: true, note: termRule.cite };
      }
      const months = termRule?.months ?? config.redlistDefaultMonths;
      return { rule: ruleId, start, end: addMonths(start, months), publish: true, note: termRule?.cite ?? `认定部门未公布有效期，按本站配置公示${months}个月` };
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

/** An objection is being verified on `today`: received, and not closed by then. */
export function objectionOpen(o: NonNullable<DisclosureEvents['objection']>, today: string): boolean {
  return o.received <= today && (o.status === '核实中' || o.closed === undefined || o.closed > today);
}

/**
 * State and dates of a record on `today`. Precedence: a repair or removal that has taken effect; a record
 * not to be published; the end of its term (the legal maximum is final: no event keeps a record past it);
 * an objection under verification (shown, marked, joint measures suspended); the end of the minimum term.
 */
export function disclosureState(input: DisclosureInput, today: string, config: DisclosureConfig = DEFAULT_DISCLOSURE_CONFIG): Disclosure {
  const term = baseTerm(input, today, config);
  let { minEnd, end } = term;
  const ev = input.events ?? {};
  const out: Disclosure = { state: '公示中', rule: term.rule, start: term.start, note: term.note };
  if (term.tier) out.tier = term.tier;
  if (term.startBasis) out.startBasis = term.startBasis;
  if (term.basis) out.basis = term.basis;

  const obj = ev.objection;
  let underObjection = false;
  if (obj && obj.received <= today && (end === undefined || obj.received <= end)) {
    out.objection = obj.closed ? { received: obj.received, status: obj.status, closed: obj.closed } : { received: obj.received, status: obj.status };
    underObjection = objectionOpen(obj, today);
    if (underObjection && input.record.kind === 'blacklist') out.measuresSuspended = true;
    // Where the district's rules say so (e.g. a plan like seed 004), a list entry's joint-measure term pauses
    // while the objection is verified and resumes on rejection — but never past the legal maximum.
    if (input.record.kind === 'blacklist' && config.objection.pauseMeasuresTerm && end && (underObjection || obj.status === '已驳回')) {
      const maximum = addMonths(term.start, config.blacklistDefaultMonths);
      const paused = daysBetween(obj.received, underObjection ? today : obj.closed!);
      if (end < maximum) {
        end = minDate(addDays(end, paused), maximum);
        out.basis = { ...out.basis, end: `${config.objection.pauseBasis}：异议核实期间惩戒期限暂停计算，最长不超过${config.blacklistDefaultMonths}个月` };
      }
    }
  }
  if (minEnd) out.minEnd = minEnd;
  if (end) out.end = end;
  const repairable = repairDay(minEnd, end);
  if (repairable) out.repairableFrom = repairable;

  let state: DisclosureState;
  if (ev.removal && ev.removal.date <= today) {
    state = '已修复';
    out.note = `已于 ${ev.removal.date} ${ev.removal.method}，依规停止公示`;
  } else if (!term.publish) state = '不予公示';
  else if (end !== undefined && today > end) state = '已届满';
  else if (underObjection) state = '异议核实中';
  else if (out.repairableFrom && today >= out.repairableFrom) state = '可申请修复';
  else state = '公示中';
  out.state = state;
  if (!underObjection || state !== '异议核实中') delete out.measuresSuspended;
  return out;
}

export const isPublic = (d: Pick<Disclosure, 'state'>): boolean => PUBLIC_STATES.includes(d.state);

/** A licence status that ends it whatever its validity says. */
export const LICENCE_WITHDRAWN = /注销|撤销|撤回|吊销/;

/** Status of a licence on `today`, from its published status and validity (public/expiry.js does the same in the browser). */
export function licenseStatus(r: { status?: string; validTo?: string }, today: string): string {
  if (r.status && LICENCE_WITHDRAWN.test(r.status)) return r.status;
  if (r.validTo && today > r.validTo) return '有效期届满';
  return r.status ?? '有效';
}

