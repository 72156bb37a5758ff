import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { i18nextFormat } from '../../../src/formats/i18next/index.js';
import { unitSource, unitTarget } from '../../../src/model/content.js';
import { translated } from '../../helpers/translate.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('{{count}}', '{{ name }}', '{{value, number}}', '$t(common:site)', '<b>', '</b>', '<1>x</1>', '"', '\\', '\n', '\t', 'é', 'خبرگزاری‌ها', '😀', '{', '}'),
  fc.constantFrom('{count, plural, one {# article} other {# articles}}', '{g, select, male {he} other {they}}', '{n, number}'),
);
const stringValue = fc.array(piece, { maxLength: 4 }).map((ps) => ps.join(''));
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('comment_one', 'comment_other', 'friend_male', 'a.b', 'nav', ''));

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
const { value } = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    stringValue,
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.uniqueArray(fc.tuple(key, tie('value')), { maxLength: 5, selector: ([k]) => k }).map((entries) => Object.fromEntries(entries) as Json),
  ),
}));

interface Style {
  indent: string;
  eol: string;
  colon: string;
  asciiOnly: boolean;
}
const style = fc.record({
  indent: fc.constantFrom('', '  ', '    ', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  colon: fc.constantFrom(':', ': ', ' : '),
  asciiOnly: fc.boolean(),
});

function str(s: string, st: Style): string {
  const json = JSON.stringify(s);
  return st.asciiOnly ? json.replace(/[^\u0000-\u007f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

function write(v: Json, st: Style, depth: number): string {
  const pad = st.indent ? st.eol + st.indent.repeat(depth + 1) : '';
  const end = st.indent ? st.eol + st.indent.repeat(depth) : '';
  if (typeof v === 'string') return str(v, st);
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return v.length ? `[${v.map((x) => pad + write(x, st, depth + 1)).join(',')}${end}]` : '[]';
  const entries = Object.entries(v);
  return entries.length ? `{${entries.map(([k, x]) => `${pad}${str(k, st)}${st.colon}${write(x, st, depth + 1)}`).join(',')}${end}}` : '{}';
}

const file = fc.tuple(value, style, fc.boolean()).map(([v, st, trailing]) => write(v, st, 0) + (trailing ? st.eol : ''));

describe('i18next resource files, generated', () => {
  it('round-trip byte for byte', () => {
    fc.assert(
      fc.property(file, (source) => {
        const bytes = enc.encode(source);
        const doc = i18nextFormat.extract(bytes, { path: 'g.json', sourceLang: 'en' });
        expect(dec.decode(i18nextFormat.merge(doc))).toBe(source);
      }),
      { numRuns: 1200 },
    );
  });

  it('write translations as JSON that re-extracts to the same content', () => {
    fc.assert(
      fc.property(file, (source) => {
        const doc = i18nextFormat.extract(enc.encode(source), { path: 'g.json', sourceLang: 'en' });
        const upper = translated(doc, (s) => `«${s.toUpperCase()}»`);
        const merged = dec.decode(i18nextFormat.merge(upper));
        expect(() => JSON.parse(merged) as unknown).not.toThrow();
        const again = i18nextFormat.extract(enc.encode(merged), { path: 'g.json', sourceLang: 'en' });
        expect(again.units.map((u) => u.id)).toEqual(doc.units.map((u) => u.id));
        again.units.forEach((u, i) => expect(unitSource(u)).toEqual(unitTarget(upper.units[i]!)));
      }),
      { numRuns: 300 },
    );
  });
});
