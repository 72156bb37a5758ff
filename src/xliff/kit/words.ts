import { plainText } from '../../model/content.js';
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

// Python's whitespace and the punctuation set, per UTF-16 unit: every member is in the BMP, so a
// surrogate is neither, and a token counts when some unit of it is not punctuation, which is
// when trimming punctuation off its ends would leave something.
const IS_SPACE = new Uint8Array(0x10000);
for (const c of ['\t', '\n', '\v', '\f', '\r', '\x1c', '\x1d', '\x1e', '\x1f', ' ', '\x85', '\xa0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000']) IS_SPACE[c.charCodeAt(0)] = 1;
for (let c = 0x2000; c <= 0x200a; c++) IS_SPACE[c] = 1;
const IS_PUNCTUATION = new Uint8Array(0x10000);
for (const c of PUNCTUATION) IS_PUNCTUATION[c.charCodeAt(0)] = 1;

/** Words in a piece of plain text, by pocount's rule. */
export function countWords(text: string): number {
  let cleaned = text;
  // Each pattern needs its own character; most sentences have no tag, so they are not run.
  if (cleaned.includes('<')) cleaned = cleaned.replace(BR_TAG, '\n').replace(XML_TAG, '');
  if (cleaned.includes('.')) cleaned = cleaned.replace(NUMBER, ' ');
  // The split on whitespace and the punctuation trim, in one walk over the units without making
  // a string per token: a megabyte of prose is some 150,000 tokens.
  let n = 0;
  let counted = false;
  for (let i = 0; i < cleaned.length; i++) {
    const c = cleaned.charCodeAt(i);
    if (IS_SPACE[c] === 1) counted = false;
    else if (!counted && IS_PUNCTUATION[c] === 0) {
      counted = true;
      n++;
    }
  }
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
    // The unit's plain source, joined straight from its parts: what `unitSource` would give.
    let text = '';
    for (const part of unit.parts) for (const item of part.source) if (item.type === 'text') text += item.text;
    words += countWords(text);
  }
  return { units, words };
}
