import fc from 'fast-check';
import { INFLECTION_START, keysOf, termArbitrary } from '../../helpers/term-arbitrary.js';
import { describe, expect, it } from 'vitest';
import { Automaton, type AutomatonKey } from '../../../src/glossary/matcher/automaton.js';
import { createMatcher } from '../../../src/glossary/matcher/index.js';
import { normalizeForMatch } from '../../../src/glossary/matcher/normalize.js';
import type { Concept, Glossary } from '../../../src/glossary/schema.js';

/**
 * The automaton against the plainest matcher there is: every key tried at every position of the
 * normalized text, with the same word-start, word-end, inflection and first-unit rules. Keys come
 * from generated glossaries through the real pattern builder, texts through the real normalizer.
 */

const ENGLISH_WORDS = ['Iran', 'iran', 'IRAN', 'Iraq', 'MEK', 'mek', 'party', 'Party', 'box', 'Ali', 'ali', 'Khamenei', 'of', 'war', 'War', 'Rajavi', 'Raja', 'as', 'said', 'Said'];
const PERSIAN_WORDS = ['خامنه', 'ای', 'خامنه‌ای', 'ایران', 'ايران', 'خلق', 'مجاهدین', 'ها', 'بر', 'نامه', 'نا', 'مه', 'رجوی', 'كشور', 'کشور'];
const SEPARATORS = [' ', '-', '\u200C', '  ', ' - '];
const TEXT_EXTRAS = ['s', 'es', "'s", '’s', "'", '.', ',', '\n', '\u200C', '\u0640', '\u064E', 'ی', 'های', '2', '۲', '(', '«', '»', '🇮🇷', '𝐀'];

const wordArb = fc.oneof(fc.constantFrom(...ENGLISH_WORDS), fc.constantFrom(...PERSIAN_WORDS));

const termArb = termArbitrary(wordArb, SEPARATORS, 2);

const glossaryArb = fc.array(fc.array(termArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }).map(
  (list): Glossary => ({
    languages: ['en', 'fa'],
    entries: list.map((terms, i): Concept => ({ id: `c${i}`, type: 'term', terms: { en: terms, fa: terms } })),
    origins: new Map(),
  }),
);

const textArb = fc
  .array(fc.oneof(wordArb, fc.constantFrom(...SEPARATORS), fc.constantFrom(...TEXT_EXTRAS)), { maxLength: 30 })
  .map((parts) => parts.join(''));


/** Every key at every position, by the rules the automaton documents. */
function naive(keys: readonly AutomatonKey[], lower: Uint16Array, cased: Uint16Array, word: Uint8Array, n: number): string[] {
  const out: string[] = [];
  keys.forEach((key, k) => {
    const len = key.text.length;
    if (len === 0) return;
    for (let s = 0; s + len <= n; s++) {
      let same = true;
      for (let i = 0; same && i < len; i++) same = lower[s + i] === key.text.charCodeAt(i);
      if (!same) continue;
      if (!(s === 0 || !word[s - 1] || !word[s])) continue;
      const e = s + len;
      const lastWordy = key.word[len - 1] === 1;
      const continued = e < n && word[e] === 1;
      if (continued && lastWordy && !(key.inflects && INFLECTION_START[lower[e]!] === 1)) continue;
      if (key.first && cased[s] !== key.first[0] && cased[s] !== key.first[1]) continue;
      out.push(`${k}@${e}`);
    }
  });
  return out.sort();
}

function scanned(automaton: Automaton, lower: Uint16Array, cased: Uint16Array, word: Uint8Array, n: number): string[] {
  const out: string[] = [];
  automaton.scan(lower, word, n, INFLECTION_START, (k, end) => out.push(`${k}@${end}`), cased);
  return out.sort();
}

describe('automaton against a naive matcher', () => {
  it('finds the same key occurrences in English, Persian and mixed text, in any case', () => {
    fc.assert(
      fc.property(glossaryArb, textArb, fc.constantFrom('en', 'fa'), (glossary, text, lang) => {
        const keys = keysOf(glossary, lang);
        const m = normalizeForMatch(text);
        const lower = m.lower.slice(0, m.length);
        const cased = m.cased.slice(0, m.length);
        const word = m.word.slice(0, m.length);
        expect(scanned(new Automaton(keys), lower, cased, word, m.length)).toEqual(naive(keys, lower, cased, word, m.length));
      }),
      { numRuns: 600 },
    );
  });

  it('finds the same occurrences when nodes have many children and keys share long prefixes', () => {
    // A wide alphabet gives nodes more children than the short sorted lists hold, and long shared
    // prefixes many nodes reached by several keys.
    const alphabet = [...'abcdefghijklmnopqrstuvwxyz', ...'ابپتثجچحخدذرزسشصضطظعغفقکگلمنوهی', ' '];
    const isWord = (c: number) => c !== 0x20;
    const keyArb = fc
      .tuple(fc.constantFrom('', 'ab', 'abab', 'سل'), fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }))
      .map(([prefix, rest]) => prefix + rest.join(''));
    fc.assert(
      fc.property(fc.array(keyArb, { minLength: 1, maxLength: 300, size: 'max' }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...alphabet)), { maxLength: 120, size: 'max' }), (texts, tokens) => {
        const keys = texts.map((t) => ({ text: t, word: Uint8Array.from(t, (c) => (isWord(c.charCodeAt(0)) ? 1 : 0)), inflects: t.length % 2 === 0 }));
        // Mostly whole keys and spaces, so that occurrences start at word starts and many are found.
        const text = tokens.map(([n, c]) => (n % 3 === 0 ? texts[n % texts.length]! : n % 3 === 1 ? ' ' : c)).join('');
        const units = Uint16Array.from(text, (c) => c.charCodeAt(0));
        const word = units.map((c) => (isWord(c) ? 1 : 0));
        const flags = Uint8Array.from(word);
        expect(scanned(new Automaton(keys), units, units, flags, units.length)).toEqual(naive(keys, units, units, flags, units.length));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the hits of a glossary the same whatever the order its keys are built in', () => {
    fc.assert(
      fc.property(glossaryArb, textArb, (glossary, text) => {
        const reversed: Glossary = { ...glossary, entries: [...glossary.entries].reverse() };
        const ids = (g: Glossary) =>
          createMatcher(g, 'fa')
            .find(text)
            .map((h) => `${h.start}-${h.end}`);
        const spans = ids(glossary);
        // Which concept wins a tie may change with the order; the spans found may not.
        expect(ids(reversed)).toEqual(spans);
      }),
      { numRuns: 200 },
    );
  });
});
