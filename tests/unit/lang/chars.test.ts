import { describe, expect, it } from 'vitest';
import {
  codePointAt,
  codePointBefore,
  isArabicScriptLetter,
  isHyphenCodePoint,
  isInvisibleFormat,
  isLatinLetter,
  isSpaceCodePoint,
  isWordCodePoint,
} from '../../../src/lang/chars.js';

const cp = (s: string) => s.codePointAt(0)!;

describe('character classes', () => {
  it('counts letters of any script, digits, marks and ZWNJ as word characters', () => {
    for (const ch of ['a', 'Z', '5', 'ی', 'ک', 'ب', '۵', '٥', 'é', '\u0301', '\u064E', '\u200C', 'Ж', '中'])
      expect(isWordCodePoint(cp(ch)), ch).toBe(true);
    for (const ch of [' ', '-', "'", '’', '.', '،', '؟', '«', '/', '\u00A0', '🇮'])
      expect(isWordCodePoint(cp(ch)), ch).toBe(false);
  });

  it('knows Arabic-script letters from digits, marks and tatweel', () => {
    expect(['ا', 'ی', 'ي', 'ک', 'گ', 'پ', 'ۀ'].every((c) => isArabicScriptLetter(cp(c)))).toBe(true);
    expect(['۵', '\u064E', '\u0640', 'a', '،'].some((c) => isArabicScriptLetter(cp(c)))).toBe(false);
  });

  it('classifies Latin letters, spaces, hyphens and invisible marks', () => {
    expect(isLatinLetter(cp('é'))).toBe(true);
    expect(isLatinLetter(cp('ب'))).toBe(false);
    expect([' ', '\t', '\n', '\u00A0', '\u202F'].every((c) => isSpaceCodePoint(cp(c)))).toBe(true);
    expect(['-', '\u2010', '\u2011', '\u2013'].every((c) => isHyphenCodePoint(cp(c)))).toBe(true);
    expect(isHyphenCodePoint(cp('—'))).toBe(false);
    expect(['\u200E', '\u200F', '\u061C', '\u2067', '\uFEFF'].every((c) => isInvisibleFormat(cp(c)))).toBe(true);
  });

  it('reads code points around surrogate pairs', () => {
    const s = 'a𝐀b';
    expect(codePointAt(s, 1)).toEqual({ cp: 0x1d400, size: 2 });
    expect(codePointBefore(s, 3)).toBe(0x1d400);
    expect(codePointBefore(s, 1)).toBe(cp('a'));
    expect(codePointBefore(s, 0)).toBe(-1);
  });
});
