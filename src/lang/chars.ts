/**
 * Character classes shared by the Persian and English rules and by the term matcher.
 * Word characters are letters of any script, digits and combining marks, so a term never
 * matches inside a word written in another script ("MEKی" is one word, not "MEK" + "ی").
 */

export const ZWNJ = '\u200C';
export const ZWJ = '\u200D';

const WORD = /[\p{L}\p{M}\p{N}]/u;
const CASED_UPPER = /\p{Lu}/u;
const CASED_LOWER = /\p{Ll}/u;

// 0 = not yet computed, 1 = word, 2 = not a word character; a 64 KiB table keeps
// megabyte-sized Persian texts from paying a regular-expression test per character.
const bmpWord = new Uint8Array(0x10000);

/** A letter (any script), digit or combining mark; ZWNJ and ZWJ join the parts of one Persian word. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  if (cp === 0x200c || cp === 0x200d) return true;
  if (cp < 0x10000) {
    let flag = bmpWord[cp]!;
    if (flag === 0) {
      flag = WORD.test(String.fromCharCode(cp)) ? 1 : 2;
      bmpWord[cp] = flag;
    }
    return flag === 1;
  }
  return WORD.test(String.fromCodePoint(cp));
}

/** Letters of the Arabic script blocks (Persian letters included), without digits, marks or tatweel. */
export function isArabicScriptLetter(cp: number): boolean {
  if (cp >= 0x0621 && cp <= 0x064a) return cp !== 0x0640;
  if (cp >= 0x066e && cp <= 0x06d3) return cp !== 0x06d4 && cp !== 0x0670;
  if (cp === 0x06d5 || cp === 0x06ee || cp === 0x06ef || (cp >= 0x06fa && cp <= 0x06fc) || cp === 0x06ff) return true;
  if (cp >= 0x0750 && cp <= 0x077f) return true;
  if (cp >= 0x08a0 && cp <= 0x08c9) return true;
  if (cp >= 0xfb50 && cp <= 0xfdff) return true;
  if (cp >= 0xfe70 && cp <= 0xfefc) return true;
  return false;
}

export function isLatinLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  return /\p{Script=Latin}/u.test(String.fromCodePoint(cp)) && WORD.test(String.fromCodePoint(cp));
}

export function isUpperCaseLetter(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a;
  return CASED_UPPER.test(String.fromCodePoint(cp));
}

export function isLowerCaseLetter(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x61 && cp <= 0x7a;
  return CASED_LOWER.test(String.fromCodePoint(cp));
}

/** Spaces of every kind, including the no-break and narrow no-break spaces common in Persian typesetting. */
export function isSpaceCodePoint(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Hyphen-minus, hyphen, non-breaking hyphen, figure dash and en dash: the ways "Iran-Iraq War" gets written. */
export function isHyphenCodePoint(cp: number): boolean {
  return cp === 0x2d || (cp >= 0x2010 && cp <= 0x2013);
}

/** Direction marks and other invisible format characters that editors leave inside names. */
export function isInvisibleFormat(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x061c ||
    cp === 0x200b ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff
  );
}

/** The code point at a UTF-16 offset and its length in code units (1 or 2). */
export function codePointAt(text: string, index: number): { cp: number; size: number } {
  const cp = text.codePointAt(index)!;
  return { cp, size: cp > 0xffff ? 2 : 1 };
}

/** The code point that ends just before a UTF-16 offset, or -1 at the start. */
export function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}
