import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/glossary/matcher/index.js';
import { normalizeForMatch, slotEnd, slotStart } from '../../../src/glossary/matcher/normalize.js';
import type { Glossary } from '../../../src/glossary/schema.js';
import type { Document, Part, Unit } from '../../../src/model/schema.js';
import { annotateTerms } from '../../../src/steps/annotate-terms.js';
import { seededRandom } from '../../helpers/random.js';

// Letters, separators that collapse, marks and joiners that are dropped, folded letters and digits, astral letters.
const PIECES = ['Ali', ' ', 'ra', 'Vi', '-', '  ', '\u2013', 'خامنه', '\u200C', 'ای', '\u064A', '\u0643', '\u064E', '\u0640', '۱', '’s', '.', '\uD835\uDC00', '\u200F', 'MEK', '\t'];

function randomText(rand: () => number, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i++) out += PIECES[Math.floor(rand() * PIECES.length)];
  return out;
}

const view = (text: string, fill: boolean) => {
  const m = normalizeForMatch(text, [], false, fill);
  const slots = [];
  for (let k = 0; k < m.length; k++) slots.push([m.lower[k], m.cased[k], m.word[k], slotStart(m, k), slotEnd(m, k)]);
  return slots;
};

describe('matcher fast paths', () => {
  it('normalize text that maps one unit to one slot as the general loop does', () => {
    const rand = seededRandom(21);
    let identity = 0;
    for (let round = 0; round < 3000; round++) {
      const text = randomText(rand, Math.floor(rand() * 12));
      if (normalizeForMatch(text).identity) identity++;
      expect(view(text, false)).toEqual(view(text, true));
    }
    // Both kinds of text were generated: the comparison covered the fast path and the hand-over.
    expect(identity).toBeGreaterThan(100);
    expect(identity).toBeLessThan(2900);
  });

  it('annotates segments of every key order exactly as spreading the matches in would', () => {
    const glossary: Glossary = {
      languages: ['en', 'fa'],
      entries: [
        { id: 'p1', terms: { en: [{ text: 'Ali Ravi', status: 'preferred' }], fa: [{ text: 'علی راوی', status: 'preferred' }] } },
        { id: 'o1', terms: { en: [{ text: 'MEK', status: 'preferred' }], fa: [{ text: 'مجاهدین خلق', status: 'preferred' }] } },
      ],
    } as unknown as Glossary;
    const matcher = createMatcher(glossary, 'en');
    const source = [{ type: 'text' as const, text: 'Ali Ravi met the MEK.' }];
    const shapes: Part[] = [
      { kind: 'segment', id: 's1', source, state: 'initial' },
      { kind: 'segment', id: 's2', source, target: source, state: 'translated' },
      { id: 's3', kind: 'segment', state: 'initial', source } as Part,
      { kind: 'segment', id: 's4', source, state: 'initial', matches: [] },
    ];
    const unit: Unit = { id: 'u1', kind: 'paragraph', translate: true, context: {}, notes: [], parts: shapes };
    const document = { path: 'a.txt', format: 'text', sourceLang: 'en', sha256: '', units: [unit], skeleton: { pieces: [] } } as unknown as Document;
    const annotated = annotateTerms(document, matcher).units[0]!.parts;
    annotated.forEach((part, i) => {
      const hits = matcher.findInContent(part.source).map((h) => ({ conceptId: h.conceptId, start: h.start, end: h.end, text: h.text }));
      expect(hits.length).toBe(2);
      expect(JSON.stringify(part)).toBe(JSON.stringify({ ...shapes[i]!, matches: hits }));
    });
  });
});
