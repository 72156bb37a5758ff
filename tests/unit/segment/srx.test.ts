import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../../src/i18n/index.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import {
  DEFAULT_SRX_PATH,
  createSegmenter,
  loadSrx,
  parseSrx,
  segmenterFromSrx,
} from '../../../src/segment/srx/index.js';

interface RuleSpec {
  before?: string;
  after?: string;
  break?: 'yes' | 'no';
}

const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

function srx(rules: Record<string, RuleSpec[]>, maps: Array<[string, string]>, cascade = 'yes'): string {
  const ruleXml = Object.entries(rules)
    .map(
      ([name, list]) =>
        `    <languagerule languagerulename="${name}">\n` +
        list
          .map(
            (r) =>
              `      <rule${r.break ? ` break="${r.break}"` : ''}>` +
              (r.before !== undefined ? `<beforebreak>${esc(r.before)}</beforebreak>` : '') +
              (r.after !== undefined ? `<afterbreak>${esc(r.after)}</afterbreak>` : '') +
              '</rule>\n',
          )
          .join('') +
        '    </languagerule>\n',
    )
    .join('');
  const mapXml = maps.map(([p, n]) => `    <languagemap languagepattern="${esc(p)}" languagerulename="${n}"/>\n`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<srx xmlns="http://www.lisa.org/srx20" version="2.0">\n' +
    `  <header segmentsubflows="yes" cascade="${cascade}"/>\n` +
    `  <body>\n  <languagerules>\n${ruleXml}  </languagerules>\n  <maprules>\n${mapXml}  </maprules>\n  </body>\n</srx>\n`
  );
}

const breaksOf = (xml: string, lang: string, text: string) => segmenterFromSrx(parseSrx(xml, 'test.srx'), lang).breaks(text);

function refusal(run: () => unknown): TarjomanError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TarjomanError);
    return error as TarjomanError;
  }
  throw new Error('expected a TarjomanError');
}

const titles: RuleSpec = { break: 'no', before: '\\bMr\\.', after: '\\s' };
const stops: RuleSpec = { before: '\\.', after: '\\s' };

describe('SRX semantics', () => {
  it('lets the first matching rule decide: a no-break before a break wins, and the other way round', () => {
    const text = 'Mr. Reza left. He did.';
    expect(breaksOf(srx({ R: [titles, stops] }, [['.*', 'R']]), 'en', text)).toEqual([14]);
    expect(breaksOf(srx({ R: [stops, titles] }, [['.*', 'R']]), 'en', text)).toEqual([3, 14]);
  });

  it('does not break where no rule matches', () => {
    expect(breaksOf(srx({ R: [{ before: '!', after: '\\s' }] }, [['.*', 'R']]), 'en', 'One. Two! Three.')).toEqual([9]);
  });

  it('takes break="yes" by default and an absent pattern as matching anywhere', () => {
    expect(breaksOf(srx({ R: [{ before: ';' }] }, [['.*', 'R']]), 'en', 'a;b;c')).toEqual([2, 4]);
    expect(breaksOf(srx({ R: [{ after: '#' }] }, [['.*', 'R']]), 'en', 'a#b#c')).toEqual([1, 3]);
    expect(breaksOf(srx({ R: [{}] }, [['.*', 'R']]), 'en', 'abc')).toEqual([1, 2]);
  });

  it('applies the rules of every matching map in order with cascade, only the first map without', () => {
    const rules = { English: [titles], Default: [stops] };
    const maps: Array<[string, string]> = [
      ['en.*', 'English'],
      ['.*', 'Default'],
    ];
    const text = 'Mr. Reza left. He did.';
    expect(breaksOf(srx(rules, maps, 'yes'), 'en', text)).toEqual([14]);
    expect(breaksOf(srx(rules, maps, 'no'), 'en', text)).toEqual([]);
    expect(breaksOf(srx(rules, maps, 'no'), 'de', text)).toEqual([3, 14]);
    expect(breaksOf(srx(rules, maps, 'yes'), 'de', text)).toEqual([3, 14]);
  });

  it('matches language patterns against the whole code, ignoring case', () => {
    const xml = srx({ E: [{ before: 'E' }], P: [{ before: 'P' }] }, [
      ['EN.*', 'E'],
      ['fa', 'P'],
    ]);
    expect(breaksOf(xml, 'en-US', 'xEx')).toEqual([2]);
    expect(breaksOf(xml, 'fa', 'xPx')).toEqual([2]);
    expect(refusal(() => breaksOf(xml, 'fa-IR', 'xPx')).key).toBe('segment:srx.noLanguageMap');
  });

  it('handles rules whose patterns need different case handling', () => {
    const xml = srx({ R: [{ before: '(?i)dr\\.', after: '\\s[a-z]' }] }, [['.*', 'R']]);
    expect(breaksOf(xml, 'en', 'DR. smith dr. Jones')).toEqual([3]);
  });

  it('shifts backreferences of the afterbreak past the groups of the beforebreak', () => {
    const xml = srx({ R: [{ before: '(x)', after: '(\\w)\\1' }] }, [['.*', 'R']]);
    expect(breaksOf(xml, 'en', 'xaa xab')).toEqual([1]);
  });

  it('never breaks at the very start or end, nor inside a surrogate pair', () => {
    expect(breaksOf(srx({ R: [{}] }, [['.*', 'R']]), 'en', 'a😀b')).toEqual([1, 3]);
    expect(breaksOf(srx({ R: [{ before: '\\.' }] }, [['.*', 'R']]), 'en', 'a.')).toEqual([]);
  });
});

describe('SRX reading', () => {
  it('reads header flags, format handles, map rules and CDATA patterns, skipping other vocabularies', () => {
    const xml =
      '<srx xmlns="http://www.lisa.org/srx20" xmlns:x="urn:example" version="2.0">' +
      '<header segmentsubflows="no" cascade="yes"><formathandle type="start" include="yes"/><x:note>ignored<x:deep/></x:note></header>' +
      '<body><languagerules><languagerule languagerulename="R"><!-- c -->' +
      '<rule break="no"><beforebreak><![CDATA[a<b]]></beforebreak></rule>' +
      '<rule><afterbreak>&lt;</afterbreak></rule>' +
      '</languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="R"/></maprules></body></srx>';
    const doc = parseSrx(xml, 'x.srx');
    expect(doc.segmentSubflows).toBe(false);
    expect(doc.cascade).toBe(true);
    expect(doc.formatHandles).toEqual([{ type: 'start', include: true }]);
    const rules = doc.languageRules.get('R')!.rules;
    expect(rules.map((r) => [r.break, r.beforeBreak, r.afterBreak])).toEqual([
      [false, 'a<b', ''],
      [true, '', '<'],
    ]);
    expect(doc.languageMaps).toEqual([{ languagePattern: '.*', languageRuleName: 'R', position: { line: 1, column: 418 } }]);
  });

  it('ships default rules that are a valid SRX 2.0 file', () => {
    const doc = loadSrx(DEFAULT_SRX_PATH);
    expect(doc.version).toBe('2.0');
    expect(doc.cascade).toBe(true);
    expect([...doc.languageRules.keys()]).toEqual(expect.arrayContaining(['English', 'Persian', 'Default']));
    for (const lang of ['en', 'EN-us', 'en_GB', 'fa', 'fa-IR', 'de', 'x-unknown']) {
      expect(createSegmenter(lang).breaks('One. Two.')).toEqual([4]);
    }
  });
});

describe('a user SRX file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'srx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read from disk, cached per file and language, and read again once changed', () => {
    const path = join(dir, 'user.srx');
    writeFileSync(path, srx({ R: [{ before: '\\|' }] }, [['.*', 'R']]));
    const first = createSegmenter('en', { srxPath: path });
    expect(first.breaks('a|b')).toEqual([2]);
    expect(createSegmenter('en', { srxPath: path })).toBe(first);
    expect(createSegmenter('fa', { srxPath: path })).not.toBe(first);
    writeFileSync(path, srx({ R: [{ before: '#' }] }, [['.*', 'R']]));
    const later = new Date(Date.now() + 10_000);
    utimesSync(path, later, later);
    expect(createSegmenter('en', { srxPath: path }).breaks('a|b#c')).toEqual([4]);
  });

  it('that is missing gives a located error', () => {
    const error = refusal(() => createSegmenter('en', { srxPath: join(dir, 'none.srx') }));
    expect(error.key).toBe('segment:srx.readFailed');
    expect(error.params.reason).toBe('ENOENT');
    expect(error.location.file).toBe(join(dir, 'none.srx'));
  });
});

describe('SRX errors', () => {
  afterAll(() => setLocale('en'));

  it('reports malformed XML with line and column', () => {
    const error = refusal(() => parseSrx('<srx version="2.0">\n  <header>\n</srx>', 'bad.srx'));
    expect(error.key).toBe('segment:srx.malformed');
    expect(error.location).toEqual({ file: 'bad.srx', line: 3, column: 6 });
    expect(error.render()).toMatch(/^bad\.srx:3:6: the SRX file is not well-formed XML: /u);
  });

  it('refuses a DOCTYPE, so no entity is ever expanded', () => {
    const xml =
      '<?xml version="1.0"?>\n<!DOCTYPE srx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<srx version="2.0"/>';
    const error = refusal(() => parseSrx(xml, 'evil.srx'));
    expect(error.key).toBe('segment:srx.doctype');
    expect(error.location).toMatchObject({ file: 'evil.srx', line: 2 });
  });

  it('refuses undeclared entities as malformed', () => {
    expect(refusal(() => parseSrx('<srx version="2.0">&ent;</srx>', 'e.srx')).key).toBe('segment:srx.malformed');
  });

  it('refuses documents that are not SRX 2.0', () => {
    expect(refusal(() => parseSrx('<xliff version="1.2"/>', 'a.srx')).key).toBe('segment:srx.notSrx');
    expect(refusal(() => parseSrx('<srx xmlns="urn:other" version="2.0"/>', 'a.srx')).key).toBe('segment:srx.notSrx');
    expect(refusal(() => parseSrx('<srx version="1.0"/>', 'a.srx')).key).toBe('segment:srx.version');
    expect(refusal(() => parseSrx('<srx/>', 'a.srx')).key).toBe('segment:srx.missingAttribute');
  });

  it('refuses misplaced elements, bad attribute values and unknown rule names', () => {
    const misplaced = refusal(() => parseSrx('<srx version="2.0">\n<body><rule/></body></srx>', 'a.srx'));
    expect(misplaced.key).toBe('segment:srx.unexpectedElement');
    expect(misplaced.location).toEqual({ file: 'a.srx', line: 2, column: 7 });
    const xml = srx({ R: [{ before: 'a' }] }, [['.*', 'R']]);
    expect(refusal(() => parseSrx(xml.replace('cascade="yes"', 'cascade="maybe"'), 'a.srx')).key).toBe('segment:srx.badAttribute');
    expect(refusal(() => parseSrx(xml.replace('languagerulename="R"/>', 'languagerulename="Q"/>'), 'a.srx')).key).toBe(
      'segment:srx.unknownLanguageRule',
    );
    const twice = xml.replace('</languagerules>', '<languagerule languagerulename="R"/></languagerules>');
    expect(refusal(() => parseSrx(twice, 'a.srx')).key).toBe('segment:srx.duplicateLanguageRule');
  });

  it('names the file, rule and position of a pattern it cannot translate, in either language', () => {
    const xml = srx({ Good: [{ before: 'a' }], Bad: [{ before: 'b' }, { before: 'x', after: '(ab' }] }, [['.*', 'Good'], ['.*', 'Bad']]);
    const error = refusal(() => segmenterFromSrx(parseSrx(xml, 'user.srx'), 'en'));
    expect(error.key).toBe('segment:regex.unterminatedGroup');
    expect(error.params).toMatchObject({ rules: 'Bad', rule: 2, part: 'afterbreak', pattern: '(ab', offset: 1 });
    expect(error.location).toEqual({ file: 'user.srx', line: 11, column: 53 });
    expect(error.render()).toBe('user.srx:11:53: rule 2 of "Bad", <afterbreak> /(ab/, character 1: this group is not closed');
    setLocale('fa');
    expect(error.render()).toContain('قاعده‌ی 2 از «Bad»');
  });

  it('refuses unsupported constructs and bad language patterns', () => {
    const backref = srx({ R: [{ before: '(a)\\1' }] }, [['.*', 'R']]);
    expect(refusal(() => segmenterFromSrx(parseSrx(backref, 'a.srx'), 'en')).key).toBe('segment:regex.backreferenceInLookbehind');
    const property = srx({ R: [{ after: '\\p{Klingon}' }] }, [['.*', 'R']]);
    expect(refusal(() => segmenterFromSrx(parseSrx(property, 'a.srx'), 'en')).params).toMatchObject({ name: 'Klingon' });
    const language = srx({ R: [{ before: 'a' }] }, [['en(', 'R']]);
    expect(refusal(() => segmenterFromSrx(parseSrx(language, 'a.srx'), 'en')).key).toBe('segment:srx.languagePattern');
  });
});
