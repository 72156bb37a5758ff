import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Inline, Unit } from '../../../src/model/schema.js';
import { unitSource } from '../../../src/model/content.js';
import { placeMarks, placeTextMarks, writeInline, writeTextInline } from '../../../src/xliff/marks.js';
import { sourceHash, unitXml2 } from '../../../src/xliff/v2/write.js';
import { countWords, documentCounts } from '../../../src/xliff/kit/words.js';
import type { Document, Part } from '../../../src/model/schema.js';
import { escapeText, escapeTextWithCp } from '../../../src/xliff/xml-escape.js';
import { seededRandom } from '../../helpers/random.js';


const PIECES = ['a', 'b', ' ', '&', '<', '\r', '\u0001', '\uD83D\uDE00', '\uD800', 'خ', '"'];

function randomText(rand: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(rand() * PIECES.length)];
  return out;
}

function randomSpans(rand: () => number, length: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const count = Math.floor(rand() * 6);
  for (let i = 0; i < count; i++) {
    const start = Math.floor(rand() * (length + 2));
    spans.push({ start, end: start + Math.floor(rand() * 6) - 1 });
  }
  // mostly in order, as matchers report them, sometimes not
  return rand() < 0.7 ? spans.sort((a, b) => a.start - b.start) : spans;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('fast paths for text without codes', () => {
  it('place and write marks exactly as the general walk does', () => {
    const rand = seededRandom(7);
    for (let round = 0; round < 2000; round++) {
      const text = randomText(rand, Math.floor(rand() * 20));
      const spans = randomSpans(rand, text.length);
      const marks = spans.map((s, i) => ({ id: `m${i + 1}`, ...s }));
      const general = placeMarks([{ type: 'text', text }], marks);
      const placed = placeTextMarks(spans);
      expect(placed.map((k) => `m${k + 1}`)).toEqual(general.map((m) => m.id));
      const viaItems = writeInline([{ type: 'text', text }], general, {
        text: escapeTextWithCp,
        code: () => '',
        markStart: (m) => `<${m.id}>`,
        markEnd: (m) => `</${m.id}>`,
      });
      const direct = writeTextInline(text, spans, placed, escapeTextWithCp, (k) => `<m${placed[k]! + 1}>`, (k) => `</m${placed[k]! + 1}>`);
      expect(direct).toBe(viaItems);
    }
  });

  it('hash a unit source as the JSON of its normalized content', () => {
    const rand = seededRandom(11);
    const shapes: Inline[][][] = [
      [[]],
      [[{ type: 'text', text: '' }]],
      [[{ type: 'text', text: 'One.' }]],
      [[{ type: 'text', text: 'One. ' }], [{ type: 'text', text: '' }, { type: 'text', text: 'Two "x"\n' }]],
      [[{ type: 'text', text: 'a' }, { type: 'code', kind: 'standalone', id: '1', tag: 'br', data: '<br>' }, { type: 'text', text: 'b' }]],
    ];
    for (let i = 0; i < 50; i++) shapes.push([[{ type: 'text', text: randomText(rand, 8) }], [{ type: 'text', text: randomText(rand, 3) }]]);
    for (const sources of shapes) {
      const unit: Unit = {
        id: 'u1',
        kind: 'paragraph',
        translate: true,
        notes: [],
        context: {},
        parts: sources.map((source, i) => ({ kind: 'segment', id: `s${i + 1}`, source, state: 'initial' })),
      } as Unit;
      expect(sourceHash(unit)).toBe(sha256(JSON.stringify(unitSource(unit))));
    }
  });

  it('escape text that needs nothing as itself and the rest as before', () => {
    expect(escapeTextWithCp('Plain words, and an emoji \uD83D\uDE00.')).toBe('Plain words, and an emoji \uD83D\uDE00.');
    expect(escapeTextWithCp('a\u0001b&c')).toBe('a<cp hex="0001"/>b&amp;c');
    expect(escapeTextWithCp('lone \uD800 half')).toBe('lone <cp hex="D800"/> half');
    expect(escapeTextWithCp('x < y\r')).toBe(escapeText('x < y\r'));
  });
});

/** pocount's word rule as first written: regex split on Python whitespace, punctuation trimmed code point by code point. */
function referenceWords(text: string): number {
  const WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
  const W = '\\p{L}\\p{N}_';
  const punctuation = new Set('.,;:!?-@#$%^*_()[]{}/\\\'`"<>‘’‛“”„‟′″‴‵‶‷‹›«»¿¡،؟؛÷。、，；！？「」『』【】।॥॰።፤፣…±°¹²³·©®×£¥€');
  const cleaned = text
    .replace(new RegExp(`<br[${WS}]*?/?>`, 'gu'), '\n')
    .replace(new RegExp(`<([${W}.:]+)([${WS}]([${W}.:]+=(("[^\\n]*?")|('[^\\n]*?')))?)*/?>|</([${W}.]+)>`, 'gu'), '')
    .replace(/\P{Nd}\.\P{Nd}/gu, ' ');
  let n = 0;
  for (const token of cleaned.split(new RegExp(`[${WS}]+`, 'u'))) {
    const chars = [...token];
    let a = 0;
    let b = chars.length;
    while (a < b && punctuation.has(chars[a]!)) a++;
    while (b > a && punctuation.has(chars[b - 1]!)) b--;
    if (b > a) n++;
  }
  return n;
}

const WORD_PIECES = ['word', ' ', '  ', '\t', '\n', '\u00A0', '\u2003', '\u3000', '\u200B', '.', '3.5', 'e.g.', '—', '«', '»', '"', '(', ')', '<br/>', '<b>', '</b>', '<a href="x">', '۳٫۵', 'خانه', '\uD83D\uDE00', '\uD800', '…', '¹', '\x1c', '\uFEFF'];

describe('word counts', () => {
  it('count words as the regex split and punctuation trim do', () => {
    const rand = seededRandom(5);
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const pieces = Math.floor(rand() * 16);
      for (let i = 0; i < pieces; i++) text += WORD_PIECES[Math.floor(rand() * WORD_PIECES.length)];
      expect(countWords(text)).toBe(referenceWords(text));
    }
  });

  it('count a unit as the plain text of its whole source', () => {
    const rand = seededRandom(9);
    const units = [];
    for (let u = 0; u < 200; u++) {
      const parts: Part[] = [];
      const count = 1 + Math.floor(rand() * 4);
      for (let p = 0; p < count; p++) {
        const source: Inline[] = [];
        for (let i = Math.floor(rand() * 3); i >= 0; i--)
          source.push(rand() < 0.2 ? { type: 'code', kind: 'standalone', id: `c${i}`, tag: 'br', data: '<br>' } : { type: 'text', text: WORD_PIECES[Math.floor(rand() * WORD_PIECES.length)]! });
        parts.push(p % 2 ? { kind: 'ignorable', id: `i${p}`, source } : { kind: 'segment', id: `s${p}`, source, state: 'initial' });
      }
      units.push({ id: `u${u}`, kind: 'paragraph', translate: rand() < 0.9, context: {}, notes: [], parts } as Unit);
    }
    const document = { units } as unknown as Document;
    let words = 0;
    for (const unit of units) if (unit.translate) words += referenceWords(unitSource(unit).map((i) => (i.type === 'text' ? i.text : '')).join(''));
    expect(documentCounts(document)).toEqual({ units: units.filter((u) => u.translate).length, words });
  });
});

describe('XLIFF 2 units without codes', () => {
  it('are written by the one-pass path exactly as by the general one', () => {
    const rand = seededRandom(13);
    const lookup = (id: string) => (id === 'c2' ? { translations: ['یک', 'دو & سه'], forbidden: ['بد'], definition: 'a <def>' } : { translations: ['چهار'], forbidden: [] });
    let marked = 0;
    for (let round = 0; round < 500; round++) {
      const parts: Part[] = [];
      const count = 1 + Math.floor(rand() * 5);
      for (let p = 0; p < count; p++) {
        const source: Inline[] = [];
        for (let i = Math.floor(rand() * 3); i >= 0; i--) source.push({ type: 'text', text: randomText(rand, Math.floor(rand() * 12)) });
        if (p % 2) {
          parts.push({ kind: 'ignorable', id: `i${p}`, source });
          continue;
        }
        const length = source.reduce((n, item) => n + (item.type === 'text' ? item.text.length : 0), 0);
        const matches = randomSpans(rand, length).map((s, i) => ({ conceptId: `c${i % 3}`, start: s.start, end: s.end, text: 'x"&y' }));
        marked += matches.length;
        const segment: Part = { kind: 'segment', id: `s${p}`, source, state: rand() < 0.5 ? 'initial' : 'translated', ...(matches.length ? { matches } : {}) };
        if (rand() < 0.3) segment.target = [{ type: 'text', text: randomText(rand, 5) }];
        parts.push(segment);
      }
      const unit = { id: `u${round}`, kind: 'paragraph', translate: true, context: { element: 'line', line: round, column: 1 }, notes: rand() < 0.2 ? ['a & note'] : [], parts } as Unit;
      const options = { version: '2.1' as const, toolVersion: 't', glossary: lookup };
      expect(unitXml2(unit, options)).toBe(unitXml2(unit, options, true));
    }
    expect(marked).toBeGreaterThan(100);
  });
});
