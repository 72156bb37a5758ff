/** An inclusive range of code points. */
export type CodePointRange = readonly [number, number];

/**
 * A set of code points, as ICU and Java write them: plain members, nested sets, intersections and
 * differences. JavaScript's `u` mode has only flat classes, so anything richer is emitted as a small
 * expression that still matches exactly one code point.
 */
export type CharSet =
  | {
      kind: 'atom';
      /** Source that is valid inside a `u`-mode character class, e.g. `a`, `\u{2026}`, `\p{Lu}`. */
      source: string;
      /** The members as ranges, when known, so that case-insensitive matching can be spelt out. */
      ranges?: readonly CodePointRange[];
      /** Whether case-insensitive matching could change what it matches. */
      cased: boolean;
    }
  | { kind: 'union'; negated: boolean; items: readonly CharSet[] }
  | { kind: 'intersection'; left: CharSet; right: CharSet }
  | { kind: 'difference'; left: CharSet; right: CharSet };

const CLASS_SYNTAX = new Set(['\\', ']', '[', '^', '-']);
const PATTERN_SYNTAX = new Set(['\\', '^', '$', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);
// Invisible or ambiguous characters are written as escapes so compiled patterns stay readable in errors.
const INVISIBLE = /[\p{Z}\p{C}]/u;

function hexEscape(cp: number): string {
  return `\\u{${cp.toString(16).toUpperCase()}}`;
}

/** A code point written for the inside of a `u`-mode class. */
export function classLiteral(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (CLASS_SYNTAX.has(ch)) return `\\${ch}`;
  if (INVISIBLE.test(ch)) return hexEscape(cp);
  return ch;
}

/** A code point written as a `u`-mode pattern atom outside any class. */
export function patternLiteral(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (PATTERN_SYNTAX.has(ch)) return `\\${ch}`;
  if (INVISIBLE.test(ch)) return hexEscape(cp);
  return ch;
}

/** Upper, lower and title-case partners of a code point (itself included). */
export function caseVariants(cp: number): number[] {
  const out = new Set<number>([cp]);
  const ch = String.fromCodePoint(cp);
  for (const v of [ch.toLowerCase(), ch.toUpperCase(), ch.toUpperCase().toLowerCase()]) {
    const cps = [...v];
    if (cps.length === 1) out.add(cps[0]!.codePointAt(0)!);
  }
  return [...out];
}

export function charAtom(cp: number): CharSet {
  return { kind: 'atom', source: classLiteral(cp), ranges: [[cp, cp]], cased: caseVariants(cp).length > 1 };
}

export function rangeAtom(lo: number, hi: number): CharSet {
  const cased = rangeHasCase(lo, hi);
  return { kind: 'atom', source: `${classLiteral(lo)}-${classLiteral(hi)}`, ranges: [[lo, hi]], cased };
}

export function propertyAtom(source: string, cased: boolean): CharSet {
  return { kind: 'atom', source, cased };
}

export function union(items: readonly CharSet[], negated = false): CharSet {
  return { kind: 'union', negated, items };
}

// Spelling out the case partners of huge ranges would bloat the pattern for no gain.
const MAX_FOLDED_RANGE = 0x3000;

function rangeHasCase(lo: number, hi: number): boolean {
  if (hi - lo > MAX_FOLDED_RANGE) return false;
  for (let cp = lo; cp <= hi; cp++) if (caseVariants(cp).length > 1) return true;
  return false;
}

/** Whether matching the set case-insensitively could differ from matching it as written. */
export function isCased(set: CharSet): boolean {
  switch (set.kind) {
    case 'atom':
      return set.cased;
    case 'union':
      return set.items.some(isCased);
    default:
      return isCased(set.left) || isCased(set.right);
  }
}

/** Extra class members that make an atom match regardless of case (properties are left as written). */
function caseClosure(atom: Extract<CharSet, { kind: 'atom' }>): string {
  if (!atom.ranges || !atom.cased) return '';
  let extra = '';
  for (const [lo, hi] of atom.ranges) {
    if (hi - lo > MAX_FOLDED_RANGE) continue;
    for (let cp = lo; cp <= hi; cp++)
      for (const v of caseVariants(cp)) if (v < lo || v > hi) extra += classLiteral(v);
  }
  return extra;
}

/** Class members of a set that is a plain, non-negated union of atoms; undefined otherwise. */
function flatMembers(set: CharSet, fold: boolean): string | undefined {
  if (set.kind === 'atom') return set.source + (fold ? caseClosure(set) : '');
  if (set.kind !== 'union' || set.negated) return undefined;
  let out = '';
  for (const item of set.items) {
    const members = flatMembers(item, fold);
    if (members === undefined) return undefined;
    out += members;
  }
  return out;
}

/**
 * JavaScript source matching exactly one code point of the set. With `fold`, literal members also
 * match their case partners (used where only part of a pattern is case-insensitive).
 */
export function emitCharSet(set: CharSet, fold: boolean): string {
  switch (set.kind) {
    case 'atom':
      return `[${flatMembers(set, fold)}]`;
    case 'union': {
      let members = '';
      const complex: string[] = [];
      for (const item of set.items) {
        const flat = flatMembers(item, fold);
        if (flat !== undefined) members += flat;
        else if (item.kind === 'union' && item.items.every((i) => flatMembers(i, fold) !== undefined) && set.items.length === 1)
          return set.negated ? emitCharSet({ ...item, negated: !item.negated }, fold) : emitCharSet(item, fold);
        else complex.push(emitCharSet(item, fold));
      }
      if (complex.length === 0) return set.negated ? `[^${members}]` : `[${members}]`;
      const alternatives = (members ? [`[${members}]`] : []).concat(complex);
      const any = `(?:${alternatives.join('|')})`;
      return set.negated ? `(?:(?!${any})[\\s\\S])` : any;
    }
    case 'intersection':
      return `(?:(?=${emitCharSet(set.left, fold)})${emitCharSet(set.right, fold)})`;
    case 'difference':
      return `(?:(?!${emitCharSet(set.right, fold)})${emitCharSet(set.left, fold)})`;
  }
}
