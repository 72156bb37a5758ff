import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownFormat } from '../../../src/formats/markdown/index.js';
import { setLocale } from '../../../src/i18n/index.js';
import { plainText, unitSource, unitTarget } from '../../../src/model/content.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import { Document as DocumentSchema, type Document, type Inline, type InlineCode } from '../../../src/model/schema.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'markdown');
const examples = join(import.meta.dirname, '..', '..', '..', 'examples', 'markdown');
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { ignoreBOM: true });

function extract(source: string | Uint8Array, path = 'doc.md'): Document {
  const bytes = typeof source === 'string' ? enc.encode(source) : source;
  return markdownFormat.extract(bytes, { path, sourceLang: 'en', targetLang: 'fa' });
}

const texts = (doc: Document) => doc.units.map((u) => plainText(unitSource(u)));
const codesOf = (content: readonly Inline[]) => content.filter((i): i is InlineCode => i.type === 'code');

/** Every text run of every segment through `fn`, codes kept where they are. */
function translated(doc: Document, fn: (s: string, unitId: string) => string): Document {
  return {
    ...doc,
    units: doc.units.map((u) => ({
      ...u,
      parts: u.parts.map((p) =>
        p.kind === 'segment' ? { ...p, target: p.source.map((i) => (i.type === 'text' ? { ...i, text: fn(i.text, u.id) } : i)) } : p,
      ),
    })),
  };
}

/** Gives one unit a target content of its own. */
function withTarget(doc: Document, unitId: string, target: Inline[]): Document {
  return {
    ...doc,
    units: doc.units.map((u) =>
      u.id !== unitId ? u : { ...u, parts: u.parts.map((p) => (p.kind === 'segment' ? { ...p, target } : p)) },
    ),
  };
}

const merged = (doc: Document, targetLang?: string) => dec.decode(markdownFormat.merge(doc, targetLang ? { targetLang } : {}));
const mergeText = (source: string, fn: (s: string, unitId: string) => string) => merged(translated(extract(source), fn));

const FA = ['سپاه', 'ایران', 'زندانی', 'آزادی', 'خبر', 'مردم', 'دادگاه'];
const toPersian = (s: string) => s.replace(/[A-Za-z]+/gu, (w) => FA[w.length % FA.length]!);
const toUpper = (s: string) => s.toUpperCase();

const files = [
  ...readdirSync(fixtures).map((f) => join(fixtures, f)),
  ...readdirSync(examples).map((f) => join(examples, f)),
];

describe('markdown format: laws on fixtures', () => {
  it('has the fixtures and examples it is meant to test', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
    // a checkout that rewrote line endings would leave these tests without their subject
    expect(readFileSync(join(fixtures, 'crlf-breaks.md'), 'utf8')).toContain('\r\n');
    expect(readFileSync(join(fixtures, 'cr-only.md'), 'utf8')).not.toContain('\n');
    expect(readFileSync(join(fixtures, 'bom-front-matter.md'), 'utf8').startsWith('\uFEFF')).toBe(true);
  });

  it.each(files)('merging sources as targets gives back %s exactly', (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const doc = extract(bytes, file);
    expect(DocumentSchema.parse(doc)).toEqual(doc);
    expect(Buffer.from(markdownFormat.merge(doc)).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(files)('a translation of %s reads back as written, with the same codes', (file) => {
    const doc = extract(new Uint8Array(readFileSync(file)), file);
    for (const fn of [toUpper, toPersian]) {
      const target = translated(doc, fn);
      const again = extract(markdownFormat.merge(target), file);
      const view = (d: Document, side: typeof unitSource) =>
        d.units.map((u) => ({ kind: u.kind, text: plainText(side(u)), codes: codesOf(side(u)) }));
      expect(view(again, unitSource)).toEqual(view(target, (u) => unitTarget(u)));
    }
  });
});

describe('markdown format: units', () => {
  const source = [
    '# Iran *today* ##', // 1
    '', // 2
    'A paragraph about the IRGC', // 3
    'on two lines.', // 4
    '', // 5
    '- An item', // 6
    '  > quoted in an item', // 7
    '', // 8
    '> A quote.', // 9
    '', // 10
    'Setext title', // 11
    '---', // 12
    '', // 13
    '| Year | Dead |', // 14
    '| ---- | ---: |', // 15
    '| 1988 | 30,000 |', // 16
    '', // 17
    '  ![Alt of a lone image](a.png)', // 18
    '',
  ].join('\n');

  it('makes headings, paragraphs, list items, quotes, cells and lone images units, in order', () => {
    const doc = extract(source);
    expect(doc.units.map((u) => [u.id, u.kind, plainText(unitSource(u))])).toEqual([
      ['u1', 'heading', 'Iran today'],
      ['u2', 'paragraph', 'A paragraph about the IRGC\non two lines.'],
      ['u3', 'list-item', 'An item'],
      ['u4', 'blockquote', 'quoted in an item'],
      ['u5', 'blockquote', 'A quote.'],
      ['u6', 'heading', 'Setext title'],
      ['u7', 'table-cell', 'Year'],
      ['u8', 'table-cell', 'Dead'],
      ['u9', 'table-cell', '1988'],
      ['u10', 'table-cell', '30,000'],
      ['u11', 'alt-text', 'Alt of a lone image'],
    ]);
    expect(doc.units.map((u) => u.context)).toEqual([
      { element: 'heading', level: 1, line: 1, column: 3 },
      { element: 'paragraph', line: 3, column: 1 },
      { element: 'paragraph', line: 6, column: 3 },
      { element: 'paragraph', line: 7, column: 5 },
      { element: 'paragraph', line: 9, column: 3 },
      { element: 'heading', level: 2, line: 11, column: 1 },
      { element: 'tableCell', line: 14, column: 3 },
      { element: 'tableCell', line: 14, column: 10 },
      { element: 'tableCell', line: 16, column: 3 },
      { element: 'tableCell', line: 16, column: 10 },
      { element: 'image', line: 18, column: 5 },
    ]);
    for (const u of doc.units) expect(u.parts).toHaveLength(1);
  });

  it('gives the same ids and content to the same bytes', () => {
    const bytes = new Uint8Array(readFileSync(join(examples, 'the-long-shadow-of-1988.md')));
    expect(extract(bytes)).toEqual(extract(bytes));
    expect(extract(bytes).units.map((u) => u.id).slice(0, 3)).toEqual(['u1', 'u2', 'u3']);
  });

  it('has no units in an empty or blank file', () => {
    expect(extract('').units).toEqual([]);
    expect(merged(extract(''))).toBe('');
    expect(extract('\n \n\t\n').units).toEqual([]);
    expect(extract('\uFEFF').units).toEqual([]);
    expect(merged(extract('\uFEFF'))).toBe('\uFEFF');
  });

  it('keeps code, front matter, HTML blocks, comments, definitions and rules out of the units', () => {
    const doc = extract(
      [
        '---',
        'title: Kept',
        '---',
        '',
        '```',
        'fenced code',
        '```',
        '',
        '    indented code',
        '',
        '<div>',
        'block html',
        '</div>',
        '',
        '<!-- a comment -->',
        '',
        '[ref]: https://example.org "Definition title"',
        '',
        '***',
        '',
        'Only this.',
        '',
        '`code only`',
      ].join('\n'),
    );
    expect(texts(doc)).toEqual(['Only this.']);
    const skeleton = doc.skeleton.pieces.filter((p) => typeof p === 'string').join('');
    for (const kept of ['title: Kept', 'fenced code', 'indented code', 'block html', 'a comment', 'Definition title', '***', '`code only`'])
      expect(skeleton).toContain(kept);
  });

  it('finds paragraphs of footnotes, and lone images with a full reference, but not lone shortcut images', () => {
    const doc = extract('Text.[^n]\n\n[^n]: The note,\n    wrapped.\n\n![Alt][img]\n\n![img]\n\n[img]: a.png\n');
    expect(doc.units.map((u) => [u.kind, plainText(unitSource(u))])).toEqual([
      ['paragraph', 'Text.'],
      ['paragraph', 'The note,\nwrapped.'],
      ['alt-text', 'Alt'],
      ['paragraph', 'img'],
    ]);
    expect(doc.units[1]!.context).toMatchObject({ line: 3, column: 7 });
  });

  it('decodes entities and escapes in the model', () => {
    expect(texts(extract('AT&amp;T &copy; &#1575; \\*not\\* 5 &gt; 3\n'))).toEqual(['AT&T © ا *not* 5 > 3']);
  });

  it('refuses invalid UTF-8 with the file, line and column', () => {
    const bytes = new Uint8Array([...enc.encode('# Title\n\nbad '), 0xc3, 0x28]);
    try {
      extract(bytes, 'broken.md');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TarjomanError);
      expect((error as TarjomanError).key).toBe('errors:invalidUtf8');
      expect((error as TarjomanError).location).toEqual({ file: 'broken.md', line: 3, column: 5 });
    }
  });
});

describe('markdown format: inline codes', () => {
  const content = (source: string, unit = 0) => unitSource(extract(source).units[unit]!);

  it('pairs emphasis, strong and strikethrough with their exact markers', () => {
    expect(content('*a* **b** _c_ __d__ ~~e~~ ~f~ ***g***\n')).toEqual([
      { type: 'code', kind: 'open', id: '1', tag: 'emphasis', data: '*' },
      { type: 'text', text: 'a' },
      { type: 'code', kind: 'close', id: '1', tag: 'emphasis', data: '*' },
      { type: 'text', text: ' ' },
      { type: 'code', kind: 'open', id: '2', tag: 'strong', data: '**' },
      { type: 'text', text: 'b' },
      { type: 'code', kind: 'close', id: '2', tag: 'strong', data: '**' },
      { type: 'text', text: ' ' },
      { type: 'code', kind: 'open', id: '3', tag: 'emphasis', data: '_' },
      { type: 'text', text: 'c' },
      { type: 'code', kind: 'close', id: '3', tag: 'emphasis', data: '_' },
      { type: 'text', text: ' ' },
      { type: 'code', kind: 'open', id: '4', tag: 'strong', data: '__' },
      { type: 'text', text: 'd' },
      { type: 'code', kind: 'close', id: '4', tag: 'strong', data: '__' },
      { type: 'text', text: ' ' },
      { type: 'code', kind: 'open', id: '5', tag: 'delete', data: '~~' },
      { type: 'text', text: 'e' },
      { type: 'code', kind: 'close', id: '5', tag: 'delete', data: '~~' },
      { type: 'text', text: ' ' },
      { type: 'code', kind: 'open', id: '6', tag: 'delete', data: '~' },
      { type: 'text', text: 'f' },
      { type: 'code', kind: 'close', id: '6', tag: 'delete', data: '~' },
      { type: 'text', text: ' ' },
      { type: 'code', kind: 'open', id: '7', tag: 'emphasis', data: '*' },
      { type: 'code', kind: 'open', id: '8', tag: 'strong', data: '**' },
      { type: 'text', text: 'g' },
      { type: 'code', kind: 'close', id: '8', tag: 'strong', data: '**' },
      { type: 'code', kind: 'close', id: '7', tag: 'emphasis', data: '*' },
    ]);
  });

  it('keeps link text translatable between `[` and `](url "title")`; autolinks and bare URLs are standalone', () => {
    expect(content('See [the *report*](https://example.org/r "Report") at <https://example.org> or www.example.org.\n')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'code', kind: 'open', id: '1', tag: 'link', data: '[' },
      { type: 'text', text: 'the ' },
      { type: 'code', kind: 'open', id: '2', tag: 'emphasis', data: '*' },
      { type: 'text', text: 'report' },
      { type: 'code', kind: 'close', id: '2', tag: 'emphasis', data: '*' },
      { type: 'code', kind: 'close', id: '1', tag: 'link', data: '](https://example.org/r "Report")', equiv: 'https://example.org/r' },
      { type: 'text', text: ' at ' },
      { type: 'code', kind: 'standalone', id: '3', tag: 'autolink', data: '<https://example.org>', equiv: 'https://example.org', canDelete: false },
      { type: 'text', text: ' or ' },
      { type: 'code', kind: 'standalone', id: '4', tag: 'autolink', data: 'www.example.org', equiv: 'http://www.example.org', canDelete: false },
      { type: 'text', text: '.' },
    ]);
  });

  it('spells out the label of shortcut and collapsed references in their close code', () => {
    const codes = codesOf(content('[MEK] and [PMOI][] and [the group][MEK].\n\n[mek]: /a\n[pmoi]: /b\n')).map((c) => [c.kind, c.data]);
    expect(codes).toEqual([
      ['open', '['],
      ['close', '][MEK]'],
      ['open', '['],
      ['close', '][PMOI]'],
      ['open', '['],
      ['close', '][MEK]'],
    ]);
  });

  it('keeps alt text translatable inside an image in running text; an image without alt is standalone', () => {
    expect(content('A ![map of *Tehran*](map.png "Map") and ![](x.png).\n')).toEqual([
      { type: 'text', text: 'A ' },
      { type: 'code', kind: 'open', id: '1', tag: 'image', data: '![', canDelete: false },
      { type: 'text', text: 'map of Tehran' },
      { type: 'code', kind: 'close', id: '1', tag: 'image', data: '](map.png "Map")', equiv: 'map.png', canDelete: false },
      { type: 'text', text: ' and ' },
      { type: 'code', kind: 'standalone', id: '2', tag: 'image', data: '![](x.png)', equiv: 'x.png', canDelete: false },
      { type: 'text', text: '.' },
    ]);
  });

  it('makes inline code, hard breaks, footnote calls and HTML codes', () => {
    const items = content('Run `grep IRGC`  \nnow\\\n<b>bold</b> <i>open <br> <!-- c --> x[^1]\n\n[^1]: Note.\n');
    expect(codesOf(items).map((c) => [c.kind, c.id, c.tag, c.data, c.canDelete])).toEqual([
      ['standalone', '1', 'inlineCode', '`grep IRGC`', false],
      ['standalone', '2', 'break', '  \n', undefined],
      ['standalone', '3', 'break', '\\\n', undefined],
      ['open', '4', 'b', '<b>', undefined],
      ['close', '4', 'b', '</b>', undefined],
      ['standalone', '5', 'i', '<i>', undefined],
      ['standalone', '6', 'br', '<br>', undefined],
      ['standalone', '7', 'comment', '<!-- c -->', undefined],
      ['standalone', '8', 'footnoteReference', '[^1]', false],
    ]);
    expect(plainText(items)).toBe('Run nowbold open   x');
  });

  it('leaves a bare URL the tokenizer did not link as text, so every node has a place in the source', () => {
    const doc = extract('<span>Iran</span>www.example.com and www.example.org.\n');
    expect(codesOf(unitSource(doc.units[0]!)).map((c) => c.data)).toEqual(['<span>', '</span>', 'www.example.org']);
    expect(texts(doc)).toEqual(['Iranwww.example.com and .']);
  });

  it('keeps continuation prefixes out of the text of quotes and list items', () => {
    const doc = extract('> one\n> two\nlazy\n\n- a\n  b\n   c\n');
    expect(texts(doc)).toEqual(['one\ntwo\nlazy', 'a\nb\nc']);
    expect(doc.skeleton.meta).toMatchObject({ prefixes: { u1: '> ', u2: '  ' } });
  });
});

describe('markdown format: writing translations', () => {
  it('replaces a unit and leaves the layout around it alone', () => {
    const out = mergeText('# Title\n\nFirst *line*.\n', (s) => (s === 'Title' ? 'عنوان' : s === 'First ' ? 'خط ' : s === 'line' ? 'نخست' : s));
    expect(out).toBe('# عنوان\n\nخط *نخست*.\n');
  });

  it('escapes what would change the Markdown at that place', () => {
    const doc = extract('Para one.\n\nPara two.\n\n# Head\n\n| a | b |\n| - | - |\n| c | d |\n');
    const fa = translated(doc, (_s, id) =>
      ({
        u1: '# not a heading *or* `code` [link] <b> a_b\\c ~x~ &copy; AT&T',
        u2: '1988. was the year\n- not a list\n> not a quote\n+ no\n= no\n2) no',
        u3: 'C# #',
        u4: 'x | y',
        u5: '-5%',
      })[id] ?? _s,
    );
    expect(merged(fa)).toBe(
      '\\# not a heading \\*or\\* \\`code\\` \\[link\\] \\<b> a\\_b\\\\c \\~x\\~ \\&copy; AT&T\n\n' +
        '1988\\. was the year\n\\- not a list\n\\> not a quote\n\\+ no\n\\= no\n2\\) no\n\n' +
        '# C# \\#\n\n' +
        '| x \\| y | -5% |\n| - | - |\n| c | d |\n',
    );
    const again = extract(merged(fa));
    expect(texts(again)).toEqual(unitTexts(fa));
  });

  it('escapes a block marker only in a cell that begins its line', () => {
    const out = mergeText('a | b\n--- | ---\nc | d\n', (s) => (s === 'a' || s === 'b' ? '- 5%' : s));
    expect(out).toBe('\\- 5% | - 5%\n--- | ---\nc | d\n');
    expect(texts(extract(out)).slice(0, 2)).toEqual(['- 5%', '- 5%']);
  });

  it('writes a line break in a quote or list with the continuation prefix, and as a space in a heading or cell', () => {
    const doc = extract('> Quote.\n\n- Item.\n\n## Head\n\n| Cell |\n| --- |\n');
    const out = merged(translated(doc, (s) => s.replace('.', '\nmore')));
    expect(out).toBe('> Quote\n> more\n\n- Item\n  more\n\n## Head\n\n| Cell |\n| --- |\n');
    const broken = merged(translated(doc, (s) => `${s}\nline two`));
    expect(broken).toBe('> Quote.\n> line two\n\n- Item.\n  line two\n\n## Head line two\n\n| Cell line two |\n| --- |\n');
  });

  it('indents HTML that begins a later line of a paragraph, so it does not start an HTML block', () => {
    const source = 'Text _here_\n    <!-- note --> and\\\n<b>more</b>.\n';
    const doc = extract(source);
    expect(doc.units).toHaveLength(1);
    const out = merged(translated(doc, toUpper));
    expect(out).toBe('TEXT _HERE_\n    <!-- note --> AND\\\n    <b>MORE</b>.\n');
    expect(texts(extract(out))).toEqual(['TEXT HERE\n ANDMORE.']);
  });

  it('uses the file line ending, keeps the BOM, and restores prefixes after a hard break', () => {
    const doc = extract('\uFEFF> One  \r\n> two\r\n');
    expect(merged(translated(doc, (s) => (s === 'two' ? 'TWO\nthree' : s.toUpperCase())))).toBe('\uFEFF> ONE  \r\n> TWO\r\n> three\r\n');
  });

  it('drops spaces and blank lines that would change the block, and moves spaces out of emphasis', () => {
    const doc = extract('Some *words* here.\n\n> Quote.\n');
    const out = merged(
      withTarget(withTarget(doc, 'u2', [{ type: 'text', text: '\n\n    indented\n\n\nthen  \nend  ' }]), 'u1', [
        { type: 'text', text: '    Lead' },
        { type: 'code', kind: 'open', id: '1', tag: 'emphasis', data: '*' },
        { type: 'text', text: ' inside ' },
        { type: 'code', kind: 'close', id: '1', tag: 'emphasis', data: '*' },
        { type: 'text', text: 'x ' },
      ]),
    );
    expect(out).toBe('Lead *inside* x\n\n> indented\n> then\n> end\n');
  });

  it('drops an emphasis pair left empty, and keeps a `!` from turning a link into an image', () => {
    const doc = extract('A *b* [c](u)\n');
    const out = merged(
      withTarget(doc, 'u1', [
        { type: 'text', text: 'Wow!' },
        { type: 'code', kind: 'open', id: '2', tag: 'link', data: '[' },
        { type: 'text', text: 'c' },
        { type: 'code', kind: 'close', id: '2', tag: 'link', data: '](u)' },
        { type: 'code', kind: 'open', id: '1', tag: 'emphasis', data: '*' },
        { type: 'code', kind: 'close', id: '1', tag: 'emphasis', data: '*' },
      ]),
    );
    expect(out).toBe('Wow\\![c](u)\n');
  });

  it('keeps emphasis working when a translation puts punctuation inside it and a letter outside', () => {
    const doc = extract('The **IRGC** said.\n\nA _word_ here.\n');
    const out = merged(
      withTarget(withTarget(doc, 'u1', [
        { type: 'code', kind: 'open', id: '1', tag: 'strong', data: '**' },
        { type: 'text', text: '«سپاه»' },
        { type: 'code', kind: 'close', id: '1', tag: 'strong', data: '**' },
        { type: 'text', text: 'ی گفت.' },
      ]), 'u2', [
        { type: 'text', text: 'یک' },
        { type: 'code', kind: 'open', id: '1', tag: 'emphasis', data: '_' },
        { type: 'text', text: 'واژه' },
        { type: 'code', kind: 'close', id: '1', tag: 'emphasis', data: '_' },
      ]),
    );
    expect(out).toBe('**«سپاه»**&#1740; گفت.\n\nی&#1705;_واژه_\n');
    const again = extract(out);
    expect(texts(again)).toEqual(['«سپاه»ی گفت.', 'یکواژه']);
    expect(codesOf(unitSource(again.units[0]!)).map((c) => c.tag)).toEqual(['strong', 'strong']);
    expect(codesOf(unitSource(again.units[1]!)).map((c) => c.tag)).toEqual(['emphasis', 'emphasis']);
  });

  it('turns a translated shortcut reference into a full one, so it keeps its definition', () => {
    const out = mergeText('Read [Amnesty].\n\n[amnesty]: https://example.org\n', (s) => (s === 'Amnesty' ? 'عفو بین‌الملل' : s));
    expect(out).toBe('Read [عفو بین‌الملل][Amnesty].\n\n[amnesty]: https://example.org\n');
  });

  it('writes a lone image alt text between its brackets', () => {
    expect(mergeText('![Old [alt]](a.png)\n', () => 'متن [جایگزین]')).toBe('![متن \\[جایگزین\\]](a.png)\n');
  });

  it('leaves a unit marked not to translate as it was', () => {
    const doc = translated(extract('Keep *me*.\n'), () => 'X');
    expect(merged({ ...doc, units: doc.units.map((u) => ({ ...u, translate: false })) })).toBe('Keep *me*.\n');
  });

  it('refuses a translation that breaks a pair of codes, naming the unit and its place', () => {
    const doc = extract('# T\n\nA [link](u) here.\n');
    const bad = withTarget(doc, 'u2', [
      { type: 'code', kind: 'close', id: '1', tag: 'link', data: '](u)' },
      { type: 'text', text: 'x' },
      { type: 'code', kind: 'open', id: '1', tag: 'link', data: '[' },
    ]);
    try {
      markdownFormat.merge(bad);
      expect.unreachable();
    } catch (error) {
      const e = error as TarjomanError;
      expect(e.key).toBe('markdown:brokenPair');
      expect(e.location).toEqual({ file: 'doc.md', line: 3, column: 1, unitId: 'u2' });
      expect(e.render()).toBe('doc.md:3:1 [u2]: the translation of unit u2 has a link code (id 1) whose partner is missing, comes first or crosses another pair, so it cannot be written as Markdown');
      setLocale('fa');
      expect(e.render()).toContain('ترجمه‌ی واحد u2');
      setLocale('en');
    }
    const half = withTarget(doc, 'u2', [{ type: 'code', kind: 'open', id: '1', tag: 'link', data: '[' }, { type: 'text', text: 'x' }]);
    expect(() => markdownFormat.merge(half)).toThrow(TarjomanError);
  });

  it('refuses a skeleton whose layout record is damaged', () => {
    const doc = translated(extract('Text.\n'), () => 'X');
    const damaged = { ...doc, skeleton: { ...doc.skeleton, meta: { bom: false } } };
    expect(() => markdownFormat.merge(damaged)).toThrow(expect.objectContaining({ key: 'markdown:badSkeleton' }));
  });
});

describe('markdown format: front matter language', () => {
  it.each([
    ['---\nlang: en\n---\nText.\n', '---\nlang: fa\n---\nText.\n'],
    ['---\ntitle: "A: b"\nlanguage: "en-GB" # source\n---\n', '---\ntitle: "A: b"\nlanguage: "fa" # source\n---\n'],
    ["\uFEFF---\r\nlang: 'en'\r\n---\r\n", "\uFEFF---\r\nlang: 'fa'\r\n---\r\n"],
    ['+++\ntitle = "T"\nlang = "en"\n[extra]\nlang = "x"\n+++\n', '+++\ntitle = "T"\nlang = "fa"\n[extra]\nlang = "x"\n+++\n'],
  ])('sets the language of %j when a target language is given', (source, want) => {
    const doc = extract(source);
    expect(merged(doc, 'fa')).toBe(want);
    expect(merged(doc)).toBe(source);
  });

  it('leaves front matter without a language key, or with a non-text one, alone', () => {
    for (const source of ['---\ntitle: x\n---\n', '---\nlang: [en, fr]\n---\n', '---\nnested:\n  lang: en\n---\n', 'lang: en\n'])
      expect(merged(extract(source), 'fa')).toBe(source);
  });
});

function unitTexts(doc: Document): string[] {
  return doc.units.map((u) => plainText(unitTarget(u)));
}
