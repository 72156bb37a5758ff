import { describe, expect, it } from 'vitest';
import type { Glossary } from '../../../src/glossary/schema.js';
import { termsIn } from '../../../src/glossary/matcher/index.js';
import { codePointAt, codePointBefore, isWordCodePoint } from '../../../src/lang/chars.js';
import { KeyTrie } from '../../../src/qa/key-trie.js';
import { findNumbers, numbersInToken } from '../../../src/qa/numbers.js';
import { glossaryMisspellings, joinedPrefixes, VERB_STEMS } from '../../../src/qa/persian.js';
import { differsBeyondSpacing } from '../../../src/qa/presence.js';
import { entry } from '../../helpers/concept.js';
import { seededRandom } from '../../helpers/random.js';

const ZWNJ = '\u200C';

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

function randomText(rand: () => number, pieces: readonly string[], length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += pick(rand, pieces);
  return out;
}

/** Every place a key occurs, found with `indexOf` key by key: what the trie must give in one walk. */
function occurrencesByScan(text: string, keys: readonly string[]): string[] {
  const out: string[] = [];
  keys.forEach((key, k) => {
    if (key === '') return;
    for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) out.push(`${i}:${k}:${i + key.length}`);
  });
  return out.sort();
}

const boundaryBefore = (text: string, i: number) => i === 0 || !isWordCodePoint(codePointBefore(text, i)) || text[i - 1] === ZWNJ;
const boundaryAfter = (text: string, i: number) => i >= text.length || !isWordCodePoint(codePointAt(text, i).cp) || text[i] === ZWNJ;
const fold = (text: string) => text.replace(/[\u064A\u0649]/gu, '\u06CC').replace(/\u0643/gu, '\u06A9');

/** The glossary's misspellings looked for one by one over the whole text, places sorted stably: the general path. */
function misspellingsByScan(text: string, glossary: Glossary): { start: number; end: number; expected: string }[] {
  const accepted = new Set(glossary.entries.flatMap((c) => termsIn(c, 'fa').filter((t) => t.status === 'preferred' || t.status === 'admitted').map((t) => fold(t.text))));
  const out: { start: number; end: number; expected: string }[] = [];
  for (const concept of glossary.entries)
    for (const term of termsIn(concept, 'fa')) {
      if (!term.text.includes(ZWNJ)) continue;
      const right = fold(term.text);
      for (const wrong of [right.replaceAll(ZWNJ, ' '), right.replaceAll(ZWNJ, '')]) {
        if (wrong === '' || accepted.has(wrong)) continue;
        for (let i = text.indexOf(wrong); i >= 0; i = text.indexOf(wrong, i + 1))
          if (boundaryBefore(text, i) && boundaryAfter(text, i + wrong.length)) out.push({ start: i, end: i + wrong.length, expected: term.text });
      }
    }
  return out.sort((a, b) => a.start - b.start);
}

describe('QA fast paths agree with the general ones', () => {
  it('a key trie finds every occurrence of every key, as indexOf does key by key', () => {
    const rand = seededRandom(21);
    const letters = ['ا', 'ب', 'ن', 'ه', ' ', ZWNJ, 'a', '\uD83D\uDE00'];
    let total = 0;
    for (let round = 0; round < 500; round++) {
      const keys = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => randomText(rand, letters, Math.floor(rand() * 4)));
      const text = randomText(rand, letters, Math.floor(rand() * 40));
      const trie = new KeyTrie();
      keys.forEach((key, k) => expect(trie.add(key)).toBe(k));
      const found: string[] = [];
      for (let at = 0; at < text.length; at++) {
        const starts = trie.startsAt(text, at);
        trie.matchAt(text, at, (k, end) => {
          expect(starts).toBe(true);
          found.push(`${at}:${k}:${end}`);
        });
      }
      expect(found.sort()).toEqual(occurrencesByScan(text, keys));
      total += found.length;
    }
    expect(total).toBeGreaterThan(500);
  });

  it('the glossary misspellings found through the trie are those found one by one, in the same order', () => {
    const rand = seededRandom(22);
    const parts = ['خامنه', 'ای', 'می', 'روزنامه', 'نگار', 'ها', 'رئیس', 'جمهور', 'ك', 'ي'];
    const glue = [ZWNJ, ZWNJ, ' ', ''];
    let found = 0;
    for (let round = 0; round < 200; round++) {
      const entries = Array.from({ length: 1 + Math.floor(rand() * 8) }, (_, i) => {
        const terms = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
          const text = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(rand, parts)).join(pick(rand, glue));
          return rand() < 0.2 ? { text, status: 'deprecated' as const } : text;
        });
        // a term of ZWNJ alone makes the empty misspelling, which is no word to look for
        if (rand() < 0.05) terms.push(ZWNJ);
        return entry(`c${i}`, { en: [`Term ${i}`], fa: terms });
      });
      const glossary: Glossary = { languages: ['en', 'fa'], origins: new Map(), entries };
      for (let k = 0; k < 5; k++) {
        // the glossary's own terms, their ZWNJ kept, dropped or made a space, among other words
        const spelled = entries.flatMap((e) => termsIn(e, 'fa').map((t) => t.text.replaceAll(ZWNJ, () => pick(rand, [ZWNJ, ' ', '']))));
        const words = Array.from({ length: Math.floor(rand() * 8) }, () => pick(rand, [...spelled, ...spelled, ...parts, 'x']));
        const text = fold(words.map((w) => w + pick(rand, [' ', ' ', '، ', ZWNJ, ''])).join(''));
        const expected = misspellingsByScan(text, glossary);
        expect(glossaryMisspellings(text, glossary)).toEqual(expected);
        found += expected.length;
      }
    }
    // the generated texts hold misspellings, often several at one place
    expect(found).toBeGreaterThan(100);
  });

  it('a plain run of digits is read as the general token reading reads it', () => {
    const rand = seededRandom(23);
    const digits = ['0', '1', '9', '۰', '۵', '٣', '٠'];
    for (let round = 0; round < 1000; round++) {
      const token = randomText(rand, digits, 1 + Math.floor(rand() * 8));
      const before = randomText(rand, ['a', ' ', 'ب'], Math.floor(rand() * 3));
      for (const lang of ['en', 'fa'])
        expect(findNumbers(`${before}${token} x`, lang)).toEqual(numbersInToken(`${before}${token} x`, before.length, token, lang === 'fa'));
    }
  });

  it('texts differ beyond spacing exactly when their collapsed forms differ', () => {
    const rand = seededRandom(24);
    const pieces = ['a', 'A', ' ', '  ', '\n', '\t', '\u00A0', '\u200C', 'ب', '.', '\uD83D\uDE00'];
    const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();
    for (let round = 0; round < 3000; round++) {
      const a = randomText(rand, pieces, Math.floor(rand() * 8));
      const b = rand() < 0.4 ? a.replace(/\s+/gu, (s) => pick(rand, [' ', '\n', s, '  '])) : randomText(rand, pieces, Math.floor(rand() * 8));
      expect(differsBeyondSpacing(a, b)).toBe(collapse(a) !== collapse(b));
    }
  });

  it('verb stems joined to می/نمی are found as trying every stem at every می finds them, in the same order', () => {
    /** Every stem tried at every place می stands, then sorted by stem, prefix and place. */
    const everyStem = (text: string) => {
      const found: { stem: number; prefix: number; slip: { start: number; end: number; expected: string } }[] = [];
      for (let at = text.indexOf('می'); at >= 0; at = text.indexOf('می', at + 1)) {
        const after = at + 2;
        const starts: [number, string][] = [[at, 'می']];
        if (at > 0 && text[at - 1] === 'ن') starts.push([at - 1, 'نمی']);
        for (const [start, prefix] of starts) {
          if (!boundaryBefore(text, start)) continue;
          VERB_STEMS.forEach((stem, k) => {
            if (text.startsWith(stem, after) && boundaryAfter(text, after + stem.length))
              found.push({ stem: k, prefix: prefix === 'می' ? 0 : 1, slip: { start, end: after + stem.length, expected: `${prefix}${ZWNJ}${stem}` } });
          });
        }
      }
      found.sort((a, b) => a.stem - b.stem || a.prefix - b.prefix || a.slip.start - b.slip.start);
      return found.map((f) => f.slip);
    };
    const rand = seededRandom(61);
    const pieces = ['می', 'نمی', 'ن', ' ', ' ', ZWNJ, 'شود', 'شوند', 'کن', 'کند', 'دان', 'میدان', 'گفت', 'a', '.', ' میشود ', ' نمیکند', 'میتوان', ...VERB_STEMS.slice(0, 6)];
    let found = 0;
    for (let round = 0; round < 4000; round++) {
      const text = randomText(rand, pieces, Math.floor(rand() * 10));
      const expected = everyStem(text);
      expect(joinedPrefixes(text), text).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(300);
  });
});
