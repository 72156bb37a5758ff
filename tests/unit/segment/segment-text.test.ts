import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticles } from '../../../bench/corpus.js';
import type { Inline } from '../../../src/model/schema.js';
import { segmentContent, segmentText } from '../../../src/segment/segment-content.js';
import { BreakList, type Segmenter } from '../../../src/segment/segmenter.js';
import { createSegmenter } from '../../../src/segment/srx/index.js';
import { sentences } from '../../../src/segment/sentences.js';

const t = (text: string): Inline => ({ type: 'text', text });
const ph = (id: string): Inline => ({ type: 'code', kind: 'standalone', id, tag: 'br', data: '<br>' });

const piece = fc.constantFrom(
  'One.', 'Two!', 'Why?', 'U.S.', 'Dr.', 'Mr. Smith', 'p.m.', 'No. 5', 'e.g.', '…', '“Quote.”', '(aside.)', 'word', 'end.',
  'خامنه‌ای گفت.', '«نه».', '؟', '😀.', '\n', '\n\n', ' ', '  ', '\u00A0', '\t', 'J. R. R. Tolkien',
);
const text = fc.array(piece, { minLength: 1, maxLength: 30 }).map((ps) => ps.join(' '));

describe('segmentText: one run of text cut straight from the breaks', () => {
  const segmenters = [createSegmenter('en'), createSegmenter('fa')];

  it('gives the parts of the general path, which places inline codes (property)', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.boolean(), (s, cut, persian) => {
        const segmenter = segmenters[persian ? 1 : 0]!;
        if (s.trim() === '') return;
        const k = cut % (s.length + 1);
        // Two runs of text with an empty run between take the general path and join back into one run.
        const general = segmentContent([t(s.slice(0, k)), t(''), t(s.slice(k))], segmenter);
        expect(segmentText(s, segmenter)).toEqual(general);
      }),
      { numRuns: 2000, seed: 1388 },
    );
  });

  it('gives sentences that are the exact substrings the breaks make', () => {
    const en = segmenters[0]!;
    const article = makeArticles(40_000, 'text', { seed: 11 });
    for (const paragraph of article.split(/\n\s*\n/u).filter((p) => p.trim() !== '')) {
      const parts = segmentText(paragraph, en);
      const cut = sentences(paragraph, en.breaks(paragraph)).map((x) => x.text);
      expect(parts.filter((p) => p.kind === 'segment').map((p) => (p.source[0] as { text: string }).text)).toEqual(cut);
      expect(parts.map((p) => (p.source[0] as { text: string }).text).join('')).toBe(paragraph);
    }
  });

  it('keeps a unit with inline codes on the general path', () => {
    const parts = segmentContent([t('One. '), ph('1'), t('Two.')], segmenters[0]!);
    expect(parts.map((p) => p.kind)).toEqual(['segment', 'ignorable', 'segment']);
    expect(parts[2]!.source).toEqual([ph('1'), t('Two.')]);
  });
});

describe('breaksInto: the breaks in a reused buffer, read from the text or the string around it', () => {
  it('holds what `breaks` returns, for English and Persian rules (property)', () => {
    const list = new BreakList();
    for (const segmenter of [createSegmenter('en'), createSegmenter('fa')]) {
      fc.assert(
        fc.property(text, text, text, (before, s, after) => {
          const expected = segmenter.breaks(s);
          segmenter.breaksInto!(s, list);
          expect(Array.from(list.offsets.subarray(0, list.count))).toEqual(expected);
          // read from the larger string the text was cut from: what stands around it must not count
          const whole = `${before}${s}${after}`;
          segmenter.breaksInto!(whole.slice(before.length, before.length + s.length), list, whole, before.length);
          expect(Array.from(list.offsets.subarray(0, list.count))).toEqual(expected);
        }),
        { numRuns: 1000, seed: 7 },
      );
    }
  });

  it('grows past its first size and empties on each call', () => {
    const en: Segmenter = createSegmenter('en');
    const many = Array.from({ length: 300 }, (_, i) => `Sentence ${i}.`).join(' ');
    const list = new BreakList();
    en.breaksInto!(many, list);
    expect(list.count).toBe(299);
    expect(Array.from(list.offsets.subarray(0, list.count))).toEqual(en.breaks(many));
    en.breaksInto!('One. Two.', list);
    expect(Array.from(list.offsets.subarray(0, list.count))).toEqual([4]);
    en.breaksInto!('x', list);
    expect(list.count).toBe(0);
  });
});
