import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Automaton } from '../../../src/glossary/matcher/automaton.js';
import { createMatcher } from '../../../src/glossary/matcher/index.js';
import { normalizeForMatch, wordFlags } from '../../../src/glossary/matcher/normalize.js';
import type { Concept, Glossary } from '../../../src/glossary/schema.js';
import type { Content } from '../../../src/model/schema.js';
import { INFLECTION_START, keysOf, termArbitrary } from '../../helpers/term-arbitrary.js';

/**
 * The scan straight over the string (`scanText`, which folds each unit as it goes and gives up on
 * text that does not map one unit to one slot) against the scan over the normalized copy, and
 * the hits it leads to against those of the general path.
 */

const ENGLISH = ['Iran', 'iran', 'IRAN', 'Iraq', 'MEK', 'mek', 'party', 'Party', 'parties', 'box', 'boxes', 'Ali', 'ALI', 'Khamenei', 'of', 'War', 'Raja', 'Rajavi', 'said', 'Said', 'U.S.', 'a', 'an'];
const PERSIAN = ['خامنه', 'ای', 'خامنه‌ای', 'ایران', 'ايران', 'كشور', 'کشور', 'ها', 'های', 'نامه', 'نا', 'مه', 'رجوی', 'بر'];
/** Separators and extras, some of which keep one unit per slot and some of which do not. */
const EXTRAS = [' ', ' ', '-', '  ', ' - ', '\u200C', '\u200D', '\u0640', '\u064E', '\u200F', '\n', '\t', '.', ',', '’s', "'s", "'", 's', 'es', 'ی', '2', '۲', '٣', '(', '«', '»', '🇮🇷', '𝐀', '\uD800', 'İ', 'ʼ'];

const wordArb = fc.oneof(fc.constantFrom(...ENGLISH), fc.constantFrom(...PERSIAN));
const termArb = termArbitrary(wordArb, [' ', '-', '\u200C', '  '], 2);

const glossaryArb = fc.array(fc.array(termArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }).map(
  (list): Glossary => ({
    languages: ['en', 'fa'],
    entries: list.map((terms, i): Concept => ({ id: `c${i}`, type: 'term', terms: { en: terms, fa: terms } })),
    origins: new Map(),
  }),
);

/** Endings the checks after an occurrence read past its end for. */
const ENDINGS = ['', '', 's', 'es', "'s", '’s', "es's", "s'", "s's", 'ها', 'های', 'ی', 'ای', 'اش', 'را', 'هایی'];
const inflectedArb = fc.tuple(wordArb, fc.constantFrom(...ENDINGS)).map(([w, e]) => w + e);

/** Mostly words and single spaces, so that many texts keep one unit per slot. */
const textArb = fc
  .array(fc.oneof({ arbitrary: inflectedArb, weight: 5 }, { arbitrary: fc.constant(' '), weight: 4 }, { arbitrary: fc.constantFrom(...EXTRAS), weight: 2 }), { maxLength: 30 })
  .map((parts) => parts.join(''));


function overString(automaton: Automaton, text: string): string[] | undefined {
  const found = automaton.scanText(text, INFLECTION_START);
  if (found < 0) return undefined;
  const pairs = automaton.occurrences();
  const out: string[] = [];
  for (let j = 0; j < found; j++) out.push(`${pairs[j * 2]}@${pairs[j * 2 + 1]}`);
  return out;
}

function overCopy(automaton: Automaton, text: string): string[] {
  const m = normalizeForMatch(text);
  const out: string[] = [];
  automaton.scan(m.lower, m.word, m.length, INFLECTION_START, (k, end) => out.push(`${k}@${end}`), m.cased);
  return out;
}

describe('scan over the string', () => {
  it('finds what the scan over the normalized copy finds, in the same order, or gives up exactly where the copy is not one unit per slot', () => {
    let taken = 0;
    let declined = 0;
    fc.assert(
      fc.property(glossaryArb, textArb, fc.constantFrom('en', 'fa'), (glossary, text, lang) => {
        const automaton = new Automaton(keysOf(glossary, lang));
        const direct = overString(automaton, text);
        const identity = normalizeForMatch(text).identity;
        if (direct === undefined) {
          declined++;
          expect(identity).toBe(false);
        } else {
          taken++;
          expect(identity).toBe(true);
          expect(direct).toEqual(overCopy(automaton, text));
        }
      }),
      { numRuns: 800 },
    );
    // Both ways were exercised: the comparison and the hand-over.
    expect(taken).toBeGreaterThan(100);
    expect(declined).toBeGreaterThan(100);
  });

  it('finds the same occurrences through nodes with many children, ASCII and not', () => {
    // A wide alphabet gives nodes more children than are searched one by one, so the ASCII rows
    // and the search by halves (for the Persian letters) both decide steps.
    const alphabet = [...'abcdefghijklmnopqrstuvwxyz0123456789', ...'ابپتثجچحخدذرزسشصضطظعغفقکگلمنوهی'];
    const keyArb = fc
      .tuple(fc.constantFrom('', 'ab', 'abab', 'سل'), fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }))
      .map(([prefix, rest]) => prefix + rest.join(''));
    fc.assert(
      fc.property(fc.array(keyArb, { minLength: 1, maxLength: 300, size: 'max' }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...alphabet)), { maxLength: 120, size: 'max' }), (texts, tokens) => {
        const automaton = new Automaton(texts.map((t) => ({ text: t, word: wordFlags(t), inflects: t.length % 2 === 0 })));
        // Single spaces only: each unit is its own slot, so the string is scanned to the end.
        const text = tokens.map(([n, c]) => (n % 3 === 0 ? texts[n % texts.length]! : n % 3 === 1 ? ' ' : c)).join('').replace(/ {2,}/g, ' ');
        const direct = overString(automaton, text);
        expect(direct).toBeDefined();
        expect(direct).toEqual(overCopy(automaton, text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('hits from the scan over the string', () => {
  it('are the hits of the general path, which a standalone code at the very end forces', () => {
    const code: Content[number] = { type: 'code', kind: 'standalone', id: 'x', tag: 'br', data: '<br/>' };
    fc.assert(
      fc.property(glossaryArb, textArb, fc.constantFrom('en', 'fa'), (glossary, text, lang) => {
        const matcher = createMatcher(glossary, lang);
        // The code adds a separator after the last unit, which no check can tell from the end of the text.
        expect(matcher.find(text)).toEqual(matcher.findInContent([{ type: 'text', text }, code]));
      }),
      { numRuns: 800 },
    );
  });

  it('are found with the case of the text: capitals headlines, sentence starts, names in lower case', () => {
    const glossary: Glossary = {
      languages: ['en', 'fa'],
      entries: [
        { id: 'k', type: 'term', terms: { en: [{ text: 'Khamenei', status: 'preferred', case: 'sensitive' }] } },
        { id: 'p', type: 'term', terms: { en: [{ text: 'party', status: 'preferred', case: 'sensitive' }] } },
        { id: 'i', type: 'term', terms: { en: [{ text: 'Iran', status: 'preferred', case: 'insensitive' }] } },
      ],
      origins: new Map(),
    } as unknown as Glossary;
    const matcher = createMatcher(glossary, 'en');
    const ids = (text: string) => matcher.find(text).map((h) => `${h.conceptId}:${h.text}`);
    expect(ids('KHAMENEI SAYS IRAN WILL WAIT')).toEqual(['k:KHAMENEI', 'i:IRAN']);
    expect(ids('Khamenei met khamenei.')).toEqual(['k:Khamenei']);
    expect(ids('Parties met. The party’s head, IRAN’s envoy.')).toEqual(['p:Parties', 'p:party’s', 'i:IRAN’s']);
  });
});
