import fc from 'fast-check';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { htmlFormat } from '../../../src/formats/html/index.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import { plainText, unitSource } from '../../../src/model/content.js';
import type { Content, Document, InlineCode, Unit } from '../../../src/model/schema.js';
import { Document as DocumentSchema } from '../../../src/model/schema.js';
import { translated } from '../../helpers/translate.js';

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { ignoreBOM: true });

const extract = (source: string) => htmlFormat.extract(enc.encode(source), { path: 'gen.html', sourceLang: 'en', targetLang: 'fa' });
const textOf = (u: Unit) => plainText(unitSource(u));

// ---- a generator of realistic news HTML ------------------------------------------------------

const english = fc.constantFrom(
  'Iran', 'Tehran', 'IRGC', 'PMOI/MEK', 'said', 'the', 'protest', 'workers', 'on', 'Monday', 'regime', 'Khamenei',
  'U.S.', '1988', '30,000', '1,287', '(IAEA)', 'People\'s', '“no”', '—', '40%', 'Zahedan', 'strike', 'of',
);
const persian = fc.constantFrom('ایران', 'تهران', 'سپاه', 'می‌گویند', 'کارگران', '۱۴۰۴', '۳۰٬۰۰۰', '«نه»', 'خامنه‌ای', 'اعتصاب');
const referenced = fc.constantFrom('&amp;', 'AT&amp;T', '&#8220;quoted&#8221;', '&lt;b&gt;', '&copy;', '&#x627;', '&quot;', '&eacute;lan', '&ndash;');
const word = fc.oneof({ weight: 6, arbitrary: english }, { weight: 3, arbitrary: persian }, { weight: 1, arbitrary: referenced });
const space = fc.constantFrom(' ', ' ', ' ', ' ', '\n', '  ', '\t', '&nbsp;', '\n  ');
const phrase = fc
  .array(fc.tuple(word, space), { minLength: 1, maxLength: 7 })
  .chain((pairs) => fc.constantFrom('', ' ', '\n').map((end) => pairs.map(([w, s], i) => w + (i < pairs.length - 1 ? s : end)).join('')));

const escapeFor = (quote: string, value: string) =>
  quote === '"' ? value.replace(/"/gu, '&quot;') : value.replace(/'/gu, '&#39;');
function attr(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.tuple(fc.constantFrom('"', "'"), phrase, fc.constantFrom('=', ' = ')).map(([q, v, eq]) => `${name}${eq}${q}${escapeFor(q, v)}${q}`),
    fc.constantFrom('Tehran', 'IRGC', 'MEK-2025', 'x1', 'a&amp;b').map((v) => `${name}=${v}`),
  );
}
const maybe = (a: fc.Arbitrary<string>) => fc.option(a, { nil: undefined }).map((v) => (v ? ` ${v}` : ''));

const { inlines } = fc.letrec<{ inline: string; inlines: string }>((tie) => ({
  inline: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'inline' },
    phrase,
    phrase,
    fc
      .tuple(fc.constantFrom('b', 'em', 'strong', 'i', 'span', 'sup', 'small', 'q', 'abbr', 'mark'), tie('inlines'), maybe(attr('title')))
      .map(([t, c, a]) => `<${t}${a}>${c}</${t}>`),
    fc.tuple(tie('inlines'), maybe(attr('title'))).map(([c, a]) => `<a href="/news?id=1&amp;p=2"${a}>${c}</a>`),
    fc.constantFrom('<br>', '<br/>', '<wbr>', '<!-- note -->', '<b>unclosed', '</span>'),
    attr('alt').map((a) => `<img src="p.jpg" ${a}>`),
    phrase.map((p) => `<code>${p}</code>`),
    phrase.map((p) => `<span translate="no">${p}</span>`),
  ),
  inlines: fc.array(tie('inline'), { minLength: 1, maxLength: 5 }).map((xs) => xs.join('')),
}));

const { block } = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'block' },
    fc.tuple(inlines, fc.boolean(), maybe(attr('title'))).map(([c, close, a]) => `<p${a}>${c}${close ? '</p>' : ''}`),
    fc.tuple(fc.integer({ min: 1, max: 6 }), inlines).map(([n, c]) => `<h${n}>${c}</h${n}>`),
    fc
      .array(fc.tuple(inlines, fc.boolean()), { minLength: 1, maxLength: 4 })
      .map((items) => `<ul>${items.map(([c, close]) => `\n  <li>${c}${close ? '</li>' : ''}`).join('')}\n</ul>`),
    fc
      .tuple(fc.option(phrase), fc.array(fc.array(inlines, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }))
      .map(([caption, rows]) =>
        `<table>${caption ? `<caption>${caption}</caption>` : ''}\n${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}\n</table>`,
      ),
    fc
      .tuple(fc.option(inlines), fc.array(tie('block'), { maxLength: 3 }), fc.option(inlines))
      .map(([a, bs, b]) => `<div>${a ?? ''}${bs.join('\n')}${b ?? ''}</div>`),
    fc.array(tie('block'), { minLength: 1, maxLength: 2 }).map((bs) => `<blockquote>\n${bs.join('\n')}\n</blockquote>`),
    fc.tuple(attr('alt'), inlines).map(([a, c]) => `<figure><img src="f.jpg" ${a}><figcaption>${c}</figcaption></figure>`),
    phrase.map((p) => `<pre>${p}</pre>`),
    fc.constantFrom('<script>if (a < b) { x = "<p>"; }</script>', '<style>p > b { color: red }</style>', '<!-- block comment -->', '<hr>'),
  ),
}));

const upperTags = (html: string) => html.replace(/<(\/?)([a-z][a-z0-9]*)/gu, (_, slash: string, name: string) => `<${slash}${name.toUpperCase()}`);

const htmlDocument = fc
  .record({
    bom: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
    full: fc.boolean(),
    upper: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    lang: fc.constantFrom('', ' lang="en"', " lang='en' dir='ltr'", ' LANG=en', ' lang="en-US" xml:lang="en-US"'),
    title: phrase,
    description: attr('content'),
    blocks: fc.array(block, { maxLength: 6 }),
    trailing: fc.option(inlines),
  })
  .map(({ bom, eol, full, upper, lang, title, description, blocks, trailing }) => {
    const body = blocks.join('\n') + (trailing ?? '');
    let html = full
      ? `<!DOCTYPE html>\n<html${lang}>\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n<meta name="description" ${description}>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
      : body;
    if (upper) html = upperTags(html);
    return (bom ? '\uFEFF' : '') + html.replace(/\n/gu, eol);
  });

// ---- properties -------------------------------------------------------------------------------

const PERSIAN = ['ایران', 'سپاه', 'کارگران', 'می‌گویند', 'خبر', 'آزادی', 'تهران', 'گزارش'];
const toPersian = (s: string) => s.replace(/[A-Za-z]+/gu, (w) => PERSIAN[w.length % PERSIAN.length]!);
const toUpper = (s: string) => s.toUpperCase();


const shape = (c: Content) => c.filter((x): x is InlineCode => x.type === 'code').map((x) => `${x.kind}:${x.id}:${x.tag}`);

function checkTranslation(doc: Document, fn: (s: string) => string): void {
  const again = extract(dec.decode(htmlFormat.merge(translated(doc, fn))));
  expect(again.units.map((u) => [u.id, u.kind])).toEqual(doc.units.map((u) => [u.id, u.kind]));
  doc.units.forEach((unit, i) => {
    const back = again.units[i]!;
    const want = unitSource(unit).map((item) => (item.type === 'text' ? { ...item, text: fn(item.text) } : item));
    expect(textOf(back)).toBe(plainText(want));
    expect(shape(unitSource(back))).toEqual(shape(want));
  });
}

const RUNS = 2000;

describe('html format: generated documents', () => {
  it('obey the round-trip law and give schema-valid documents with trimmed units', () => {
    fc.assert(
      fc.property(htmlDocument, (source) => {
        const doc = extract(source);
        expect(dec.decode(htmlFormat.merge(doc))).toBe(source);
        expect(DocumentSchema.parse(doc)).toEqual(doc);
        for (const u of doc.units) {
          const content = unitSource(u);
          const first = content[0];
          const last = content[content.length - 1];
          if (first?.type === 'text') expect(first.text).not.toMatch(/^[ \t\n\f\r]/u);
          if (last?.type === 'text') expect(last.text).not.toMatch(/[ \t\n\f\r]$/u);
          expect(textOf(u)).toMatch(/\S/u);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('give back upper-cased and Persian translations with the same codes', () => {
    fc.assert(
      fc.property(htmlDocument, (source) => {
        const doc = extract(source);
        checkTranslation(doc, toUpper);
        checkTranslation(doc, toPersian);
      }),
      { numRuns: RUNS },
    );
  });

  it('get lang="fa" dir="rtl" on <html> and nothing else changed', () => {
    fc.assert(
      fc.property(htmlDocument, (source) => {
        const out = dec.decode(htmlFormat.merge(extract(source), { targetLang: 'fa' }));
        const tag = /<html[^>]*>/iu;
        expect(out.replace(tag, '')).toBe(source.replace(tag, ''));
        if (!tag.test(source)) return;
        const root = parse(out.replace(/^\uFEFF/u, '')).childNodes.find((n) => n.nodeName === 'html') as {
          attrs: { name: string; value: string }[];
        };
        const attrs = Object.fromEntries(root.attrs.map((a) => [a.name, a.value]));
        expect(attrs.lang).toBe('fa');
        expect(attrs.dir).toBe('rtl');
        if ('xml:lang' in attrs) expect(attrs['xml:lang']).toBe('fa');
      }),
      { numRuns: RUNS },
    );
  });

  it('of tag soup are refused as broken, or round-trip and take translations', () => {
    const piece = fc.constantFrom(
      '<p>', '</p>', '<b>', '</b>', '<i>', '</i>', '<a href=x title="t t">', '</a>', '<table>', '<tr>', '<td>', '</td>',
      '</table>', '<div>', '</div>', 'word', 'ایران', ' ', '\n', '\r\n', '&amp;', '&amp', '&', '<', '>', '"', "'", '&#32;',
      '&nbsp;', '&Tab;', '&#x20;', '\u00a0', '<br>', '</br>', "<img alt='q q'>", '<li>', '<ul>', '</ul>', '<!-- c -->',
      '<html lang=en>', '<head>', '</head>', '<body>', '</body>', '</html>', '<title>t</title>', '<code>', '</code>',
      '<span translate=no>', '</span>', '<select><option label="o o">', '<h1>', '</h1>', '<pre>', '</pre>', '<svg>',
      '</svg>', '<template>', '</template>', '<label>', '<button>', '<plaintext>', '<textarea>', '</textarea>',
      '<script>', '</script>', '<xmp>', '<math><mi>', '<![CDATA[x]]>', '<p title="&#32;x&#32;">', '<frameset>', '<q>',
      '<caption>', '<dl><dt>', '<dd>', '<nobr>', '<!doctype html>', '<input value=q type=submit>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((xs) => xs.join('')), (source) => {
        let doc: Document;
        try {
          doc = extract(source);
        } catch (error) {
          expect(error).toBeInstanceOf(TarjomanError);
          // refused as broken markup, or because the parser moved markup away from where it is written
          expect((error as TarjomanError).key).toMatch(/^html:(broken\.|misplaced$)/u);
          return;
        }
        expect(dec.decode(htmlFormat.merge(doc))).toBe(source);
        checkTranslation(doc, toUpper);
      }),
      { numRuns: 5 * RUNS },
    );
  });
});
