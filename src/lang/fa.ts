/**
 * Persian facts: the letters that keyboards and older sources get wrong, the marks that do
 * not change a word, digits, and the suffixes that attach to a noun.
 */

export const PERSIAN_YEH = '\u06CC';
export const PERSIAN_KEHEH = '\u06A9';
export const ARABIC_YEH = '\u064A';
export const ALEF_MAKSURA = '\u0649';
export const ARABIC_KAF = '\u0643';
export const TATWEEL = '\u0640';

/** `٫` separates decimals and `٬` groups thousands in Persian numbers. */
export const PERSIAN_DECIMAL_SEPARATOR = '\u066B';
export const PERSIAN_THOUSANDS_SEPARATOR = '\u066C';

/**
 * Suffixes written attached to a noun (with or without ZWNJ): plural ها, plural + ezafe های,
 * ezafe or indefinite ی, the same after a vowel ای, possessive اش, and the object marker را.
 * Longest first, so a matcher takes «های» before «ها».
 */
export const PERSIAN_SUFFIXES: readonly string[] = ['های', 'ها', 'ای', 'اش', 'را', 'ی'];

/** Harakat (fatha, kasra, damma, tanwin, shadda, sukun…) and the superscript alef: optional in Persian writing. */
export function isArabicDiacritic(cp: number): boolean {
  return (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670;
}

/** Characters that can be deleted from a Persian word without making it another word. */
export function isDroppedInPersian(cp: number): boolean {
  return cp === 0x0640 || isArabicDiacritic(cp);
}

/** Arabic yeh and alef maksura become Persian yeh; Arabic kaf becomes keheh; anything else is unchanged. */
export function foldPersianLetter(cp: number): number {
  if (cp === 0x064a || cp === 0x0649) return 0x06cc;
  if (cp === 0x0643) return 0x06a9;
  return cp;
}

/**
 * The spelling Persian text is compared in: Arabic yeh and kaf folded to the Persian letters,
 * tatweel and diacritics removed. ZWNJ is kept, since it is part of the word.
 */
export function normalizePersian(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isDroppedInPersian(cp)) continue;
    const folded = foldPersianLetter(cp);
    out += folded === cp ? ch : String.fromCodePoint(folded);
  }
  return out;
}

/** Where a text uses Arabic yeh, alef maksura or kaf instead of the Persian letters (UTF-16 offsets). */
export function arabicLetterOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x064a || c === 0x0649 || c === 0x0643) out.push(i);
  }
  return out;
}

/** The value of an ASCII, Persian (۰–۹) or Arabic-Indic (٠–٩) digit, or -1. */
export function digitValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp >= 0x06f0 && cp <= 0x06f9) return cp - 0x06f0;
  if (cp >= 0x0660 && cp <= 0x0669) return cp - 0x0660;
  return -1;
}

function mapDigits(text: string, zero: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = digitValue(c);
    out += v < 0 ? text[i] : String.fromCharCode(zero + v);
  }
  return out;
}

/** ASCII and Arabic-Indic digits written as Persian digits. */
export function toPersianDigits(text: string): string {
  return mapDigits(text, 0x06f0);
}

/** Persian and Arabic-Indic digits written as ASCII digits. */
export function toAsciiDigits(text: string): string {
  return mapDigits(text, 0x30);
}

/**
 * A number as number checks compare it: ASCII digits, `.` for the decimal separator and no
 * grouping, whichever digits and separators (`٫` `٬` `,`) it was written with.
 */
export function normalizeNumber(text: string): string {
  return toAsciiDigits(text)
    .replaceAll(PERSIAN_THOUSANDS_SEPARATOR, '')
    .replaceAll(',', '')
    .replaceAll(PERSIAN_DECIMAL_SEPARATOR, '.');
}
