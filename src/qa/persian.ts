import { termsIn } from '../glossary/matcher/index.js';
import { codePointAt, codePointBefore, isArabicScriptLetter, isLatinLetter, isWordCodePoint, ZWNJ } from '../lang/chars.js';
import { arabicLetterOffsets, foldPersianLetter } from '../lang/fa.js';
import { KeyTrie } from './key-trie.js';
import { formatCount, inRanges, issue, addressRanges, quote, spanOf } from './shared.js';
import type { Issue, QaCheck, QaContext } from './types.js';

const onlyPersian = (run: (context: QaContext) => Issue[]) => (context: QaContext) => (context.targetPrimary === 'fa' ? run(context) : []);

/** The word around an offset, for messages that point into a long sentence. */
interface Word {
  start: number;
  end: number;
}

function wordAround(text: string, offset: number): Word {
  let start = offset;
  while (start > 0 && isWordCodePoint(codePointBefore(text, start))) start--;
  let end = offset;
  while (end < text.length && isWordCodePoint(codePointAt(text, end).cp)) end++;
  return { start, end };
}

const PERSIAN_FOR: Record<number, string> = { 0x064a: 'ی', 0x0649: 'ی', 0x0643: 'ک' };

const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Arabic yeh, alef maksura and kaf look alike but break search, sorting and the glossary: an error at each place. */
/** The letters `arabicLetterOffsets` looks for: a text without any is not walked letter by letter. */
const ARABIC_LETTER = /[\u064A\u0649\u0643]/u;

export const arabicLetters: QaCheck = {
  rules: ['fa-arabic-letter'],
  run: onlyPersian(({ targetText }) =>
    (ARABIC_LETTER.test(targetText) ? arabicLetterOffsets(targetText) : []).map((offset) => {
      const cp = targetText.charCodeAt(offset);
      const word = wordAround(targetText, offset);
      const fixed = [...targetText.slice(word.start, word.end)].map((ch) => String.fromCodePoint(foldPersianLetter(ch.codePointAt(0)!))).join('');
      return issue(
        'fa-arabic-letter',
        'error',
        { letter: codePoint(cp), persian: quote(PERSIAN_FOR[cp]!), word: quote(targetText.slice(word.start, word.end)), position: formatCount(offset + 1) },
        { targetSpan: spanOf(targetText, offset, offset + 1), expected: [fixed] },
      );
    }),
  ),
};

const PERSIAN_MARK: Record<string, string> = { ',': '،', ';': '؛', '?': '؟' };
/** The marks of `PERSIAN_MARK`, found by the regular expression engine rather than a look at every character. */
const LATIN_MARK = /[,;?]/gu;

type Side = 'latin' | 'persian' | 'none';

/** The script of the nearest letter in one direction, looking past spaces, digits and punctuation. */
function nearestScript(text: string, from: number, step: 1 | -1): Side {
  for (let i = from; i >= 0 && i < text.length; i += step) {
    const cp = text.charCodeAt(i);
    if (isLatinLetter(cp)) return 'latin';
    if (isArabicScriptLetter(cp)) return 'persian';
  }
  return 'none';
}

const isDigitChar = (ch: string | undefined) => ch !== undefined && /[0-9\u06F0-\u06F9\u0660-\u0669]/u.test(ch);

/**
 * `,` `;` `?` in Persian prose should be `،` `؛` `؟`. Left alone: a comma between digits (a
 * thousands group), marks inside a URL, and marks inside a run of Latin text (a quoted English
 * title), that is with Latin letters on the left and no Persian on the right.
 */
export const latinPunctuation: QaCheck = {
  rules: ['fa-latin-punctuation'],
  run: onlyPersian(({ targetText }) => {
    const out: Issue[] = [];
    let addresses: ReturnType<typeof addressRanges> | undefined;
    LATIN_MARK.lastIndex = 0;
    for (let m = LATIN_MARK.exec(targetText); m; m = LATIN_MARK.exec(targetText)) {
      const i = m.index;
      const ch = m[0];
      const persian = PERSIAN_MARK[ch]!;
      if (inRanges((addresses ??= addressRanges(targetText)), i)) continue;
      if (ch === ',' && isDigitChar(targetText[i - 1]) && isDigitChar(targetText[i + 1])) continue;
      if (nearestScript(targetText, i - 1, -1) === 'latin' && nearestScript(targetText, i + 1, 1) !== 'persian') continue;
      out.push(issue('fa-latin-punctuation', 'warning', { mark: quote(ch), persian: quote(persian), position: formatCount(i + 1) }, { targetSpan: spanOf(targetText, i, i + 1), expected: [persian] }));
    }
    return out;
  }),
};

/** Persian letters folded, same length, so offsets found in it hold in the original. */
const fold = (text: string) => text.replace(/[\u064A\u0649\u0643]/gu, (ch) => String.fromCodePoint(foldPersianLetter(ch.codePointAt(0)!)));

const boundaryBefore = (text: string, i: number) => i === 0 || !isWordCodePoint(codePointBefore(text, i)) || text[i - 1] === ZWNJ;
const boundaryAfter = (text: string, i: number) => i >= text.length || !isWordCodePoint(codePointAt(text, i).cp) || text[i] === ZWNJ;

/** Verb stems that follow می/نمی; joined without ZWNJ («میشود») they are a slip, not another word. */
export const VERB_STEMS = [
  'شود', 'شوند', 'شد', 'شدند', 'کند', 'کنند', 'کرد', 'کردند', 'گوید', 'گویند', 'گفت', 'گفتند', 'دهد', 'دهند', 'داد', 'دادند',
  'تواند', 'توانند', 'توانست', 'خواهد', 'خواهند', 'خواست', 'رود', 'روند', 'رفت', 'آید', 'آیند', 'آمد', 'باشد', 'باشند',
  'داند', 'دانند', 'گیرد', 'گیرند', 'گرفت', 'بیند', 'بینند', 'دید', 'ماند', 'مانند', 'رسد', 'رسند', 'رسید',
];

/** The places in `VERB_STEMS` of the stems beginning with each letter. */
const STEMS_BY_FIRST = new Map<number, number[]>();
VERB_STEMS.forEach((stem, k) => {
  const first = stem.charCodeAt(0);
  const list = STEMS_BY_FIRST.get(first);
  if (list) list.push(k);
  else STEMS_BY_FIRST.set(first, [k]);
});

export interface Slip {
  start: number;
  end: number;
  expected: string;
}

/**
 * «میشود», «نمیتوان»: a verb stem joined to می/نمی without ZWNJ, in the order of `VERB_STEMS`,
 * then of the prefix, then of the place. Looking for every stem in the whole text took most of
 * the time QA spends on a file, so only the places where می stands are tried.
 */
export function joinedPrefixes(text: string): Slip[] {
  const found: { stem: number; prefix: number; slip: Slip }[] = [];
  for (let at = text.indexOf('می'); at >= 0; at = text.indexOf('می', at + 1)) {
    const after = at + 2;
    // Only the stems that begin with the letter after می can follow it (most words with می are no verb).
    const stems = STEMS_BY_FIRST.get(text.charCodeAt(after));
    if (stems === undefined) continue;
    for (let prefix = 0; prefix < 2; prefix++) {
      const start = at - prefix;
      if (prefix === 1 && !(at > 0 && text[at - 1] === 'ن')) continue;
      if (!boundaryBefore(text, start)) continue;
      for (const k of stems) {
        const stem = VERB_STEMS[k]!;
        if (text.startsWith(stem, after) && boundaryAfter(text, after + stem.length))
          found.push({ stem: k, prefix, slip: { start, end: after + stem.length, expected: `${prefix === 0 ? 'می' : 'نمی'}${ZWNJ}${stem}` } });
      }
    }
  }
  found.sort((a, b) => a.stem - b.stem || a.prefix - b.prefix || a.slip.start - b.slip.start);
  return found.map((f) => f.slip);
}

function prefixSlips(text: string): Slip[] {
  const out: Slip[] = [];
  // Each rule needs what its expression begins with somewhere in the text: most sentences are spared the expressions.
  const mi = text.includes('می');
  // «می شود», «نمی توان»: می/نمی as a word of its own is the verb prefix cut off by a space.
  if (text.includes('می ') || text.includes('می\u00A0')) for (const m of text.matchAll(/(?<![\p{L}\p{M}\u200C])(ن?می)[ \u00A0]+(?=[\p{L}])/gu)) {
    if (!isArabicScriptLetter(text.charCodeAt(m.index + m[0].length))) continue;
    const word = wordAround(text, m.index + m[0].length);
    out.push({ start: m.index, end: word.end, expected: `${m[1]}${ZWNJ}${text.slice(word.start, word.end)}` });
  }
  if (mi) out.push(...joinedPrefixes(text));
  // «کتاب ها»: the plural suffix cut off by a space; ها never stands alone in prose.
  if (text.includes(' ها') || text.includes('\u00A0ها')) for (const m of text.matchAll(/(?<=[\p{L}\p{M}])[ \u00A0]+(های|ها)(?![\p{L}\p{M}\u200C])/gu)) {
    const word = wordAround(text, m.index);
    if (!isArabicScriptLetter(codePointBefore(text, m.index))) continue;
    out.push({ start: word.start, end: m.index + m[0].length, expected: `${text.slice(word.start, m.index)}${ZWNJ}${m[1]}` });
  }
  return out;
}

interface Misspelling {
  wrong: string;
  expected: string;
}

/** The glossary's misspellings, and a trie of them, so a text is read once whatever their number. */
interface Misspellings {
  count: number;
  list: Misspelling[];
  trie: KeyTrie;
}

type QaGlossary = NonNullable<QaContext['glossary']>;

const misspellingsByGlossary = new WeakMap<QaGlossary['entries'], Misspellings>();

/**
 * The glossary's Persian terms with their ZWNJ dropped or turned into a space, in glossary order.
 * Built once per glossary: rebuilt for every segment, it made QA time grow with segments × entries.
 */
function misspellingsOf(glossary: QaGlossary): Misspellings {
  const cached = misspellingsByGlossary.get(glossary.entries);
  if (cached && cached.count === glossary.entries.length) return cached;
  // A spelling the glossary accepts as it is needs no ZWNJ.
  const accepted = new Set(
    glossary.entries.flatMap((c) => termsIn(c, 'fa').filter((term) => term.status === 'preferred' || term.status === 'admitted').map((term) => fold(term.text))),
  );
  const list: Misspelling[] = [];
  const trie = new KeyTrie();
  for (const concept of glossary.entries)
    for (const term of termsIn(concept, 'fa')) {
      if (!term.text.includes(ZWNJ)) continue;
      const right = fold(term.text);
      for (const wrong of [right.replaceAll(ZWNJ, ' '), right.replaceAll(ZWNJ, '')]) {
        // A term that is a ZWNJ alone leaves nothing to look for: an empty string is no word.
        if (wrong === '' || accepted.has(wrong)) continue;
        // the trie numbers keys as they come, so a key's number is its place in `list`
        trie.add(wrong);
        list.push({ wrong, expected: term.text });
      }
    }
  const built = { count: glossary.entries.length, list, trie };
  misspellingsByGlossary.set(glossary.entries, built);
  return built;
}

/** Builds the glossary's misspellings ahead of the first segment. */
export function prepareMisspellings(glossary: QaGlossary): void {
  misspellingsOf(glossary);
}

/**
 * Where the glossary's misspellings stand as whole words in a folded text: by place, then in
 * glossary order, as if each misspelling had been looked for in turn and the places sorted.
 */
export function glossaryMisspellings(text: string, glossary: QaGlossary): Slip[] {
  const { list, trie } = misspellingsOf(glossary);
  const found: { start: number; key: number; end: number }[] = [];
  for (let at = 0; at < text.length; at++) {
    if (!trie.startsAt(text, at) || !boundaryBefore(text, at)) continue;
    trie.matchAt(text, at, (key, end) => {
      if (boundaryAfter(text, end)) found.push({ start: at, key, end });
    });
  }
  found.sort((a, b) => a.start - b.start || a.key - b.key);
  return found.map(({ start, key, end }) => ({ start, end, expected: list[key]!.expected }));
}

function glossarySlips(text: string, { glossary }: QaContext): Slip[] {
  return glossary ? glossaryMisspellings(text, glossary) : [];
}

/**
 * A ZWNJ keeps the parts of one word together without joining the letters: «خامنه‌ای»,
 * «می‌شود», «زندان‌ها». Reported where the glossary knows the word, and for the verb prefix
 * می/نمی and the plural ها only where they cannot be anything else (standing alone, or joined
 * to a common verb stem), so ordinary words beginning with می (میدان، میلیون) are not flagged.
 */
export const missingZwnj: QaCheck = {
  rules: ['fa-missing-zwnj'],
  run: onlyPersian((context) => {
    const text = fold(context.targetText);
    const seen = new Set<string>();
    const out: Issue[] = [];
    for (const slip of [...glossarySlips(text, context), ...prefixSlips(text)].sort((a, b) => a.start - b.start)) {
      const key = `${slip.start}:${slip.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const span = spanOf(context.targetText, slip.start, slip.end);
      out.push(issue('fa-missing-zwnj', 'warning', { text: quote(span.text), expected: quote(slip.expected) }, { targetSpan: span, expected: [slip.expected] }));
    }
    return out;
  }),
};

type DigitSystem = 'persian' | 'arabic' | 'ascii';

function systemOf(cp: number): DigitSystem {
  if (cp >= 0x06f0 && cp <= 0x06f9) return 'persian';
  if (cp >= 0x0660 && cp <= 0x0669) return 'arabic';
  return 'ascii';
}

/** Digits of the three systems, found by the regular expression engine rather than a look at every character. */
const DIGIT = /[0-9\u06F0-\u06F9\u0660-\u0669]/gu;

/**
 * One segment, one digit system. ASCII digits that belong to a Latin token (COVID-19, G7,
 * a URL) are part of that token and do not count.
 */
export const mixedDigits: QaCheck = {
  rules: ['fa-mixed-digits'],
  run: onlyPersian(({ targetText }) => {
    const first = new Map<DigitSystem, number>();
    let addresses: ReturnType<typeof addressRanges> | undefined;
    DIGIT.lastIndex = 0;
    for (let m = DIGIT.exec(targetText); m; m = DIGIT.exec(targetText)) {
      const i = m.index;
      const system = systemOf(targetText.charCodeAt(i));
      if (first.has(system) || inRanges((addresses ??= addressRanges(targetText)), i)) continue;
      if (system === 'ascii') {
        const word = wordAround(targetText, i);
        if ([...targetText.slice(word.start, word.end)].some((ch) => isLatinLetter(ch.codePointAt(0)!))) continue;
        if (/[A-Za-z]-$/u.test(targetText.slice(Math.max(0, word.start - 2), word.start))) continue;
      }
      first.set(system, i);
    }
    if (first.size < 2) return [];
    const [a, b] = [...first.values()].sort((x, y) => x - y).map((i) => wordAround(targetText, i)) as [Word, Word];
    const params = { first: quote(targetText.slice(a.start, a.end)), second: quote(targetText.slice(b.start, b.end)) };
    return [issue('fa-mixed-digits', 'warning', params, { targetSpan: spanOf(targetText, b.start, b.end) })];
  }),
};
