import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownFormat } from '../../../src/formats/markdown/index.js';
import { plainText, unitSource, unitTarget } from '../../../src/model/content.js';
import type { Document, Inline } from '../../../src/model/schema.js';
import { translated } from '../../helpers/translate.js';

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { ignoreBOM: true });

const extract = (source: string) => markdownFormat.extract(enc.encode(source), { path: 'generated.md', sourceLang: 'en' });

// ---- a generator of news-like Markdown, built from pieces ----

const english = fc.constantFrom(
  'Iran', 'IRGC', 'Tehran', 'regime', 'protesters', 'said', 'the', 'of', 'and', 'in', 'PMOI/MEK', 'U.S.', 'Dr.',
  '1988', '30,000', '2022', 'July', 'prisoners', 'Evin', "Khamenei's", '(UN)', '"free"', '—', '…', '12%', 'e.g.', 'x_y',
);
const persian = fc.constantFrom('ایران', 'سپاه', 'خامنه‌ای', 'می‌گوید', '۱۳۶۷', '۳۰٬۰۰۰', '«آزادی»', 'مجاهدین', 'زندان،', 'چرا؟');
/** Text that would open a block if a line began with it unescaped. */
const hazard = fc.constantFrom('2. years', '-5%', '#Iran', '+98', '1988\\.', '\\- dash', '\\+', '\\#', '\\>', '\\=', ':\\-', '\\|');
const word = fc.oneof({ weight: 6, arbitrary: english }, { weight: 2, arbitrary: persian }, { weight: 1, arbitrary: hazard });
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));

/** Inline pieces; `inTable` leaves out what a table row cannot hold. */
function piece(inTable: boolean): fc.Arbitrary<string> {
  const pieces: fc.Arbitrary<string>[] = [
    words,
    words,
    words.map((w) => `*${w}*`),
    words.map((w) => `**${w}**`),
    words.map((w) => `_${w}_`),
    words.map((w) => `~~${w}~~`),
    words.map((w) => `***${w}***`),
    fc.constantFrom('`Ctrl+C`', '`x < y`', '``a ` b``'),
    words.map((w) => `[${w}](https://example.org/news/1 "Source")`),
    words.map((w) => `[*${w}* here](/path/to)`),
    words.map((w) => `[${w}][ref]`),
    fc.constantFrom('[Ref]', '[ref][]', '<https://iran.example/a?b=1>', 'www.example.com', 'press@example.org'),
    words.map((w) => `![${w}](photo.jpg "Photo")`),
    fc.constantFrom('![](empty.png)', '[^1]', '<br>', '<!-- note -->', '&amp;', '&copy;', '&#1575;', '\\*', '\\_', '\\[x\\]', '5 > 3', 'a & b'),
    words.map((w) => `<b>${w}</b>`),
    words.map((w) => `<span class="n">${w}</span>`),
    words.map((w) => `<i>${w}`),
    words.map((w) => `Wow\\![${w}](https://example.org/w)`),
    // delimiter runs whose neighbours are entities or quotes
    words.map((w) => `**(${w})**&#1575;`),
    words.map((w) => `&#1575;_${w}_`),
    words.map((w) => `«**${w}**»`),
  ];
  if (!inTable) pieces.push(fc.constantFrom('`a|b`', 'x | y'));
  else pieces.push(fc.constantFrom('a \\| b', '`p\\|q`'));
  return fc.oneof(...pieces);
}

const inline = (inTable = false) =>
  fc
    .tuple(fc.array(piece(inTable), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '.', ',', '!', '?', ':'))
    .map(([ps, end]) => ps.join(' ') + end);

/** Lines of a paragraph: soft breaks, hard breaks of both kinds. */
const paragraph = fc
  .array(fc.tuple(inline(), fc.constantFrom('', '', ' ', '  ', '\\')), { minLength: 1, maxLength: 3 })
  .map((lines) => lines.map(([l, brk], i) => (i < lines.length - 1 ? l + brk : l)));

const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline(), fc.constantFrom('', ' #', ' ##')).map(([n, l, c]) => ['#'.repeat(n) + ' ' + l + c]),
  fc.tuple(fc.array(inline(), { minLength: 1, maxLength: 2 }), fc.constantFrom('===', '---', '=')).map(([ls, u]) => [...ls, u]),
);

const table = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.option(inline(true), { nil: '' }), { minLength: n, maxLength: n }),
      fc.array(fc.constantFrom('---', ':--', ':-:', '--:'), { minLength: n, maxLength: n }),
      fc.array(fc.array(fc.option(inline(true), { nil: '' }), { minLength: n, maxLength: n }), { maxLength: 3 }),
      fc.boolean(),
    ),
  )
  .map(([head, delim, rows, outer]) => {
    const row = (cells: string[]) => (outer ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    return [row(head), row(delim), ...rows.map(row)];
  });

const code = fc.oneof(
  fc.tuple(fc.constantFrom('```', '~~~', '```js'), fc.array(inline(), { maxLength: 3 })).map(([f, ls]) => [f, ...ls, f.slice(0, 3)]),
  fc.array(inline(), { minLength: 1, maxLength: 2 }).map((ls) => ls.map((l) => '    ' + l)),
);

const html = fc.oneof(
  inline().map((l) => ['<div class="note">', l, '</div>']),
  fc.constant<string[]>(['<!-- editor: check the figures -->']),
);

const leaf = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 2, arbitrary: heading },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: code },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: words.chain((w) => fc.constantFrom<string[]>([`![${w}](photo.jpg)`], [`![${w}][ref]`], [`![*${w}*](a.png "A")`])) },
  { weight: 1, arbitrary: fc.constantFrom<string[]>(['***'], ['* * *'], ['[other]: https://example.org/o']) },
);

/** Prefixes a block's lines: the first with `first`, the rest with `rest` (or nothing, lazily, for paragraphs). */
function nest(lines: string[], first: string, rest: string, lazy: boolean): string[] {
  return lines.map((l, i) => (i === 0 ? first : lazy ? '' : rest) + l);
}

const block: fc.Memo<string[]> = fc.memo((depth) => {
  if (depth <= 1) return leaf;
  const item = fc.tuple(
    fc.constantFrom('-', '*', '+', '1.', '2)', '10.'),
    fc.constantFrom('', '[ ] ', '[x] '),
    paragraph,
    fc.option(block(depth - 1), { nil: undefined }),
    fc.boolean(),
  );
  const list = fc.array(item, { minLength: 1, maxLength: 3 }).map((items) =>
    items.flatMap(([marker, task, para, sub, lazy]) => {
      const pad = ' '.repeat(marker.length + 1);
      const out = nest([task + para[0], ...para.slice(1)], marker + ' ', pad, lazy);
      return sub ? [...out, '', ...sub.map((l) => (l === '' ? '' : pad + l))] : out;
    }),
  );
  const quote = fc
    .tuple(fc.array(block(depth - 1), { minLength: 1, maxLength: 2 }), fc.boolean(), fc.constantFrom('> ', '>'))
    .map(([blocks, lazy, mark]) =>
      blocks.flatMap((b, i) => [
        ...(i > 0 ? ['>'] : []),
        ...b.map((l, k) => (k > 0 && lazy && b.length > 1 && /^[A-Za-z\u0600-\u06FF]/u.test(l) ? l : mark + l)),
      ]),
    );
  return fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: list }, { weight: 1, arbitrary: quote });
});

const frontMatter = fc.constantFrom(
  '',
  '---\ntitle: "Night of Fires"\nlang: en\ndate: 2024-07-19\n---\n\n',
  "---\nlanguage: 'en'\n---\n",
  '+++\ntitle = "Evin"\nlang = "en"\n+++\n\n',
);

const markdownDocument = fc
  .tuple(
    fc.boolean(),
    frontMatter,
    fc.array(fc.tuple(block(3), fc.constantFrom('\n', '\n\n', '\n  \n')), { maxLength: 6 }),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('', '\n'),
  )
  .map(([bom, fm, blocks, eol, end]) => {
    const body =
      fm +
      blocks.map(([lines, gap]) => lines.join('\n') + gap).join('\n') +
      '\n[ref]: https://example.org/ref "Ref"\n\n[^1]: A footnote about the *1988* massacre,\n    reported by <abbr>HRW</abbr>.' +
      end;
    return (bom ? '\uFEFF' : '') + body.replace(/\n/gu, eol);
  });

// ---- the translation round trip ----

const FA = ['سپاه', 'ایران', 'زندانی', 'آزادی', 'خبر', 'مردم', 'دادگاه'];
const toPersian = (s: string) => s.replace(/[A-Za-z]+/gu, (w) => FA[w.length % FA.length]!);
const toUpper = (s: string) => s.toUpperCase();


const codes = (content: readonly Inline[]) =>
  content.filter((i) => i.type === 'code').map((c) => (c.type === 'code' ? [c.kind, c.id, c.tag, c.data].join(' ') : ''));

function checkTranslation(doc: Document, fn: (s: string) => string): void {
  const target = translated(doc, fn);
  const merged = dec.decode(markdownFormat.merge(target));
  const again = extract(merged);
  const want = target.units.map((u) => ({ kind: u.kind, text: plainText(unitTarget(u)), codes: codes(unitTarget(u)) }));
  const got = again.units.map((u) => ({ kind: u.kind, text: plainText(unitSource(u)), codes: codes(unitSource(u)) }));
  expect(got, merged).toEqual(want);
}

describe('markdown format: laws on generated documents', () => {
  // Both laws share each generated document: parsing dominates the cost.
  it('round trip and translation round trip hold (2000 documents)', { timeout: 900_000 }, () => {
    fc.assert(
      fc.property(markdownDocument, fc.boolean(), (source, upper) => {
        const doc = extract(source);
        expect(dec.decode(markdownFormat.merge(doc))).toBe(source);
        expect(doc.units.map((u) => u.id)).toEqual(doc.units.map((_, i) => `u${i + 1}`));
        for (const u of doc.units) expect(plainText(unitSource(u)).trim()).not.toBe('');
        checkTranslation(doc, upper ? toUpper : toPersian);
      }),
      { numRuns: 2000 },
    );
  });
});
