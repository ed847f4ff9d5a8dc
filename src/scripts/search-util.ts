/** Pure helpers of the search page, shared with the unit tests. */

/** A query as a code: full-width folded, spaces and dashes removed, upper case. */
export function normalizeQueryCode(q: string): string {
  return q.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000\-]/g, '').toUpperCase();
}

/** 18 characters of the GB 32100 alphabet. */
export function isUsccShape(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code);
}

/** The visitor's date, YYYY-MM-DD, in their own time zone. */
export function today(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
