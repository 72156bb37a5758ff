import { afterEach, describe, expect, it } from 'vitest';
import { checkTerms, countVerbatim, type TermFinding } from '../../../src/glossary/checks/index.js';
import type { Glossary } from '../../../src/glossary/schema.js';
import { setLocale } from '../../../src/i18n/index.js';
import type { Content } from '../../../src/model/schema.js';
import { entry } from '../../helpers/concept.js';


const glossary: Glossary = {
  languages: ['en', 'fa'],
  origins: new Map(),
  entries: [
    entry('khamenei', { en: ['Khamenei'], fa: ['خامنه‌ای'] }, { type: 'person' }),
    entry(
      'mek',
      {
        en: ['MEK', { text: 'PMOI', status: 'admitted' }],
        fa: ['سازمان مجاهدین خلق', { text: 'مجاهدین خلق', status: 'admitted' }, { text: 'منافقین', status: 'forbidden' }, { text: 'سازمان مجاهدین', status: 'deprecated' }],
      },
      { type: 'organization' },
    ),
    entry('ncri', { en: ['NCRI'], fa: ['NCRI'] }, { type: 'organization', doNotTranslate: true }),
    entry('iran', { en: ['Iran'], fa: ['ایران'] }, { type: 'place' }),
    entry('evin', { en: ['Evin Prison'] }, { type: 'place' }),
  ],
};

const check = (source: Content | string, target: Content | string) =>
  checkTerms({ source, target, glossary, sourceLang: 'en', targetLang: 'fa' });

const brief = (findings: TermFinding[]) => findings.map((f) => [f.rule, f.severity, f.conceptId]);

afterEach(() => setLocale('en'));

describe('term checks', () => {
  it('passes a translation that uses the preferred or an admitted term', () => {
    expect(check('Khamenei attacked the MEK.', 'خامنه‌ای به سازمان مجاهدین خلق حمله کرد.')).toEqual([]);
    expect(check('the PMOI', 'مجاهدین خلق')).toEqual([]);
  });

  it('accepts the Persian spelling variants and suffixes', () => {
    for (const target of ['خامنه ای گفت', 'خامنهای گفت', 'خامنه‌اي گفت', 'خامنه‌ای‌ها گفتند'])
      expect(check('Khamenei said', target), target).toEqual([]);
  });

  it('reports a missing term with the entry, the source span and the expected forms', () => {
    const [finding, ...rest] = check('The MEK said', 'آنها گفتند');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'term-missing',
      severity: 'error',
      conceptId: 'mek',
      sourceSpan: { start: 4, end: 7, text: 'MEK' },
      expected: ['سازمان مجاهدین خلق', 'مجاهدین خلق'],
    });
    expect(finding!.targetSpan).toBeUndefined();
    expect(finding!.message).toBe('mek: “MEK” should be translated as “سازمان مجاهدین خلق” or “مجاهدین خلق”');
  });

  it('does not take a word glued to another for the term', () => {
    expect(brief(check('Khamenei said', 'برخامنه‌ای گفت'))).toEqual([['term-missing', 'error', 'khamenei']]);
  });

  it('counts: two mentions in the source need two in the translation', () => {
    const findings = check('Khamenei met Khamenei’s aides', 'خامنه‌ای با دستیارانش دیدار کرد');
    expect(brief(findings)).toEqual([['term-missing', 'error', 'khamenei']]);
    expect(findings[0]!.sourceSpan).toEqual({ start: 13, end: 23, text: 'Khamenei’s' });
    expect(findings[0]!.message).toContain('2');
    expect(check('Khamenei met Khamenei’s aides', 'خامنه‌ای با دستیاران خامنه‌ای دیدار کرد')).toEqual([]);
  });

  it('reports a forbidden target term once, as an error, wherever it is', () => {
    const findings = check('The MEK said', 'منافقین گفتند');
    expect(brief(findings)).toEqual([['term-forbidden', 'error', 'mek']]);
    expect(findings[0]).toMatchObject({ targetSpan: { start: 0, end: 7, text: 'منافقین' }, expected: ['سازمان مجاهدین خلق', 'مجاهدین خلق'] });
    expect(brief(check('They said', 'منافقین گفتند'))).toEqual([['term-forbidden', 'error', 'mek']]);
  });

  it('warns about a deprecated target term', () => {
    const findings = check('The MEK said', 'سازمان مجاهدین گفت');
    expect(brief(findings)).toEqual([['term-deprecated', 'warning', 'mek']]);
    expect(findings[0]!.message).toBe('mek: “سازمان مجاهدین” is deprecated; prefer “سازمان مجاهدین خلق” or “مجاهدین خلق”');
  });

  it('requires a do-not-translate name unchanged in the target', () => {
    expect(check('the NCRI said', 'NCRI گفت')).toEqual([]);
    expect(check("the NCRI's office", 'دفتر NCRI')).toEqual([]);
    const findings = check('the NCRI said', 'شورای ملی مقاومت گفت');
    expect(brief(findings)).toEqual([['term-dnt-changed', 'error', 'ncri']]);
    expect(findings[0]).toMatchObject({ sourceSpan: { start: 4, end: 8, text: 'NCRI' }, expected: ['NCRI'] });
    expect(brief(check('the NCRI said', 'ncri گفت'))).toEqual([['term-dnt-changed', 'error', 'ncri']]);
    expect(brief(check('the NCRI and the NCRI', 'NCRI'))).toEqual([['term-dnt-changed', 'error', 'ncri']]);
  });

  it('skips concepts that have no term in the target language', () => {
    expect(check('Evin Prison', 'زندان اوین')).toEqual([]);
  });

  it('works on segments with inline codes, with offsets into the plain text', () => {
    const source: Content = [
      { type: 'text', text: 'Ayatollah ' },
      { type: 'code', kind: 'open', id: '1', tag: 'b', data: '<b>' },
      { type: 'text', text: 'Khame' },
      { type: 'code', kind: 'close', id: '1', tag: 'b', data: '</b>' },
      { type: 'text', text: 'nei and the MEK' },
    ];
    const target: Content = [
      { type: 'code', kind: 'open', id: '1', tag: 'b', data: '<b>' },
      { type: 'text', text: 'خامنه‌ای' },
      { type: 'code', kind: 'close', id: '1', tag: 'b', data: '</b>' },
      { type: 'text', text: ' و منافقین' },
    ];
    const findings = check(source, target);
    expect(findings.map((f) => [f.rule, f.sourceSpan?.text ?? f.targetSpan?.text])).toEqual([['term-forbidden', 'منافقین']]);
    expect(findings[0]!.targetSpan).toEqual({ start: 11, end: 18, text: 'منافقین' });
  });

  it('orders findings by source position, then target-only findings by target position', () => {
    const findings = check('Iran and Khamenei and the MEK', 'منافقین و منافقین');
    expect(findings.map((f) => [f.rule, f.conceptId])).toEqual([
      ['term-missing', 'iran'],
      ['term-missing', 'khamenei'],
      ['term-forbidden', 'mek'],
      ['term-forbidden', 'mek'],
    ]);
  });

  it('checks Persian sources against English targets too', () => {
    const findings = checkTerms({ source: 'خامنه‌ای گفت', target: 'The leader said', glossary, sourceLang: 'fa', targetLang: 'en' });
    expect(findings).toMatchObject([{ rule: 'term-missing', conceptId: 'khamenei', expected: ['Khamenei'] }]);
  });

  it('writes messages in Persian with Persian quotes and digits', () => {
    setLocale('fa');
    const [missing] = check('The MEK said', 'آنها گفتند');
    expect(missing!.message).toBe('mek: «MEK» باید به صورت «سازمان مجاهدین خلق» یا «مجاهدین خلق» ترجمه شود');
    const [counted] = check('Khamenei met Khamenei’s aides', 'خامنه‌ای با دستیارانش دیدار کرد');
    expect(counted!.message).toContain('۲ بار');
    expect(counted!.message).not.toMatch(/[\u064A\u0643]/u);
  });
});

describe('verbatim names', () => {
  it.each<[string, string, string, number]>([
    ['alone', 'NCRI', 'fa', 1],
    ['between Persian words', 'شورای NCRI گفت', 'fa', 1],
    ['with a Persian suffix', 'NCRIها', 'fa', 1],
    ['inside a Latin word', 'NCRIS', 'fa', 0],
    ['English possessive', "the NCRI's", 'en', 1],
    ['English plural', 'two NCRIs', 'en', 1],
    ['twice', 'NCRI, NCRI', 'fa', 2],
  ])('%s', (_, text, lang, count) => {
    expect(countVerbatim(text, 'NCRI', lang)).toBe(count);
  });
});

describe('renderings the matcher alone does not count', () => {
  const g: Glossary = {
    languages: ['en', 'fa'],
    origins: new Map(),
    entries: [
      entry('org.pmoi', { en: ['People’s Mojahedin Organization of Iran', { text: 'PMOI', abbreviation: true }, { text: 'MEK', abbreviation: true }], fa: ['سازمان مجاهدین خلق ایران'] }, { type: 'organization' }),
      entry('org.ncri', { en: ['National Council of Resistance of Iran'], fa: ['شورای ملی مقاومت ایران', { text: 'شورای ملی مقاومت', status: 'admitted' }] }, { type: 'organization' }),
      entry('title.president-elect', { en: ['President-elect'], fa: ['رئیس‌جمهور برگزیده شورای ملی مقاومت'] }, { type: 'title' }),
    ],
  };
  const run = (source: string, target: string) => brief(checkTerms({ source, target, glossary: g, sourceLang: 'en', targetLang: 'fa' }));

  it('counts an acronym kept in Latin after the Persian name as its rendering', () => {
    expect(run('The People’s Mojahedin Organization of Iran (PMOI/MEK) said.', 'سازمان مجاهدین خلق ایران (PMOI/MEK) گفت.')).toEqual([]);
    expect(run('The People’s Mojahedin Organization of Iran (PMOI/MEK) said.', 'سازمان مجاهدین خلق ایران گفت.')).toEqual([
      ['term-missing', 'error', 'org.pmoi'],
      ['term-missing', 'error', 'org.pmoi'],
    ]);
  });

  it('counts a name nested inside a longer name of another concept', () => {
    expect(run('The NCRI’s President-elect spoke for the National Council of Resistance of Iran.', 'رئیس‌جمهور برگزیده شورای ملی مقاومت سخن گفت.')).toEqual([]);
  });
});
