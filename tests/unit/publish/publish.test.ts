import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Content, Unit } from '../../../src/model/schema.js';
import { alignedTsv, pairsOf, parallelHtml, parsePublishList, persianDigitsOutsideLatin, splitLatinRuns, tmx, type SegmentPair } from '../../../src/publish/index.js';
import { warnSkipped } from '../../helpers/shared.js';

const txt = (text: string): Content => [{ type: 'text', text }];

function unit(id: string, segs: [string, Content, Content | undefined, 'initial' | 'translated' | 'reviewed' | 'final'][]): Unit {
  const parts: Unit['parts'] = [];
  segs.forEach(([sid, source, target, state], i) => {
    if (i > 0) parts.push({ kind: 'ignorable', id: `i${i}`, source: txt(' ') });
    parts.push({ kind: 'segment', id: sid, source, ...(target ? { target } : {}), state });
  });
  return { id, kind: 'paragraph', translate: true, context: {}, notes: [], parts };
}

const mek: Unit = unit('u1', [
  ['s1', txt('reports by the PMOI (PMOI/MEK) in 12 cities'), txt('گزارش‌های سازمان مجاهدین خلق (PMOI/MEK) در 12 شهر و ٣ استان'), 'reviewed'],
  ['s2', txt('See https://example.org/a?b=1&c=2 <now>'), txt('نگاه کنید به https://example.org/a?b=1&c=2 <اکنون>'), 'final'],
]);

const xmllint = spawnSync('xmllint', ['--version']).status === 0;

function wellFormed(xml: string): void {
  if (!xmllint) {
    warnSkipped('TMX well-formedness with xmllint', 'xmllint');
    return;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'tarjoman-tmx-')), 'out.tmx');
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

describe('Latin runs in Persian text', () => {
  it('keeps acronyms joined by a slash, URLs and glued digits in one run', () => {
    expect(splitLatinRuns('سازمان مجاهدین خلق (PMOI/MEK)').filter((p) => p.latin).map((p) => p.text)).toEqual(['PMOI/MEK']);
    expect(splitLatinRuns('ویروس COVID-19 و https://x.org/a1 در ۲ شهر').filter((p) => p.latin).map((p) => p.text)).toEqual(['COVID-19', 'https://x.org/a1']);
  });

  it('writes Persian digits outside Latin runs only', () => {
    expect(persianDigitsOutsideLatin('در 12 شهر و ٣ استان، COVID-19')).toBe('در ۱۲ شهر و ۳ استان، COVID-19');
  });
});

describe('parallelHtml', () => {
  const html = parallelHtml(pairsOf([mek]), { title: 'A <title> & "more"', sourceLang: 'en', targetLang: 'fa', locale: 'en' });

  it('is an HTML5 page in UTF-8 with print styles, wrapping and a Persian font stack', () => {
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@media print');
    expect(html).toContain('overflow-wrap: anywhere');
    expect(html).toMatch(/Vazirmatn.*"Noto Naskh Arabic".*Tahoma/u);
    expect(html).not.toMatch(/@font-face|url\(/u);
  });

  it('escapes the title and the text', () => {
    expect(html).toContain('<title>A &lt;title&gt; &amp; &quot;more&quot;</title>');
    expect(html).toContain('https://example.org/a?b=1&amp;c=2 &lt;now&gt;');
    expect(html).not.toContain('<now>');
    expect(html).not.toContain('<اکنون>');
  });

  it('aligns each segment with ids, English ltr and Persian rtl, Latin runs isolated, Persian digits', () => {
    expect(html).toContain('<td class="source" lang="en" dir="ltr"><span id="src-u1-s1"');
    expect(html).toContain('<td class="target" lang="fa" dir="rtl"><span id="tgt-u1-s1"');
    expect(html).toContain('<span id="tgt-u1-s2"');
    expect(html).toContain('سازمان مجاهدین خلق (<bdi>PMOI/MEK</bdi>) در ۱۲ شهر و ۳ استان');
    expect(html).toContain('<bdi>https://example.org/a?b=1&amp;c=2</bdi>');
    expect(html).toContain('reports by the PMOI (PMOI/MEK) in 12 cities');
  });

  it('takes headings from the locale', () => {
    const fa = parallelHtml(pairsOf([mek]), { title: 't', sourceLang: 'en', targetLang: 'fa', locale: 'fa' });
    expect(fa).toContain('<html lang="fa" dir="rtl">');
    expect(fa).toContain('>انگلیسی</th>');
    expect(fa).toContain('>فارسی</th>');
    expect(html).toContain('>Persian</th>');
  });

  it('marks an untranslated segment', () => {
    const page = parallelHtml(pairsOf([unit('u9', [['s1', txt('x'), undefined, 'initial']])]), { title: 't', sourceLang: 'en', targetLang: 'fa', locale: 'en' });
    expect(page).toContain('<span id="tgt-u9-s1" class="seg untranslated"');
  });
});

describe('tmx', () => {
  const codes: Unit = unit('u2', [
    [
      's1',
      [{ type: 'text', text: 'Read ' }, { type: 'code', kind: 'open', id: '1', tag: 'a', data: '<a href="x?a&b">' }, { type: 'text', text: 'this' }, { type: 'code', kind: 'close', id: '1', tag: 'a', data: '</a>' }, { type: 'code', kind: 'standalone', id: '2', tag: 'br', data: '<br/>' }],
      [{ type: 'code', kind: 'open', id: '1', tag: 'a', data: '<a href="x?a&b">' }, { type: 'text', text: 'این' }, { type: 'code', kind: 'close', id: '1', tag: 'a', data: '</a>' }, { type: 'text', text: ' را بخوانید' }, { type: 'code', kind: 'standalone', id: '2', tag: 'br', data: '<br/>' }],
      'reviewed',
    ],
    ['s2', txt('half'), txt('نیمه'), 'translated'],
    ['s3', txt('none'), undefined, 'initial'],
  ]);
  const pairs = pairsOf([mek, codes]);
  const xml = tmx(pairs, { sourceLang: 'en', targetLang: 'fa', toolVersion: '9.9.9' });

  it('has a TMX 1.4 header and no date unless one is given', () => {
    expect(xml).toContain('<tmx version="1.4">');
    expect(xml).toContain('<header creationtool="tarjoman" creationtoolversion="9.9.9" segtype="sentence" o-tmf="tarjoman" adminlang="en" srclang="en" datatype="plaintext"/>');
    expect(xml).not.toContain('creationdate');
    expect(tmx(pairs, { sourceLang: 'en', targetLang: 'fa', toolVersion: '1', creationDate: '20240101T000000Z' })).toContain('creationdate="20240101T000000Z"');
    expect(tmx(pairs, { sourceLang: 'en', targetLang: 'fa', toolVersion: '9.9.9' })).toBe(xml);
  });

  it('holds reviewed and final pairs only, unless translated ones are asked for', () => {
    expect(xml.match(/<tu /gu)).toHaveLength(3);
    expect(xml).not.toContain('نیمه');
    expect(tmx(pairs, { sourceLang: 'en', targetLang: 'fa', toolVersion: '1', includeTranslated: true }).match(/<tu /gu)).toHaveLength(4);
  });

  it('writes codes as paired bpt/ept and ph with escaped original data', () => {
    expect(xml).toContain('<tuv xml:lang="en"><seg>Read <bpt i="1" x="1" type="a">&lt;a href="x?a&amp;b"&gt;</bpt>this<ept i="1">&lt;/a&gt;</ept><ph x="2" type="br">&lt;br/&gt;</ph></seg></tuv>');
    expect(xml).toContain('<tuv xml:lang="fa"><seg><bpt i="1" x="1" type="a">&lt;a href="x?a&amp;b"&gt;</bpt>این<ept i="1">&lt;/a&gt;</ept> را بخوانید<ph x="2" type="br">&lt;br/&gt;</ph></seg></tuv>');
    expect(xml).toContain('&lt;now&gt;');
  });

  it('writes a code whose partner is in another segment as an isolated it', () => {
    const open: Unit = unit('u3', [['s1', [{ type: 'code', kind: 'open', id: '7', tag: 'b', data: '<b>' }, { type: 'text', text: 'x' }], txt('ایکس'), 'final']]);
    expect(tmx(pairsOf([open]), { sourceLang: 'en', targetLang: 'fa', toolVersion: '1' })).toContain('<it pos="begin" x="1" type="b">&lt;b&gt;</it>x');
  });

  it('is well-formed XML', () => {
    wellFormed(xml);
    wellFormed(tmx(pairsOf([unit('u4', [['s1', txt('bad \u0001 char'), txt('ok'), 'final']])]), { sourceLang: 'en', targetLang: 'fa', toolVersion: '1' }));
  });
});

describe('alignedTsv', () => {
  it('writes a header and one escaped line per segment', () => {
    const pairs: SegmentPair[] = pairsOf([unit('u1', [['s1', txt('a\tb\nc\\d'), txt('الف'), 'reviewed'], ['s2', txt('e'), undefined, 'initial']])]);
    expect(alignedTsv(pairs)).toBe('unit\tsegment\tsource\ttarget\nu1\ts1\ta\\tb\\nc\\\\d\tالف\nu1\ts2\te\t\n');
  });
});

describe('parsePublishList', () => {
  it('reads a comma list and refuses unknown names', () => {
    expect(parsePublishList('html, tmx,tsv,html')).toEqual(['html', 'tmx', 'tsv']);
    expect(() => parsePublishList('html,pdf')).toThrow(/pdf/u);
    expect(() => parsePublishList(',')).toThrow();
  });
});
