import { describe, expect, it } from 'vitest';
import { htmlFormat } from '../../../src/formats/html/index.js';
import type { Document } from '../../../src/model/schema.js';

const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** A page of `count` paragraphs, each text given by `text(i)`, with markup and a comment between them. */
function page(count: number, text: (i: number) => string): string {
  const paragraphs = Array.from({ length: count }, (_, i) => `<p class="p${i}">${text(i)} <b>bold ${i}</b> end.</p><!-- ${i} -->\n`);
  return `<!DOCTYPE html>\n<html lang="en">\n<head><title>Many</title></head>\n<body>\n${paragraphs.join('')}</body>\n</html>\n`;
}

/** Every unit's target set to its source with each text run passed through `change`. */
function translated(document: Document, change: (text: string, unitId: string) => string): Document {
  return {
    ...document,
    units: document.units.map((unit) => ({
      ...unit,
      parts: unit.parts.map((part) =>
        part.kind === 'segment'
          ? { ...part, target: part.source.map((item) => (item.type === 'text' ? { ...item, text: change(item.text, unit.id) } : item)) }
          : part,
      ),
    })),
  };
}

describe('html format: pages of many thousands of pieces', () => {
  // Astral characters at both edges of every unit put surrogate pairs next to every place the
  // page could be cut for encoding.
  const astral = (i: number) => `😀 Paragraph ${i} says 𝒳`;

  it('obey the round-trip law', () => {
    const html = page(3000, astral);
    const document = htmlFormat.extract(encode(html), { path: 'many.html', sourceLang: 'en' });
    expect(document.skeleton.pieces.length).toBeGreaterThan(3000);
    expect(decode(htmlFormat.merge(document))).toBe(html);
  });

  it('write every translation, the characters outside the BMP intact, and set the language', () => {
    const html = page(3000, astral);
    const document = htmlFormat.extract(encode(html), { path: 'many.html', sourceLang: 'en' });
    const persian = (text: string) => text.replace('Paragraph', 'بند').replace('says', 'می‌گوید').replace('bold', 'پررنگ').replace('end.', 'پایان.');
    const bytes = htmlFormat.merge(translated(document, persian), { targetLang: 'fa' });
    const expected = page(3000, (i) => `😀 بند ${i} می‌گوید 𝒳`)
      .replaceAll(/<b>bold (\d+)<\/b> end\./gu, '<b>پررنگ $1</b> پایان.')
      .replace('<html lang="en">', '<html dir="rtl" lang="fa">');
    expect(decode(bytes)).toBe(expected);
    expect(bytes).toEqual(encode(expected));
  });

  it('keep a surrogate pair whole where a translation ends in its first half and the markup after it holds the second', () => {
    // Made by hand, as no page reads that way: a piece of markup after every unit starts with a
    // low surrogate, and every translation ends with a high one, so each unit closes a pair.
    const count = 1500;
    const pieces: Document['skeleton']['pieces'] = [];
    const units: Document['units'] = [];
    for (let i = 0; i < count; i++) {
      pieces.push(i === 0 ? '<p>' : '\ude00</p>\n<p>');
      pieces.push({ unit: `u${i}`, encoding: 'html-text', raw: `Line ${i}` });
      units.push({
        id: `u${i}`,
        kind: 'paragraph',
        translate: true,
        context: {},
        notes: [],
        parts: [{ kind: 'segment', id: 's1', source: [{ type: 'text', text: `Line ${i}` }], target: [{ type: 'text', text: `سطر ${i} \ud83d` }], state: 'translated' }],
      });
    }
    pieces.push('\ude00</p>\n');
    const document: Document = {
      path: 'hand.html',
      format: 'html',
      sourceLang: 'en',
      targetLang: 'fa',
      sha256: '',
      units,
      skeleton: { pieces, meta: { bom: false, eol: '\n', fragment: true, nested: [] } },
    };
    const expected = Array.from({ length: count }, (_, i) => `<p>سطر ${i} 😀</p>\n`).join('');
    const bytes = htmlFormat.merge(document);
    expect(decode(bytes)).toBe(expected);
    expect(decode(bytes)).not.toContain('\ufffd');
  });

  it('read a paragraph of many thousands of words, references among them, as one unit of the decoded text', () => {
    const words = Array.from({ length: 20000 }, (_, i) => (i % 7 === 0 ? `R&amp;D${i}` : i % 11 === 0 ? `caf&eacute;` : `word${i}`));
    const html = `<p>${words.join(' \n ')}</p>\n`;
    const document = htmlFormat.extract(encode(html), { path: 'long.html', sourceLang: 'en' });
    expect(document.units).toHaveLength(1);
    const decoded = words.join(' \n ').replaceAll('&amp;', '&').replaceAll('&eacute;', 'é');
    expect(document.units[0]!.parts).toEqual([{ kind: 'segment', id: 's1', source: [{ type: 'text', text: decoded }], state: 'initial' }]);
    expect(decode(htmlFormat.merge(document))).toBe(html);
  });
});
