import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../src/i18n/index.js';
import { buildReport, jsonReport, renderHtmlReport, reportDates, rtlText, escapeHtml, type ReportFile } from '../../../src/report/index.js';
import type { Finding } from '../../../src/xliff/check/index.js';

const date = new Date(Date.UTC(2026, 2, 21));

function finding(over: Partial<Finding> = {}): Finding {
  return { rule: 'number-missing', severity: 'error', message: 'the number “12” is missing', file: 'a.xlf', line: 7, column: 3, unitId: 'u1', segmentId: 's1', ...over };
}

function file(findings: Finding[], over: Partial<ReportFile> = {}): ReportFile {
  return {
    xliff: 'a.xlf',
    original: 'doc.txt',
    findings,
    texts: new Map([
      ['u1/s1', { source: 'At least 12 cities', target: 'دست‌کم چند شهر', sourceLang: 'en', targetLang: 'fa' }],
      ['u1/s2', { source: 'The PMOI/MEK said.', target: 'سازمان (PMOI/MEK) گفت.', sourceLang: 'en', targetLang: 'fa' }],
      ['u2/s1', { source: 'Second', target: '', sourceLang: 'en', targetLang: 'fa' }],
    ]),
    ...over,
  };
}

const render = (files: ReportFile[], locale: 'en' | 'fa' = 'en') => renderHtmlReport(buildReport('9.9.9', files), { locale, date });

describe('the HTML report', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => setLocale('en'));

  it('is a complete page with a charset, print styles and the counts', () => {
    const html = render([file([finding(), finding({ severity: 'warning', rule: 'fa-zwnj', segmentId: 's2' })])]);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@media print');
    expect(html).toContain('1 file checked: 1 error, 1 warning');
  });

  it('escapes everything that comes from the files', () => {
    const hostile = '<script>alert("x")</script>&';
    const html = render([
      {
        xliff: `${hostile}.xlf`,
        original: hostile,
        findings: [finding({ message: hostile, rule: `r<${hostile}`, unitId: `u"<>`, segmentId: "s'1" })],
        texts: new Map([[`u"<>/s'1`, { source: hostile, target: hostile, sourceLang: 'en', targetLang: 'fa" onload="x' }]]),
      },
    ]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('u"<>');
    expect(html).not.toMatch(/lang="fa" onload/u);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('groups findings by document, then unit, then segment, showing each segment once', () => {
    const html = render([
      file([finding(), finding({ rule: 'fa-arabic-letter' }), finding({ unitId: 'u2', rule: 'empty-target' })]),
      file([finding({ file: 'b.xlf', rule: 'read', unitId: undefined, segmentId: undefined })], { xliff: 'b.xlf', original: null, texts: new Map() }),
    ]);
    const sections = html.split('<section class="document">').slice(1);
    expect(sections).toHaveLength(2);
    const units = sections[0]!.split('<article class="unit">').slice(1);
    expect(units).toHaveLength(2);
    expect(units[0]).toContain('number-missing');
    expect(units[0]).toContain('fa-arabic-letter');
    expect(units[0]!.match(/At least 12 cities/gu)).toHaveLength(1);
    expect(units[1]).toContain('empty-target');
    expect(units[1]).toContain('(no translation)');
    expect(sections[1]).toContain('The whole file');
    expect(sections[1]).toContain('<bdi>b.xlf</bdi>');
  });

  it('marks severity by a word as well as a colour', () => {
    const html = render([file([finding(), finding({ severity: 'warning', rule: 'fa-zwnj' })])]);
    expect(html).toMatch(/<span class="severity error">error<\/span>/u);
    expect(html).toMatch(/<span class="severity warning">warning<\/span>/u);
    expect(html).toMatch(/\.severity\.error \{ color:/u);
  });

  it('sets the direction and language of the source and the target, isolating Latin runs in Persian', () => {
    const html = render([file([finding({ segmentId: 's2' })])]);
    expect(html).toContain('<dd class="source" dir="ltr" lang="en">The PMOI/MEK said.</dd>');
    expect(html).toContain('<dd class="target" dir="rtl" lang="fa">سازمان (<bdi dir="ltr">PMOI/MEK</bdi>) گفت.</dd>');
    expect(rtlText('نام John Smith, و A.B.')).toBe('نام <bdi dir="ltr">John Smith</bdi>, و <bdi dir="ltr">A.B</bdi>.');
  });

  it('in Persian is right to left, with Persian digits and both calendars', () => {
    setLocale('fa');
    const html = render([file([finding(), finding({ unitId: 'u2' }), finding({ severity: 'warning', line: 12 })])], 'fa');
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('<title>گزارش کیفیت ترجمه</title>');
    expect(html).toContain('۱ پرونده بررسی شد: ۲ خطا، ۱ هشدار');
    expect(html).toContain('سطر ۱۲، ستون ۳');
    expect(html).toContain('<span class="severity error">خطا</span>');
    expect(html).toContain('۲۱ مارس ۲۰۲۶');
    expect(html).toContain('۱ فروردین ۱۴۰۵');
    expect(html).toContain('datetime="2026-03-21T00:00:00.000Z"');
  });

  it('gives the date in both calendars, independent of the time zone', () => {
    expect(reportDates(date, 'en')).toEqual({ gregorian: '21 March 2026', solarHijri: expect.stringMatching(/^1 Farvardin 1405/u) });
    expect(reportDates(new Date(Date.UTC(2026, 2, 20, 23, 59)), 'fa').solarHijri).toBe('۲۹ اسفند ۱۴۰۴');
  });
});

describe('the JSON report', () => {
  it('lists the findings of every file with the counts, without the texts', () => {
    const report = buildReport('9.9.9', [file([finding(), finding({ severity: 'warning' })])]);
    expect(JSON.parse(JSON.stringify(jsonReport(report)))).toEqual({
      tool: 'tarjoman',
      version: '9.9.9',
      files: [{ xliff: 'a.xlf', original: 'doc.txt', findings: [finding(), finding({ severity: 'warning' })] }],
      counts: { errors: 1, warnings: 1 },
    });
  });
});
