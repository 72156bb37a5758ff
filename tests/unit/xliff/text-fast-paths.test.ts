import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Inline, Unit } from '../../../src/model/schema.js';
import { unitSource } from '../../../src/model/content.js';
import { placeMarks, placeTextMarks, writeInline, writeTextInline } from '../../../src/xliff/marks.js';
import { sourceHash } from '../../../src/xliff/v2/write.js';
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
