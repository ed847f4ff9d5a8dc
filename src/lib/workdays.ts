/**
 * Working-day arithmetic with China's official holidays and 调休 make-up days (chinese-days, which
 * tracks the State Council's annual holiday notices), and the working-day deadlines shown to subjects,
 * each with what it rests on. Deadlines a district sets for itself are in district.yaml.
 */
import chineseDays from 'chinese-days';

/**
 * Answers by date and count: a city's record pages ask the same few thousand, and chinese-days walks the
 * calendar a day at a time (a tenth of a record page's render before).
 */
const found = new Map<string, string>();

/** The date `n` working days after `date` (n = 0: the date itself if a working day, else the next one). */
export function addWorkdays(date: string, n: number): string {
  const key = `${date}+${n}`;
  let day = found.get(key);
  if (day === undefined) found.set(key, day = chineseDays.findWorkday(n, date));
  return day;
}

export interface Deadline {
  days: number;
  /** What the deadline rests on, in plain words. */
  cite: string;
  /** Counted from. */
  from: string;
}

/** National working-day deadlines, as far as their texts could be read (DOMAIN.md "Law facts checked"). */
export const DEADLINES = {
  /** 信用中国 answers a repair application; extendable where the case is complex. */
  repairDecision: {
    days: 10,
    from: '受理之日',
    cite: '国办发〔2025〕22号（据公开摘要）：“信用中国”网站自受理信用修复申请之日起10个工作日内作出决定，情况复杂的可适当延长',
  },
  /** 信用中国 stops showing a list entry after its removal (Order 58, in force until 2026-03-31). */
  listRemoval: {
    days: 3,
    from: '移出之日',
    cite: '国家发展改革委令2023年第58号（2023年5月1日至2026年3月31日施行）：严重失信主体名单移出后，“信用中国”网站3个工作日内停止公示',
  },
} as const satisfies Record<string, Deadline>;

/** The latest day 信用中国 should decide a repair application accepted on `accepted` (before any extension). */
export function repairDecisionBy(accepted: string): string {
  return addWorkdays(addWorkdays(accepted, 0), DEADLINES.repairDecision.days);
}

/** The day an objection received on `received` is due, `days` working days later. */
export function objectionDue(received: string, days: number): string {
  return addWorkdays(addWorkdays(received, 0), days);
}
