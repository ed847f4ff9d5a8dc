/**
 * Subject identifiers: 统一社会信用代码 (GB 32100-2015), 组织机构代码 (GB 11714-1997), the old 15-digit
 * 工商注册号 (ISO 7064 MOD 11,10, GB/T 17710) and 税务登记号, and resident ID numbers (GB 11643-1999,
 * ISO 7064 MOD 11-2), which must be recognised so that they are masked, never published.
 */
import { normalizeCode } from './text.ts';

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Expected check character of an 18-character code, or null when the first 17 are not in the alphabet. */
export function usccCheckChar(code: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(code[i] ?? '');
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character for the first 8 characters of an organisation code. */
export function orgCodeCheckChar(code: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = code[i] ?? '';
    const v = /[0-9]/.test(c) ? Number(c) : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : -1;
    if (v < 0) return null;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** ISO 7064 MOD 11,10 over the 15-digit 工商注册号. */
export function isValidRegNo(code: string): boolean {
  if (!/^\d{15}$/.test(code)) return false;
  let p = 10;
  for (let i = 0; i < 14; i++) {
    let s = (p + Number(code[i])) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return (p + Number(code[14])) % 10 === 1;
}

/** An 18-character resident ID: region, a real birth date, sequence and MOD 11-2 check. */
export function isResidentId(code: string): boolean {
  const m = /^(\d{6})(\d{4})(\d{2})(\d{2})(\d{3})([\dX])$/.exec(code);
  if (!m) return false;
  const [y, mo, d] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || y > 2030 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(code[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === code[17];
}

export type CodeType = 'uscc' | 'orgCode' | 'regNo' | 'taxNo' | 'residentId' | 'other';

export interface ClassifiedCode {
  type: CodeType;
  /** The normalised code; for residentId this is the raw number and must be masked before it goes anywhere. */
  value: string;
  /** A clerk-readable note when the code is malformed or fails its check. */
  warning?: string;
}

/**
 * Decide what kind of identifier a code cell holds. A bad check character is reported, not fatal:
 * registered codes with wrong check characters exist in real files.
 */
export function classifyCode(raw: string): ClassifiedCode | null {
  const value = normalizeCode(raw);
  if (!value || /^[-/无空0]+$/.test(value)) return null;
  if (value.length === 18 && [...value].every((c) => USCC_ALPHABET.includes(c))) {
    const expected = usccCheckChar(value);
    if (expected === value[17]) return { type: 'uscc', value };
    // A resident ID used as a code (个体工商户, persons) must never be mistaken for a USCC and shown raw.
    if (isResidentId(value)) return { type: 'residentId', value };
    return { type: 'uscc', value, warning: `统一社会信用代码校验位为 ${value[17]}，应为 ${expected}（已保留，请向来源单位核实）` };
  }
  if (isResidentId(value)) return { type: 'residentId', value };
  // A 20-character tax number that embeds a resident ID (个体户 registered under the owner's ID).
  if (/^\d{17}[\dX]\d{2}$/.test(value) && isResidentId(value.slice(0, 18))) return { type: 'residentId', value: value.slice(0, 18) };
  if (/^[0-9A-Z]{8}[0-9X]$/.test(value)) {
    const expected = orgCodeCheckChar(value);
    return expected === value[8]
      ? { type: 'orgCode', value }
      : { type: 'orgCode', value, warning: `组织机构代码校验位为 ${value[8]}，应为 ${expected}` };
  }
  if (/^\d{15}$/.test(value)) return isValidRegNo(value) ? { type: 'regNo', value } : { type: 'taxNo', value };
  // 15-character 税务登记号: 6-digit region + 9-character organisation code.
  if (/^\d{6}[0-9A-Z]{8}[0-9X]$/.test(value)) return { type: 'taxNo', value };
  return { type: 'other', value, warning: `无法识别的代码格式（${value.length} 位），按原样保留` };
}
