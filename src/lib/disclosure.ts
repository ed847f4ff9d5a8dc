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
import { DEFAULT_DISCLOSURE_CONFIG, type DisclosureConfig } from './disclosure-rules.ts';
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
