import { primaryLanguage } from '../glossary/matcher/index.js';
import { toAsciiDigits } from '../lang/fa.js';
import { issue, primaryOf, quote } from './shared.js';
import type { Issue, QaCheck, QaSeverity } from './types.js';

export interface FoundNumber {
  /** ASCII digits, `.` for decimals, no grouping, no leading or trailing zeros that do not count */
  value: string;
  start: number;
  end: number;
  text: string;
}

const TOKEN = /[0-9\u06F0-\u06F9\u0660-\u0669]+(?:[,\u066C.\u066B/][0-9\u06F0-\u06F9\u0660-\u0669]+)*/gu;
const GROUPING = /[,\u066C]/u;
/** Any mark that splits a number: without one, a token is a plain integer. */
const SEPARATOR = /[,\u066C.\u066B/]/u;

const isGrouping = (c: number) => c === 0x2c || c === 0x066c;
const isSlash = (c: number) => c === 0x2f;
const isDecimal = (c: number) => c === 0x2e || c === 0x066b;
const isPersianDecimal = (c: number) => c === 0x2e || c === 0x066b || c === 0x2f;

function canonical(intPart: string, fraction = ''): string {
  const int = toAsciiDigits(intPart).replace(/^0+(?=\d)/u, '');
  const frac = toAsciiDigits(fraction).replace(/0+$/u, '');
  return frac ? `${int}.${frac}` : int;
}

/** Splits `text` at every character `sep` accepts, keeping offsets. A test per character code, not a regular expression: numbers are split in every segment. */
function pieces(text: string, start: number, sep: (c: number) => boolean): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || sep(text.charCodeAt(i))) {
      out.push({ text: text.slice(from, i), start: start + from });
      from = i + 1;
    }
  }
  return out;
}

/** An integer written with thousands groups (30,000 or ۳۰٬۰۰۰), or each group as a number of its own. */
function integers(text: string, start: number): FoundNumber[] {
  const groups = pieces(text, start, isGrouping);
  const grouped = groups.length > 1 && groups[0]!.text.length <= 3 && groups.slice(1).every((g) => g.text.length === 3);
  if (groups.length === 1 || grouped) return [{ value: canonical(groups.map((g) => g.text).join('')), start, end: start + text.length, text }];
  return groups.map((g) => ({ value: canonical(g.text), start: g.start, end: g.start + g.text.length, text: g.text }));
}

/**
 * The numbers in a text, whatever digits they use. `.` and `٫` mark decimals; in Persian text so
 * does `/` between digits, as it is often typed for `٫` (۳/۵ is 3.5). Two or more such marks
 * make a date or a version (۱۴۰۲/۰۵/۱۲, 19.07.1988), whose parts are numbers each.
 * `,` and `٬` group thousands when every group after the first has three digits.
 */
export function findNumbers(text: string, lang: string): FoundNumber[] {
  const persian = primaryOf(lang) === 'fa';
  const out: FoundNumber[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    // Most numbers are plain digits: what `numbersInToken` makes of them, made directly.
    if (!SEPARATOR.test(m[0])) out.push({ value: canonical(m[0]), start: m.index, end: m.index + m[0].length, text: m[0] });
    else out.push(...numbersInToken(text, m.index, m[0], persian));
  }
  return out;
}

/** The numbers one run of digits and marks (`token`, found at `start` in `text`) stands for. */
export function numbersInToken(text: string, start: number, token: string, persian: boolean): FoundNumber[] {
  const out: FoundNumber[] = [];
  const decimal = persian ? isPersianDecimal : isDecimal;
  const chunks = persian ? [{ text: token, start }] : pieces(token, start, isSlash);
  for (const chunk of chunks) {
    const parts = pieces(chunk.text, chunk.start, decimal);
    if (parts.length === 2 && !GROUPING.test(parts[1]!.text)) {
      const [int, frac] = parts as [{ text: string; start: number }, { text: string; start: number }];
      const whole = integers(int.text, int.start);
      const last = whole.pop()!;
      out.push(...whole, {
        value: `${last.value}.${canonical('0', frac.text).slice(2)}`.replace(/\.$/u, ''),
        start: last.start,
        end: chunk.start + chunk.text.length,
        text: text.slice(last.start, chunk.start + chunk.text.length),
      });
    } else for (const part of parts) out.push(...integers(part.text, part.start));
  }
  return out;
}

/** Number words whose digits a translation may write instead (or the other way round). */
const NUMBER_WORDS: Record<string, Record<string, string>> = {
  en: {
    one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
    eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17',
    eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100', thousand: '1000',
    first: '1', second: '2', third: '3', fourth: '4', fifth: '5', tenth: '10',
  },
  fa: {
    یک: '1', دو: '2', سه: '3', چهار: '4', پنج: '5', شش: '6', هفت: '7', هشت: '8', نه: '9', ده: '10',
    یازده: '11', دوازده: '12', سیزده: '13', چهارده: '14', پانزده: '15', شانزده: '16', هفده: '17', هجده: '18',
    نوزده: '19', بیست: '20', سی: '30', چهل: '40', پنجاه: '50', صد: '100', هزار: '1000',
    اول: '1', نخست: '1', دوم: '2', سوم: '3', چهارم: '4', پنجم: '5', دهم: '10',
  },
};

function wordValues(text: string, lang: string): Set<string> {
  const words = NUMBER_WORDS[primaryLanguage(lang)];
  const out = new Set<string>();
  if (!words) return out;
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{M}]+/gu)) {
    // Persian ordinals add م or مین to the cardinal (نوزدهم، سومین), after a vowel ام.
    const word = m[0];
    const value = words[word] ?? words[word.replace(/(?:مین|م)$/u, '')] ?? words[word.replace(/ام(?:ین)?$/u, '')] ?? words[word.replace(/ین$/u, '')];
    if (value) out.add(value);
  }
  return out;
}

const GREGORIAN_FIRST = 1900;
const GREGORIAN_LAST = 2100;

/**
 * The Solar Hijri years a Gregorian year overlaps (1988 → 1366 or 1367), and their two-digit
 * short forms as Persian news writes them («تابستان ۶۷»); empty outside 1900–2100, where a
 * four-digit number is more likely not a year.
 */
function solarHijri(value: string): string[] {
  if (!/^\d{4}$/u.test(value)) return [];
  const year = Number(value);
  if (year < GREGORIAN_FIRST || year > GREGORIAN_LAST) return [];
  return [year - 621, year - 622].flatMap((y) => [String(y), String(y % 100)]);
}

/** The Gregorian years a four-digit Solar Hijri year overlaps (1367 → 1988 or 1989). */
function gregorian(value: string): string[] {
  if (!/^\d{4}$/u.test(value)) return [];
  const year = Number(value);
  if (year + 622 < GREGORIAN_FIRST || year + 621 > GREGORIAN_LAST) return [];
  return [String(year + 621), String(year + 622)];
}

const isSolarHijriLanguage = (lang: string) => primaryOf(lang) === 'fa';

/**
 * Every number of the source must be in the target and no other, compared as multisets of
 * values: 1988 = ۱۹۸۸ = ١٩٨٨, 30,000 = ۳۰٬۰۰۰ = 30000, 3.5 = ۳٫۵ = ۳/۵ in Persian,
 * 19th = ۱۹, 40% = ۴۰٪. A Gregorian year of 1900–2100 may be given as its Solar Hijri year
 * in Persian (1988 → ۱۳۶۷ or ۱۳۶۶, or ۶۷), and the other way round. Once a year was converted,
 * days and months were likely converted too, so unmatched numbers up to 31 are only warnings.
 * A number written as a word on the other side ("two", «دو») is not required as digits.
 */
export const numberChecks: QaCheck = {
  rules: ['number-missing', 'number-added'],
  run({ sourceText, targetText, sourceLang, targetLang }) {
    const source = findNumbers(sourceText, sourceLang);
    const target = findNumbers(targetText, targetLang);
    const used = new Array<boolean>(target.length).fill(false);
    const take = (values: readonly string[]) => {
      for (const value of values)
        for (let j = 0; j < target.length; j++)
          if (!used[j] && target[j]!.value === value) {
            used[j] = true;
            return true;
          }
      return false;
    };
    const unmatched = source.filter((n) => !take([n.value]));
    // the usual case, every number matched both ways, has nothing more to look at
    if (unmatched.length === 0 && used.every(Boolean)) return [];
    let converted = false;
    const missing = unmatched.filter((n) => {
      const years = isSolarHijriLanguage(targetLang) ? solarHijri(n.value) : isSolarHijriLanguage(sourceLang) ? gregorian(n.value) : [];
      if (years.length > 0 && take(years)) return !(converted = true);
      return true;
    });
    // «۱۳۶۷ (۱۹۸۸)» gives both calendars: the converted year is not an extra number.
    const equivalents = new Set(
      source.flatMap((n) => (isSolarHijriLanguage(targetLang) ? solarHijri(n.value) : isSolarHijriLanguage(sourceLang) ? gregorian(n.value) : [])),
    );
    // number words are looked for only when some number is unmatched: most segments have none
    let targetWords: Set<string> | undefined;
    let sourceWords: Set<string> | undefined;
    const severity = (n: FoundNumber): QaSeverity => (converted && /^\d+$/u.test(n.value) && Number(n.value) <= 31 ? 'warning' : 'error');

    const out: Issue[] = [];
    for (const n of missing) {
      if ((targetWords ??= wordValues(targetText, targetLang)).has(n.value)) continue;
      out.push(issue('number-missing', severity(n), { number: quote(n.text) }, { sourceSpan: { start: n.start, end: n.end, text: n.text }, expected: [n.value] }));
    }
    target.forEach((n, j) => {
      if (used[j] || equivalents.has(n.value) || (sourceWords ??= wordValues(sourceText, sourceLang)).has(n.value)) return;
      out.push(issue('number-added', severity(n), { number: quote(n.text) }, { targetSpan: { start: n.start, end: n.end, text: n.text } }));
    });
    return out;
  },
};
