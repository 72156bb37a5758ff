import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticles } from '../../../bench/corpus.js';
import { readsSegmented, rendersAs } from '../../../src/formats/shared.js';
import { textFormat } from '../../../src/formats/text/index.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import type { Document } from '../../../src/model/schema.js';
import { segmentDocument } from '../../../src/segment/segment-content.js';
import type { Segmenter } from '../../../src/segment/segmenter.js';
import { createSegmenter } from '../../../src/segment/srx/index.js';
import { extractDocument } from '../../../src/steps/extract-document.js';

const enc = new TextEncoder();
const options = { path: 'doc.txt', sourceLang: 'en', targetLang: 'fa' };
const escapers = { text: (s: string) => s };

/** The general path: the whole-unit document, the merge law checked on it, then segmentation. */
function generalPath(bytes: Uint8Array, segmenter: Segmenter): { document: Document; intact: boolean } {
  const whole = textFormat.extract(bytes, options);
  const intact = Buffer.from(textFormat.merge(whole)).equals(Buffer.from(bytes));
  return { document: segmentDocument(whole, segmenter), intact };
}

/** Same document, same key order: the JSON the `--dump` option prints and the XLIFF writers read. */
function expectSame(bytes: Uint8Array, segmenter: Segmenter) {
  const fast = textFormat.extractSegmented(bytes, options, segmenter);
  const general = generalPath(bytes, segmenter);
  expect(fast.intact).toBe(general.intact);
  expect(JSON.stringify(fast.document)).toBe(JSON.stringify(general.document));
}

const word = fc.constantFrom(
  'Iran', 'said', 'the', 'U.S.', 'Dr.', 'Mr.', 'p.m.', 'No.', '5', '1988.', 'end.', 'Why?', 'Yes!', '“Quote.”', '(aside.)',
  'e.g.', '…', 'خامنه‌ای', 'گفت.', '؟', '«نه».', 'J.', 'R.', '—', '\u00A0', '\t', '😀.',
);
const line = fc
  .tuple(
    fc.constantFrom('', ' ', '\t', '   '),
    fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', '  ', '')), { minLength: 0, maxLength: 40 }),
    fc.constantFrom('', ' ', '  '),
  )
  .map(([a, ws, b]) => a + ws.map(([w, gap]) => w + gap).join('') + b);
const textDocument = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n\n\n')), { maxLength: 30 }), fc.boolean())
  .map(([bom, lines, finalEol]) => (bom ? '\uFEFF' : '') + lines.map(([l, e], i) => l + (i < lines.length - 1 || finalEol ? e : '')).join(''));

describe('text format: reading and segmenting in one pass', () => {
  const en = createSegmenter('en');
  const fa = createSegmenter('fa');

  it('is offered to the extraction step', () => {
    expect(readsSegmented(textFormat)).toBe(true);
  });

  it.each([1388, 7, 20260])('gives the document of the general path on generated articles (seed %i)', (seed) => {
    expectSame(enc.encode(makeArticles(120_000, 'text', { seed })), en);
  });

  it('gives the document of the general path on generated documents, English and Persian rules (property)', () => {
    fc.assert(
      fc.property(textDocument, fc.boolean(), (source, persian) => expectSame(enc.encode(source), persian ? fa : en)),
      { numRuns: 1500, seed: 1388 },
    );
  });

  it('gives the same document through a segmenter that only has `breaks`', () => {
    const plain: Segmenter = { lang: 'en', breaks: (text) => en.breaks(text) };
    fc.assert(
      fc.property(textDocument, (source) => {
        const bytes = enc.encode(source);
        expect(JSON.stringify(textFormat.extractSegmented(bytes, options, plain).document)).toBe(JSON.stringify(generalPath(bytes, en).document));
      }),
      { numRuns: 300, seed: 61 },
    );
  });

  it('is what extractDocument returns for a text file', () => {
    const bytes = enc.encode(makeArticles(30_000, 'text', { seed: 3 }));
    const request = { bytes, path: 'doc.txt', format: textFormat, sourceLang: 'en', targetLang: 'fa', segmenter: en };
    expect(JSON.stringify(extractDocument(request))).toBe(JSON.stringify(generalPath(bytes, en).document));
  });

  it('still refuses invalid UTF-8 with its location', () => {
    const bytes = new Uint8Array([...enc.encode('ok line\nbad '), 0xff]);
    expect(() => textFormat.extractSegmented(bytes, options, en)).toThrow(TarjomanError);
  });

  it('shares the one-space gaps between sentences frozen, so no unit can change another', () => {
    const { document } = textFormat.extractSegmented(enc.encode('One. Two. Three.\n\nFour. Five.\n'), options, en);
    const gaps = document.units.flatMap((u) => u.parts.filter((p) => p.kind === 'ignorable'));
    expect(gaps.length).toBe(3);
    for (const gap of gaps) {
      expect(Object.isFrozen(gap) && Object.isFrozen(gap.source) && Object.isFrozen(gap.source[0])).toBe(true);
      expect(() => (gap.source as unknown[]).push({ type: 'text', text: 'x' })).toThrow(TypeError);
    }
  });
});

describe('rendersAs: the round-trip comparison without the rendered copy', () => {
  const en = createSegmenter('en');
  const source = 'Title\n\nOne. Two.\n\n  Three.  \n';
  const { document } = textFormat.extractSegmented(enc.encode(source), options, en);

  it('agrees with the rendered text on the document as read', () => {
    expect(rendersAs(document, document.skeleton, escapers, source)).toBe(true);
  });

  it('finds a piece left out, a piece changed, text missing at the end and text added at the end', () => {
    const pieces = document.skeleton.pieces;
    const without = { ...document.skeleton, pieces: pieces.filter((_, i) => i !== 1) };
    expect(rendersAs(document, without, escapers, source)).toBe(false);
    const changed = { ...document.skeleton, pieces: pieces.map((p) => (p === '\n\n' ? '\n \n' : p)) };
    expect(rendersAs(document, changed, escapers, source)).toBe(false);
    expect(rendersAs(document, document.skeleton, escapers, `${source}more`)).toBe(false);
    expect(rendersAs(document, { ...document.skeleton, pieces: [...pieces, 'x'] }, escapers, source)).toBe(false);
  });

  it('finds units named out of order, and a target that differs from the source', () => {
    const reversed = { ...document, units: [...document.units].reverse() };
    expect(rendersAs(reversed, document.skeleton, escapers, source)).toBe(true);
    const unit = document.units[1]!;
    const translated = {
      ...document,
      units: document.units.map((u) =>
        u === unit ? { ...u, parts: u.parts.map((p) => (p.kind === 'segment' ? { ...p, target: [{ type: 'text' as const, text: 'X.' }] } : p)) } : u,
      ),
    };
    expect(rendersAs(translated, document.skeleton, escapers, source)).toBe(false);
    expect(rendersAs(translated, document.skeleton, escapers, 'Title\n\nX. X.\n\n  Three.  \n')).toBe(true);
  });
});
