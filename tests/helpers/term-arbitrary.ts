import fc from 'fast-check';
import type { AutomatonKey } from '../../src/glossary/matcher/automaton.js';
import { upperUnit, wordFlags } from '../../src/glossary/matcher/normalize.js';
import { buildPatterns } from '../../src/glossary/matcher/patterns.js';
import type { Glossary } from '../../src/glossary/schema.js';
import { PERSIAN_SUFFIXES } from '../../src/lang/fa.js';

/**
 * A glossary term for matcher properties: one to `1 + extraWords` words joined by separators,
 * any status, either case rule, abbreviation or not.
 */
export function termArbitrary(word: fc.Arbitrary<string>, separators: readonly string[], extraWords: number) {
  const text = fc
    .tuple(word, fc.array(fc.tuple(fc.constantFrom(...separators), word), { maxLength: extraWords }))
    .map(([first, rest]) => first + rest.map(([s, w]) => s + w).join(''));
  return fc.record({
    text,
    status: fc.constantFrom('preferred', 'admitted', 'deprecated', 'forbidden') as fc.Arbitrary<'preferred'>,
    case: fc.constantFrom('sensitive', 'insensitive') as fc.Arbitrary<'sensitive'>,
    abbreviation: fc.boolean(),
  });
}

/** The characters an inflection ending can start with, as the matcher's scans are given them. */
export const INFLECTION_START = new Uint8Array(0x10000);
for (const c of ['s', 'e', ...PERSIAN_SUFFIXES.map((s) => s[0]!)]) INFLECTION_START[c.charCodeAt(0)] = 1;

/** The automaton keys `createMatcher` builds for one language of a glossary. */
export function keysOf(glossary: Glossary, lang: string): AutomatonKey[] {
  return buildPatterns(glossary, lang).map((p) => {
    const key: AutomatonKey = { text: p.key, word: wordFlags(p.key), inflects: p.english || p.persian };
    if (p.sensitive && p.caseLen > 0) key.first = [p.cased.charCodeAt(0), upperUnit(p.cased.charCodeAt(0))];
    return key;
  });
}
