import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../../src/qa/index.js';
import { check, only, rules } from './helpers.js';

const numberRules = (findings: ReturnType<typeof check>) => rules(findings.filter((f) => f.rule.startsWith('number-')));

describe('finding numbers', () => {
  const values = (text: string, lang = 'fa') => findNumbers(text, lang).map((n) => n.value);

  it('reads every digit system, grouping and decimal mark as the same value', () => {
    expect(values('1988 ۱۹۸۸ ١٩٨٨')).toEqual(['1988', '1988', '1988']);
    expect(values('30,000 ۳۰٬۰۰۰ 30000')).toEqual(['30000', '30000', '30000']);
    expect(values('3.5 ۳٫۵ ۳/۵ ۳٫۵۰')).toEqual(['3.5', '3.5', '3.5', '3.5']);
  });

  it('reads dates as their parts, and a slash in English as a separator', () => {
    expect(values('۱۳۶۷/۰۵/۰۱')).toEqual(['1367', '5', '1']);
    expect(values('7/19/1988', 'en')).toEqual(['7', '19', '1988']);
    expect(values('3/5', 'en')).toEqual(['3', '5']);
  });

  it('reads ordinals, percentages and lists', () => {
    expect(values('the 19th anniversary, 40% of 1, 2 and 3', 'en')).toEqual(['19', '40', '1', '2', '3']);
  });
});

describe('number checks', () => {
  it('accepts the same numbers in Persian digits and separators', () => {
    expect(numberRules(check('More than 30,000 prisoners were executed in 1988.', 'بیش از ۳۰٬۰۰۰ زندانی در سال ۱۹۸۸ اعدام شدند.'))).toEqual([]);
    expect(numberRules(check('Inflation reached 40.5% in March.', 'تورم در ماه مارس به ۴۰/۵ درصد رسید.'))).toEqual([]);
  });

  it('accepts a Gregorian year given as its Solar Hijri year, or both', () => {
    const source = 'In the summer of 1988 more than 30,000 political prisoners were executed.';
    expect(numberRules(check(source, 'در تابستان ۱۳۶۷ بیش از ۳۰٬۰۰۰ زندانی سیاسی اعدام شدند.'))).toEqual([]);
    expect(numberRules(check(source, 'در تابستان ۶۷ بیش از ۳۰٬۰۰۰ زندانی سیاسی اعدام شدند.'))).toEqual([]);
    expect(numberRules(check(source, 'در تابستان ۱۳۶۷ (۱۹۸۸) بیش از ۳۰٬۰۰۰ زندانی سیاسی اعدام شدند.'))).toEqual([]);
    expect(numberRules(check('تابستان ۱۳۶۷', 'summer 1988', { sourceLang: 'fa', targetLang: 'en' }))).toEqual([]);
  });

  it('reports a changed number as missing and added', () => {
    const findings = check('More than 30,000 prisoners were executed.', 'بیش از ۳۰۰۰ زندانی اعدام شدند.');
    expect(numberRules(findings)).toEqual(['number-missing:error', 'number-added:error']);
    expect(only(findings, 'number-missing')[0]).toMatchObject({ sourceSpan: { start: 10, end: 16, text: '30,000' }, expected: ['30000'] });
  });

  it('reports a year off by more than the calendar shift', () => {
    expect(numberRules(check('Mahsa Amini died in 2022.', 'مهسا امینی در سال ۱۴۰۲ درگذشت.'))).toEqual(['number-missing:error', 'number-added:error']);
  });

  it('only warns about days once a date was converted to the Persian calendar', () => {
    const findings = check('The massacre began on July 19, 1988.', 'کشتار در ۲۸ تیر ۱۳۶۷ آغاز شد.');
    expect(numberRules(findings)).toEqual(['number-missing:warning', 'number-added:warning']);
  });

  it('does not require digits for a number written as a word', () => {
    expect(numberRules(check('Two journalists were arrested.', 'دو روزنامه‌نگار بازداشت شدند.'))).toEqual([]);
    expect(numberRules(check('Two journalists were arrested.', '۲ روزنامه‌نگار بازداشت شدند.'))).toEqual([]);
    expect(numberRules(check('the 19th of July', 'نوزدهم ژوئیه'))).toEqual([]);
  });
});
