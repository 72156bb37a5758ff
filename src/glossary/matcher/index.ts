import { codePointAt, codePointBefore, isLowerCaseLetter, isWordCodePoint } from '../../lang/chars.js';
import { isDroppedInPersian, PERSIAN_SUFFIXES } from '../../lang/fa.js';
import { plainText } from '../../model/content.js';
import type { Inline } from '../../model/schema.js';
import type { Concept, Glossary, Term } from '../schema.js';
import { Automaton } from './automaton.js';
import { fillIdentity, identityView, normalizeForMatch, slotEnd, slotStart, upperUnit, wordFlags, type MatchText } from './normalize.js';
import { buildPatterns, type Pattern } from './patterns.js';
import { Candidates } from './candidates.js';
import { ENGLISH, ES_PLURAL, FLAGS, KEY_LENGTH, LAST_WORD, PatternTable, PERSIAN, PLURAL_DONE, RECORD, RELAXABLE, S_PLURAL, SENSITIVE } from './pattern-table.js';

export { termsIn, primaryLanguage, spellingVariants } from './patterns.js';

/** A term found in a text; offsets count UTF-16 units, `end` exclusive. */
export interface Hit {
  conceptId: string;
  term: Term;
  start: number;
  end: number;
  text: string;
  /**
   * End of the part that spells the term itself; from here to `end` is an inflection the
   * match took in (a plural, a possessive, a Persian suffix). Equal to `end` when there is none.
   */
  stemEnd: number;
}

export interface TermMatcher {
  readonly lang: string;
  /** Hits in `text`, leftmost-longest, without overlaps, sorted by start. */
  find(text: string): Hit[];
  /** Hits in the plain text of a segment (codes left out); offsets are into `plainText(content)`. */
  findInContent(content: readonly Inline[]): Hit[];
}

const APOSTROPHE = 0x27;
const LOWER_S = 0x73;
const LOWER_E = 0x65;
const SUFFIX_UNITS = PERSIAN_SUFFIXES.map((s) => Array.from(s, (c) => c.charCodeAt(0)));

function sameUnits(text: Uint16Array, at: number, expected: string, count: number): boolean {
  for (let i = 0; i < count; i++) if (text[at + i] !== expected.charCodeAt(i)) return false;
  return true;
}

/** Marks removed for matching still belong to the letter before them, so a span includes them. */
function extendOverMarks(text: string, end: number): number {
  while (end < text.length && isDroppedInPersian(text.charCodeAt(end))) end++;
  return end;
}

const isWordAt = (text: string, i: number) => isWordCodePoint(codePointAt(text, i).cp);

/** Every word next to the hit on the same line has no lower-case letters, or there is none. */
function inCapitalsContext(text: string, start: number, end: number): boolean {
  let j = start;
  while (j > 0 && text.charCodeAt(j - 1) !== 10 && !isWordCodePoint(codePointBefore(text, j))) j--;
  if (j > 0 && text.charCodeAt(j - 1) !== 10) {
    while (j > 0 && isWordCodePoint(codePointBefore(text, j))) {
      const cp = codePointBefore(text, j);
      if (isLowerCaseLetter(cp)) return false;
      j -= cp > 0xffff ? 2 : 1;
    }
  }
  let k = end;
  while (k < text.length && text.charCodeAt(k) !== 10 && !isWordAt(text, k)) k++;
  while (k < text.length && isWordAt(text, k)) {
    const { cp, size } = codePointAt(text, k);
    if (isLowerCaseLetter(cp)) return false;
    k += size;
  }
  return true;
}

const SENTENCE_END = new Set(['.', '!', '?', '…', '؟', '\n', '\r']);
const OPENERS = new Set(['"', "'", '“', '‘', '«', '(', '[', '{', '*', '_', '¿', '¡', '—', '–', '-']);

/** Nothing but spaces and opening quotes between the hit and the start of its sentence. */
function atSentenceStart(text: string, start: number): boolean {
  let j = start - 1;
  while (j >= 0) {
    const ch = text[j]!;
    if (SENTENCE_END.has(ch)) return true;
    if (ch === ' ' || ch === '\t' || ch === '\u00A0' || OPENERS.has(ch)) {
      j--;
      continue;
    }
    return false;
  }
  return true;
}

/** Letters that can begin an inflection inside the word: -s, -es, and the Persian suffixes. */
const INFLECTION_START = new Uint8Array(0x10000);
for (const c of [LOWER_S, LOWER_E, ...SUFFIX_UNITS.map((u) => u[0]!)]) INFLECTION_START[c] = 1;

/**
 * Whether some inflection (-s, -es, a Persian suffix) could end a word at `end`. Occurrences that
 * run on into a longer word are dropped on this test alone, which reads only the text.
 */
function inflectionFits(m: MatchText, end: number): boolean {
  const t = m.lower;
  const n = m.length;
  const c = t[end];
  if (c === LOWER_S) return wordEnd(m, end + 1);
  if (c === LOWER_E) return end + 1 < n && t[end + 1] === LOWER_S && wordEnd(m, end + 2);
  for (const suffix of SUFFIX_UNITS) {
    if (suffix[0] !== c || end + suffix.length > n) continue;
    let ok = true;
    for (let i = 1; ok && i < suffix.length; i++) ok = t[end + i] === suffix[i];
    if (ok && wordEnd(m, end + suffix.length)) return true;
  }
  return false;
}

const NO_BREAKS: number[] = [];

/**
 * How far past an occurrence's end its checks read: an -es plural and a possessive "'s" and the
 * word end after them, or the longest Persian suffix and the word end after it.
 */
const LOOKAHEAD = Math.max(2 + 2, ...SUFFIX_UNITS.map((s) => s.length)) + 1;

class AutomatonMatcher implements TermMatcher {
  private readonly table: PatternTable;
  private readonly candidates: Candidates;

  constructor(
    readonly lang: string,
    private readonly patterns: Pattern[],
    private readonly automaton: Automaton,
  ) {
    this.table = new PatternTable(patterns);
    this.candidates = new Candidates(this.table, patterns);
  }

  find(text: string): Hit[] {
    return this.run(text, []);
  }

  findInContent(content: readonly Inline[]): Hit[] {
    // One run of text, the shape of nearly every segment of prose: nothing to join or break on.
    if (content.length === 1) {
      const only = content[0]!;
      if (only.type === 'text') return this.run(only.text, NO_BREAKS);
    }
    // A standalone code (a line break, an image) separates words; paired codes such as <b> do
    // not, so "Khame<b>nei</b>" is still one name.
    const breaks: number[] = [];
    let offset = 0;
    for (const item of content) {
      if (item.type === 'text') offset += item.text.length;
      else if (item.kind === 'standalone') breaks.push(offset);
    }
    return this.run(plainText(content), breaks);
  }

  // The shared buffers (the normalized text, the occurrences, the candidates) are safe here:
  // nothing below calls back into a matcher.
  private run(text: string, breaks: number[]): Hit[] {
    if (text.length === 0 || this.patterns.length === 0) return [];
    this.candidates.clear();
    if (breaks.length === 0) {
      const found = this.automaton.scanText(text, INFLECTION_START);
      if (found === 0) return [];
      if (found > 0) {
        this.fromOccurrences(text, found);
        return this.candidates.select(text);
      }
    }
    const m = normalizeForMatch(text, breaks, true);
    this.automaton.scan(
      m.lower,
      m.word,
      m.length,
      INFLECTION_START,
      (key, end) => {
        if (end < m.length && m.word[end] && !inflectionFits(m, end)) return;
        this.candidate(text, m, key, end);
      },
      m.cased,
    );
    return this.candidates.select(text);
  }

  /**
   * The candidates from the occurrences `scanText` found in a text whose units are its own slots.
   * Only the slots an occurrence's checks read are filled in: from its start to a few units past
   * its end (`LOOKAHEAD`). The occurrences come in the order of their ends, so the filled slots
   * are kept as one run that grows to the right, started anew where an occurrence begins past it.
   */
  private fromOccurrences(text: string, found: number): void {
    const m = identityView(text);
    const pairs = this.automaton.occurrences();
    let from = 0;
    let to = 0;
    for (let j = 0; j < found; j++) {
      const key = pairs[j * 2]!;
      const end = pairs[j * 2 + 1]!;
      const start = end - this.automaton.keyLength(key);
      const until = Math.min(m.length, end + LOOKAHEAD);
      if (start < from || start > to) {
        fillIdentity(m, text, start, until);
        from = start;
        to = until;
      } else if (until > to) {
        fillIdentity(m, text, to, until);
        to = until;
      }
      if (end < m.length && m.word[end] && !inflectionFits(m, end)) continue;
      this.candidate(text, m, key, end);
    }
  }

  /** Adds the occurrence of `key` ending at slot `b` to the candidates if it passes the case and word-end checks. */
  private candidate(text: string, m: MatchText, key: number, b: number): void {
    const table = this.table;
    const r = key * RECORD;
    const flags = table.record[r + FLAGS]!;
    const a = b - table.record[r + KEY_LENGTH]!;
    let exact = true;
    if (flags & SENSITIVE && !table.sameCase(m.cased, a, key)) {
      if (!(flags & RELAXABLE) || !this.relaxedCase(text, m, this.patterns[key]!, a, b)) return;
      exact = false;
    }
    const e = inflectedEnd(flags, m, b);
    if (e < 0) return;
    this.candidates.add(slotStart(m, a), extendOverMarks(text, slotEnd(m, e - 1)), extendOverMarks(text, slotEnd(m, b - 1)), key, exact);
  }

  /** A name in a capitals headline, or a lower-case term capitalized at the start of a sentence. */
  private relaxedCase(text: string, m: MatchText, p: Pattern, a: number, b: number): boolean {
    const start = slotStart(m, a);
    if (p.upper !== undefined && sameUnits(m.cased, a, p.upper, p.caseLen) && inCapitalsContext(text, start, slotEnd(m, b - 1))) return true;
    return p.capFirst !== undefined && sameUnits(m.cased, a, p.capFirst, p.caseLen) && atSentenceStart(text, start);
  }
}

function wordEnd(m: MatchText, e: number): boolean {
  return e >= m.length || m.word[e] === 0;
}

/** The end of a word ending at `q`, after a possessive ("'s", or a bare "'" after s) if one follows; -1 if the word goes on. */
function possessiveEnd(m: MatchText, q: number): number {
  const t = m.lower;
  const n = m.length;
  if (q < n && t[q] === APOSTROPHE) {
    if (q + 1 < n && t[q + 1] === LOWER_S && wordEnd(m, q + 2)) return q + 2;
    if (t[q - 1] === LOWER_S && wordEnd(m, q + 1)) return q + 1;
  }
  return wordEnd(m, q) ? q : -1;
}

/**
 * Where a match of a pattern with `flags` ending at `b` really ends: after the longest inflection that ends a word
 * ("MEK's", "Rajavis'", "parties", «خامنه‌ای‌ها»), at `b` if the term ends a word itself, or -1.
 */
function inflectedEnd(flags: number, m: MatchText, b: number): number {
  if (!(flags & LAST_WORD)) return b;
  const t = m.lower;
  if (flags & ENGLISH) {
    const n = m.length;
    let plural = -1;
    if (!(flags & PLURAL_DONE)) {
      if (flags & ES_PLURAL && b + 2 <= n && t[b] === LOWER_E && t[b + 1] === LOWER_S) plural = b + 2;
      else if (flags & S_PLURAL && b < n && t[b] === LOWER_S) plural = b + 1;
    }
    if (plural >= 0) {
      const e = possessiveEnd(m, plural);
      if (e >= 0) return e;
    }
    return possessiveEnd(m, b);
  }
  if (flags & PERSIAN) {
    for (const suffix of SUFFIX_UNITS) {
      let ok = b + suffix.length <= m.length;
      for (let i = 0; ok && i < suffix.length; i++) ok = t[b + i] === suffix[i];
      if (ok && wordEnd(m, b + suffix.length)) return b + suffix.length;
    }
  }
  return wordEnd(m, b) ? b : -1;
}

/**
 * What a case-sensitive pattern's occurrence must begin with: its own first unit, or that unit
 * in upper case (the capitals headline and sentence-start spellings). Every case check in
 * `candidate` reads the first unit when the case-kept part is not empty, so nothing else passes.
 */
function firstUnits(p: Pattern): number[] | undefined {
  if (!p.sensitive || p.caseLen < 1) return undefined;
  const c = p.cased.charCodeAt(0);
  return [c, upperUnit(c)];
}

interface CacheEntry {
  entries: Concept[];
  count: number;
  byLang: Map<string, TermMatcher>;
}

const cache = new WeakMap<Glossary, CacheEntry>();

/**
 * A matcher for the terms of one language. Built once per glossary and language and cached;
 * the cache notices entries being replaced or added, but a term edited in place needs a new
 * Glossary object.
 */
export function createMatcher(glossary: Glossary, lang: string): TermMatcher {
  let entry = cache.get(glossary);
  if (!entry || entry.entries !== glossary.entries || entry.count !== glossary.entries.length) {
    entry = { entries: glossary.entries, count: glossary.entries.length, byLang: new Map() };
    cache.set(glossary, entry);
  }
  let matcher = entry.byLang.get(lang);
  if (!matcher) {
    const patterns = buildPatterns(glossary, lang);
    const keys = patterns.map((p) => ({ text: p.key, word: wordFlags(p.key), inflects: p.english || p.persian, first: firstUnits(p) }));
    matcher = new AutomatonMatcher(lang, patterns, new Automaton(keys));
    entry.byLang.set(lang, matcher);
  }
  return matcher;
}
