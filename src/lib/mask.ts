/**
 * Privacy masks for natural persons (鹤信用发〔2022〕1号 脱敏 requirement; DOMAIN.md "Privacy"):
 * at most the first 6 and last 4 characters of an ID number are shown; a raw number is never written.
 */
import { isResidentId } from './credit-code.ts';
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

const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;

/**
 * Mask resident ID numbers and mobile numbers wherever they appear in free text (违法事实, 备注...).
 * Codes that pass the ID check are masked even inside sentences; 18-digit strings that are not IDs stay.
 */
export function scrubPersonalNumbers(text: string): string {
  return text
    .replace(ID_IN_TEXT, (m) => (isResidentId(m.toUpperCase()) ? maskIdNumber(m) : m))
    .replace(MOBILE_IN_TEXT, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}

/** True when a string still shows more of an ID number than the mask allows. */
export function revealsIdNumber(text: string): boolean {
  for (const m of text.matchAll(ID_IN_TEXT)) if (isResidentId(m[1]!.toUpperCase())) return true;
  return false;
}
