import {
  type CharSet,
  caseVariants,
  charAtom,
  emitCharSet,
  isCased,
  patternLiteral,
  propertyAtom,
  rangeAtom,
  union,
} from './char-set.js';
import { resolveProperty } from './properties.js';
import { RegexSyntaxError } from './regex-syntax-error.js';

/**
 * How a translated pattern depends on letter case: `none` when nothing in it has case, otherwise
 * whether all of it, none of it or only part of it was under ICU's `i` flag.
 */
export type CaseMode = 'none' | 'sensitive' | 'insensitive' | 'mixed';

export interface TranslatedPattern {
  /** JavaScript source, to be compiled with the `u` flag (plus `i` when caseMode is `insensitive`). */
  source: string;
  caseMode: CaseMode;
  /** Capturing groups in the pattern, so a pattern placed after it can shift its backreferences. */
  captureCount: number;
}

export interface TranslateOptions {
  /** Start as if the pattern began with `(?i)`. */
  caseInsensitive?: boolean;
  /** Capturing groups that come before this pattern in the final regular expression. */
  captureOffset?: number;
  /**
   * JavaScript evaluates a lookbehind from right to left, so a backreference there sees its group
   * before the group has matched anything; patterns that will sit in a lookbehind must refuse them.
   */
  allowBackreferences?: boolean;
}

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
  x: boolean;
  d: boolean;
}

/**
 * ICU's word characters: letters of any script, marks, digits and connectors, plus ZWNJ and ZWJ,
 * which sit inside Persian words (`می‌شود`) and must not make a word boundary there.
 */
const WORD = '\\p{L}\\p{M}\\p{N}\\p{Pc}\\u200C\\u200D';
const WORD_BOUNDARY = `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;
const NOT_WORD_BOUNDARY = `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;
const LINE_END = '\\n\\r\\u0085\\u2028\\u2029';
const VERTICAL = '\\n\\x0B\\f\\r\\u0085\\u2028\\u2029';
const END_OF_INPUT = '(?![\\s\\S])';
const NOT_INSIDE_CRLF = '(?!(?<=\\r)\\n)';

const wordSet = (): CharSet => union([propertyAtom('\\p{L}', true), propertyAtom(`\\p{M}\\p{N}\\p{Pc}\\u200C\\u200D`, false)]);

/** Sets behind the shorthand escapes; ICU's are Unicode-aware, so `\d` is any decimal digit. */
function shorthandSet(letter: string): CharSet | undefined {
  switch (letter) {
    case 'd':
      return propertyAtom('\\p{Nd}', false);
    case 'D':
      return propertyAtom('\\P{Nd}', false);
    case 's':
      return propertyAtom('\\p{White_Space}', false);
    case 'S':
      return propertyAtom('\\P{White_Space}', false);
    case 'w':
      return wordSet();
    case 'W':
      return union([wordSet()], true);
    case 'h':
      return propertyAtom('\\t\\p{Zs}', false);
    case 'H':
      return union([propertyAtom('\\t\\p{Zs}', false)], true);
    case 'v':
      return propertyAtom(VERTICAL, false);
    case 'V':
      return union([propertyAtom(VERTICAL, false)], true);
    default:
      return undefined;
  }
}

const CONTROL_ESCAPES: Record<string, number> = { t: 0x09, n: 0x0a, r: 0x0d, f: 0x0c, a: 0x07, e: 0x1b };

type Escape =
  | { type: 'char'; cp: number }
  | { type: 'set'; set: CharSet }
  | { type: 'quote'; cps: number[] }
  | { type: 'assertion'; source: string }
  | { type: 'backref'; group: number | string }
  | { type: 'raw'; source: string };

interface Atom {
  source: string;
  /** A single code point, a class or a group: can take a quantifier as it is. */
  single: boolean;
  assertion?: boolean;
  /** Emitted before the atom and outside any quantifier: a quantifier after `\Q…\E` repeats only its last character. */
  prefix?: string;
}

const isHex = (s: string) => /^[0-9a-fA-F]+$/u.test(s);

class Translator {
  private pos = 0;
  private captures = 0;
  private readonly names = new Map<string, number>();
  private readonly backrefs: Array<{ group: number; at: number }> = [];
  /** The `i` state at each place where case matters. */
  readonly caseStates = new Set<boolean>();

  constructor(
    private readonly pattern: string,
    private readonly globalCase: boolean,
    private readonly options: Required<TranslateOptions>,
  ) {}

  translate(): { source: string; captureCount: number } {
    const flags: Flags = { i: this.options.caseInsensitive, s: false, m: false, x: false, d: false };
    const source = this.disjunction(flags, false);
    for (const ref of this.backrefs)
      if (ref.group > this.captures) throw new RegexSyntaxError('badBackreference', ref.at, { ref: String(ref.group) });
    return { source, captureCount: this.captures };
  }

  private fail(code: string, at: number, params: Record<string, string> = {}): never {
    throw new RegexSyntaxError(code, at, params);
  }

  private peek(offset = 0): string | undefined {
    return this.pattern[this.pos + offset];
  }

  private codePoint(): number {
    const cp = this.pattern.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** In `x` mode, whitespace and `#` comments are not part of the pattern. */
  private skipExtended(flags: Flags): void {
    if (!flags.x) return;
    for (;;) {
      const c = this.peek();
      if (c !== undefined && /[ \t\n\x0B\f\r]/u.test(c)) this.pos++;
      else if (c === '#') {
        while (this.pos < this.pattern.length && this.peek() !== '\n') this.pos++;
      } else return;
    }
  }

  private disjunction(outer: Flags, inGroup: boolean): string {
    // A flag change such as `(?i)` lasts to the end of the enclosing group, across `|`.
    const flags = { ...outer };
    let out = '';
    for (;;) {
      this.skipExtended(flags);
      const c = this.peek();
      if (c === undefined) break;
      if (c === ')') {
        if (inGroup) break;
        this.fail('unmatchedParen', this.pos);
      }
      if (c === '|') {
        this.pos++;
        out += '|';
        continue;
      }
      if (c === '(' && this.peek(1) === '?' && this.flagOnlyGroup(flags)) continue;
      const start = this.pos;
      const atom = this.atom(flags);
      out += this.quantified(atom, flags, start);
    }
    return out;
  }

  /** Reads `(?flags)` and applies it; leaves the position alone and returns false for any other group. */
  private flagOnlyGroup(flags: Flags): boolean {
    const m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/u.exec(this.pattern.slice(this.pos));
    if (!m) return false;
    this.applyFlags(flags, m[1] ?? '', m[2] ?? '', this.pos + 2);
    this.pos += m[0].length;
    return true;
  }

  private applyFlags(flags: Flags, on: string, off: string, at: number): void {
    for (const [letters, value] of [
      [on, true],
      [off, false],
    ] as const) {
      for (const letter of letters) {
        switch (letter) {
          case 'i':
          case 's':
          case 'm':
          case 'x':
          case 'd':
            flags[letter] = value;
            break;
          // Unicode case folding and Unicode classes are what this translation always does;
          // `w` (UAX #29 word boundaries) is approximated by the Unicode-aware `\b` below.
          case 'u':
          case 'U':
          case 'w':
            break;
          default:
            this.fail('unknownFlag', at, { flag: letter });
        }
      }
    }
  }

  private quantified(atom: Atom, flags: Flags, start: number): string {
    this.skipExtended(flags);
    const quantifier = this.quantifier();
    const prefix = atom.prefix ?? '';
    if (quantifier === undefined) return prefix + atom.source;
    if (atom.source === '') this.fail('nothingToRepeat', start, { quantifier });
    const base = atom.single && !atom.assertion ? atom.source : `(?:${atom.source})`;
    let lazy = '';
    if (this.peek() === '?') {
      this.pos++;
      lazy = '?';
    } else if (this.peek() === '+') {
      // Possessive quantifiers have no JavaScript equivalent; the greedy form finds the same
      // matches except where giving back characters would let the rest of the pattern match.
      this.pos++;
    }
    return prefix + base + quantifier + lazy;
  }

  private quantifier(): string | undefined {
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      return c;
    }
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/u.exec(this.pattern.slice(this.pos));
      if (!m) return undefined;
      if (m[3] && Number(m[3]) < Number(m[1])) this.fail('badQuantifier', this.pos, { quantifier: m[0] });
      this.pos += m[0].length;
      return m[0];
    }
    return undefined;
  }

  private noteCase(flags: Flags): void {
    this.caseStates.add(flags.i);
  }

  private literal(cp: number, flags: Flags): string {
    const variants = caseVariants(cp);
    if (variants.length > 1) {
      this.noteCase(flags);
      if (flags.i && !this.globalCase) return emitCharSet(union(variants.map(charAtom)), false);
    }
    return patternLiteral(cp);
  }

  private set(set: CharSet, flags: Flags): string {
    if (isCased(set)) this.noteCase(flags);
    return emitCharSet(set, flags.i && !this.globalCase);
  }

  private atom(flags: Flags): Atom {
    const start = this.pos;
    const c = this.peek()!;
    switch (c) {
      case '(':
        return this.group(flags);
      case '[':
        return { source: this.set(this.charClass(flags), flags), single: true };
      case '\\':
        return this.escapeAtom(flags);
      case '.':
        this.pos++;
        return { source: flags.s ? '[\\s\\S]' : flags.d ? '[^\\n]' : `[^${LINE_END}]`, single: true };
      case '^':
        this.pos++;
        if (!flags.m) return { source: '^', single: true, assertion: true };
        return {
          source: flags.d ? '(?<![^\\n])' : `(?<![^${LINE_END}])${NOT_INSIDE_CRLF}`,
          single: false,
          assertion: true,
        };
      case '$':
        this.pos++;
        return { source: this.dollar(flags), single: false, assertion: true };
      case '*':
      case '+':
      case '?':
        return this.fail('nothingToRepeat', start, { quantifier: c });
      case '{':
        if (/^\{\d+(,\d*)?\}/u.test(this.pattern.slice(this.pos))) this.fail('nothingToRepeat', start, { quantifier: c });
        // Java refuses a brace that starts no quantifier; reading it as a literal is the lenient choice.
        this.pos++;
        return { source: '\\{', single: true };
      default:
        return { source: this.literal(this.codePoint(), flags), single: true };
    }
  }

  private dollar(flags: Flags): string {
    if (flags.m) return flags.d ? `(?=\\n|${END_OF_INPUT})` : `(?=[${LINE_END}]|${END_OF_INPUT})${NOT_INSIDE_CRLF}`;
    // Without MULTILINE, `$` also matches before a line terminator that ends the input.
    return flags.d ? `(?=\\n?${END_OF_INPUT})` : `(?=(?:\\r\\n|[${LINE_END}])?${END_OF_INPUT})`;
  }

  private group(outer: Flags): Atom {
    const start = this.pos;
    this.pos++; // (
    const flags = { ...outer };
    let open = '(';
    if (this.peek() === '?') {
      const rest = this.pattern.slice(this.pos + 1);
      let m: RegExpExecArray | null;
      if (rest.startsWith(':') || rest.startsWith('=') || rest.startsWith('!')) {
        open = `(?${rest[0]}`;
        this.pos += 2;
      } else if (rest.startsWith('<=') || rest.startsWith('<!')) {
        open = `(?${rest.slice(0, 2)}`;
        this.pos += 3;
      } else if (rest.startsWith('>')) {
        // Atomic groups have no JavaScript equivalent; a plain group finds the same matches except
        // where backtracking into the group would let the rest of the pattern match.
        open = '(?:';
        this.pos += 2;
      } else if (rest.startsWith('#')) {
        const end = this.pattern.indexOf(')', this.pos);
        if (end < 0) this.fail('unterminatedGroup', start);
        this.pos = end + 1;
        return { source: '', single: false };
      } else if ((m = /^<([A-Za-z][A-Za-z0-9]*)>/u.exec(rest))) {
        // Named groups become numbered ones: names could clash once two SRX patterns share a regex.
        this.captures += 1;
        this.names.set(m[1]!, this.captures);
        open = '(';
        this.pos += 1 + m[0].length;
      } else if ((m = /^([a-zA-Z]*)(?:-([a-zA-Z]*))?:/u.exec(rest))) {
        this.applyFlags(flags, m[1] ?? '', m[2] ?? '', this.pos + 1);
        open = '(?:';
        this.pos += 1 + m[0].length;
      } else {
        this.fail('unsupportedConstruct', start, { construct: this.pattern.slice(start, start + 3) });
      }
    } else {
      this.captures += 1;
    }
    const body = this.disjunction(flags, true);
    if (this.peek() !== ')') this.fail('unterminatedGroup', start);
    this.pos++;
    const assertion = open === '(?=' || open === '(?!' || open === '(?<=' || open === '(?<!';
    return { source: `${open}${body})`, single: true, assertion };
  }

  private escapeAtom(flags: Flags): Atom {
    const start = this.pos;
    const e = this.escape(false);
    switch (e.type) {
      case 'char':
        return { source: this.literal(e.cp, flags), single: true };
      case 'set':
        return { source: this.set(e.set, flags), single: true };
      case 'quote': {
        const literals = e.cps.map((cp) => this.literal(cp, flags));
        return { source: literals.pop() ?? '', prefix: literals.join(''), single: true };
      }
      case 'assertion':
        return { source: e.source, single: false, assertion: true };
      case 'raw':
        return { source: e.source, single: false };
      case 'backref': {
        if (!this.options.allowBackreferences) this.fail('backreferenceInLookbehind', start);
        let group: number;
        if (typeof e.group === 'string') {
          const n = this.names.get(e.group);
          if (n === undefined) this.fail('badBackreference', start, { ref: e.group });
          group = n;
        } else group = e.group;
        this.backrefs.push({ group, at: start });
        this.noteCase(flags);
        return { source: `(?:\\${group + this.options.captureOffset})`, single: true };
      }
    }
  }

  /** Reads an escape after `\`, inside a class or not. */
  private escape(inClass: boolean): Escape {
    const start = this.pos;
    this.pos++; // backslash
    if (this.pos >= this.pattern.length) this.fail('trailingBackslash', start);
    const cp = this.codePoint();
    const c = String.fromCodePoint(cp);
    const unsupported = (): never => this.fail('unsupportedEscape', start, { escape: this.pattern.slice(start, this.pos) });
    if (c in CONTROL_ESCAPES) return { type: 'char', cp: CONTROL_ESCAPES[c]! };
    const shorthand = shorthandSet(c);
    if (shorthand) return { type: 'set', set: shorthand };
    switch (c) {
      case 'p':
      case 'P':
        return { type: 'set', set: this.property(c === 'P', start) };
      case 'x': {
        if (this.peek() === '{') {
          const end = this.pattern.indexOf('}', this.pos);
          const hex = end < 0 ? '' : this.pattern.slice(this.pos + 1, end);
          if (!isHex(hex) || parseInt(hex, 16) > 0x10ffff) this.fail('badHex', start, { escape: this.pattern.slice(start, end + 1) });
          this.pos = end + 1;
          return { type: 'char', cp: parseInt(hex, 16) };
        }
        return { type: 'char', cp: this.hexDigits(2, start) };
      }
      case 'u': {
        let value = this.hexDigits(4, start);
        // Java writes astral characters as a surrogate pair of escapes.
        if (value >= 0xd800 && value <= 0xdbff && /^\\u[dD][c-fC-F][0-9a-fA-F]{2}/u.test(this.pattern.slice(this.pos))) {
          this.pos += 2;
          const low = this.hexDigits(4, start);
          value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
        }
        return { type: 'char', cp: value };
      }
      case 'U': {
        const value = this.hexDigits(8, start);
        if (value > 0x10ffff) this.fail('badHex', start, { escape: this.pattern.slice(start, this.pos) });
        return { type: 'char', cp: value };
      }
      case '0': {
        const m = /^[0-7]{1,3}/u.exec(this.pattern.slice(this.pos));
        if (!m) return unsupported();
        let digits = m[0];
        if (digits.length === 3 && parseInt(digits, 8) > 0o377) digits = digits.slice(0, 2);
        this.pos += digits.length;
        return { type: 'char', cp: parseInt(digits, 8) };
      }
      case 'c': {
        const letter = this.peek();
        if (letter === undefined) return unsupported();
        this.pos++;
        return { type: 'char', cp: letter.charCodeAt(0) ^ 0x40 };
      }
      case 'Q': {
        const end = this.pattern.indexOf('\\E', this.pos);
        const text = this.pattern.slice(this.pos, end < 0 ? undefined : end);
        this.pos = end < 0 ? this.pattern.length : end + 2;
        return { type: 'quote', cps: [...text].map((ch) => ch.codePointAt(0)!) };
      }
      case 'b':
        // Inside a set, ICU reads \b as a backspace.
        return inClass ? { type: 'char', cp: 0x08 } : { type: 'assertion', source: WORD_BOUNDARY };
      case 'B':
        return inClass ? unsupported() : { type: 'assertion', source: NOT_WORD_BOUNDARY };
      case 'A':
        return inClass ? unsupported() : { type: 'assertion', source: '^' };
      case 'z':
        return inClass ? unsupported() : { type: 'assertion', source: END_OF_INPUT };
      case 'Z':
        return inClass ? unsupported() : { type: 'assertion', source: `(?=(?:\\r\\n|[${LINE_END}])?${END_OF_INPUT})` };
      case 'R':
        return inClass ? unsupported() : { type: 'raw', source: `(?:\\r\\n|[${VERTICAL}])` };
      case 'k': {
        const m = /^<([A-Za-z][A-Za-z0-9]*)>/u.exec(this.pattern.slice(this.pos));
        if (inClass || !m) return unsupported();
        this.pos += m[0].length;
        return { type: 'backref', group: m[1]! };
      }
      default:
        break;
    }
    if (/[1-9]/u.test(c)) {
      if (inClass) return unsupported();
      // Like Java, take further digits only while they still name an existing group.
      let group = Number(c);
      while (/[0-9]/u.test(this.peek() ?? '') && group * 10 + Number(this.peek()) <= this.captures) {
        group = group * 10 + Number(this.peek());
        this.pos++;
      }
      return { type: 'backref', group };
    }
    // \G, \X, \N{…} and any other letter or digit: nothing JavaScript can say the same way.
    if (/[\p{L}\p{N}]/u.test(c)) return unsupported();
    return { type: 'char', cp };
  }

  private hexDigits(count: number, start: number): number {
    const hex = this.pattern.slice(this.pos, this.pos + count);
    if (hex.length !== count || !isHex(hex)) this.fail('badHex', start, { escape: this.pattern.slice(start, this.pos + count) });
    this.pos += count;
    return parseInt(hex, 16);
  }

  private property(negated: boolean, start: number): CharSet {
    let name: string;
    if (this.peek() === '{') {
      const end = this.pattern.indexOf('}', this.pos);
      if (end < 0) this.fail('unknownProperty', start, { name: this.pattern.slice(start) });
      name = this.pattern.slice(this.pos + 1, end);
      this.pos = end + 1;
    } else {
      const letter = this.peek();
      if (letter === undefined || !/[A-Za-z]/u.test(letter)) this.fail('unknownProperty', start, { name: letter ?? '' });
      name = letter;
      this.pos++;
    }
    const set = resolveProperty(name, negated);
    if (!set) this.fail('unknownProperty', start, { name });
    return set;
  }

  /**
   * A bracketed set with ICU/Java extensions: nested sets (union), `&&` (intersection),
   * ICU's `--` (difference), POSIX `[:name:]` and `\Q…\E`.
   */
  private charClass(flags: Flags): CharSet {
    const start = this.pos;
    this.pos++; // [
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    let result: CharSet | undefined;
    let op: 'intersection' | 'difference' | undefined;
    let items: CharSet[] = [];
    const finishOperand = () => {
      const operand = union(items);
      result = result === undefined || op === undefined ? operand : { kind: op, left: result, right: operand };
      items = [];
    };
    let first = true;
    for (;;) {
      if (flags.x) while (/[ \t\n\x0B\f\r]/u.test(this.peek() ?? 'x')) this.pos++;
      const c = this.peek();
      if (c === undefined) this.fail('unterminatedClass', start);
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (c === '&' && this.peek(1) === '&') {
        this.pos += 2;
        finishOperand();
        op = 'intersection';
        continue;
      }
      if (c === '-' && this.peek(1) === '-' && this.peek(2) === '[') {
        this.pos += 2;
        finishOperand();
        op = 'difference';
        continue;
      }
      if (c === '[') {
        const posix = /^\[:(\^?)([A-Za-z_]+):\]/u.exec(this.pattern.slice(this.pos));
        if (posix) {
          const set = resolveProperty(posix[2]!, posix[1] === '^');
          if (!set) this.fail('unknownProperty', this.pos, { name: posix[2]! });
          items.push(set);
          this.pos += posix[0].length;
        } else items.push(this.charClass(flags));
        continue;
      }
      const itemStart = this.pos;
      const lo = this.classMember();
      if (lo.type !== 'char') {
        if (lo.type === 'set') items.push(lo.set);
        else items.push(...lo.cps.map(charAtom));
        continue;
      }
      // A dash makes a range unless it ends the set or comes before a nested set.
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '[' && this.peek(1) !== undefined) {
        this.pos++;
        const hi = this.classMember();
        if (hi.type !== 'char' || hi.cp < lo.cp)
          this.fail('badRange', itemStart, { range: this.pattern.slice(itemStart, this.pos) });
        items.push(rangeAtom(lo.cp, hi.cp));
      } else items.push(charAtom(lo.cp));
    }
    finishOperand();
    const set = result!;
    return negated ? (set.kind === 'union' ? { ...set, negated: true } : union([set], true)) : set;
  }

  private classMember(): { type: 'char'; cp: number } | { type: 'set'; set: CharSet } | { type: 'quote'; cps: number[] } {
    if (this.peek() !== '\\') return { type: 'char', cp: this.codePoint() };
    const e = this.escape(true);
    if (e.type === 'char' || e.type === 'set' || e.type === 'quote') return e;
    return this.fail('unsupportedEscape', this.pos, { escape: '\\' });
  }
}

/**
 * Translates an ICU (SRX) regular expression to JavaScript `u`-mode source. Case-insensitive parts
 * become the JavaScript `i` flag when the whole pattern is under `(?i)`; otherwise their letters are
 * spelt out as classes (`[aA]`), since the Node 20 engine has no inline modifiers. Property
 * escapes such as `\p{Lu}` are left as written in that spelt-out form.
 */
export function translateIcuRegex(pattern: string, options: TranslateOptions = {}): TranslatedPattern {
  const full: Required<TranslateOptions> = {
    caseInsensitive: options.caseInsensitive ?? false,
    captureOffset: options.captureOffset ?? 0,
    allowBackreferences: options.allowBackreferences ?? true,
  };
  const first = new Translator(pattern, false, full);
  const spelt = first.translate();
  const states = first.caseStates;
  let result: { source: string; captureCount: number } = spelt;
  let caseMode: CaseMode;
  if (states.size === 0) caseMode = 'none';
  else if (states.size === 2) caseMode = 'mixed';
  else if (states.has(true)) {
    caseMode = 'insensitive';
    result = new Translator(pattern, true, full).translate();
  } else caseMode = 'sensitive';
  check(result.source, caseMode, full.captureOffset);
  return { source: result.source, caseMode, captureCount: result.captureCount };
}

/** A last safety net: the engine must accept the result (with the groups of what precedes it). */
function check(source: string, caseMode: CaseMode, captureOffset: number): void {
  try {
    new RegExp('()'.repeat(captureOffset) + source, caseMode === 'insensitive' ? 'iu' : 'u');
  } catch (error) {
    throw new RegexSyntaxError('invalid', 0, { reason: (error as Error).message });
  }
}
