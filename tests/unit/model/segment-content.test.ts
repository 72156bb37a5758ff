import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeContent, plainText } from '../../../src/model/content.js';
import type { Content, Inline, InlineCode, Segment } from '../../../src/model/schema.js';
import { segmentContent, sentenceRanges } from '../../../src/segment/segment-content.js';
import type { Segmenter } from '../../../src/segment/segmenter.js';

/** Breaks after every `.`, `!` or `?` that whitespace follows: enough to test the glue alone. */
const naive: Segmenter = {
  lang: 'xx',
  breaks(text) {
    const out: number[] = [];
    for (const m of text.matchAll(/[.!?](?=\s)/gu)) out.push(m.index! + 1);
    return out;
  },
};

const open = (id: string, data = '<b>'): InlineCode => ({ type: 'code', kind: 'open', id, tag: 'b', data });
const close = (id: string, data = '</b>'): InlineCode => ({ type: 'code', kind: 'close', id, tag: 'b', data });
const ph = (id: string): InlineCode => ({ type: 'code', kind: 'standalone', id, tag: 'br', data: '<br>' });
const t = (text: string): Inline => ({ type: 'text', text });

function texts(parts: ReturnType<typeof segmentContent>) {
  return parts.map((p) => `${p.kind === 'segment' ? 'S' : 'I'}:${plainText(p.source)}`);
}

describe('segmentContent', () => {
  it('puts sentences in segments and the spaces between them in ignorables', () => {
    const parts = segmentContent([t('  One. Two!  Three?  ')], naive);
    expect(texts(parts)).toEqual(['I:  ', 'S:One.', 'I: ', 'S:Two!', 'I:  ', 'S:Three?', 'I:  ']);
    expect(parts.map((p) => p.id)).toEqual(['i1', 's1', 'i2', 's2', 'i3', 's3', 'i4']);
  });

  it('keeps a code pair inside one sentence and never breaks because of a code', () => {
    const parts = segmentContent([t('Mr'), ph('1'), t('. Smith met '), open('2'), t('Dr. Jones'), close('2'), t('. Then left.')], naive);
    const segs = parts.filter((p): p is Segment => p.kind === 'segment');
    expect(segs.map((s) => plainText(s.source))).toEqual(['Mr.', 'Smith met Dr.', 'Jones.', 'Then left.']);
    expect(segs[0]!.source).toEqual([t('Mr'), ph('1'), t('.')]);
  });

  it('keeps a closing code with the sentence it closes and an opening code with the next', () => {
    const parts = segmentContent([open('1'), t('One.'), close('1'), t(' '), open('2'), t('Two.'), close('2')], naive);
    expect(parts.map((p) => p.source)).toEqual([[open('1'), t('One.'), close('1')], [t(' ')], [open('2'), t('Two.'), close('2')]]);
  });

  it('lets a pair span sentences when the markup does', () => {
    const parts = segmentContent([open('1'), t('One. Two.'), close('1')], naive);
    expect(parts.map((p) => p.source)).toEqual([[open('1'), t('One.')], [t(' ')], [t('Two.'), close('1')]]);
  });

  it('keeps content with no visible text as one segment', () => {
    expect(segmentContent([ph('1')], naive)).toEqual([{ kind: 'segment', id: 's1', source: [ph('1')], state: 'initial' }]);
  });

  it('drops breaks that would make empty sentences', () => {
    expect(sentenceRanges('A.  B.', [2, 3, 4])).toEqual([{ start: 0, end: 2 }, { start: 4, end: 6 }]);
  });

  it('never loses, adds or reorders anything (property)', () => {
    const item: fc.Arbitrary<Inline> = fc.oneof(
      fc.constantFrom('One. ', 'Two!', ' ', '  ', 'word', '.', '? ', 'خامنه‌ای گفت. ', '\n', 'U.S. ').map(t),
      fc.constantFrom('a', 'b', 'c').map(ph),
      fc.constantFrom('p', 'q').chain((id) => fc.constantFrom(open(id), close(id))),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), (content: Content) => {
        const parts = segmentContent(content, naive);
        expect(normalizeContent(parts.flatMap((p) => p.source))).toEqual(normalizeContent(content));
        const ids = parts.map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        const segs = parts.filter((p) => p.kind === 'segment');
        expect(segs.length).toBeGreaterThan(0);
        if (segs.length > 1) for (const s of segs) expect(plainText(s.source).trim()).not.toBe('');
        for (const p of parts) if (p.kind === 'ignorable') expect(plainText(p.source).trim()).toBe('');
      }),
      { numRuns: 3000 },
    );
  });
});
