/**
 * Text clean-up for cells coming out of government CMS exports and scrapes.
 * Real files carry footer debris ("(责任编辑：admin)"), stray HTML, odd spaces (U+2002, U+3000, NBSP)
 * and the replacement character left by truncated multi-byte sequences (see ../shared/realdata).
 */

const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r\n]+/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const EDITOR_FOOTER = /[（(]\s*(责任编辑|编辑|来源)\s*[：:][^）)]*[）)]/g;
const HTML_TAG = /<\/?[a-zA-Z][^<>]*>/g;
/** Tag remains whose "<" was mangled, e.g. "⠼/span>" in the 青海 dump. */
const BROKEN_TAG = /[^\s]?\/(span|p|div|td|font|b|strong|br)>/gi;
const HTML_ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** A character any of the patterns above starts from: a cell without one needs only trimming (most cells; a city has millions). */
const MAY_NEED_CLEANING = /[&<>/（(\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\ufffd\t\r\n]| {2}/;

/** Trim, drop CMS debris and HTML, fold odd whitespace to one space. Keeps the publisher's punctuation. */
export function cleanCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (!MAY_NEED_CLEANING.test(s)) return s.trim();
  s = s.replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (m) => HTML_ENTITIES[m] ?? m);
  s = s.replace(HTML_TAG, '').replace(BROKEN_TAG, '').replace(EDITOR_FOOTER, '');
  s = s.replace(ZERO_WIDTH, '').replace(/\ufffd/g, '').replace(ODD_SPACES, ' ').replace(/ {2,}/g, ' ');
  return s.trim();
}

/** Full-width ASCII (U+FF01..U+FF5E) to half-width, ideographic space to space. */
export function toHalfWidth(s: string): string {
  if (!/[\uff01-\uff5e\u3000]/.test(s)) return s;
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A code cell as a clean upper-case token: full-width folded, spaces and separators removed. */
export function normalizeCode(value: string): string {
  return toHalfWidth(cleanCell(value)).replace(/[\s\-_.·]/g, '').toUpperCase();
}

/**
 * Key used to decide whether two names denote the same subject: bracket and dot styles,
 * spaces and case do not matter. Display keeps the cleaned original.
 */
export function nameKey(name: string): string {
  return toHalfWidth(cleanCell(name))
    .replace(/[()（）〔〕\[\]【】]/g, (c) => ('(（〔[【'.includes(c) ? '(' : ')'))
    .replace(/[．。·•]/g, '.')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** Company names use full-width brackets in Chinese registration practice; fold ASCII ones to them. */
export function displayName(name: string): string {
  return cleanCell(name).replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s*（\s*/g, '（').replace(/\s*）\s*/g, '）');
}

/** Header cells: cleaned, half-width, without spaces, so "罚款金额（万元）" matches "罚款金额(万元)". */
export function headerKey(header: string): string {
  return toHalfWidth(cleanCell(header)).replace(/\s+/g, '').replace(/[：:*＊]$/g, '').toUpperCase();
}
