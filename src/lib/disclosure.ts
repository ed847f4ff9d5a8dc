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
import { DEFAULT_DISCLOSURE_CONFIG, PENALTY_RULE_SETS, SAMR_REPAIR_SETS, type DisclosureConfig } from './disclosure-rules.ts';
import { kindOf } from './kinds/index.ts';
import { repairDay } from './kinds/penalty.ts';
import type { DisclosureEvents, Term } from './kinds/types.ts';
import type { DisclosureState, SubjectCategory } from './schemas/common.ts';
import { PUBLIC_STATES } from './schemas/common.ts';
import type { Disclosure, RecordFields } from './schemas/record.ts';

// Each kind's term lives in its module (src/lib/kinds/); these are used across the site and the tests.
export { LICENCE_WITHDRAWN, licenseStatus } from './kinds/license.ts';
export { penaltyTierOf, type TierResult } from './kinds/penalty.ts';
export { redlistTermFor } from './kinds/redlist.ts';
export type { DisclosureEvents } from './kinds/types.ts';

export interface DisclosureInput {
  record: RecordFields;
  subjectCategory: SubjectCategory;
  regime?: 'ndrc' | 'samr';
  events?: DisclosureEvents;
}

function baseTerm(input: DisclosureInput, today: string, config: DisclosureConfig): Term {
  return kindOf(input.record).term(input.record, { subjectCategory: input.subjectCategory, regime: input.regime, today, config });
}

/** Whether an objection pauses the record's joint-measure term: a list entry, where the district's rules say so. */
const pausesTerm = (input: DisclosureInput, config: DisclosureConfig) => input.record.kind === 'blacklist' && config.objection.pauseMeasuresTerm;
/** The legal maximum of a list entry's term, which no pause carries it past. */
const termMaximum = (start: string, config: DisclosureConfig) => addMonths(start, config.blacklistDefaultMonths);

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
    if (pausesTerm(input, config) && end && (underObjection || obj.status === '已驳回')) {
      const maximum = termMaximum(term.start, config);
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

/** The days a rule set comes into force: a term chooses by `today` among the sets (a later one where it favours the subject). */
const RULE_DAYS = [...PENALTY_RULE_SETS, ...SAMR_REPAIR_SETS].map((s) => s.effectiveFrom);

/**
 * The last day on which a record's disclosure is what it is on `today` (undefined: from `today` on, it stays so):
 * the day before the first of the days on which disclosureState's comparisons with the day can come out otherwise.
 * - a rule set comes into force (the terms choose by the day; a kind whose term reads the day otherwise must add its
 *   days here);
 * - a removal takes effect;
 * - an objection is received, or closed;
 * - the day after the end;
 * - the first day a repair may be applied for.
 * Between those days the term, and so the end and the repair day, stay as they are. While an objection pauses a
 * blacklist entry's term (`pauseMeasuresTerm`), its end moves every day until it reaches the legal maximum, so until
 * then its disclosure holds for `today` alone.
 * What it is for: a build that keeps what it resolved need look at a record again only once this day has passed
 * (docs/scale.md, "What an incremental data path needs"). It may end early (a rule set that changes nothing for the
 * record), never late: tests/unit/disclosure.test.ts walks cases day by day.
 */
export function disclosureHoldsUntil(input: DisclosureInput, today: string, config: DisclosureConfig = DEFAULT_DISCLOSURE_CONFIG): string | undefined {
  const ev = input.events ?? {};
  const obj = ev.objection;
  const d = disclosureState(input, today, config);
  // A paused term's end moves a day a day, until it reaches the legal maximum.
  if (obj && pausesTerm(input, config) && objectionOpen(obj, today) && d.end !== undefined && d.end < termMaximum(d.start, config)) return today;
  const next = [
    ...RULE_DAYS, ev.removal?.date, obj?.received, obj?.status === '核实中' ? undefined : obj?.closed,
    d.end && addDays(d.end, 1), d.repairableFrom,
  ].filter((day): day is string => day !== undefined && day > today).sort()[0];
  return next && addDays(next, -1);
}

/** A licence status that ends it whatever its validity says. */
