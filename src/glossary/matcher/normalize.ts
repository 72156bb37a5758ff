import {
  isHyphenCodePoint,
  isInvisibleFormat,
  isSpaceCodePoint,
  isWordCodePoint,
} from '../../lang/chars.js';
import { digitValue, foldPersianLetter, isDroppedInPersian } from '../../lang/fa.js';

/**
 * The text as the matcher sees it, one UTF-16 unit per slot, with each slot's span in the
 * original so hits are reported on the text the user gave:
 * - Arabic yeh/kaf folded to Persian, Persian and Arabic-Indic digits to ASCII, ’ and ʼ to ';
 * - tatweel, diacritics, ZWNJ/ZWJ and invisible direction marks removed (ZWNJ joins the parts of
 *   one word, so without it «خامنه‌ای» and «خامنهای» are the same letters);
 * - every run of spaces and hyphens is one space ("Iran-Iraq" = "Iran Iraq").
 * `lower` is case-folded for the automaton; `cased` keeps case for case-sensitive terms.
 */
export interface MatchText {
  length: number;
  /**
   * Slot k is unit k of the text (`start[k] = k`, `end[k] = k + 1`), and `start`/`end` are not
   * filled in: true of nearly all prose, where nothing is removed and no two separators meet.
   * Read the spans through `slotStart` and `slotEnd`.
   */
  identity: boolean;
  lower: Uint16Array;
  cased: Uint16Array;
  /** 1 where the slot belongs to a word character (letter, digit, mark) */
  word: Uint8Array;
  start: Int32Array;
  end: Int32Array;
}

const lowerTable = new Uint16Array(0x10000);
const upperTable = new Uint16Array(0x10000);

/** Case folding one UTF-16 unit at a time; a letter whose lower case is longer (İ) keeps its own form. */
export function lowerUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  let v = lowerTable[c]!;
  if (v === 0) {
    const l = String.fromCharCode(c).toLowerCase();
    v = l.length === 1 ? l.charCodeAt(0) : c;
    lowerTable[c] = v;
  }
  return v;
}

export function upperUnit(c: number): number {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a ? c - 32 : c;
  let v = upperTable[c]!;
  if (v === 0) {
    const u = String.fromCharCode(c).toUpperCase();
    v = u.length === 1 ? u.charCodeAt(0) : c;
    upperTable[c] = v;
  }
  return v;
}

const SPACE = 0x20;

function foldUnit(cp: number): number {
  const d = digitValue(cp);
  if (d >= 0) return 0x30 + d;
  if (cp === 0x2019 || cp === 0x02bc) return 0x27;
  return foldPersianLetter(cp);
}

const DROP = 1;
export const SEPARATOR = 2;
export const WORD_CHAR = 3;
export const OTHER_CHAR = 4;
const SURROGATE = 5;

/** Bits of a `unitInfo` entry that hold the unit's kind; the low 16 hold its case-folded form. */
export const KIND_SHIFT = 16;

/**
 * What each UTF-16 unit becomes, learnt on first sight: the loop over a megabyte of text is then
 * one table read per character instead of a chain of range tests and case conversions. An entry
 * is the unit's kind above `KIND_SHIFT` and its case-folded form below (a space for separators);
 * 0 while the unit has not been seen.
 */
export const unitInfo = new Int32Array(0x10000);
/** the folded unit with its case kept, for word and other characters */
export const unitCased = new Uint16Array(0x10000);

/** The `unitInfo` entry of `c`, learnt now if it was not known. */
export function learnUnit(c: number): number {
  let kind: number;
  let lower = 0;
  if (c >= 0xd800 && c <= 0xdfff) kind = SURROGATE;
  else if (c === 0x200c || c === 0x200d || isDroppedInPersian(c) || isInvisibleFormat(c)) kind = DROP;
  else if (isSpaceCodePoint(c) || isHyphenCodePoint(c)) {
    kind = SEPARATOR;
    lower = SPACE;
  } else {
    const f = foldUnit(c);
    // Classified after folding: the modifier letter apostrophe is a letter, the ' it becomes is not.
    kind = isWordCodePoint(f) ? WORD_CHAR : OTHER_CHAR;
    unitCased[c] = f;
    lower = lowerUnit(f);
  }
  return (unitInfo[c] = (kind << KIND_SHIFT) | lower);
}

/** The `unitInfo` entry of `c`. */
export function infoOf(c: number): number {
  const info = unitInfo[c]!;
  return info !== 0 ? info : learnUnit(c);
}

/**
 * Normalizes `text`; `breaks` are offsets (ascending) where something that is not text
 * (a line break tag, an image) separates words, and count as a space. `fillSpans` writes
 * `start` and `end` even where the slots are the text's own units (the general loop alone).
 */
export function normalizeForMatch(text: string, breaks: readonly number[] = [], reuse = false, fillSpans = false): MatchText {
  const cap = text.length + breaks.length;
  const buffers = reuse ? scratchFor(cap) : allocate(cap);
  const { lower, cased, word, start, end } = buffers;
  const length = text.length;
  // Most text maps one unit to one slot: that prefix needs no spans written, which is two of
  // the five stores per character. The first unit that breaks the mapping hands over to the
  // general loop below, which takes up from there.
  let first = 0;
  if (breaks.length === 0 && !fillSpans) {
    let afterSeparator = false;
    for (; first < length; first++) {
      const c = text.charCodeAt(first);
      const info = infoOf(c);
      const kind = info >>> KIND_SHIFT;
      if (kind === WORD_CHAR || kind === OTHER_CHAR) {
        cased[first] = unitCased[c]!;
        lower[first] = info & 0xffff;
        word[first] = kind === WORD_CHAR ? 1 : 0;
        afterSeparator = false;
      } else if (kind === SEPARATOR && !afterSeparator) {
        lower[first] = cased[first] = SPACE;
        word[first] = 0;
        afterSeparator = true;
      } else break;
    }
    if (first === length) {
      buffers.length = length;
      buffers.identity = true;
      return buffers;
    }
    for (let k = 0; k < first; k++) {
      start[k] = k;
      end[k] = k + 1;
    }
  }
  buffers.identity = false;
  let n = first;
  let b = 0;
  let nextBreak = breaks.length > 0 ? breaks[0]! : Infinity;
  for (let i = first; i < length; ) {
    if (i >= nextBreak) {
      if (n === 0 || lower[n - 1] !== SPACE) {
        lower[n] = cased[n] = SPACE;
        word[n] = 0;
        start[n] = end[n] = nextBreak;
        n++;
      }
      nextBreak = ++b < breaks.length ? breaks[b]! : Infinity;
      continue;
    }
    const c = text.charCodeAt(i);
    const info = infoOf(c);
    const kind = info >>> KIND_SHIFT;
    if (kind === WORD_CHAR || kind === OTHER_CHAR) {
      cased[n] = unitCased[c]!;
      lower[n] = info & 0xffff;
      word[n] = kind === WORD_CHAR ? 1 : 0;
      start[n] = i;
      end[n] = i + 1;
      n++;
      i++;
    } else if (kind === SEPARATOR) {
      if (n > 0 && lower[n - 1] === SPACE) end[n - 1] = i + 1;
      else {
        lower[n] = cased[n] = SPACE;
        word[n] = 0;
        start[n] = i;
        end[n] = i + 1;
        n++;
      }
      i++;
    } else if (kind === DROP) i++;
    else {
      // A surrogate pair: an astral letter (word) or symbol (not), kept as its two units.
      const d = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        const isWord = isWordCodePoint(cp) ? 1 : 0;
        const l = String.fromCodePoint(cp).toLowerCase();
        for (let k = 0; k < 2; k++) {
          cased[n] = text.charCodeAt(i + k);
          lower[n] = l.length === 2 ? l.charCodeAt(k) : text.charCodeAt(i + k);
          word[n] = isWord;
          start[n] = i;
          end[n] = i + 2;
          n++;
        }
        i += 2;
      } else {
        cased[n] = lower[n] = c;
        word[n] = 0;
        start[n] = i;
        end[n] = i + 1;
        n++;
        i++;
      }
    }
  }
  for (; b < breaks.length; b++) {
    if (n === 0 || lower[n - 1] !== SPACE) {
      lower[n] = cased[n] = SPACE;
      word[n] = 0;
      start[n] = end[n] = breaks[b]!;
      n++;
    }
  }
  buffers.length = n;
  return buffers;
}

/**
 * The shared buffers as the view of `text` whose slots are its own units, with nothing filled
 * in yet: for text the scan found to map one unit to one slot, where only the slots around its
 * occurrences are ever read, so only those are filled (`fillIdentity`).
 */
export function identityView(text: string): MatchText {
  const m = scratchFor(text.length);
  m.length = text.length;
  m.identity = true;
  return m;
}

/**
 * Fills slots `from` to `to` (exclusive) of an identity view as `normalizeForMatch` would; the
 * text's units there are all known, word, other or lone separators.
 */
export function fillIdentity(m: MatchText, text: string, from: number, to: number): void {
  const { lower, cased, word } = m;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    const info = infoOf(c);
    const kind = info >>> KIND_SHIFT;
    lower[k] = info & 0xffff;
    cased[k] = kind === SEPARATOR ? SPACE : unitCased[c]!;
    word[k] = kind === WORD_CHAR ? 1 : 0;
  }
}

/** Where slot `k` begins in the original text. */
export function slotStart(m: MatchText, k: number): number {
  return m.identity ? k : m.start[k]!;
}

/** Where slot `k` ends (exclusive) in the original text. */
export function slotEnd(m: MatchText, k: number): number {
  return m.identity ? k + 1 : m.end[k]!;
}

function allocate(cap: number): MatchText {
  return {
    length: 0,
    identity: false,
    lower: new Uint16Array(cap),
    cased: new Uint16Array(cap),
    word: new Uint8Array(cap),
    start: new Int32Array(cap),
    end: new Int32Array(cap),
  };
}

let scratch: MatchText = allocate(1024);

/**
 * Buffers shared by successive matcher calls: matching a megabyte would otherwise leave a dozen
 * megabytes of garbage per call, and the collections that follow take longer the larger the
 * glossary kept in memory, which is exactly the cost that must not grow with it.
 */
function scratchFor(cap: number): MatchText {
  if (scratch.lower.length < cap) scratch = allocate(Math.max(cap, scratch.lower.length * 2));
  return scratch;
}

/** per BMP unit: 0 not yet known, 1 word, 2 not */
const wordUnit = new Uint8Array(0x10000);

/** 1 for every UTF-16 unit of a normalized key that belongs to a word character. */
export function wordFlags(key: string): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; ) {
    const u = key.charCodeAt(i);
    if (u < 0xd800 || u > 0xdfff) {
      // Known units from a table: a 100,000-entry glossary has millions of them.
      let w = wordUnit[u]!;
      if (w === 0) wordUnit[u] = w = isWordCodePoint(u) ? 1 : 2;
      out[i++] = w & 1;
      continue;
    }
    const cp = key.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (isWordCodePoint(cp)) out.fill(1, i, i + size);
    i += size;
  }
  return out;
}

/** A term (or one spelling variant of it) in matcher form: trimmed, as plain strings. */
export function normalizeTermText(text: string): { lower: string; cased: string; word: Uint8Array } {
  let simple = true;
  for (let i = 0; i < text.length && simple; i++) {
    const c = text.charCodeAt(i);
    const kind = infoOf(c) >>> KIND_SHIFT;
    simple = kind === WORD_CHAR || kind === OTHER_CHAR || kind === SEPARATOR;
  }
  if (!simple) {
    // Rare (marks, joiners, astral letters): the full text normalizer knows every case.
    const m = normalizeForMatch(text);
    let from = 0;
    let to = m.length;
    while (from < to && m.lower[from] === SPACE) from++;
    while (to > from && m.lower[to - 1] === SPACE) to--;
    return {
      lower: String.fromCharCode(...m.lower.subarray(from, to)),
      cased: String.fromCharCode(...m.cased.subarray(from, to)),
      word: m.word.slice(from, to),
    };
  }
  // Unit codes collected and turned into strings once: appending one character at a time made
  // this a large part of building a matcher for a big glossary.
  const lower = termLower.length >= text.length ? termLower : (termLower = new Uint16Array(text.length * 2));
  const cased = termCased.length >= text.length ? termCased : (termCased = new Uint16Array(text.length * 2));
  const flags = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const info = unitInfo[c]!;
    const kind = info >>> KIND_SHIFT;
    if (kind === SEPARATOR) {
      if (n === 0 || lower[n - 1] === SPACE) continue;
      lower[n] = cased[n] = SPACE;
      flags[n++] = 0;
    } else {
      lower[n] = info & 0xffff;
      cased[n] = unitCased[c]!;
      flags[n++] = kind === WORD_CHAR ? 1 : 0;
    }
  }
  if (n > 0 && lower[n - 1] === SPACE) n--;
  return { lower: unitsToString(lower, n), cased: unitsToString(cased, n), word: flags.slice(0, n) };
}

let termLower = new Uint16Array(256);
let termCased = new Uint16Array(256);

/** The first `n` units of `units` as a string, in chunks that stay within the engine's argument limit. */
export function unitsToString(units: Uint16Array, n: number): string {
  if (n <= 4096) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return out;
}
