import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textFormat } from '../../../src/formats/text/index.js';
import { plainText, segments, unitSource } from '../../../src/model/content.js';
import type { Document } from '../../../src/model/schema.js';
import { Document as DocumentSchema } from '../../../src/model/schema.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import { translated } from '../../helpers/translate.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'text');
const example = join(import.meta.dirname, '..', '..', '..', 'examples', 'text', 'night-of-fires.txt');
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { ignoreBOM: true });

function extract(bytes: Uint8Array, path = 'doc.txt'): Document {
  return textFormat.extract(bytes, { path, sourceLang: 'en', targetLang: 'fa' });
}


describe('text format: round-trip law', () => {
  const files = readdirSync(fixtures).map((f) => join(fixtures, f)).concat(example);
  it.each(files)('merging sources as targets gives back %s exactly', (file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const doc = extract(bytes);
    expect(DocumentSchema.parse(doc)).toEqual(doc);
    expect(Buffer.from(textFormat.merge(doc)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('holds on generated documents (BOM, CRLF/LF/CR, blank lines, surrounding whitespace, Persian)', () => {
    const word = fc.constantFrom('Iran', 'MEK', 'Tehran', 'said', 'the', '1988', '30,000', 'خامنه‌ای', 'سپاه', '۱۳۶۷', '«نه»', 'U.S.', 'Dr.', '—', '…');
    const line = fc.tuple(fc.constantFrom('', ' ', '\t', '   '), fc.array(word, { minLength: 0, maxLength: 30 }), fc.constantFrom('', ' ', '  '))
      .map(([a, ws, b]) => a + ws.join(' ') + b);
    const doc = fc.tuple(fc.boolean(), fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n')), { maxLength: 40 }), fc.boolean())
      .map(([bom, lines, finalEol]) => (bom ? '\uFEFF' : '') + lines.map(([l, e], i) => l + (i < lines.length - 1 || finalEol ? e : '')).join(''));
    fc.assert(
      fc.property(doc, (source) => {
        const bytes = enc.encode(source);
        const extracted = extract(bytes);
        expect(dec.decode(textFormat.merge(extracted))).toBe(source);
        // every unit is the trimmed text of its lines, never empty
        for (const u of extracted.units) expect(plainText(unitSource(u)).trim()).toBe(plainText(unitSource(u)));
        // translation round trip: a changed text comes back where it was
        const upper = translated(extracted, (s) => s.toUpperCase());
        const again = extract(textFormat.merge(upper));
        expect(again.units.map((u) => plainText(unitSource(u)))).toEqual(extracted.units.map((u) => plainText(unitSource(u)).toUpperCase()));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('text format: units', () => {
  it('finds the title, the byline and one unit per line in an article with long lines', () => {
    const doc = extract(new Uint8Array(readFileSync(example)));
    const kinds = doc.units.map((u) => u.kind);
    expect(kinds.slice(0, 3)).toEqual(['title', 'byline', 'byline']);
    expect(plainText(unitSource(doc.units[0]!))).toBe('Iran: Resistance Units Mark the Anniversary of the 1988 Massacre');
    expect(plainText(unitSource(doc.units[2]!))).toBe('Leila Farahani');
    // a line of its own is a paragraph even without a blank line before it
    const texts = doc.units.map((u) => plainText(unitSource(u)));
    expect(texts.some((t) => t.startsWith('Dr. Hamid Sadr'))).toBe(true);
    expect(doc.units[3]!.context).toMatchObject({ line: 6, column: 1 });
  });

  it('keeps a wrapped paragraph together and its indentation in the skeleton', () => {
    const doc = extract(new Uint8Array(readFileSync(join(fixtures, 'wrapped.txt'))));
    const texts = doc.units.map((u) => plainText(unitSource(u)));
    expect(texts).toEqual([
      'The Quiet Archive',
      'By A. N. Writer',
      'This paragraph is wrapped at a short width, the way editors wrap\nplain text in email. It goes on for a second line and then a third\none, ending here.',
      'An indented paragraph keeps its indentation.',
      'Last paragraph with trailing spaces and no final newline.',
    ]);
    expect(doc.units.map((u) => u.kind)).toEqual(['title', 'byline', 'paragraph', 'paragraph', 'paragraph']);
    expect(doc.units[3]!.context).toMatchObject({ line: 9, column: 4 });
  });

  it('gives the same ids to the same file, and none to an empty one', () => {
    const bytes = new Uint8Array(readFileSync(example));
    expect(extract(bytes).units.map((u) => u.id)).toEqual(extract(bytes).units.map((u) => u.id));
    expect(extract(bytes).units.map((u) => u.id).slice(0, 3)).toEqual(['u1', 'u2', 'u3']);
    expect(extract(new Uint8Array()).units).toEqual([]);
    expect(extract(enc.encode('\n \n')).units).toEqual([]);
  });

  it('writes a translation in place of the source, leaving layout alone', () => {
    const source = '\uFEFFTitle\r\n\r\nFirst line.\r\n';
    const doc = extract(enc.encode(source));
    const fa = translated(doc, (s) => (s === 'Title' ? 'عنوان' : 'خط نخست.'));
    expect(dec.decode(textFormat.merge(fa))).toBe('\uFEFFعنوان\r\n\r\nخط نخست.\r\n');
    expect(segments(doc.units[0]!)).toHaveLength(1);
  });

  it('refuses invalid UTF-8 with the file, line and column', () => {
    const bytes = new Uint8Array([...enc.encode('ok line\nbad '), 0xff, 0x41]);
    try {
      extract(bytes, 'broken.txt');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TarjomanError);
      const e = error as TarjomanError;
      expect(e.key).toBe('errors:invalidUtf8');
      expect(e.location).toEqual({ file: 'broken.txt', line: 2, column: 5 });
      expect(e.render()).toBe('broken.txt:2:5: the file is not valid UTF-8 (bad byte at offset 12)');
    }
  });
});
