/**
 * Privacy masks for natural persons (鹤信用发〔2022〕1号 脱敏 requirement; DOMAIN.md "Privacy"):
 * at most the first 6 and last 4 characters of an ID number are shown; a raw number is never written.
 * "ID number" means anything of its shape (credit-code.ts isPersonalId), damaged ones included.
 */
import { idShape, isPersonalId } from './credit-code.ts';
import { normalizeCode } from './text.ts';

/** Mask an ID number: 230102********1234. Already-masked input is re-masked to the same rule. */
export function maskIdNumber(raw: string): string {
  const v = normalizeCode(raw);
  if (!v) return '';
  if (v.length <= 6) return '*'.repeat(v.length);
  const keepHead = v.length >= 15 ? 6 : 1;
  const keepTail = v.length >= 15 ? 4 : 2;
  return v.slice(0, keepHead) + '*'.repeat(v.length - keepHead - keepTail) + v.slice(-keepTail);
}

/** Runs of 15 to 20 digits (an 18th character may be X) standing alone in a text. */
const NUMBER_IN_TEXT = /(?<![0-9A-Za-z])(\d{14,19}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/** The personal ID inside a number run: the run itself, or the 18 characters a 20-character tax number starts with. */
function personalPart(token: string): string | null {
  const t = token.toUpperCase();
  if ((t.length === 18 || t.length === 15) && isPersonalId(t)) return t;
  if (t.length === 20 && idShape(t.slice(0, 18)) === 18) return t.slice(0, 18);
  return null;
}

/**
 * Mask resident ID numbers (of ID shape, whether or not the check digit holds) and mobile numbers wherever
 * they appear in free text (违法事实, 备注...). Credit codes and business numbers stay.
 */
export function scrubPersonalNumbers(text: string): string {
  return text
    .replace(NUMBER_IN_TEXT, (m) => {
      const id = personalPart(m);
      return id ? maskIdNumber(id) + m.slice(id.length).replace(/./g, '*') : m;
    })
    .replace(MOBILE_IN_TEXT, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}

/** The first unmasked ID-shaped number in a text, or null: the ingest's last guard and the tests use it. */
export function findIdNumber(text: string): string | null {
  for (const m of text.matchAll(NUMBER_IN_TEXT)) if (personalPart(m[1]!)) return m[1]!;
  return null;
}
