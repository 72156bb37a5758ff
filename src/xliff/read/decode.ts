import { decodeUtf8 } from '../../formats/shared.js';
import { TarjomanError, lineColumn } from '../../model/located-error.js';

type Utf16 = 'le' | 'be';

/** The encodings a declaration may name for bytes we decode as UTF-8 or UTF-16. */
const DECLARED_OK = new Set(['utf-8', 'utf8', 'utf-16', 'utf-16le', 'utf-16be', 'us-ascii', 'ascii']);

function utf16Of(bytes: Uint8Array): { order: Utf16; bom: boolean } | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xff && b === 0xfe && !(c === 0 && d === 0)) return { order: 'le', bom: true };
  if (a === 0xfe && b === 0xff) return { order: 'be', bom: true };
  // Without a BOM, `<?` in two-byte units is the only way XML can begin (XML 1.0 appendix F).
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return { order: 'le', bom: false };
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return { order: 'be', bom: false };
  return undefined;
}

function isUtf32(bytes: Uint8Array): boolean {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  return (a === 0 && b === 0 && c === 0xfe && d === 0xff) || (a === 0xff && b === 0xfe && c === 0 && d === 0);
}

/**
 * Strict UTF-16: an odd byte count or a lone surrogate is an error at its line and column,
 * never a replacement character that would end up in a merged translation.
 */
function decodeUtf16(bytes: Uint8Array, order: Utf16, skip: number, path: string): string {
  const units = Math.floor((bytes.length - skip) / 2);
  const chars: number[] = new Array(units);
  for (let k = 0; k < units; k++) {
    const i = skip + 2 * k;
    chars[k] = order === 'le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  }
  let bad = (bytes.length - skip) % 2 === 1 ? units : -1;
  for (let k = 0; k < units; k++) {
    const c = chars[k]!;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = chars[k + 1];
      if (next !== undefined && next >= 0xdc00 && next <= 0xdfff) {
        k += 1;
        continue;
      }
      bad = k;
      break;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      bad = k;
      break;
    }
  }
  let text = '';
  const end = bad >= 0 ? bad : units;
  for (let k = 0; k < end; k += 8192) text += String.fromCharCode(...chars.slice(k, Math.min(end, k + 8192)));
  if (bad >= 0) {
    const { line, column } = lineColumn(text, text.length);
    throw new TarjomanError('xliff-check:read.invalidUtf16', { byte: skip + 2 * bad }, { file: path, line, column });
  }
  return text;
}

/**
 * The text of an XLIFF file: UTF-8 (with or without BOM) or UTF-16 in either byte order, told
 * apart by the BOM or by how `<?xml` is spelled. A declaration naming any other encoding is
 * refused, because decoding such bytes as UTF-8 could silently change the translation.
 */
export function decodeXliff(bytes: Uint8Array, path: string): string {
  if (isUtf32(bytes)) throw new TarjomanError('xliff-check:read.encodingUnsupported', { encoding: 'UTF-32' }, { file: path, line: 1, column: 1 });
  const utf16 = utf16Of(bytes);
  let text: string;
  if (utf16) text = decodeUtf16(bytes, utf16.order, utf16.bom ? 2 : 0, path);
  else {
    text = decodeUtf8(bytes, path);
    if (text.startsWith('\uFEFF')) text = text.slice(1);
  }
  checkDeclaredEncoding(text, path);
  return text;
}

/** Refuses a declaration that names an encoding other than the one the bytes were decoded with. */
export function checkDeclaredEncoding(start: string, path: string): void {
  const declared = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/u.exec(start)?.[1];
  if (declared !== undefined && !DECLARED_OK.has(declared.toLowerCase())) {
    const at = start.indexOf(declared);
    throw new TarjomanError('xliff-check:read.encodingUnsupported', { encoding: declared }, { file: path, ...lineColumn(start, at) });
  }
}

/** Whether bytes beginning so are UTF-8 (with or without BOM) rather than UTF-16 or UTF-32. */
export function looksUtf8(head: Uint8Array): boolean {
  return !isUtf32(head) && utf16Of(head) === undefined;
}
