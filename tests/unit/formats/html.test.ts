import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { htmlFormat, REFUSED_PARSE_ERRORS } from '../../../src/formats/html/index.js';
import { plainText, unitSource } from '../../../src/model/content.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import type { Content, Document, InlineCode, Unit } from '../../../src/model/schema.js';
import { Document as DocumentSchema } from '../../../src/model/schema.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'html');
const examples = join(import.meta.dirname, '..', '..', '..', 'examples', 'html');
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { ignoreBOM: true });

const files = [
  ...readdirSync(fixtures).map((f) => join(fixtures, f)),
  ...readdirSync(examples).map((f) => join(examples, f)),
];
const read = (file: string) => new Uint8Array(readFileSync(file));
const fixture = (name: string) => read(join(fixtures, name));

function extract(input: Uint8Array | string, path = 'doc.html'): Document {
  return htmlFormat.extract(typeof input === 'string' ? enc.encode(input) : input, { path, sourceLang: 'en', targetLang: 'fa' });
}

const textOf = (u: Unit) => plainText(unitSource(u));
const codesOf = (u: Unit) => unitSource(u).filter((i): i is InlineCode => i.type === 'code');
const byText = (doc: Document, text: string) => {
  const unit = doc.units.find((u) => textOf(u) === text);
  if (!unit) throw new Error(`no unit "${text}" in ${doc.units.map(textOf).join(' | ')}`);
  return unit;
};

/** Sets every segment's target to its source with each text run transformed, codes kept. */
function translated(doc: Document, fn: (s: string, unit: Unit) => string, only?: (u: Unit) => boolean): Document {
  return {
    ...doc,
    units: doc.units.map((u) =>
      only && !only(u)
        ? u
        : {
            ...u,
            parts: u.parts.map((p) =>
              p.kind === 'segment' ? { ...p, target: p.source.map((i) => (i.type === 'text' ? { ...i, text: fn(i.text, u) } : i)) } : p,
            ),
          },
    ),
  };
}

const PERSIAN = ['ایران', 'سپاه', 'کارگران', 'می‌گویند', 'خبر', 'آزادی', 'تهران', 'گزارش'];
const toPersian = (s: string) => s.replace(/[A-Za-z]+/gu, (w) => PERSIAN[w.length % PERSIAN.length]!);
const toUpper = (s: string) => s.toUpperCase();

/** Codes that carry a translated attribute have new data; the rest must come back byte for byte. */
function nestedCodes(doc: Document): Set<string> {
  const nested = (doc.skeleton.meta.nested ?? []) as { host: string; code: string }[];
  return new Set(nested.map((n) => `${n.host}/${n.code}`));
}

function expectTranslationRoundTrip(doc: Document, fn: (s: string) => string): void {
  const merged = htmlFormat.merge(translated(doc, fn));
  const again = extract(merged);
  expect(again.units.map((u) => u.id)).toEqual(doc.units.map((u) => u.id));
  const skip = nestedCodes(doc);
  doc.units.forEach((unit, i) => {
    const back = again.units[i]!;
    const want = unitSource(unit).map((item) => (item.type === 'text' ? { ...item, text: fn(item.text) } : item));
    expect(textOf(back), unit.id).toBe(plainText(want));
    const shape = (c: Content) => c.filter((x): x is InlineCode => x.type === 'code').map((x) => `${x.kind}:${x.id}:${x.tag}`);
    expect(shape(unitSource(back))).toEqual(shape(want));
    for (const [k, code] of codesOf(unit).entries()) {
      if (!skip.has(`${unit.id}/${code.id}`)) expect(codesOf(back)[k]!.data).toBe(code.data);
    }
  });
}

describe('html format: round-trip law', () => {
  it('has the fixtures and examples the tests rely on', () => {
    expect(readdirSync(fixtures).length).toBeGreaterThanOrEqual(8);
    expect(readdirSync(examples).length).toBeGreaterThanOrEqual(1);
  });

  const named = files.map((f) => [basename(f), f] as const);

  it.each(named)('merging sources as targets gives back %s exactly', (_, file) => {
    const bytes = read(file);
    const doc = extract(bytes, file);
    expect(DocumentSchema.parse(doc)).toEqual(doc);
    expect(Buffer.from(htmlFormat.merge(doc)).equals(Buffer.from(bytes))).toBe(true);
    // choosing sources explicitly is the same thing
    expect(Buffer.from(htmlFormat.merge(doc, { choose: (s) => s.source })).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(named)('a translated %s re-extracts to the translation with the same codes', (_, file) => {
    const doc = extract(read(file), file);
    expectTranslationRoundTrip(doc, toUpper);
    expectTranslationRoundTrip(doc, toPersian);
  });

  it('survives a JSON round trip of the document (the --dump form)', () => {
    const bytes = fixture('nested-inline.html');
    const doc = JSON.parse(JSON.stringify(extract(bytes))) as Document;
    expect(Buffer.from(htmlFormat.merge(doc)).equals(Buffer.from(bytes))).toBe(true);
    const upper = dec.decode(htmlFormat.merge(translated(doc, toUpper)));
    expect(upper).toContain('title="FULL REPORT (PDF, 2.4 MB)"');
  });
});

describe('html format: what becomes a unit', () => {
  it('reads a fragment without inventing html, head or body', () => {
    const doc = extract(fixture('fragment.html'));
    expect(doc.skeleton.meta.fragment).toBe(true);
    expect(doc.units.map((u) => [u.id, u.kind, u.context])).toEqual([
      ['u1', 'heading', { element: 'h2', level: 2, line: 1, column: 5 }],
      ['u2', 'paragraph', { element: 'p', line: 2, column: 4 }],
      ['u3', 'paragraph', { element: 'p', line: 3, column: 4 }],
    ]);
    expect(textOf(doc.units[1]!)).toBe(
      'Residents of Zahedan gathered again after Friday prayers, chanting against the Basij militia.',
    );
    expect(codesOf(doc.units[1]!)).toEqual([
      { type: 'code', kind: 'open', id: '1', tag: 'a', data: '<a href="/tag/basij">', equiv: '<a>' },
      { type: 'code', kind: 'close', id: '1', tag: 'a', data: '</a>', equiv: '</a>' },
    ]);
    expect(doc.skeleton.pieces.filter((p) => typeof p === 'string').join('')).not.toMatch(/<(html|head|body)/u);
  });

  it('reads a full page: title, meta description, headings, attributes, in document order', () => {
    const doc = extract(fixture('full-page.html'));
    expect(doc.skeleton.meta.fragment).toBe(false);
    expect(doc.units.map((u) => [u.kind, u.context.element, textOf(u)])).toEqual([
      ['title', 'title', 'Iran: Ministers Trade Blame over Power Cuts'],
      ['attribute', 'meta@content', 'Blackouts of up to six hours a day hit Tehran as officials blame each other.'],
      ['attribute', 'meta@content', 'A dark street in Tehran during a power cut'],
      ['heading', 'h1', 'Iran: Ministers Trade Blame over Power Cuts'],
      [
        'paragraph',
        'p',
        'Scheduled blackouts of up to six hours a day hit Tehran on Monday, July 21, 2025, as the energy minister blamed crypto miners.',
      ],
      ['attribute', 'a@title', 'Illegal cryptocurrency mining'],
      ['heading', 'h2', 'A grid at its limit'],
      ['paragraph', 'p', 'Demand reached 79,000 megawatts, against capacity of about 62,000.'],
    ]);
    expect(doc.units.map((u) => u.id)).toEqual(doc.units.map((_, i) => `u${i + 1}`));
    expect(doc.units[0]!.context).toMatchObject({ line: 5, column: 8 });
  });

  it('turns inline elements into paired codes holding their exact tags, and lifts a wrapping element', () => {
    const doc = extract(fixture('nested-inline.html'));
    const report = doc.units[0]!;
    expect(textOf(report)).toBe(
      'The report, published by Iran Human Rights Monitor on March 8, lists 1,287 documented cases of arbitrary detention.',
    );
    expect(codesOf(report).map((c) => `${c.kind}${c.id}${c.data}`)).toEqual([
      'open1<em>',
      'open2<a href="https://example.org/report" title="Full report (PDF, 2.4 MB)">',
      'open3<strong>',
      'close3</strong>',
      'close2</a>',
      'open4<time datetime="2025-03-08">',
      'close4</time>',
      'close1</em>',
      'open5<b>',
      'open6<i>',
      'close6</i>',
      'close5</b>',
    ]);
    // the link's title is a unit of its own, right after its sentence
    expect(doc.units[1]).toMatchObject({ id: 'u2', kind: 'attribute', context: { element: 'a@title' } });
    expect(textOf(doc.units[1]!)).toBe('Full report (PDF, 2.4 MB)');
    // a paragraph that is only a link holds the words; the tags stay in the skeleton
    const only = byText(doc, 'Only a link');
    expect(codesOf(only)).toEqual([]);
    expect(only.kind).toBe('paragraph');
    expect(doc.skeleton.pieces).toContain('</p>\n<p><a href="/one">');
    const lead = byText(doc, 'Tehran — The head of the judiciary, Gholamhossein Mohseni-Ejei, said on Sunday that “there will be no leniency.”');
    expect(codesOf(lead)[0]).toMatchObject({ kind: 'open', tag: 'b', data: '<b>' });
    // loose text in a div and the text around a block inside a div
    expect(byText(doc, 'Loose text in a div, underlined, with a Ctrl key and x.').context.element).toBe('div');
    expect(doc.units.map(textOf)).toEqual(expect.arrayContaining(['Before the block', 'inside the block', 'after the block']));
  });

  it('keeps a missing end tag as a standalone code of the bytes that are there', () => {
    const doc = extract(fixture('implied-end-tags.html'));
    expect(doc.units.map(textOf)).toEqual([
      'First paragraph without an end tag',
      'Second paragraph, bold to the end',
      'Tehran',
      'Isfahan and Shiraz',
      'Mashhad',
      'IRGC',
      'Islamic Revolutionary Guard Corps',
      'MEK',
      "People's Mojahedin Organization of Iran",
      'Arak',
      'Qom',
      'Yazd',
      'Kerman',
      'Tabriz',
      'Ahvaz',
      'Last words',
    ]);
    expect(codesOf(doc.units[1]!)).toEqual([{ type: 'code', kind: 'standalone', id: '1', tag: 'b', data: '<b>', equiv: '<b>' }]);
    expect(doc.units.map((u) => u.kind)).toEqual([
      'paragraph', 'paragraph', 'list-item', 'list-item', 'list-item', 'list-item', 'list-item', 'list-item', 'list-item',
      'table-cell', 'table-cell', 'table-cell', 'table-cell', 'other', 'other', 'paragraph',
    ]);
    expect(doc.units[13]!.context.element).toBe('option');
  });

  it('decodes character references for the translator and keeps their spelling in the skeleton', () => {
    const doc = extract(fixture('entities.html'));
    const texts = doc.units.map(textOf);
    expect(texts[0]).toBe('Rights groups & lawyers met in Paris – the “Free Iran” rally drew 10,000\u00A0people.');
    expect(texts[1]).toBe('“Hex” and “decimal” quotes, © 2025 without a semicolon, <tags> as text, and a lone & ampersand ¬it; here.');
    // a leading no-break space is content; trailing spaces written as references are trimmed like spaces
    expect(texts[2]).toBe('\u00A0Leading no-break space, trailing spaces');
    expect(doc.skeleton.pieces).toContain('&#32;&#x20;</p>\n<p>&nbsp;</p>\n<p title="');
    // a paragraph of one no-break space has nothing to translate
    expect(texts).not.toContain('\u00A0');
    expect(texts).toContain('Tom & Jerry "quoted"');
    expect(texts).toContain('Astral: 😀 and 📰 news, euro sign € from windows-1252.');
    const raw = doc.skeleton.pieces.find((p) => typeof p !== 'string' && p.unit === 'u1');
    expect(raw).toMatchObject({ encoding: 'html-text', raw: expect.stringContaining('10&#44;000&nbsp;people.') });
  });

  it('extracts translatable attributes with an encoding for their quote style', () => {
    const doc = extract(fixture('attributes.html'));
    const placeholders = doc.skeleton.pieces.filter((p) => typeof p !== 'string');
    const nested = doc.skeleton.meta.nested as { unit: string; encoding: string }[];
    const encodingOf = (id: string) => (placeholders.find((p) => p.unit === id) ?? nested.find((n) => n.unit === id))?.encoding;
    expect(doc.units.map((u) => [u.kind, u.context.element, textOf(u), encodingOf(u.id)])).toEqual([
      ['alt-text', 'img@alt', 'Double-quoted alt, with "quotes" inside', 'html-attr-double'],
      ['alt-text', 'img@alt', "Single-quoted alt, it's here", 'html-attr-single'],
      ['alt-text', 'img@alt', 'Unquoted', 'html-attr-unquoted'],
      ['alt-text', 'img@alt', 'Spaces around the equals sign', 'html-attr-double'],
      ['attribute', 'img@title', 'Line break before equals', 'html-attr-double'],
      ['attribute', 'input@placeholder', 'Search the archive', 'html-attr-double'],
      ['attribute', 'input@aria-label', 'Search', 'html-attr-double'],
      ['attribute', 'input@value', 'Send the report', 'html-attr-double'],
      ['paragraph', 'p', 'The PMOI is known by its short name.', 'html-text'],
      ['attribute', 'abbr@title', "People's Mojahedin Organization of Iran", 'html-attr-single'],
      ['paragraph', 'p', 'A short title and a padded one.', 'html-text'],
      ['attribute', 'a@title', 'unquoted', 'html-attr-unquoted'],
      ['attribute', 'a@title', 'padded title', 'html-attr-double'],
      ['attribute', 'button@aria-label', 'Close the dialog', 'html-attr-double'],
      ['other', 'button', '×', 'html-text'],
    ]);
    // the abbr's title sits in a code of its sentence, so its encoding is recorded beside the code
    expect(doc.skeleton.meta.nested).toEqual([
      { unit: 'u10', host: 'u9', code: '1', codeKind: 'open', offset: 13, rawOffset: 17, raw: 'People&apos;s Mojahedin Organization of Iran', encoding: 'html-attr-single' },
      { unit: 'u12', host: 'u11', code: '1', codeKind: 'open', offset: 19, rawOffset: 21, raw: 'unquoted', encoding: 'html-attr-unquoted' },
      { unit: 'u13', host: 'u11', code: '2', codeKind: 'open', offset: 22, rawOffset: 74, raw: 'padded title', encoding: 'html-attr-double' },
    ]);
    // whitespace inside the quotes stays out of the unit
    const padded = doc.units.find((u) => textOf(u) === 'padded title')!;
    const host = codesOf(doc.units.find((u) => u.id === 'u11')!).find((c) => c.id === '2' && c.kind === 'open')!;
    expect(host.data).toBe('<a href="/x" TITLE="  padded title  ">');
    expect(padded.context).toMatchObject({ line: 15, column: 78 });
    // an empty alt and a text field's value are not units
    expect(doc.units.map(textOf)).not.toContain('Not a label');
  });

  it('keeps comments in the skeleton, and as a standalone code inside a sentence', () => {
    const doc = extract(fixture('comments.html'));
    expect(doc.units.map(textOf)).toEqual(['A sentence with  a comment inside.', 'Text after a leading comment.']);
    expect(codesOf(doc.units[0]!)).toEqual([
      { type: 'code', kind: 'standalone', id: '1', tag: 'comment', data: "<!-- an editor's note -->", equiv: '<!---->' },
    ]);
    expect(codesOf(doc.units[1]!)).toEqual([]);
  });

  it('leaves script, style, pre, template, svg and math alone and keeps code as a standalone code', () => {
    const doc = extract(fixture('code-blocks.html'));
    expect(doc.units.map(textOf)).toEqual([
      'Code and scripts',
      'Call  to load the data.',
      'Inline script  in a sentence.',
      'An icon  inside text.',
      'Math:  is shown.',
      'Write your comment',
      'Press Enter to continue.',
    ]);
    expect(codesOf(doc.units[1]!)).toEqual([
      {
        type: 'code',
        kind: 'standalone',
        id: '1',
        tag: 'code',
        data: '<code>fetchReports(&quot;2025&quot;)</code>',
        equiv: 'fetchReports("2025")',
        canDelete: false,
      },
    ]);
    expect(codesOf(doc.units[2]!)[0]).toMatchObject({ tag: 'script', data: '<script>track("x")</script>', equiv: '<script/>' });
    expect(codesOf(doc.units[3]!)[0]).toMatchObject({ tag: 'svg', canDelete: false });
    expect(doc.units[5]!.context.element).toBe('textarea@placeholder');
    expect(codesOf(doc.units[6]!).map((c) => c.kind)).toEqual(['open', 'close']);
  });

  it('does not translate translate="no" content, which stays a code inside a sentence', () => {
    const doc = extract(fixture('translate-no.html'));
    expect(doc.units.map(textOf)).toEqual(['The  was founded in 1979.', 'Brand: , and this is translated.']);
    expect(codesOf(doc.units[0]!)[0]).toMatchObject({
      kind: 'standalone',
      tag: 'span',
      data: '<span translate="no">Islamic Revolutionary Guard Corps</span>',
      equiv: 'Islamic Revolutionary Guard Corps',
      canDelete: false,
    });
  });

  it('reads tables: caption, header and data cells, and cells holding paragraphs', () => {
    const doc = extract(fixture('tables.html'));
    expect(doc.units[0]).toMatchObject({ kind: 'other', context: { element: 'caption' } });
    expect(doc.units.filter((u) => u.kind === 'table-cell').map(textOf)).toEqual([
      'Year', 'Executions', 'Of which women', '2022', '582', '15', '2023', '834', '22', '2024', '975 (provisional)', '31',
    ]);
    expect(byText(doc, 'Executions').context.element).toBe('th');
    expect(byText(doc, 'Reported by rights groups').context.element).toBe('th@title');
    expect(byText(doc, 'Source: annual reports.').kind).toBe('paragraph');
  });

  it('reads upper-case markup, keeping its bytes in the codes', () => {
    const doc = extract(fixture('uppercase.html'));
    const lead = byText(doc, 'An OLD page with upper-case tags and links.');
    expect(codesOf(lead).map((c) => [c.tag, c.data])).toEqual([
      ['b', '<B>'],
      ['b', '</B>'],
      ['a', '<A HREF="/x" TITLE="A link title">'],
      ['a', '</A>'],
    ]);
    expect(byText(doc, 'An old image').context.element).toBe('img@alt');
    expect(doc.units[0]).toMatchObject({ kind: 'title', context: { element: 'title' } });
  });

  it('keeps misnested and stray markup as codes, and splits where the parser moved text', () => {
    const doc = extract(fixture('misnested.html'));
    const shape = (u: Unit) => unitSource(u).map((i) => (i.type === 'text' ? i.text : `{${i.kind}:${i.data}}`)).join('');
    expect(doc.units.map(shape)).toEqual([
      'Bold {open:<b>}and {standalone:<i>}italic{close:</b>} crossing{standalone:</i>} tags.',
      'A stray {standalone:</div>} end tag and a {standalone:</br>} typo in a sentence.',
      '{standalone:<b>}Formatting that runs',
      'into the next paragraph',
      'Text before {standalone:<table>}foster-parented text',
      'cell',
      'after',
      'Link',
      'holding a paragraph',
      'and more',
    ]);
    expect(doc.units[7]).toMatchObject({ kind: 'link-text', context: { element: 'a' } });
  });

  it('makes form labels, buttons, options, legends and summaries units of their own', () => {
    const doc = extract(fixture('forms.html'));
    expect(doc.units.map((u) => [u.kind, u.context.element, textOf(u)])).toEqual([
      ['other', 'legend', 'Subscribe to the newsletter'],
      ['other', 'label', 'Email address'],
      ['attribute', 'input@placeholder', 'you@example.org'],
      ['other', 'label', ' Daily digest'],
      ['attribute', 'option@label', 'English edition'],
      ['other', 'option', 'English'],
      ['other', 'option', 'فارسی'],
      ['other', 'button', 'Subscribe'],
      ['other', 'summary', 'Why we ask for your email'],
      ['paragraph', 'p', 'We send one message a day.'],
    ]);
  });

  it('records line and column of each unit, counting CR LF as one line break and not counting a BOM', () => {
    const crlf = extract(fixture('crlf.html'));
    expect(crlf.units.map((u) => [textOf(u), u.context.line, u.context.column])).toEqual([
      ['Line endings\n in a title', 4, 8],
      ['First line of a paragraph\nsecond line of the same paragraph.', 8, 4],
      ['One\n\ntwo', 10, 4],
    ]);
    expect(crlf.skeleton.meta.eol).toBe('\r\n');
    const bom = extract(fixture('bom.html'));
    expect(bom.skeleton.pieces[0]).toBe('\uFEFF');
    expect(bom.units[0]!.context).toMatchObject({ line: 3, column: 14 });
  });

  it('gives the same ids to the same bytes, numbered in document order', () => {
    for (const file of files) {
      const a = extract(read(file));
      const b = extract(read(file));
      expect(a).toEqual(b);
      expect(a.units.map((u) => u.id)).toEqual(a.units.map((_, i) => `u${i + 1}`));
      const positions = a.units.map((u) => [u.context.line!, u.context.column!] as const);
      for (let i = 1; i < positions.length; i++) {
        const [l0, c0] = positions[i - 1]!;
        const [l1, c1] = positions[i]!;
        expect(l1 > l0 || (l1 === l0 && c1 > c0), `${file} ${a.units[i]!.id}`).toBe(true);
      }
    }
    expect(extract('').units).toEqual([]);
    expect(extract(' \n<p> </p>\n').units).toEqual([]);
  });

  it('reads a Persian page', () => {
    const doc = extract(fixture('persian-rtl.html'));
    expect(doc.units[0]).toMatchObject({ kind: 'title' });
    expect(textOf(doc.units[0]!)).toBe('اعتراض کارگران نفت در عسلویه');
    const mek = byText(doc, 'سازمان مجاهدین خلق ایران (PMOI/MEK) در بیانیه‌ای از اعتصاب‌ها حمایت کرد و سپاه را مسئول دانست.');
    expect(codesOf(mek).map((c) => c.tag)).toEqual(['bdi', 'bdi', 'a', 'a']);
    expect(byText(doc, 'سپاه پاسداران انقلاب اسلامی').context.element).toBe('a@title');
  });
});

describe('html format: writing translations', () => {
  it('escapes markup characters in text and writes line breaks with the file’s line ending', () => {
    const doc = extract(fixture('crlf.html'));
    const out = dec.decode(
      htmlFormat.merge(translated(doc, (s) => (s.startsWith('First') ? 'A < B & "C" \u00A0 D\nE' : s))),
    );
    expect(out).toContain('<p>A &lt; B &amp; "C" &nbsp; D\r\nE</p>');
    expect(textOf(extract(enc.encode(out)).units[1]!)).toBe('A < B & "C" \u00A0 D\nE');
  });

  it('writes a translated attribute for its quote style', () => {
    const doc = extract(fixture('attributes.html'));
    const values: Record<string, string> = {
      'Double-quoted alt, with "quotes" inside': 'He said "no" & left',
      "Single-quoted alt, it's here": "it's «here»",
      Unquoted: 'Two words',
      'Spaces around the equals sign': 'NoSpaces',
      'unquoted': 'Single',
      'Search the archive': 'x="<y>"',
    };
    const out = dec.decode(htmlFormat.merge(translated(doc, (s) => values[s] ?? s)));
    expect(out).toContain('alt="He said &quot;no&quot; &amp; left"');
    expect(out).toContain("alt='it&#39;s «here»'");
    expect(out).toContain('<img src=c.jpg alt="Two words">');
    expect(out).toContain('alt = "NoSpaces" title');
    expect(out).toContain('<a href="/x" title=Single>');
    expect(out).toContain('placeholder="x=&quot;<y>&quot;"');
    const again = extract(enc.encode(out));
    for (const v of Object.values(values)) expect(again.units.map(textOf)).toContain(v);
  });

  it('quotes an unquoted value only when the translation needs it', () => {
    const doc = extract('<img src=x alt=Photo><img src=y alt=Map>');
    const values: Record<string, string> = { Photo: '', Map: 'a&b' };
    const out = dec.decode(htmlFormat.merge(translated(doc, (s) => values[s]!)));
    expect(out).toBe('<img src=x alt=""><img src=y alt=a&amp;b>');
  });

  it('writes a translated link title into the link’s tag, whether or not the sentence changed', () => {
    const doc = extract('<p>See <a href="/r" title="The report">this report</a> now.</p>');
    expect(doc.units.map(textOf)).toEqual(['See this report now.', 'The report']);
    const titleOnly = translated(doc, () => 'گزارش', (u) => u.kind === 'attribute');
    expect(dec.decode(htmlFormat.merge(titleOnly))).toBe('<p>See <a href="/r" title="گزارش">this report</a> now.</p>');
    const both = translated(doc, (s) => (s === 'The report' ? 'گزارش' : toPersian(s)));
    const out = dec.decode(htmlFormat.merge(both));
    expect(out).toMatch(/^<p>[^<]+<a href="\/r" title="گزارش">[^<]+<\/a>[^<]+<\/p>$/u);
    // a target chosen by a custom function gets the translated attribute too
    const chosen = dec.decode(htmlFormat.merge(both, { choose: (s) => s.target }));
    expect(chosen).toBe(out);
    // a sentence whose translation moves the link keeps the new title in the moved code
    const moved: Document = {
      ...both,
      units: both.units.map((u) =>
        u.id !== 'u1'
          ? u
          : {
              ...u,
              parts: u.parts.map((p) =>
                p.kind === 'segment'
                  ? { ...p, target: [p.source[1]!, { type: 'text', text: 'این گزارش' }, p.source[3]!, { type: 'text', text: ' را ببینید.' }] }
                  : p,
              ),
            },
      ),
    };
    expect(dec.decode(htmlFormat.merge(moved))).toBe('<p><a href="/r" title="گزارش">این گزارش</a> را ببینید.</p>');
  });

  it('puts a translation exactly over its source where parse5 reports a reference cut short', () => {
    // parse5 gives the bytes of a reference that starts a word to the whitespace before it;
    // where that whitespace is dropped or lands in another element, the word's span is mended
    for (const source of [
      '\r\n&amp; news<td><body>word',
      '<!DOCTYPE html>\n&copy; 2025 Iran <html><p>x</p>',
      '<html><head><title>t</title></head>\n&ldquo;Text&rdquo; after head</html>',
      '<html><head></head>&#32;&nbsp;IRGC</html>',
    ]) {
      const doc = extract(source);
      expect(dec.decode(htmlFormat.merge(doc))).toBe(source);
      const out = dec.decode(htmlFormat.merge(translated(doc, toUpper)));
      expect(extract(out).units.map(textOf)).toEqual(doc.units.map((u) => textOf(u).toUpperCase()));
    }
    const doc = extract('<!DOCTYPE html>\n&copy; 2025 Iran <html><p>x</p>');
    expect(doc.skeleton.pieces[1]).toEqual({ unit: 'u1', encoding: 'html-text', raw: '&copy; 2025 Iran' });
  });

  it('keeps an untouched unit byte for byte next to a translated one', () => {
    const source = '<p>A&#44;&nbsp;b</p><p>c</p>';
    const doc = extract(source);
    const out = dec.decode(htmlFormat.merge(translated(doc, (s) => (s === 'c' ? 'C' : s))));
    expect(out).toBe('<p>A&#44;&nbsp;b</p><p>C</p>');
  });
});

describe('html format: language of the written page', () => {
  const merged = (doc: Document, targetLang: string) => dec.decode(htmlFormat.merge(doc, { targetLang }));
  const htmlAttrs = (out: string) => {
    const root = parse(out).childNodes.find((n) => n.nodeName === 'html') as { attrs: { name: string; value: string }[] };
    return Object.fromEntries(root.attrs.map((a) => [a.name, a.value]));
  };

  it('replaces lang and xml:lang and adds dir="rtl" for Persian', () => {
    const doc = extract(fixture('full-page.html'));
    const out = merged(doc, 'fa');
    expect(out).toContain('<html dir="rtl" lang="fa" xml:lang="fa">');
    expect(htmlAttrs(out)).toEqual({ lang: 'fa', 'xml:lang': 'fa', dir: 'rtl' });
    // nothing else changes
    expect(out.replace(/<html[^>]*>/u, '')).toBe(dec.decode(fixture('full-page.html')).replace(/<html[^>]*>/u, ''));
  });

  it('adds lang and dir to an <html> that has none', () => {
    const out = merged(extract(fixture('crlf.html')), 'fa');
    expect(out).toContain('\r\n<html lang="fa" dir="rtl">\r\n');
  });

  it('switches an existing dir, keeps the quote style and the attribute spelling', () => {
    const ltr = merged(extract(read(join(examples, 'snapback-opinion.html'))), 'fa');
    expect(ltr).toContain('<html lang="fa" dir="rtl">');
    expect(merged(extract(fixture('uppercase.html')), 'fa')).toContain('<HTML dir="rtl" LANG="fa">');
    expect(merged(extract("<html lang='en' dir=ltr><p>x"), 'ar')).toBe("<html lang='ar' dir=rtl><p>x");
    expect(merged(extract('<html lang dir><p>x'), 'he')).toBe('<html lang="he" dir="rtl"><p>x');
  });

  it('writes dir="ltr" for a left-to-right language only where dir is present', () => {
    expect(merged(extract(fixture('persian-rtl.html')), 'en')).toContain('<html lang="en" dir="ltr">');
    expect(merged(extract('<html><p>x'), 'de')).toBe('<html lang="de"><p>x');
    expect(merged(extract('<html><p>x'), 'az-Arab')).toBe('<html lang="az-Arab" dir="rtl"><p>x');
  });

  it('leaves a fragment and a page without an <html> tag alone', () => {
    const fragment = fixture('fragment.html');
    expect(Buffer.from(htmlFormat.merge(extract(fragment), { targetLang: 'fa' })).equals(Buffer.from(fragment))).toBe(true);
    expect(merged(extract('<!doctype html><title>t</title><p>x'), 'fa')).toBe('<!doctype html><title>t</title><p>x');
  });

  it('keeps a BOM and translations together with the new language', () => {
    const doc = extract(fixture('bom.html'));
    const out = merged(translated(doc, toPersian), 'fa');
    expect(out.startsWith('\uFEFF<!DOCTYPE html>\n<html dir="rtl" lang="fa">')).toBe(true);
    expect(extract(enc.encode(out)).units.map(textOf)).toEqual(doc.units.map((u) => toPersian(textOf(u))));
  });
});

describe('html format: refused markup', () => {
  const cases: [string, string, number, number][] = [
    ['eof-in-tag', '<p>Text</p>\n<p class="x', 2, 12],
    ['eof-in-comment', '<p>a</p>\n<!-- never closed', 2, 18],
    ['eof-in-cdata', '<p>x</p><svg><![CDATA[ unclosed', 1, 32],
    ['eof-in-doctype', '<!DOCTYPE html', 1, 15],
    ['eof-in-script-html-comment-like-text', '<p>x</p>\n<script><!-- var a', 2, 19],
    ['eof-in-element-that-can-contain-only-text', '<p>x</p>\n<title>Unclosed title', 2, 22],
    ['missing-end-tag-name', '<p>one</>two</p>', 1, 9],
    ['unexpected-null-character', '<p>a\u0000b</p>', 1, 5],
    ['unexpected-character-in-attribute-name', '<p><a href="/x" title="He said "no"">x</a></p>', 1, 35],
    ['nested-comment', '<!-- a <!-- b --> c -->\n<p>x</p>', 1, 12],
    ['cdata-in-html-content', '<p>x</p>\n<p><![CDATA[a > b]]></p>', 2, 12],
  ];

  it('covers every refused code', () => {
    expect(cases.map((c) => c[0]).sort()).toEqual([...REFUSED_PARSE_ERRORS].sort());
  });

  it.each(cases)('%s is refused with the file, line and column', (code, source, line, column) => {
    try {
      extract(enc.encode(source), 'news/broken.html');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TarjomanError);
      const e = error as TarjomanError;
      expect(e.key).toBe(`html:broken.${code}`);
      expect(e.params).toEqual({ code });
      expect(e.location).toEqual({ file: 'news/broken.html', line, column });
      expect(e.render()).toMatch(new RegExp(`^news/broken\\.html:${line}:${column}: .+\\(${code}\\)$`, 'u'));
    }
  });

  it('counts lines after a BOM as the editor shows them', () => {
    try {
      extract(enc.encode('\uFEFF<p>a</p>\n<p>b</>c'), 'x.html');
      expect.unreachable();
    } catch (error) {
      expect((error as TarjomanError).location).toEqual({ file: 'x.html', line: 2, column: 7 });
    }
  });

  it('accepts what is only a warning: no doctype, stray end tags, bad references, duplicate attributes', () => {
    const source = '<p>a</span> b &bogus; c &#0; <img alt=x alt=y> <p/>d</p>\n</body>\n';
    const doc = extract(source);
    expect(Buffer.from(htmlFormat.merge(doc)).equals(Buffer.from(enc.encode(source)))).toBe(true);
    expect(doc.units.map(textOf)).toContain('x');
  });

  it('refuses invalid UTF-8 with the shared error', () => {
    try {
      extract(new Uint8Array([...enc.encode('<p>ok</p>\n<p>bad '), 0xc3, 0x28]), 'bad.html');
      expect.unreachable();
    } catch (error) {
      const e = error as TarjomanError;
      expect(e.key).toBe('errors:invalidUtf8');
      expect(e.location).toEqual({ file: 'bad.html', line: 2, column: 8 });
    }
  });

  it('refuses a damaged skeleton on merge', () => {
    const doc = extract('<p>x</p>');
    expect(() => htmlFormat.merge({ ...doc, skeleton: { ...doc.skeleton, meta: {} } })).toThrow(TarjomanError);
  });

  it('refuses misnested markup the parser would move, naming where', () => {
    try {
      extract('&<i><p><q></i>&', 'soup.html');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TarjomanError);
      expect((error as TarjomanError).key).toBe('html:misplaced');
      expect((error as TarjomanError).location).toEqual({ file: 'soup.html', line: 1, column: 8 });
    }
  });
});
