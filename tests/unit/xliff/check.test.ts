import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setLocale } from '../../../src/i18n/index.js';
import type { Unit } from '../../../src/model/schema.js';
import { checkXliff, type Finding } from '../../../src/xliff/check/index.js';
import { writeXliff12 } from '../../../src/xliff/v12/write.js';
import { writeXliff2 } from '../../../src/xliff/v2/write.js';
import { sharedDir, warnSkipped } from '../../helpers/shared.js';
import { close, enc, fixture, makeDocument, open, ph, text } from '../../fixtures/xliff/helpers.js';

type Expected = [rule: string, severity: 'e' | 'w', line: number, column: number, unitId?: string, segmentId?: string];

const checkFixture = (dir: string, name: string) => checkXliff(readFileSync(fixture(dir, name)), name);
const brief = (findings: Finding[]): Expected[] =>
  findings.map((f) => {
    const row: Expected = [f.rule, f.severity === 'error' ? 'e' : 'w', f.line, f.column];
    if (f.unitId !== undefined || f.segmentId !== undefined) row.push(f.unitId as string);
    if (f.segmentId !== undefined) row.push(f.segmentId);
    return row;
  });

/** Each rule: a file that breaks it, the findings it gives, and the same file fixed. */
const RULES: [fixture: string, findings: Expected[]][] = [
  ['duplicate-file-id', [['duplicate-id', 'e', 6, 3]]],
  ['duplicate-unit-id', [['duplicate-id', 'e', 5, 5]]],
  ['duplicate-segment-id', [['duplicate-id', 'e', 6, 7, 'u1']]],
  [
    'duplicate-inline-id',
    [
      ['duplicate-id', 'e', 6, 36, 'u1', 's2'],
      ['duplicate-id', 'e', 6, 77, 'u1', 's2'],
    ],
  ],
  ['duplicate-data-id', [['duplicate-id', 'e', 7, 9, 'u1']]],
  [
    'sc-unclosed',
    [
      ['sc-unclosed', 'e', 5, 37, 'u1', 's1'],
      ['sc-unclosed', 'e', 5, 78, 'u1', 's1'],
    ],
  ],
  ['ec-unresolved', [['ec-unresolved', 'e', 6, 35, 'u1', 's2']]],
  ['ec-duplicate', [['ec-duplicate', 'e', 5, 75, 'u1', 's1']]],
  [
    'isolated-code',
    [
      ['isolated-code', 'e', 5, 37, 'u1', 's1'],
      ['isolated-code', 'e', 5, 54, 'u1', 's1'],
    ],
  ],
  ['data-ref', [['data-ref', 'e', 6, 37, 'u1', 's1']]],
  ['gls-ref', [['gls-ref', 'e', 6, 9, 'u1']]],
  [
    'code-missing',
    [
      ['code-missing', 'e', 7, 9, 'u1', 's1'],
      ['code-missing', 'e', 7, 9, 'u1', 's1'],
    ],
  ],
  ['code-deleted', [['code-deleted', 'e', 7, 9, 'u1', 's1']]],
  ['code-added', [['code-added', 'e', 7, 31, 'u1', 's1']]],
  ['code-kind', [['code-kind', 'e', 7, 19, 'u1', 's1']]],
  ['trglang-missing', [['trglang-missing', 'e', 5, 66, 'u1', 's1']]],
  ['lang-mismatch', [['lang-mismatch', 'e', 7, 9, 'u1', 's1']]],
  ['state-without-target', [['state-without-target', 'w', 5, 7, 'u1', 's1']]],
  ['space-default', [['space-default', 'w', 4, 5, 'u1']]],
  [
    'missing-attribute',
    [
      ['missing-attribute', 'e', 5, 21, 'u1'],
      ['missing-attribute', 'e', 6, 37, 'u1', 's1'],
      ['missing-attribute', 'e', 8, 5],
    ],
  ],
  ['v12-duplicate-trans-unit-id', [['duplicate-id', 'e', 9, 9]]],
  ['v12-duplicate-mid', [['duplicate-id', 'e', 7, 57, '1']]],
  ['v12-duplicate-inline-id', [['duplicate-id', 'e', 6, 58, '1']]],
  ['v12-seg-mid-orphan', [['seg-mid-orphan', 'e', 8, 51, '1']]],
  ['v12-seg-mid-missing', [['seg-mid-missing', 'e', 8, 9, '1', '2']]],
  ['v12-seg-source-mismatch', [['seg-source-mismatch', 'e', 7, 9, '1']]],
  [
    'v12-code-missing-added',
    [
      ['code-missing', 'e', 7, 9, '1'],
      ['code-missing', 'e', 7, 9, '1'],
      ['code-added', 'e', 7, 17, '1'],
    ],
  ],
  [
    'v12-pairing',
    [
      ['sc-unclosed', 'e', 6, 22, '1'],
      ['ec-unresolved', 'e', 6, 50, '1'],
    ],
  ],
  ['v12-lang-mismatch', [['lang-mismatch', 'e', 7, 9, '1']]],
  ['v12-trglang-missing', [['trglang-missing', 'w', 7, 9, '1']]],
  ['v12-state-without-target', [['state-without-target', 'w', 5, 7, '1']]],
];

describe('checkXliff: one fixture per rule that breaks it, and the same file fixed', () => {
  it.each(RULES)('%s', (name, expected) => {
    expect(brief(checkFixture('check', `${name}.bad.xlf`))).toEqual(expected);
    expect(checkFixture('check', `${name}.good.xlf`)).toEqual([]);
  });

  it('says what is wrong, where, in words', () => {
    const [finding] = checkFixture('check', 'code-added.bad.xlf');
    expect(finding).toEqual({
      rule: 'code-added',
      severity: 'error',
      message: 'the target has a standalone code "7" that the source does not have',
      file: 'code-added.bad.xlf',
      line: 7,
      column: 31,
      unitId: 'u1',
      segmentId: 's1',
    });
    expect(checkFixture('check', 'duplicate-unit-id.bad.xlf')[0]!.message).toBe('the group id "u1" is already used in this file (line 4)');
    expect(checkFixture('check', 'code-missing.bad.xlf').map((f) => f.message)).toEqual([
      'the target has lost the paired code "1" of the source',
      'the target has lost the standalone code "2" of the source',
    ]);
  });

  it('speaks Persian', () => {
    setLocale('fa');
    try {
      expect(checkFixture('check', 'code-added.bad.xlf')[0]!.message).toBe('ترجمه کد مستقل «7» دارد که در متن مبدأ نیست');
    } finally {
      setLocale('en');
    }
  });
});

describe('checkXliff reports what the reader refuses as findings', () => {
  it.each([
    ['doctype.xlf', 'doctype', 2, 1],
    ['entity.xlf', 'entity', 5, 46],
    ['truncated.xlf', 'xml', 5, 50],
    ['not-xliff.tmx.xlf', 'not-xliff', 2, 1],
    ['xliff-1.1.xlf', 'version', 2, 1],
    ['bad-utf8.xlf', 'encoding', 3, 51],
    ['latin1.xlf', 'encoding', 1, 31],
  ])('%s', (name, rule, line, column) => {
    expect(brief(checkFixture('errors', name))).toEqual([[rule, 'e', line, column]]);
  });

  it('keeps the findings made before the XML broke', () => {
    const xml = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="fa"><file id="f">\n<unit id="u"><segment><source>a<ph id="1" dataRef="x"/></source></segment></unit>\n<unit id="v"><segment><source>b</sorce>';
    expect(brief(checkXliff(enc(xml), 'x.xlf'))).toEqual([
      ['data-ref', 'e', 2, 32, 'u'],
      ['xml', 'e', 3, 40],
    ]);
  });
});

const withCodes: Unit = {
  id: 'u1',
  kind: 'paragraph',
  translate: true,
  context: {},
  notes: [],
  parts: [
    { kind: 'segment', id: 's1', source: [text('Read '), open('1'), text('this'), close('1'), ph('2', 'img', '<img>', { canDelete: false })], target: [open('1'), text('این'), close('1'), text(' را'), ph('2', 'img', '<img>', { canDelete: false })], state: 'translated', matches: [{ conceptId: 'c', start: 0, end: 4, text: 'Read' }] },
    { kind: 'ignorable', id: 'i1', source: [text(' ')] },
    { kind: 'segment', id: 's2', source: [text('Go '), open('3', 'a'), text('now.')], target: [text('برو '), open('3', 'a'), text('اکنون.')], state: 'reviewed' },
    { kind: 'ignorable', id: 'i2', source: [text(' ')] },
    { kind: 'segment', id: 's3', source: [text('Stop'), close('3', 'a'), text('.')], state: 'initial' },
  ],
};

const CHARS = ['a', ' ', '.', 'ی', '&', '<', '\n'];
const textArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 4 }).map((a) => a.join(''));

/** A unit whose sentences hold codes (pairs may span sentences) and whose targets keep them in order. */
const cleanUnitArb = fc
  .record({ texts: fc.array(textArb, { minLength: 6, maxLength: 6 }), layout: fc.array(fc.constantFrom('o1', 'c1', 'o2', 'c2', 'p3', 'cut', ''), { minLength: 6, maxLength: 6 }), translated: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }) })
  .map(({ texts, layout, translated }): Unit => {
    const opened = new Set<string>();
    const items = layout.map((l) => {
      if (l === 'o1' || l === 'o2') return opened.has(l) ? null : (opened.add(l), open(l[1]!));
      if (l === 'c1' || l === 'c2') return opened.has(`o${l[1]}`) && !opened.has(l) ? (opened.add(l), close(l[1]!)) : null;
      if (l === 'p3') return opened.has('p3') ? null : (opened.add('p3'), ph('3'));
      return l === 'cut' ? 'cut' : null;
    });
    for (const id of ['1', '2']) if (opened.has(`o${id}`) && !opened.has(`c${id}`)) items.push(close(id));
    const parts: Unit['parts'] = [];
    let current: Unit['parts'][number] & { kind: 'segment' } = { kind: 'segment', id: 's1', source: [], state: 'initial' };
    const finish = () => {
      const n = parts.filter((p) => p.kind === 'segment').length;
      const target = translated[n] ? current.source.map((i) => (i.type === 'text' ? text(`پ${i.text}`) : i)) : undefined;
      parts.push({ ...current, ...(target ? { target: [text('ت'), ...target], state: 'translated' as const } : {}) });
    };
    items.forEach((item, k) => {
      current.source.push(text(texts[k] ?? ''));
      if (item === 'cut') {
        finish();
        parts.push({ kind: 'ignorable', id: `i${parts.length}`, source: [text(' ')] });
        current = { kind: 'segment', id: `s${parts.filter((p) => p.kind === 'segment').length + 1}`, source: [], state: 'initial' };
      } else if (item) current.source.push(item);
    });
    finish();
    return { id: 'u1', kind: 'paragraph', translate: true, context: {}, notes: [], parts };
  });

describe('checkXliff finds nothing in what tarjoman writes', () => {
  const doc = makeDocument([withCodes, { ...withCodes, id: 'u2', translate: false }]);
  const glossary = () => ({ translations: ['خواندن'], forbidden: [] });
  it.each([
    ['XLIFF 2.0', () => writeXliff2(doc, { version: '2.0', toolVersion: '1', glossary })],
    ['XLIFF 2.1', () => writeXliff2(doc, { version: '2.1', toolVersion: '1', glossary })],
    ['XLIFF 1.2', () => writeXliff12(doc, { toolVersion: '1', glossary })],
    ['the OmegaT kit', () => writeXliff12(doc, { toolVersion: '1', kit: 'omegat' })],
    ['an empty document', () => writeXliff2(makeDocument([]), { version: '2.1', toolVersion: '1' })],
  ])('%s', (_name, write) => {
    expect(checkXliff(enc(write()), 'x.xlf')).toEqual([]);
  });

  it('for generated units with codes across sentences, in every shape', () => {
    fc.assert(
      fc.property(fc.array(cleanUnitArb, { minLength: 1, maxLength: 2 }), (units) => {
        const d = makeDocument(units.map((u, i) => ({ ...u, id: `u${i + 1}` })));
        for (const xml of [writeXliff2(d, { version: '2.1', toolVersion: '1' }), writeXliff12(d, { toolVersion: '1' }), writeXliff12(d, { toolVersion: '1', kit: 'omegat' })])
          expect(checkXliff(enc(xml), 'x.xlf')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('and finds a code a translator dropped from a tarjoman file', () => {
    const xml = writeXliff2(doc, { version: '2.1', toolVersion: '1' }).replace('<ph id="2" canDelete="no" dataRef="d3" type="image"/></target>', '</target>');
    expect(brief(checkXliff(enc(xml), 'x.xlf'))).toEqual([['code-deleted', 'e', 19, 9, 'u1', 's1']]);
  });
});

describe('checkXliff on the shared examples of what the schemas cannot see', () => {
  const shared = sharedDir();
  if (!shared) {
    warnSkipped('checking the shared XLIFF blind-spot examples', 'the shared reference folder');
    it.skip('needs the shared reference folder', () => {});
    return;
  }
  const example = (...p: string[]) => {
    const path = join(shared, 'schemas', 'examples', ...p);
    return checkXliff(readFileSync(path), path);
  };

  it('XLIFF 2: duplicate unit id, dangling dataRef, unclosed sc, added ph, dangling glossary ref', () => {
    const rules = example('xliff-2', 'xsd-blind-spot-processing-requirements.xlf').map((f) => f.rule);
    for (const rule of ['duplicate-id', 'data-ref', 'sc-unclosed', 'code-added', 'gls-ref']) expect(rules).toContain(rule);
  });

  it('XLIFF 1.2: seg-source unlike source, added g, duplicate inline id, xml:lang unlike target-language', () => {
    expect(example('xliff-1.2', 'xsd-blind-spot-inline-codes.xlf').map((f) => f.rule)).toEqual(['duplicate-id', 'seg-source-mismatch', 'lang-mismatch', 'code-added']);
  });

  it('finds nothing in the valid examples', () => {
    for (const name of ['xliff-2/valid-2.0-minimal.xlf', 'xliff-2/valid-2.1-glossary-inline.xlf', 'xliff-2/valid-2.2-minimal.xlf', 'xliff-1.2/valid-seg-source-inline.xlf'])
      expect(example(...name.split('/'))).toEqual([]);
  });
});
