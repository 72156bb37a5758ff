import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../src/i18n/index.js';
import { checkDocument, checkSegment, errorCount, formatFinding, pairsOf, QA_RULES } from '../../../src/qa/index.js';
import type { Document } from '../../../src/model/schema.js';
import { check, glossary, rules, text, ZWNJ } from './helpers.js';

afterEach(() => setLocale('en'));

describe('terminology', () => {
  it('passes the glossary terms and carries its findings with the entry', () => {
    expect(rules(check('Khamenei attacked the MEK.', `خامنه${ZWNJ}ای به سازمان مجاهدین خلق حمله کرد.`))).toEqual([]);
    const findings = check('Khamenei attacked the MEK and the NCRI.', 'رهبر به منافقین و شورای ملی مقاومت حمله کرد.');
    expect(findings.map((f) => [f.rule, f.severity, f.conceptId])).toEqual([
      ['term-missing', 'error', 'khamenei'],
      ['term-dnt-changed', 'error', 'ncri'],
      ['term-forbidden', 'error', 'mek'],
    ]);
    expect(findings.every((f) => f.unitId === 'p1' && f.segmentId === 's1')).toBe(true);
  });

  it('reports a deprecated term as a warning, and nothing without a glossary', () => {
    expect(rules(check('the MEK.', 'سازمان مجاهدین.'))).toEqual(['term-deprecated:warning']);
    expect(rules(checkSegment({ unitId: 'u', segmentId: 's', source: [text('the MEK.')], target: [text('منافقین.')], sourceLang: 'en', targetLang: 'fa' }))).toEqual([]);
  });
});

describe('documents and reports', () => {
  const document: Document = {
    path: 'article.md',
    format: 'markdown',
    sourceLang: 'en',
    targetLang: 'fa',
    sha256: '0'.repeat(64),
    skeleton: { pieces: [], meta: {} },
    units: [
      {
        id: 'p1',
        kind: 'paragraph',
        translate: true,
        context: {},
        notes: [],
        parts: [
          { kind: 'segment', id: 's1', source: [text('Evin Prison was built in 1971.')], target: [text('زندان اوین در سال ۱۳۵۰ ساخته شد.')], state: 'translated' },
          { kind: 'ignorable', id: 'i1', source: [text(' ')] },
          { kind: 'segment', id: 's2', source: [text('It is in Tehran.')], state: 'initial' },
        ],
      },
      { id: 'p2', kind: 'other', translate: false, context: {}, notes: [], parts: [{ kind: 'segment', id: 's1', source: [text('x')], state: 'initial' }] },
    ],
  };

  it('checks every segment meant for translation, a missing target as empty', () => {
    const pairs = pairsOf(document, glossary);
    expect(pairs.map((p) => `${p.unitId}/${p.segmentId}`)).toEqual(['p1/s1', 'p1/s2']);
    const findings = checkDocument(pairs);
    expect(findings.map((f) => `${f.unitId}/${f.segmentId} ${f.rule}`)).toEqual(['p1/s2 empty-target']);
    expect(errorCount(findings)).toBe(1);
  });

  it('formats a finding as a located line, in English and Persian', () => {
    const [finding] = check('More than 30,000 were executed.', 'بیش از ۳۰۰۰ نفر اعدام شدند.').filter((f) => f.rule === 'number-missing');
    expect(formatFinding(finding!, { file: 'article.fa.xlf', line: 12, column: 5 })).toBe(
      'article.fa.xlf:12:5 [p1/s1] error number-missing: the number “30,000” of the source is not in the translation',
    );
    setLocale('fa');
    const [persian] = check('Tehran', '').filter((f) => f.rule === 'empty-target');
    expect(formatFinding(persian!)).toBe('[p1/s1] خطا empty-target: ترجمه خالی است');
  });

  it('names every rule once', () => {
    expect(new Set(QA_RULES).size).toBe(QA_RULES.length);
    expect(QA_RULES).toHaveLength(19);
  });
});
