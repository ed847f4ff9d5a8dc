/**
 * Working-day arithmetic with China's official holidays and 调休 make-up days (chinese-days, which
 * tracks the State Council's annual holiday notices). Used to tell a subject when a repair or an
 * objection has to be answered.
 */
import chineseDays from 'chinese-days';

/** The date `n` working days after `date` (n = 0: the date itself if a working day, else the next one). */
export function addWorkdays(date: string, n: number): string {
  return chineseDays.findWorkday(n, date);
}

/** Working-day deadlines for handling a repair application or an objection. */
export const DEADLINES = {
  /** 信用中国 decides on a repair application (国家发展改革委令2025年第36号, article to be checked). */
  repairDecision: { days: 10, cite: '国家发展改革委令2025年第36号' },
  /** Local portals stop showing a repaired record after the decision is shared. */
  portalFollows: { days: 3, cite: '国家发展改革委令2025年第36号' },
  /** An objection is verified within 20 working days (榕政办〔2016〕264号). */
  objectionVerification: { days: 20, cite: '榕政办〔2016〕264号' },
} as const;

/** If a repair application is made on `applyDate`: the latest decision day, and the latest take-down day here. */
export function repairTimeline(applyDate: string): { decisionBy: string; takenDownBy: string } {
  const decisionBy = addWorkdays(addWorkdays(applyDate, 0), DEADLINES.repairDecision.days);
  return { decisionBy, takenDownBy: addWorkdays(decisionBy, DEADLINES.portalFollows.days) };
}

export function objectionDue(received: string): string {
  return addWorkdays(addWorkdays(received, 0), DEADLINES.objectionVerification.days);
}
