/**
 * Subject identifiers: 统一社会信用代码 (GB 32100-2015), 组织机构代码 (GB 11714-1997), the old 15-digit
 * 工商注册号 (ISO 7064 MOD 11,10, GB/T 17710) and 税务登记号, and resident ID numbers (GB 11643-1999,
 * ISO 7064 MOD 11-2), which must be recognised so that they are masked, never published.
 */
import { cleanCell, normalizeCode, toHalfWidth } from './text.ts';

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
  return idShape(code) === 18 && residentIdCheckChar(code) === code[17];
}

/** MOD 11-2 check character of an 18-character resident ID (GB 11643-1999). */
export function residentIdCheckChar(code: string): string | null {
  if (!/^\d{17}/.test(code)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(code[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Province-level codes of GB/T 2260 that begin resident ID numbers (71 台湾, 81 香港, 82 澳门 included). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

const realDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * 18 or 15 when `code` has the shape of a resident ID (a province-level region code, then a real birth date),
 * whatever its check digit: Excel zeroes the tail of long numbers (513328198909014000), so a damaged ID fails
 * its check and is still a person's number. Null otherwise.
 */
export function idShape(code: string): 18 | 15 | null {
  let m = /^(\d{2})\d{4}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/.exec(code);
  if (m) {
    const y = Number(m[2]);
    return PROVINCES.has(Number(m[1])) && y >= 1900 && y <= 2030 && realDate(y, Number(m[3]), Number(m[4])) ? 18 : null;
  }
  // The 15-digit ID issued before 1999: region, YYMMDD, sequence.
  m = /^(\d{2})\d{4}(\d{2})(\d{2})(\d{2})\d{3}$/.exec(code);
  if (m) return PROVINCES.has(Number(m[1])) && realDate(1900 + Number(m[2]), Number(m[3]), Number(m[4])) ? 15 : null;
  return null;
}

/**
 * True when `code` must be treated as a person's ID number: it has an ID's shape and is not better explained
 * as a business code. An 18-character code passing the GB 32100 check but not the ID check is a credit code;
 * a 15-digit number passing the 注册号 check, or whose last 9 characters are an organisation code with a
 * valid GB 11714 check (a 税务登记号), is a business number. Everything else of ID shape is personal data.
 */
export function isPersonalId(code: string): boolean {
  const shape = idShape(code);
  if (shape === 18) return !(usccCheckChar(code) === code[17] && residentIdCheckChar(code) !== code[17]);
  if (shape === 15) return !isValidRegNo(code) && orgCodeCheckChar(code.slice(6)) !== code[14];
  return false;
}

/** Excel's scientific notation for a long number (9.14E+17, 9.12301E+17): the digits are lost. */
export const EXCEL_SCIENTIFIC = /^\d(?:\.\d+)?E\+?\d{1,2}$/;

export type CodeType = 'uscc' | 'orgCode' | 'regNo' | 'taxNo' | 'residentId' | 'damaged' | 'other';

export interface ClassifiedCode {
  type: CodeType;
  /** The normalised code; for residentId this is the raw number and must be masked before it goes anywhere. */
  value: string;
  /** A USCC whose check character is wrong: kept and shown, but not an identity on its own. */
  invalidCheck?: true;
  /** A clerk-readable note when the code is malformed, damaged or fails its check. */
  warning?: string;
}

/**
 * Decide what kind of identifier a code cell holds. A bad check character is reported, not fatal:
 * registered codes with wrong check characters exist in real files. Anything of ID shape is a person's
 * number (isPersonalId) and never a code to show.
 */
export function classifyCode(raw: string): ClassifiedCode | null {
  const scientific = toHalfWidth(cleanCell(raw)).replace(/\s+/g, '').toUpperCase();
  if (EXCEL_SCIENTIFIC.test(scientific)) {
    return { type: 'damaged', value: scientific, warning: `代码“${scientific}”已被 Excel 改写为科学计数法，原代码已丢失，不再作为代码使用，按名称识别主体；请向来源单位索取以文本格式导出的文件` };
  }
  const value = normalizeCode(raw);
  if (!value || /^[-/无空0]+$/.test(value)) return null;
  if (isPersonalId(value)) return { type: 'residentId', value };
  // A 20-character tax number that embeds a resident ID (个体户 registered under the owner's ID).
  if (/^\d{17}[\dX]\d{2}$/.test(value) && idShape(value.slice(0, 18))) return { type: 'residentId', value: value.slice(0, 18) };
  if (value.length === 18 && [...value].every((c) => USCC_ALPHABET.includes(c))) {
    const expected = usccCheckChar(value);
    if (expected === value[17]) return { type: 'uscc', value };
    return {
      type: 'uscc', value, invalidCheck: true,
      warning: `统一社会信用代码 ${value} 校验位为 ${value[17]}，应为 ${expected}：不作为主体的唯一标识，仅在名称相同时归入同一主体；请向来源单位核实`,
    };
  }
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
