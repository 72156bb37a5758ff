import fc from 'fast-check';
import { termArbitrary } from '../../helpers/term-arbitrary.js';
import { describe, expect, it } from 'vitest';
import { Automaton } from '../../../src/glossary/matcher/automaton.js';
import { createMatcher, type Hit } from '../../../src/glossary/matcher/index.js';
import type { Concept, Glossary } from '../../../src/glossary/schema.js';
import { plainText } from '../../../src/model/content.js';
import type { Content } from '../../../src/model/schema.js';

const FRAGMENTS = [
  'Iran', 'Iraq', 'MEK', 'PMOI', 'War', 'National', 'Council', 'of', 'Resistance', 'Ali', 'Khamenei', 'KHAMENEI',
  'ian', 's', "'s", '’s', "'", ' ', ' ', ' ', '-', '/', '.', '\n', '2', '۲', 'x',
  'خامنه', 'ای', 'ها', 'بر', 'ایران', 'ي', 'ك', '\u200C', '\u0640', '\u0650', '\u200F', '🇮🇷',
];
const WORDS = ['Iran', 'Iraq', 'MEK', 'PMOI', 'War', 'National', 'Council', 'of', 'Resistance', 'Ali', 'Khamenei', 'party', 'box', 'خامنه‌ای', 'ایران', 'خلق', 'مجاهدین'];
const SEPARATORS = [' ', '-', '/', '\u200C'];

const textArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

const termArb = termArbitrary(fc.constantFrom(...WORDS), SEPARATORS, 3);

const entriesArb = (prefix: string) =>
  fc.array(fc.array(termArb, { minLength: 1, maxLength: 3 }), { maxLength: 8 }).map((list) =>
    list.map(
      (terms, i): Concept => ({ id: `${prefix}${i}`, type: 'term', terms: { en: terms, fa: terms } }),
    ),
  );

const glossaryOf = (entries: Concept[]): Glossary => ({ languages: ['en', 'fa'], entries, origins: new Map() });

function wellFormed(text: string, hits: Hit[]): void {
  let last = 0;
  for (const hit of hits) {
    expect(hit.text).toBe(text.slice(hit.start, hit.end));
    expect(hit.start).toBeGreaterThanOrEqual(last);
    expect(hit.end).toBeGreaterThan(hit.start);
    expect(hit.stemEnd).toBeGreaterThan(hit.start);
    expect(hit.stemEnd).toBeLessThanOrEqual(hit.end);
    last = hit.end;
  }
}

describe('matcher properties', () => {
  it('every hit is the exact slice of the input, hits are sorted and never overlap', () => {
    fc.assert(
      fc.property(entriesArb('c'), textArb, fc.constantFrom('en', 'fa'), (entries, text, lang) => {
        wellFormed(text, createMatcher(glossaryOf(entries), lang).find(text));
      }),
      { numRuns: 400 },
    );
  });

  it('adding entries whose terms do not occur never changes the hits', () => {
    fc.assert(
      fc.property(entriesArb('c'), entriesArb('x'), textArb, fc.nat(), fc.constantFrom('en', 'fa'), (base, extra, text, seed, lang) => {
        const unrelated = extra.filter((e) => createMatcher(glossaryOf([e]), lang).find(text).length === 0);
        const merged = [...base];
        unrelated.forEach((e, i) => merged.splice((seed + i * 7) % (merged.length + 1), 0, e));
        const before = createMatcher(glossaryOf(base), lang).find(text);
        const after = createMatcher(glossaryOf(merged), lang).find(text);
        expect(after).toEqual(before);
      }),
      { numRuns: 400 },
    );
  });

  it('matching a segment is matching its plain text when only paired codes split it', () => {
    fc.assert(
      fc.property(entriesArb('c'), fc.array(fc.oneof(textArb, fc.constantFrom('<b>', '</b>')), { maxLength: 8 }), (entries, parts) => {
        const content: Content = parts.map((p, i) =>
          p === '<b>' || p === '</b>'
            ? { type: 'code', kind: p === '<b>' ? 'open' : 'close', id: String(i), tag: 'b', data: p }
            : { type: 'text', text: p },
        );
        const matcher = createMatcher(glossaryOf(entries), 'en');
        const text = plainText(content);
        const found = matcher.findInContent(content);
        wellFormed(text, found);
        expect(found).toEqual(matcher.find(text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('automaton', () => {
  const alphabet = ['a', 'b', 's', ' ', '-', 'ب'];
  const isWord = (c: string) => c !== ' ' && c !== '-';
  const keyArb = fc.record({
    text: fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 5 }).map((a) => a.join('')),
    inflects: fc.boolean(),
  });
  const inflectionStart = new Uint8Array(0x10000);
  inflectionStart['s'.charCodeAt(0)] = 1;

  it('reports exactly the key occurrences that start at a word start and end at a word end or an inflection', () => {
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 12 }), fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (keys, chars) => {
        const text = chars.join('');
        const units = Uint16Array.from(chars, (c) => c.charCodeAt(0));
        const word = Uint8Array.from(chars, (c) => (isWord(c) ? 1 : 0));
        const automaton = new Automaton(
          keys.map((k) => ({ text: k.text, inflects: k.inflects, word: Uint8Array.from([...k.text], (c) => (isWord(c) ? 1 : 0)) })),
        );
        const got: string[] = [];
        automaton.scan(units, word, units.length, inflectionStart, (k, end) => got.push(`${k}@${end}`));
        const want: string[] = [];
        keys.forEach(({ text: k, inflects }, ki) => {
          for (let s = 0; s + k.length <= text.length; s++) {
            const e = s + k.length;
            const wordStart = s === 0 || !isWord(text[s - 1]!) || !isWord(text[s]!);
            const next = text[e];
            const wordEnd = next === undefined || !isWord(next) || !isWord(k.at(-1)!) || (inflects && next === 's');
            if (wordStart && wordEnd && text.startsWith(k, s)) want.push(`${ki}@${e}`);
          }
        });
        expect(got.sort()).toEqual(want.sort());
      }),
      { numRuns: 1000 },
    );
  });
});
