import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentences } from '../../../src/segment/sentences.js';
import { createSegmenter } from '../../../src/segment/srx/index.js';

const alphabet = [
  ...'abcXYZ MrUSp',
  ...'کیاسمنوهرد',
  ...'0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣',
  ...'.!?؟…,،؛:;«»"\'“”‘’()[]٫٬-',
  '\u200C',
  '\n',
  '\r\n',
  '\t',
  '\u00A0',
  ' ',
  '😀',
  '\u064E',
  'e.g. ',
  'U.S. ',
  '... ',
];

const text = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 120 });

describe.each(['en', 'fa', 'de'])('segmentation of arbitrary text (%s)', (lang) => {
  const segmenter = createSegmenter(lang);

  it('gives ascending breaks inside the text, never inside a surrogate pair, and loses nothing', () => {
    fc.assert(
      fc.property(text, (input) => {
        const breaks = segmenter.breaks(input);
        for (let i = 0; i < breaks.length; i++) {
          const b = breaks[i]!;
          expect(b).toBeGreaterThan(i === 0 ? 0 : breaks[i - 1]!);
          expect(b).toBeLessThan(input.length);
          const unit = input.charCodeAt(b);
          expect(unit >= 0xdc00 && unit <= 0xdfff).toBe(false);
        }
        // Sentences and the whitespace between them rebuild the input exactly.
        let rebuilt = '';
        let at = 0;
        for (const s of sentences(input, breaks)) {
          const gap = input.slice(at, s.start);
          expect(gap.trim()).toBe('');
          rebuilt += gap + s.text;
          at = s.end;
        }
        expect(input.slice(at).trim()).toBe('');
        expect(rebuilt + input.slice(at)).toBe(input);
        expect(segmenter.breaks(input)).toEqual(breaks);
      }),
      { numRuns: 400 },
    );
  });
});

describe('segmentation speed', () => {
  it('handles a long text in linear-looking time', () => {
    const paragraph =
      'Dr. Sadr spoke at 3 p.m. in Geneva. The U.S. Treasury imposed sanctions on the IRGC. ' +
      'سازمان مجاهدین خلق (PMOI/MEK) این را گفت. «نه.» آیا کسی پاسخ‌گو است؟ ';
    const long = paragraph.repeat(2000);
    const segmenter = createSegmenter('en');
    const start = performance.now();
    const breaks = segmenter.breaks(long);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(breaks.length).toBeGreaterThan(8000);
  });
});
