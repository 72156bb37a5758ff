import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toAsciiDigits, toPersianDigits } from '../../../src/lang/fa.js';
import type { Inline } from '../../../src/model/schema.js';
import { check, close, open, text } from './helpers.js';

interface Piece {
  en: Inline[];
  fa: Inline[];
}

const word = fc.constantFrom<[string, string]>(
  ['prisoners', 'زندانیان'],
  ['were executed', 'اعدام شدند'],
  ['in Tehran', 'در تهران'],
  ['the court', 'دادگاه'],
  ['protesters', 'معترضان'],
  ['journalists', 'روزنامه‌نگاران'],
);
const grouped = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, sep);

const piece: fc.Arbitrary<Piece> = fc.oneof(
  word.map(([en, fa]) => ({ en: [text(en)], fa: [text(fa)] })),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => ({ en: [text(grouped(n, ','))], fa: [text(toPersianDigits(grouped(n, '٬')))] })),
  fc.integer({ min: 1900, max: 2100 }).map((y) => ({ en: [text(String(y))], fa: [text(toPersianDigits(String(y - 621)))] })),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 9 })).map(([i, d]) => ({ en: [text(`${i}.${d}%`)], fa: [text(`${toPersianDigits(String(i))}٫${toPersianDigits(String(d))}٪`)] })),
);

const ending = fc.constantFrom<[string, string]>(['.', '.'], ['?', '؟'], ['!', '!'], [':', ':'], ['…', '...'], ['', '']);

/** A source sentence and a correct rendering of it: the same pieces, codes around some of them. */
const sentence = fc
  .tuple(fc.array(fc.tuple(piece, fc.boolean()), { minLength: 1, maxLength: 8 }), ending)
  .map(([pieces, [enEnd, faEnd]]) => {
    const en: Inline[] = [];
    const fa: Inline[] = [];
    pieces.forEach(([p, wrapped], i) => {
      const id = String(i + 1);
      if (i > 0) {
        en.push(text(' '));
        fa.push(text(' '));
      }
      if (wrapped) {
        en.push(open(id), ...p.en, close(id));
        fa.push(open(id), ...p.fa, close(id));
      } else {
        en.push(...p.en);
        fa.push(...p.fa);
      }
    });
    en.push(text(enEnd));
    fa.push(text(faEnd));
    return { en, fa };
  });

const mapText = (content: Inline[], f: (s: string) => string): Inline[] => content.map((item) => (item.type === 'text' ? text(f(item.text)) : item));
const toArabicIndic = (s: string) => toAsciiDigits(s).replace(/[0-9]/gu, (d) => String.fromCharCode(0x0660 + Number(d)));

describe('properties', () => {
  it('a correct rendering yields no errors', () => {
    fc.assert(
      fc.property(sentence, ({ en, fa }) => {
        const errors = check(en, fa).filter((f) => f.severity === 'error');
        expect(errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a change of digit system never changes the number findings', () => {
    const numbers = (findings: ReturnType<typeof check>) =>
      findings.filter((f) => f.rule.startsWith('number-')).map((f) => [f.rule, f.severity, f.sourceSpan?.start, f.targetSpan?.start, f.expected]);
    fc.assert(
      fc.property(sentence, sentence, fc.constantFrom(toAsciiDigits, toPersianDigits, toArabicIndic), (a, b, convert) => {
        // a's source against b's rendering: usually wrong numbers, which is what is compared.
        expect(numbers(check(a.en, mapText(b.fa, convert)))).toEqual(numbers(check(a.en, b.fa)));
        expect(numbers(check(mapText(a.en, convert), b.fa))).toEqual(numbers(check(a.en, b.fa)));
      }),
      { numRuns: 300 },
    );
  });
});
