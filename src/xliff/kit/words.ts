import { plainText, unitSource } from '../../model/content.js';
import type { Content, Document } from '../../model/schema.js';

/*
 * Source words counted the way Translate Toolkit's `pocount` counts them, so the figure a
 * translator is quoted by us and the one their tools report agree. pocount takes a unit's
 * source as plain text (inline codes dropped, the text inside paired codes kept), turns
 * `<br>` into a line break, deletes anything shaped like an XML tag, replaces each
 * non-digit–dot–non-digit triple with a space (so `3.5` stays one word), splits on Python
 * whitespace and drops tokens that are punctuation only once it is trimmed off their ends.
 */

// Python's str.split() whitespace: Unicode White_Space plus the C0 separators 0x1C–0x1F, without U+FEFF.
const WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PY_WHITESPACE = new RegExp(`[${WS}]+`, 'u');
// Python's \w on text is every letter and number, not ASCII only as in JavaScript.
const W = '\\p{L}\\p{N}_';
const BR_TAG = new RegExp(`<br[${WS}]*?/?>`, 'gu');
// Translate Toolkit's placeables/general.py pattern, which pocount copies; `.` there stops at a line feed only.
const XML_TAG = new RegExp(`<([${W}.:]+)([${WS}]([${W}.:]+=(("[^\\n]*?")|('[^\\n]*?')))?)*/?>|</([${W}.]+)>`, 'gu');
// Python's \D is anything but a Unicode decimal digit, so Persian digits count as digits.
const NUMBER = /\P{Nd}\.\P{Nd}/gu;
const PUNCTUATION = new Set(
  [
    '.,;:!?-@#$%^*_()[]{}/\\\'`"<>',
    '‘’‛“”„‟′″‴‵‶‷‹›«»',
    '¿¡',
    '،؟؛÷',
    '。、，；！？「」『』【】',
    '।॥॰',
    '።፤፣',
    '…±°¹²³·©®×£¥€',
  ].join(''),
);

function trimPunctuation(word: string): string {
  const chars = [...word];
  let start = 0;
  let end = chars.length;
  while (start < end && PUNCTUATION.has(chars[start]!)) start++;
  while (end > start && PUNCTUATION.has(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('');
}

/** Words in a piece of plain text, by pocount's rule. */
export function countWords(text: string): number {
  const cleaned = text.replace(BR_TAG, '\n').replace(XML_TAG, '').replace(NUMBER, ' ');
  let n = 0;
  for (const token of cleaned.split(PY_WHITESPACE)) if (token && trimPunctuation(token)) n++;
  return n;
}

export function contentWords(content: Content): number {
  return countWords(plainText(content));
}

/**
 * Translatable units and their source words. A unit is counted whole, as pocount sees a
 * one-trans-unit-per-paragraph file: the text between sentences can change how a `.` between
 * two letters is split, so summing sentences would drift from pocount's figure.
 */
export function documentCounts(document: Document): { units: number; words: number } {
  let units = 0;
  let words = 0;
  for (const unit of document.units) {
    if (!unit.translate) continue;
    units++;
    words += contentWords(unitSource(unit));
  }
  return { units, words };
}
