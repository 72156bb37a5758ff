import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkResourceSegment, i18nextFormat, pluralFormsReport } from '../../../src/formats/i18next/index.js';
import { formatForPath } from '../../../src/formats/index.js';
import { plainText, text, unitSource, unitTarget } from '../../../src/model/content.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import { Document as DocumentSchema, type Document, type InlineCode } from '../../../src/model/schema.js';
import { writeXliff } from '../../../src/xliff/write.js';
import { xliffPackage, type XliffJsValue } from '../../helpers/interop.js';
import { translated } from '../../helpers/translate.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'i18next');
const examples = join(import.meta.dirname, '..', '..', '..', 'examples', 'i18next', 'en');
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { ignoreBOM: true });

const extract = (source: string | Uint8Array, path = 'en/common.json'): Document =>
  i18nextFormat.extract(typeof source === 'string' ? enc.encode(source) : source, { path, sourceLang: 'en', targetLang: 'fa' });
const unit = (doc: Document, id: string) => doc.units.find((u) => u.id === id)!;
const codes = (doc: Document, id: string) => unitSource(unit(doc, id)).filter((i): i is InlineCode => i.type === 'code');
const files = [
  ...readdirSync(fixtures).map((f) => join(fixtures, f)),
  ...readdirSync(examples).map((f) => join(examples, f)),
];

function caught(fn: () => unknown): TarjomanError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TarjomanError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('i18next resource files', () => {
  it('is the format for .json files', () => {
    expect(formatForPath('locales/en/common.json').name).toBe('i18next');
  });

  it.each(files)('round-trips %s byte for byte and gives a valid document', (file) => {
    const bytes = readFileSync(file);
    const doc = extract(bytes, file);
    expect(DocumentSchema.parse(doc)).toBeTruthy();
    expect(Buffer.from(i18nextFormat.merge(doc))).toEqual(bytes);
  });

  it('makes one unit per string leaf, keyed by its path', () => {
    const doc = extract(readFileSync(join(examples, 'common.json')));
    expect(doc.units.map((u) => u.id)).toContain('nav.home');
    expect(doc.units.map((u) => u.id)).toContain('footer.links.2');
    const home = unit(doc, 'nav.home');
    expect(home.kind).toBe('string');
    expect(home.context).toMatchObject({ element: 'json', key: 'nav.home', line: 4 });
    expect(plainText(unitSource(home))).toBe('Home');
  });

  it('makes keys NMTOKEN-safe and unique, keeping the raw key', () => {
    const doc = extract('{"a b": {"c:d": "x"}, "a_b": {"c_d": "y"}, "": "z"}');
    expect(doc.units.map((u) => u.id)).toEqual(['a_b.c_d', 'a_b.c_d-2', '_']);
    expect(unit(doc, 'a_b.c_d').context.key).toBe('a b.c:d');
  });

  it('decodes escapes into the unit and keeps non-string values in the skeleton', () => {
    const doc = extract(readFileSync(join(fixtures, 'escapes.json')));
    expect(plainText(unitSource(unit(doc, 'a')))).toBe('x"y\\zé\n');
    expect(plainText(unitSource(unit(doc, 'b.3')))).toBe('😀 ok');
    expect(doc.units.map((u) => u.id)).toEqual(['a', 'b.3', 'b.4.c', 'b.4.d']);
  });

  it('protects interpolation, formatting and nesting as undeletable codes', () => {
    const doc = extract(readFileSync(join(examples, 'common.json')));
    expect(codes(doc, 'nav.subscribe')).toMatchObject([{ kind: 'standalone', tag: 'nesting', data: '$t(common:site)', canDelete: false }]);
    expect(codes(doc, 'published')).toMatchObject([{ tag: 'interpolation', data: '{{date, datetime}}', canDelete: false }]);
    expect(codes(doc, 'liveBadge').map((c) => [c.kind, c.id, c.tag])).toEqual([['open', '1', 'b'], ['close', '1', 'b']]);
  });

  it('pairs react-i18next numbered tags', () => {
    const doc = extract(readFileSync(join(examples, 'article.json')), 'en/article.json');
    expect(codes(doc, 'paywall.body').map((c) => [c.kind, c.id, c.data])).toEqual([
      ['open', '1', '<1>'],
      ['close', '1', '</1>'],
      ['open', '2', '<3>'],
      ['close', '2', '</3>'],
    ]);
  });

  it('turns ICU syntax into codes and leaves option texts translatable', () => {
    const doc = extract(readFileSync(join(examples, 'article.json')), 'en/article.json');
    const related = unitSource(unit(doc, 'related'));
    expect(related.map((i) => (i.type === 'text' ? i.text : `[${i.data}]`)).join('')).toBe(
      '[{count, plural, one {][#] related article[} other {][#] related articles[}}]',
    );
    const icu = extract(readFileSync(join(fixtures, 'icu.json')));
    expect(plainText(unitSource(unit(icu, 'g')))).toBe('He wrote  postsShe wroteThey wrote');
    expect(codes(icu, 'g').some((c) => c.tag === 'icu-argument' && c.data === '{n, number}')).toBe(true);
    expect(plainText(unitSource(unit(icu, 'q')))).toBe("It''s '{'literal'}' none items");
  });

  it('writes translations back escaped, in place, and re-extracts the same texts', () => {
    for (const file of files) {
      const doc = extract(readFileSync(file), file);
      const upper = translated(doc, (s) => s.toUpperCase());
      const merged = i18nextFormat.merge(upper);
      const again = extract(merged, file);
      expect(again.units.map((u) => u.id)).toEqual(doc.units.map((u) => u.id));
      again.units.forEach((u, i) => expect(unitSource(u)).toEqual(unitTarget(upper.units[i]!)));
      // Still valid JSON with the same keys in the same order.
      const before = JSON.parse(dec.decode(readFileSync(file)).replace(/^\uFEFF/u, '')) as unknown;
      const after = JSON.parse(dec.decode(merged).replace(/^\uFEFF/u, '')) as unknown;
      expect(JSON.stringify(Object.keys(after as object))).toBe(JSON.stringify(Object.keys(before as object)));
    }
  });

  it('escapes quotes in translated tags and texts', () => {
    const doc = extract(readFileSync(join(fixtures, 'escapes.json')));
    const merged = dec.decode(i18nextFormat.merge(translated(doc, (s) => `${s}"\t`)));
    const parsed = JSON.parse(merged.slice(1)) as { b: [number, number, number, string, { d: string }] };
    expect(parsed.b[4].d).toBe('<a href="/x">link"\t</a>');
  });

  it('reports plural forms against CLDR for the target language', () => {
    const doc = extract(readFileSync(join(examples, 'article.json')), 'en/article.json');
    expect(pluralFormsReport(doc, 'fa')).toEqual([{ key: 'comment', ordinal: false, present: ['one', 'other'], required: ['one', 'other'], missing: [], extra: [] }]);
    const [ar] = pluralFormsReport(doc, 'ar');
    expect(ar!.missing).toEqual(['zero', 'two', 'few', 'many']);
    const ja = pluralFormsReport(extract('{"x":{"day_one":"a","day_other":"b","day_ordinal_two":"c"}}'), 'ja');
    expect(ja).toEqual([
      { key: 'x.day', ordinal: false, present: ['one', 'other'], required: ['other'], missing: [], extra: ['one'] },
      { key: 'x.day', ordinal: true, present: ['two'], required: ['other'], missing: ['other'], extra: ['two'] },
    ]);
  });

  it('checks placeholders and nesting of a translation', () => {
    const source = unitSource(extract('{"a":"Hi {{name}}, see $t(common:site)"}').units[0]!);
    expect(checkResourceSegment(source, source)).toEqual([]);
    const rules = (value: string) => checkResourceSegment(source, [text(value)]).map((f) => f.rule);
    expect(rules('سلام {{ name }}، $t(common:site) را ببینید')).toEqual([]);
    expect(rules('سلام {{user}}')).toEqual(['i18next-placeholder-missing', 'i18next-placeholder-added', 'i18next-nesting-missing']);
    expect(rules('{{name}} $t(common:site) $t(common:nav.home)')).toEqual(['i18next-nesting-added']);
    expect(checkResourceSegment(source, [text('{{name}}')])[0]!.message).toBe('the translation lost the reference $t(common:site)');
  });

  it('checks ICU messages of a translation', () => {
    const source = unitSource(extract('{"a":"{count, plural, one {# item} other {# items}} by {author}"}').units[0]!);
    expect(checkResourceSegment(source, source)).toEqual([]);
    const check = (value: string) => checkResourceSegment(source, [text(value)]);
    expect(check('{author} {count, plural, one {# مورد} other {# مورد}}')).toEqual([]);
    const broken = check('{count, plural, one {# مورد} other {# مورد} {author}');
    expect(broken.map((f) => [f.rule, f.severity])).toEqual([['i18next-icu-invalid', 'error']]);
    expect(check('{n, plural, other {# مورد}} {author}').map((f) => f.rule)).toEqual(['i18next-placeholder-missing', 'i18next-placeholder-added']);
  });

  it.each([
    ['{"a": "x",\n  "a": "y"}', 'i18next:duplicateKey', 2, 3],
    ['{"a": "x"\n  "b": 1}', 'i18next:invalidJson.expectedCommaOrBrace', 2, 3],
    ['{"a": "x\u0001"}', 'i18next:invalidJson.controlChar', 1, 9],
    ['{"a": [1, 2', 'i18next:invalidJson.end', 1, 12],
    ['{"a": tru}', 'i18next:invalidJson.unexpected', 1, 7],
    ['{"a": "\\q"}', 'i18next:invalidJson.badEscape', 1, 8],
    ['{} x', 'i18next:invalidJson.trailing', 1, 4],
  ])('rejects %j with a located error', (source, key, line, column) => {
    const error = caught(() => extract(source, 'bad.json'));
    expect(error.key).toBe(key);
    expect(error.location).toEqual({ file: 'bad.json', line, column });
    expect(error.render()).toMatch(/^bad\.json:\d+:\d+: /u);
  });

  it('can be read by the xliff package with the same keys', async () => {
    const xliff = await xliffPackage();
    for (const name of ['common.json', 'article.json']) {
      const doc = extract(readFileSync(join(examples, name)), `en/${name}`);
      const xml = writeXliff(doc, { version: '1.2', toolVersion: '0.0.0' });
      expect(xml).toContain('datatype="x-i18next-json"');
      const js = await xliff.xliff12ToJs(xml);
      const units = js.resources[`en/${name}`]!;
      expect(Object.keys(units)).toEqual(doc.units.map((u) => u.id));
      const flat = (v: XliffJsValue): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.map(flat).join('') : '');
      expect(flat(units['nav.home']?.source ?? units['byline']?.source)).toMatch(/Home|By /u);
    }
  });
});
