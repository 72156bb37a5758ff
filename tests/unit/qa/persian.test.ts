import { describe, expect, it } from 'vitest';
import { check, only, rules, ZWNJ } from './helpers.js';

const of = (prefix: string, findings: ReturnType<typeof check>) => rules(findings.filter((f) => f.rule.startsWith(prefix)));
const SOURCE = 'The court sentenced the activist.';

describe('Arabic letters in Persian', () => {
  it('accepts Persian yeh and keheh', () => {
    expect(of('fa-arabic', check(SOURCE, 'دادگاه این فعال سیاسی را محکوم کرد.'))).toEqual([]);
  });

  it('reports each Arabic yeh, alef maksura and kaf with its place and the fix', () => {
    const target = 'دادگاه این فعال سياسى را محکوم كرد.';
    const findings = only(check(SOURCE, target), 'fa-arabic-letter');
    expect(findings.map((f) => [f.severity, f.targetSpan?.start, f.expected])).toEqual([
      ['error', target.indexOf('ي'), ['سیاسی']],
      ['error', target.indexOf('ى'), ['سیاسی']],
      ['error', target.indexOf('ك'), ['کرد']],
    ]);
    expect(findings[0]!.message).toContain('U+064A');
  });

  it('leaves other target languages alone', () => {
    expect(of('fa-', check('دادگاه كرد', 'the court did', { sourceLang: 'fa', targetLang: 'en' }))).toEqual([]);
  });
});

describe('Latin punctuation in Persian', () => {
  it('accepts Persian marks, digit groups, URLs and quoted English', () => {
    const ok = [
      'در تهران، اصفهان و تبریز اعتراض شد؛ آیا ادامه می‌یابد؟',
      'بیش از 30,000 زندانی',
      'گزارش در https://example.org/?id=3,4 منتشر شد.',
      'کتاب «Prisoners of Tehran, a memoir» منتشر شد.',
    ];
    for (const target of ok) expect(of('fa-latin', check(SOURCE, target)), target).toEqual([]);
  });

  it('reports , ; ? in Persian prose', () => {
    const findings = only(check(SOURCE, 'در تهران, اصفهان و تبریز اعتراض شد; آیا ادامه می‌یابد?'), 'fa-latin-punctuation');
    expect(findings.map((f) => [f.severity, f.expected])).toEqual([
      ['warning', ['،']],
      ['warning', ['؛']],
      ['warning', ['؟']],
    ]);
  });

  it('reports a Latin comma after a Latin acronym that Persian prose continues', () => {
    expect(of('fa-latin', check(SOURCE, 'سپاه و MEK, هر دو'))).toEqual(['fa-latin-punctuation:warning']);
  });
});

describe('missing zero-width non-joiner', () => {
  it('accepts words written with ZWNJ, and words that begin with می', () => {
    const ok = `خامنه${ZWNJ}ای می${ZWNJ}گوید زندان${ZWNJ}ها در میدان آزادی و میلیون${ZWNJ}ها نفر نمی${ZWNJ}دانند.`;
    expect(of('fa-missing', check(SOURCE, ok))).toEqual([]);
  });

  it('reports a glossary word written with a space or joined', () => {
    for (const wrong of ['خامنه ای', 'خامنهای', 'خامنه اي']) {
      const findings = only(check('Khamenei said', `${wrong} گفت`), 'fa-missing-zwnj');
      expect(findings.map((f) => [f.severity, f.targetSpan?.text, f.expected]), wrong).toEqual([['warning', wrong, [`خامنه${ZWNJ}ای`]]]);
    }
  });

  it('reports a deprecated spelling without ZWNJ once', () => {
    expect(rules(check('the 1988 massacre', 'قتل عام ۱۳۶۷'))).toEqual(['fa-missing-zwnj:warning']);
  });

  it('reports می and نمی cut off or joined, and ها cut off', () => {
    const findings = only(check(SOURCE, 'مقامات می گویند زندانیان را نمیشود دید و زندان ها پر است.'), 'fa-missing-zwnj');
    expect(findings.map((f) => f.expected)).toEqual([[`می${ZWNJ}گویند`], [`نمی${ZWNJ}شود`], [`زندان${ZWNJ}ها`]]);
  });
});

describe('mixed digit systems', () => {
  it('accepts one digit system, and ASCII digits inside Latin names', () => {
    for (const ok of ['در سال ۱۳۶۷ بیش از ۳۰٬۰۰۰ نفر', 'در سال 1988 بیش از 30,000 نفر', 'همه‌گیری COVID-19 در سال ۱۳۹۸'])
      expect(of('fa-mixed', check(SOURCE, ok)), ok).toEqual([]);
  });

  it('reports ASCII or Arabic-Indic digits beside Persian ones', () => {
    expect(of('fa-mixed', check(SOURCE, 'در سال ۱۳۶۷ بیش از 30000 نفر'))).toEqual(['fa-mixed-digits:warning']);
    expect(only(check(SOURCE, 'در سال ۱۳۶۷ بیش از ٣٠٠٠٠ نفر'), 'fa-mixed-digits')[0]!.targetSpan?.text).toBe('٣٠٠٠٠');
  });
});
