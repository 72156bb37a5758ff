import { isLatinLetter, isArabicScriptLetter, isSpaceCodePoint } from '../lang/chars.js';
import { primaryLanguage } from '../glossary/matcher/index.js';
import { issue, maskAddresses } from './shared.js';
import type { QaCheck, QaContext } from './types.js';

/** The target has nothing a reader would see, while the source has. */
export function isEmptyTarget({ sourceText, targetText }: Pick<QaContext, 'sourceText' | 'targetText'>): boolean {
  return targetText.trim() === '' && sourceText.trim() !== '';
}

export const emptyTarget: QaCheck = {
  rules: ['empty-target'],
  run(context) {
    return isEmptyTarget(context) ? [issue('empty-target', 'error', {})] : [];
  },
};

const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();

const FIRST_VISIBLE = /\S/u;

/**
 * Whether two texts differ in more than spacing. Texts that collapse alike begin with the same
 * visible character, and a translation almost never does: that one look spares collapsing both.
 */
export function differsBeyondSpacing(a: string, b: string): boolean {
  if (a === b) return false;
  if (FIRST_VISIBLE.exec(a)?.[0] !== FIRST_VISIBLE.exec(b)?.[0]) return true;
  return collapse(a) !== collapse(b);
}

function isScriptLetter(lang: string): (cp: number) => boolean {
  const primary = primaryLanguage(lang);
  if (primary === 'fa' || primary === 'ar') return isArabicScriptLetter;
  return isLatinLetter;
}

/**
 * What in a source is prose to translate, once addresses, numbers and acronyms (MEK, IRGC,
 * COVID-19) are set aside: `none` when nothing is left, `names` when only capitalised words
 * are (a byline, "Massoud Rajavi"), `prose` otherwise. Persian has no capitals, so any
 * Persian word is prose.
 */
export function translatable(text: string, lang: string): 'none' | 'names' | 'prose' {
  const isLetter = isScriptLetter(lang);
  let names = false;
  for (const m of maskAddresses(text).matchAll(/[\p{L}\p{M}\p{N}\u200C'’-]+/gu)) {
    const word = m[0];
    if (![...word].some((ch) => isLetter(ch.codePointAt(0)!))) continue;
    if (/^[\p{Lu}\p{N}-]+s?$/u.test(word) && /\p{Lu}.*\p{Lu}|\p{Lu}.*\p{N}/u.test(word)) continue;
    if (isLetter === isLatinLetter && /^\p{Lu}/u.test(word)) {
      names = true;
      continue;
    }
    return 'prose';
  }
  return names ? 'names' : 'none';
}

/**
 * A target that repeats its source was most likely not translated: an error. A source with
 * nothing to translate (a number, a URL, an acronym) may stand as it is; one of names only
 * usually gets transliterated, but a name kept in Latin letters can be right, so a warning.
 * A difference in spacing alone does not make a translation.
 */
export const untranslated: QaCheck = {
  rules: ['untranslated'],
  run({ sourceText, targetText, sourceLang }) {
    if (sourceText.trim() === '' || differsBeyondSpacing(sourceText, targetText)) return [];
    const kind = translatable(sourceText, sourceLang);
    if (kind === 'none') return [];
    return [issue('untranslated', kind === 'names' ? 'warning' : 'error', {})];
  },
};

function edges(text: string): { leading: string; trailing: string } {
  let a = 0;
  while (a < text.length && isSpaceCodePoint(text.charCodeAt(a))) a++;
  let b = text.length;
  while (b > a && isSpaceCodePoint(text.charCodeAt(b - 1))) b--;
  return { leading: text.slice(0, a), trailing: text.slice(b) };
}

const describe = (space: string) => (space === '' ? '∅' : [...space].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' '));

/** Spacing around a segment belongs to the document around it; merge would carry a change into the page. */
export const whitespace: QaCheck = {
  rules: ['whitespace-leading', 'whitespace-trailing'],
  run({ sourceText, targetText }) {
    const s = edges(sourceText);
    const t = edges(targetText);
    const out = [];
    if (s.leading !== t.leading)
      out.push(issue('whitespace-leading', 'warning', { source: describe(s.leading), target: describe(t.leading) }, { targetSpan: { start: 0, end: t.leading.length, text: t.leading } }));
    if (s.trailing !== t.trailing)
      out.push(
        issue('whitespace-trailing', 'warning', { source: describe(s.trailing), target: describe(t.trailing) }, {
          targetSpan: { start: targetText.length - t.trailing.length, end: targetText.length, text: t.trailing },
        }),
      );
    return out;
  },
};
