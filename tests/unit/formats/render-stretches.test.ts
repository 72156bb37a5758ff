import { describe, expect, it } from 'vitest';
import { mergedChunks, type Format } from '../../../src/formats/format.js';
import { htmlFormat } from '../../../src/formats/html/index.js';
import { markdownFormat } from '../../../src/formats/markdown/index.js';
import { joinBytes, renderSkeleton, renderSkeletonUtf8, type Escapers } from '../../../src/formats/shared.js';
import { textFormat } from '../../../src/formats/text/index.js';
import type { Document, SkeletonPiece, Unit } from '../../../src/model/schema.js';
import { seededRandom } from '../../helpers/random.js';
import { translated } from '../../helpers/translate.js';

const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
/** Byte arrays compared in bulk: `toEqual` walks a large one element by element. */
const expectSameBytes = (actual: Uint8Array, expected: Uint8Array) => expect(Buffer.compare(actual, expected)).toBe(0);

const ESCAPERS: Escapers = { text: (s) => s, caps: (s) => s.toUpperCase() };

function unit(id: string, source: string, target?: string): Unit {
  return {
    id,
    kind: 'paragraph',
    translate: true,
    context: {},
    notes: [],
    parts: [{ kind: 'segment', id: 's1', source: [{ type: 'text', text: source }], ...(target !== undefined ? { target: [{ type: 'text', text: target }] } : {}), state: 'translated' }],
  };
}

/** Runs of characters where encoding could go wrong: ASCII, Persian, and both halves of astral pairs, lone ones too. */
const ALPHABET = ['a', 'b', ' ', '\n', 'س', 'ل', 'ا', 'م', '😀', '𝒳', '\ud83d', '\ude00', 'é'];

function randomText(rand: () => number, max: number): string {
  let out = '';
  const length = Math.floor(rand() * max);
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
  return out;
}

/** A document of `count` units between random pieces of skeleton; about half the units are translated. */
function randomDocument(seed: number, count: number): Document {
  const rand = seededRandom(seed);
  const units: Unit[] = [];
  const pieces: SkeletonPiece[] = [];
  for (let i = 0; i < count; i++) {
    pieces.push(randomText(rand, 12));
    const source = randomText(rand, 40) || 'x';
    units.push(unit(`u${i}`, source, rand() < 0.5 ? randomText(rand, 40) : undefined));
    pieces.push({ unit: `u${i}`, encoding: rand() < 0.2 ? 'caps' : 'text', raw: source });
  }
  pieces.push(randomText(rand, 12));
  return { path: 'random.txt', format: 'text', sourceLang: 'en', targetLang: 'fa', sha256: '', units, skeleton: { pieces, meta: {} } };
}

describe('renderSkeletonUtf8: a skeleton rendered and encoded a stretch at a time', () => {
  it('gives the bytes of the whole rendering, for any stretch length, on seeded documents', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const document = randomDocument(seed, 400);
      const whole = encode(renderSkeleton(document, document.skeleton, ESCAPERS));
      for (const stretch of [1, 2, 3, 7, 64, 1000, 1 << 16]) {
        const chunks = Array.from(renderSkeletonUtf8(document, document.skeleton, ESCAPERS, undefined, stretch));
        expectSameBytes(joinBytes(chunks), whole);
        if (stretch <= 64) expect(chunks.length).toBeGreaterThan(10);
      }
    }
  });

  it('keeps a surrogate pair whole when a stretch ends between its halves', () => {
    // Every stretch of one piece ends in a high surrogate whose low half opens the next piece.
    const pieces: SkeletonPiece[] = ['<\ud83d', '\ude00>\ud835', '\udcb3!'];
    const document = { path: 'pairs.txt', units: [] };
    const chunks = Array.from(renderSkeletonUtf8(document, { pieces, meta: {} }, ESCAPERS, undefined, 1));
    expect(decode(joinBytes(chunks))).toBe('<😀>𝒳!');
    // No chunk holds half a character: each decodes alone without a replacement character.
    for (const chunk of chunks) expect(decode(chunk)).not.toContain('\ufffd');
  });

  it('writes a lone surrogate as the whole rendering would, wherever the stretches fall', () => {
    const pieces: SkeletonPiece[] = ['a\ud83d', 'b', '\ude00c', '\ud83d'];
    const document = { path: 'lone.txt', units: [] };
    const whole = encode(pieces.join(''));
    for (const stretch of [1, 2, 3, 100]) expectSameBytes(joinBytes(renderSkeletonUtf8(document, { pieces, meta: {} }, ESCAPERS, undefined, stretch)), whole);
    expect(decode(whole)).toBe('a\ufffdb\ufffdc\ufffd');
  });

  it('renders each stretch only when it is taken', () => {
    const document = { path: 'late.txt', units: [unit('u1', 'one')] };
    const skeleton = { pieces: ['abc', { unit: 'u1', encoding: 'text', raw: 'one' }, { unit: 'u2', encoding: 'text', raw: 'two' }], meta: {} };
    const chunks = renderSkeletonUtf8(document, skeleton, ESCAPERS, undefined, 3);
    expect(decode(chunks.next().value!)).toBe('abc');
    expect(decode(chunks.next().value!)).toBe('one');
    // The missing unit is found only when its stretch is asked for.
    expect(() => chunks.next()).toThrow(/u2/u);
  });

  it('gives one empty chunk for an empty skeleton', () => {
    const chunks = Array.from(renderSkeletonUtf8({ path: 'empty.txt', units: [] }, { pieces: [], meta: {} }, ESCAPERS));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toHaveLength(0);
  });

  it('names the missing unit as the whole rendering does', () => {
    const document = { path: 'missing.txt', units: [unit('u1', 'one')] };
    const skeleton = { pieces: [{ unit: 'u1', encoding: 'text', raw: 'one' }, { unit: 'u2', encoding: 'text', raw: 'two' }], meta: {} };
    expect(() => renderSkeleton(document, skeleton, ESCAPERS)).toThrow(/u2/u);
    expect(() => Array.from(renderSkeletonUtf8(document, skeleton, ESCAPERS))).toThrow(/u2/u);
  });
});

describe('joinBytes', () => {
  it('concatenates chunks, and hands a single chunk back as it is', () => {
    const one = encode('one');
    expect(joinBytes([one])).toBe(one);
    expect(decode(joinBytes([encode('a'), new Uint8Array(0), encode('بند'), encode('😀')]))).toBe('aبند😀');
    expect(joinBytes([])).toHaveLength(0);
  });
});

/** Persian words for English ones, and an astral character at each edge, so translations change length and width. */
const persian = (s: string) => `😀${s.replace(/[A-Za-z]+/gu, (w) => (w.length % 2 ? 'سلام' : 'جهان'))}𝒳`;

function largeText(seed: number, paragraphs: number): string {
  const rand = seededRandom(seed);
  const words = ['Tehran', 'said', 'the', 'workers', 'on', 'Monday', 'strike', 'of', 'oil', 'city'];
  const out: string[] = ['A Title Alone'];
  for (let i = 0; i < paragraphs; i++) {
    const length = 5 + Math.floor(rand() * 60);
    out.push(`${Array.from({ length }, () => words[Math.floor(rand() * words.length)]).join(' ')}.`);
  }
  return `${out.join('\n\n')}\n`;
}

function largeHtml(seed: number, paragraphs: number): string {
  const rand = seededRandom(seed);
  const body = Array.from({ length: paragraphs }, (_, i) => `<p id="p${i}">Paragraph ${i} <b>said ${Math.floor(rand() * 1000)}</b> today.</p>\n`).join('');
  return `<!DOCTYPE html>\n<html lang="en">\n<head><title>Seeded</title></head>\n<body>\n${body}</body>\n</html>\n`;
}

describe('formats: merged chunks are the merged bytes', () => {
  const cases: [string, Format, (seed: number) => string][] = [
    ['text', textFormat, (seed) => largeText(seed, 1000)],
    ['html', htmlFormat, (seed) => largeHtml(seed, 3000)],
  ];
  for (const [name, format, make] of cases) {
    it(`${name}: on seeded documents, untranslated and translated, in more than one chunk`, () => {
      for (const seed of [11, 12, 13]) {
        const bytes = encode(make(seed));
        const document = format.extract(bytes, { path: `seeded.${name}`, sourceLang: 'en', targetLang: 'fa' });
        const chunks = Array.from(format.mergeChunks!(document));
        expect(chunks.length).toBeGreaterThan(1);
        expectSameBytes(joinBytes(chunks), bytes);
        const target = translated(document, persian);
        const merged = format.merge(target, { targetLang: 'fa' });
        expectSameBytes(joinBytes(format.mergeChunks!(target, { targetLang: 'fa' })), merged);
        expect(decode(merged)).toContain('😀');
        expect(decode(merged)).not.toContain('\ufffd');
      }
    });
  }

  it('text: keeps a surrogate pair whole where a translation ends in its high half and the text after it holds the low half', () => {
    // Made by hand, as plain text never reads that way: each translation ends with a high
    // surrogate and the gap after it starts with the low one, so every stretch ends mid-pair.
    const count = 6000;
    const units: Unit[] = [];
    const pieces: SkeletonPiece[] = [];
    for (let i = 0; i < count; i++) {
      pieces.push(i === 0 ? '' : '\ude00\n\n');
      units.push(unit(`u${i}`, `Line ${i}`, `سطر ${i} \ud83d`));
      pieces.push({ unit: `u${i}`, encoding: 'text', raw: `Line ${i}` });
    }
    pieces.push('\ude00\n');
    const document: Document = { path: 'hand.txt', format: 'text', sourceLang: 'en', targetLang: 'fa', sha256: '', units, skeleton: { pieces, meta: { bom: false } } };
    const expected = Array.from({ length: count }, (_, i) => `سطر ${i} 😀`).join('\n\n') + '\n';
    const chunks = Array.from(textFormat.mergeChunks!(document));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(decode(chunk)).not.toContain('\ufffd');
    expect(decode(joinBytes(chunks))).toBe(expected);
    expectSameBytes(textFormat.merge(document), encode(expected));
  });

  it('a format without chunks of its own is merged whole, as one chunk', () => {
    const markdown = encode('# Title\n\nSome *text* here.\n');
    const document = markdownFormat.extract(markdown, { path: 'one.md', sourceLang: 'en' });
    expect(markdownFormat.mergeChunks).toBeUndefined();
    expect(Array.from(mergedChunks(markdownFormat, document))).toEqual([markdownFormat.merge(document)]);
    const text = textFormat.extract(encode('Title\n\nBody.\n'), { path: 'one.txt', sourceLang: 'en' });
    expect(joinBytes(mergedChunks(textFormat, text))).toEqual(encode('Title\n\nBody.\n'));
  });
});
