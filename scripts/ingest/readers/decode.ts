import iconv from 'iconv-lite';

/**
 * Bytes to text. A BOM decides; else strict UTF-8 is tried, and a file that is not valid UTF-8 is read as
 * GB18030 (a superset of GBK and GB2312, what Windows exports as "ANSI" in Chinese locales).
 */
export function decodeText(bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
  if (encoding) {
    const enc = encoding.toLowerCase();
    if (!iconv.encodingExists(enc)) throw new Error(`不支持的编码 ${encoding}`);
    return { text: iconv.decode(Buffer.from(bytes), enc).replace(/^\ufeff/, ''), encoding: enc };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}
