import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatList, formatNumber, setLocale, t } from '../../../src/i18n/index.js';
import { formatIcu } from '../../../src/i18n/icu-format.js';

const PERSIAN_DIGITS = /^[\u06F0-\u06F9٬٫]+$/u;

describe('ICU messages through i18next', () => {
  afterEach(() => setLocale('en'));

  it('chooses the English plural form by the count', () => {
    setLocale('en');
    expect(t('report:cli.errors', { count: 1 })).toBe('1 error');
    expect(t('report:cli.errors', { count: 2 })).toBe('2 errors');
    expect(t('report:cli.errors', { count: 1200 })).toBe('1,200 errors');
  });

  it('writes the count of a Persian message in Persian digits', () => {
    setLocale('fa');
    const message = t('report:cli.errors', { count: 1234 });
    expect(message).toBe('۱٬۲۳۴ خطا');
    expect(message).not.toMatch(/[0-9]/u);
    expect(t('glossary:stats.abbreviations', { count: 7 })).toMatch(/۷$/u);
  });

  it('follows the Persian plural rule, where zero is "one", unlike English', () => {
    const message = '{count, plural, one {ONE} other {OTHER}}';
    expect([0, 1, 2].map((count) => formatIcu(message, 'fa', { count }))).toEqual(['ONE', 'ONE', 'OTHER']);
    expect([0, 1, 2].map((count) => formatIcu(message, 'en', { count }))).toEqual(['OTHER', 'ONE', 'OTHER']);
  });

  it('keeps quoted braces and doubled apostrophes literal', () => {
    expect(formatIcu("the file''s '{'name'}' is {name}", 'en', { name: 'a.json' })).toBe("the file's {name} is a.json");
  });

  it('renders the converted messages with literal braces and apostrophes as they were', () => {
    setLocale('en');
    expect(t('i18next:invalidJson.expectedCommaOrBrace', { found: '"x"' })).toBe('invalid JSON: expected "," or "}", found "x"');
    expect(t('cli:option.locale')).toContain("the tool's messages");
  });

  it('shows a forgotten argument by its name rather than failing', () => {
    expect(formatIcu('cannot read {file}: {reason}', 'en', { reason: 'ENOENT' })).toBe('cannot read {file}: ENOENT');
  });

  it('formats numbers, lists and dates for the current locale', () => {
    setLocale('fa');
    expect(formatNumber(1234567)).toMatch(PERSIAN_DIGITS);
    expect(formatNumber(1234567)).toBe('۱٬۲۳۴٬۵۶۷');
    const alternatives = formatList(['الف', 'ب', 'پ'], 'disjunction');
    expect(alternatives).toMatch(/^الف،.*ب.* یا پ$/u);
    const date = new Date(Date.UTC(2026, 2, 21));
    expect(formatDate(date, { dateStyle: 'long', calendar: 'persian' })).toContain('فروردین');
    setLocale('en');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(formatDate(date, { dateStyle: 'long', calendar: 'gregory' })).toBe('March 21, 2026');
  });
});
