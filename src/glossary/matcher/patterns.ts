import {
  codePointAt,
  codePointBefore,
  isArabicScriptLetter,
  isHyphenCodePoint,
  isInvisibleFormat,
  isLatinLetter,
  isLowerCaseLetter,
  isSpaceCodePoint,
  isUpperCaseLetter,
} from '../../lang/chars.js';
import { takesEsPlural, takesIesPlural } from '../../lang/en.js';
import { isDroppedInPersian } from '../../lang/fa.js';
import type { Concept, Glossary, Term, TermStatus } from '../schema.js';
import { caseRuleOf } from '../schema.js';
import { normalizeTermText, unitsToString, upperUnit } from './normalize.js';

/** One spelling of one term, as the automaton looks for it. */
export interface Pattern {
  key: string;
  /** `key` with its case kept, for case-sensitive terms */
  cased: string;
  conceptIndex: number;
  termIndex: number;
  concept: Concept;
  term: Term;
  sensitive: boolean;
  /** how many leading units of `cased` must match with case (an -ies plural's ending need not) */
  caseLen: number;
  /** the all-capitals spelling accepted in a capitals headline, for names that are not acronyms */
  upper: string | undefined;
  /** the spelling with a capital first letter, accepted at the start of a sentence */
  capFirst: string | undefined;
  /** English plural and possessive endings may follow */
  english: boolean;
  /** the plural is already spelled out (the -ies form) */
  pluralDone: boolean;
  esPlural: boolean;
  sPlural: boolean;
  /** Persian suffixes may follow */
  persian: boolean;
  /** the term ends in a word character, so its end must be a word end */
  lastWord: boolean;
  statusRank: number;
}

const STATUS_RANK: Record<TermStatus, number> = { preferred: 0, admitted: 1, deprecated: 2, forbidden: 3 };

/** Terms of a concept in a language; `fa` finds `fa-IR` entries and the other way round. */
export function termsIn(concept: Concept, lang: string): Term[] {
  const direct = concept.terms[lang];
  if (direct) return direct;
  const want = lang.toLowerCase();
  const primary = want.split('-')[0]!;
  for (const [code, terms] of Object.entries(concept.terms)) {
    const c = code.toLowerCase();
    if (c === want || c.split('-')[0] === primary) return terms;
  }
  return [];
}

export function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split('-')[0]!;
}

const removable = (cp: number) => isDroppedInPersian(cp) || isInvisibleFormat(cp);

/** The last code point of `text` that is not a removable mark, or -1. */
function lastLetter(text: string): number {
  for (let i = text.length; i > 0; ) {
    const cp = codePointBefore(text, i);
    if (!removable(cp)) return cp;
    i -= cp > 0xffff ? 2 : 1;
  }
  return -1;
}

function firstLetter(text: string): number {
  for (let i = 0; i < text.length; ) {
    const { cp, size } = codePointAt(text, i);
    if (!removable(cp)) return cp;
    i += size;
  }
  return -1;
}

const MAX_FLEXIBLE_JOINS = 6;

/**
 * The spellings of a term that count as the same: inside a Persian term a ZWNJ or a space between
 * two letters may be written as ZWNJ, space or nothing («خامنه‌ای», «خامنه ای», «خامنهای»). Only
 * where the glossary has a separator: inventing one between any two letters would let «نا مه»
 * stand for «نامه». Elsewhere a space or hyphen stays a separator, and a lone ZWNJ between
 * non-Persian letters is invisible.
 */
export function spellingVariants(text: string): string[] {
  // Only Arabic-script terms have flexible joins; everything else has one spelling.
  if (!/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u.test(text)) return [text];
  const pieces: string[] = [];
  /** what each separator is when it is not flexible: a space if it had one, else nothing */
  const plain: string[] = [];
  let current = '';
  let sep = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x200c || cp === 0x200d || isSpaceCodePoint(cp) || isHyphenCodePoint(cp)) {
      sep += ch;
      continue;
    }
    if (sep !== '') {
      const hasSpace = [...sep].some((c) => isSpaceCodePoint(c.codePointAt(0)!) || isHyphenCodePoint(c.codePointAt(0)!));
      pieces.push(current);
      plain.push(hasSpace ? ' ' : '');
      current = '';
      sep = '';
    }
    current += ch;
  }
  pieces.push(current);
  const options: string[][] = plain.map((p, i) => {
    const a = lastLetter(pieces[i]!);
    const b = firstLetter(pieces[i + 1]!);
    if (a >= 0 && b >= 0 && isArabicScriptLetter(a) && isArabicScriptLetter(b)) return [' ', ''];
    return [p];
  });
  const flexible = options.filter((o) => o.length > 1).length;
  const out = new Set<string>();
  const build = (choice: (i: number, opts: string[]) => string) => {
    let s = pieces[0]!;
    for (let i = 0; i < options.length; i++) s += choice(i, options[i]!) + pieces[i + 1]!;
    out.add(s);
  };
  if (flexible <= MAX_FLEXIBLE_JOINS) {
    const total = 1 << flexible;
    for (let mask = 0; mask < total; mask++) {
      let bit = 0;
      build((_, opts) => (opts.length > 1 ? opts[(mask >> bit++) & 1]! : opts[0]!));
    }
  } else {
    build((_, opts) => opts[0]!);
    build((_, opts) => opts[opts.length - 1]!);
  }
  return [...out];
}

let mapped = new Uint16Array(256);

function mapUnits(text: string, f: (c: number) => number, count = text.length): string {
  if (mapped.length < text.length) mapped = new Uint16Array(text.length * 2);
  for (let i = 0; i < text.length; i++) mapped[i] = i < count ? f(text.charCodeAt(i)) : text.charCodeAt(i);
  return unitsToString(mapped, text.length);
}

/** per BMP unit: 0 not yet known, 1 a lower-case letter, 2 not */
const lowerCaseUnit = new Uint8Array(0x10000);

function hasLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdfff) {
      const cp = text.codePointAt(i)!;
      if (isLowerCaseLetter(cp)) return true;
      if (cp > 0xffff) i++;
      continue;
    }
    // Known units from a table: the test is a Unicode property match, and a large Persian
    // glossary has millions of units, none of them lower case.
    let known = lowerCaseUnit[u]!;
    if (known === 0) lowerCaseUnit[u] = known = isLowerCaseLetter(u) ? 1 : 2;
    if (known === 1) return true;
  }
  return false;
}

/** All patterns of a glossary for one language, in glossary order. */
export function buildPatterns(glossary: Glossary, lang: string): Pattern[] {
  const english = primaryLanguage(lang) === 'en';
  const out: Pattern[] = [];
  glossary.entries.forEach((concept, conceptIndex) => {
    termsIn(concept, lang).forEach((term, termIndex) => {
      const sensitive = caseRuleOf(term) === 'sensitive';
      for (const variant of spellingVariants(term.text)) {
        const n = normalizeTermText(variant);
        if (n.lower.length === 0) continue;
        const last = n.cased.charCodeAt(n.cased.length - 1);
        const lastWord = n.word[n.word.length - 1] === 1;
        const latinEnd = lastWord && isLatinLetter(lastLetter(n.cased));
        const base: Pattern = {
          key: n.lower,
          cased: n.cased,
          conceptIndex,
          termIndex,
          concept,
          term,
          sensitive,
          caseLen: n.cased.length,
          upper: undefined,
          capFirst: undefined,
          english: english && lastWord && (latinEnd || (last >= 0x30 && last <= 0x39)),
          pluralDone: !latinEnd,
          esPlural: latinEnd && takesEsPlural(n.lower),
          sPlural: latinEnd && (!takesEsPlural(n.lower) || n.lower.endsWith('o')),
          persian: lastWord && isArabicScriptLetter(lastLetter(n.cased)),
          lastWord,
          statusRank: STATUS_RANK[term.status],
        };
        if (sensitive && hasLowerCase(n.cased)) {
          // Names keep their case, but a headline in capitals ("KHAMENEI SAYS…") still names them;
          // terms marked as abbreviations never relax, since "AIDS" is not "Aids".
          if (!term.abbreviation) base.upper = mapUnits(n.cased, upperUnit);
          if (isLowerCaseLetter(n.cased.codePointAt(0)!)) base.capFirst = mapUnits(n.cased, upperUnit, 1);
        }
        out.push(base);
        if (base.english && takesIesPlural(n.lower)) {
          const stem = n.cased.slice(0, -1);
          const ies = isUpperCaseLetter(last) ? 'IES' : 'ies';
          const plural = normalizeTermText(stem + ies);
          out.push({
            ...base,
            key: plural.lower,
            cased: plural.cased,
            caseLen: stem.length,
            pluralDone: true,
            esPlural: false,
            sPlural: false,
            upper: base.upper !== undefined ? mapUnits(plural.cased, upperUnit) : undefined,
            capFirst: base.capFirst !== undefined ? mapUnits(plural.cased, upperUnit, 1) : undefined,
          });
        }
      }
    });
  });
  return out;
}
