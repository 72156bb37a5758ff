import { describe, expect, it } from 'vitest';
import {
  arabicLetterOffsets,
  digitValue,
  foldPersianLetter,
  normalizeNumber,
  normalizePersian,
  PERSIAN_SUFFIXES,
  toAsciiDigits,
  toPersianDigits,
} from '../../../src/lang/fa.js';

describe('Persian normalization', () => {
  it.each([
    ['Arabic yeh', 'علي', 'علی'],
    ['alef maksura', 'موسى', 'موسی'],
    ['Arabic kaf', 'كيهان', 'کیهان'],
    ['tatweel', 'خامنـــه‌ای', 'خامنه‌ای'],
    ['harakat and shadda', 'مُحَمَّد', 'محمد'],
    ['tanwin', 'فوراً', 'فورا'],
    ['superscript alef', 'رحمٰن', 'رحمن'],
    ['hamza above is a diacritic', 'خانهٔ', 'خانه'],
    ['ZWNJ stays', 'می‌شود', 'می‌شود'],
    ['Latin and digits untouched', 'MEK 598 ۵۹۸', 'MEK 598 ۵۹۸'],
  ])('%s', (_, input, expected) => {
    expect(normalizePersian(input)).toBe(expected);
  });

  it('folds single letters', () => {
    expect(foldPersianLetter(0x064a)).toBe(0x06cc);
    expect(foldPersianLetter(0x0649)).toBe(0x06cc);
    expect(foldPersianLetter(0x0643)).toBe(0x06a9);
    expect(foldPersianLetter(0x0627)).toBe(0x0627);
  });

  it('finds Arabic letters that a Persian text should not use', () => {
    expect(arabicLetterOffsets('کيهان و كتاب')).toEqual([1, 8]);
    expect(arabicLetterOffsets('کیهان و کتاب')).toEqual([]);
  });

  it('lists the attached suffixes longest first', () => {
    expect(PERSIAN_SUFFIXES.indexOf('های')).toBeLessThan(PERSIAN_SUFFIXES.indexOf('ها'));
    expect(PERSIAN_SUFFIXES.indexOf('ای')).toBeLessThan(PERSIAN_SUFFIXES.indexOf('ی'));
  });
});

describe('digits', () => {
  it('reads ASCII, Persian and Arabic-Indic digits as the same values', () => {
    expect(['7', '۷', '٧'].map((d) => digitValue(d.codePointAt(0)!))).toEqual([7, 7, 7]);
    expect(digitValue('x'.codePointAt(0)!)).toBe(-1);
  });

  it('converts between digit sets', () => {
    expect(toPersianDigits('1367 و ١٣٦٧')).toBe('۱۳۶۷ و ۱۳۶۷');
    expect(toAsciiDigits('۱۳۶۷ و ١٣٦٧')).toBe('1367 و 1367');
  });

  it('normalizes numbers with Persian separators', () => {
    expect(normalizeNumber('۳٬۰۰۰٫۵')).toBe('3000.5');
    expect(normalizeNumber('30,000')).toBe('30000');
  });
});
