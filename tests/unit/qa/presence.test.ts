import { describe, expect, it } from 'vitest';
import { check, close, open, rules, text } from './helpers.js';

const of = (prefix: string, findings: ReturnType<typeof check>) => rules(findings.filter((f) => f.rule.startsWith(prefix)));

describe('empty and untranslated targets', () => {
  it('reports an empty target alone', () => {
    expect(rules(check('Narges Mohammadi was sentenced again in 2024.', ''))).toEqual(['empty-target:error']);
    expect(rules(check([open('1'), text('Evin'), close('1')], [open('1'), close('1'), text('  ')]))).toEqual(['empty-target:error']);
  });

  it('reports a target that repeats the source prose', () => {
    expect(of('untranslated', check('Protests spread to 80 cities.', 'Protests spread to 80 cities.'))).toEqual(['untranslated:error']);
  });

  it('accepts a number, a URL or an acronym kept as it is', () => {
    for (const same of ['1988', 'https://www.iranhrs.org/report-2023', 'NCRI', 'IRGC, MEK', 'COVID-19'])
      expect(of('untranslated', check(same, same)), same).toEqual([]);
  });

  it('only warns about names kept in Latin letters', () => {
    expect(of('untranslated', check('Maryam Rajavi', 'Maryam Rajavi'))).toEqual(['untranslated:warning']);
  });

  it('passes a translation', () => {
    expect(of('untranslated', check('Protests spread to 80 cities.', 'اعتراض‌ها به ۸۰ شهر گسترش یافت.'))).toEqual([]);
  });
});

describe('whitespace at the edges', () => {
  it('accepts the same spacing', () => {
    expect(of('whitespace', check(' Tehran, 2023. ', ' تهران، ۲۰۲۳. '))).toEqual([]);
  });

  it('reports spacing added or lost at either end', () => {
    expect(of('whitespace', check('Tehran, 2023. ', ' تهران، ۲۰۲۳.'))).toEqual(['whitespace-leading:warning', 'whitespace-trailing:warning']);
  });
});

describe('sentence-end punctuation', () => {
  it('accepts corresponding marks, in either language style', () => {
    const pairs: Array<[string, string]> = [
      ['Who ordered the executions?', 'چه کسی فرمان اعدام‌ها را داد؟'],
      ['Who ordered the executions?', 'چه کسی فرمان اعدام‌ها را داد?'],
      ['He said: "Justice for the victims!"', 'او گفت: «عدالت برای قربانیان!»'],
      ['The witnesses said:', 'شاهدان گفتند:'],
      ['And then…', 'و سپس...'],
      ['Evin Prison (Tehran).', 'زندان اوین (تهران).'],
      ['Evin Prison', 'زندان اوین'],
    ];
    for (const [s, t] of pairs) expect(of('punctuation-end', check(s, t)), t).toEqual([]);
  });

  it('reports a question turned into a statement, or a lost or added full stop', () => {
    expect(of('punctuation-end', check('Who ordered the executions?', 'چه کسی فرمان اعدام‌ها را داد.'))).toEqual(['punctuation-end:warning']);
    expect(check('Raisi died in May 2024.', 'رئیسی در اردیبهشت ۱۴۰۳ درگذشت').find((f) => f.rule === 'punctuation-end')).toMatchObject({ expected: ['.'] });
    expect(of('punctuation-end', check('Evin Prison', 'زندان اوین.'))).toEqual(['punctuation-end:warning']);
  });
});
