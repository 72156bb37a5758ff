import { describe, expect, it } from 'vitest';
import { RegexSyntaxError } from '../../../src/segment/srx/icu-regex/regex-syntax-error.js';
import { type TranslateOptions, translateIcuRegex } from '../../../src/segment/srx/icu-regex/translate.js';

function re(pattern: string, options?: TranslateOptions): RegExp {
  const translated = translateIcuRegex(pattern, options);
  return new RegExp(translated.source, translated.caseMode === 'insensitive' ? 'iu' : 'u');
}

/** Whether the ICU pattern matches the whole string. */
function full(pattern: string, text: string): boolean {
  const translated = translateIcuRegex(pattern);
  return new RegExp(`^(?:${translated.source})$`, translated.caseMode === 'insensitive' ? 'iu' : 'u').test(text);
}

function syntaxError(pattern: string, options?: TranslateOptions): RegexSyntaxError {
  try {
    translateIcuRegex(pattern, options);
  } catch (error) {
    expect(error).toBeInstanceOf(RegexSyntaxError);
    return error as RegexSyntaxError;
  }
  throw new Error(`expected ${pattern} to be refused`);
}

describe('ICU to JavaScript regex translation', () => {
  it('applies a leading (?i) to the whole pattern through the i flag', () => {
    const t = translateIcuRegex('(?i)mr\\.');
    expect(t.caseMode).toBe('insensitive');
    expect(full('(?i)mr\\.', 'MR.')).toBe(true);
  });

  it('spells out case-insensitive parts when only part of the pattern is', () => {
    expect(translateIcuRegex('(?i:ab)c').caseMode).toBe('mixed');
    expect(full('(?i:ab)c', 'ABc')).toBe(true);
    expect(full('(?i:ab)c', 'ABC')).toBe(false);
    expect(full('a(?i)b', 'aB')).toBe(true);
    expect(full('a(?i)b', 'AB')).toBe(false);
    expect(full('x(?i)[a-c]', 'xB')).toBe(true);
    expect(full('x(?i)[^a-c]', 'xB')).toBe(false);
    expect(full('(?i)a(?-i)b', 'Ab')).toBe(true);
    expect(full('(?i)a(?-i)b', 'AB')).toBe(false);
  });

  it('ends a flag change with its group, across alternatives', () => {
    expect(full('(?:(?i)a|b)c', 'Bc')).toBe(true);
    expect(full('(?:(?i)a|b)c', 'bC')).toBe(false);
  });

  it('reports patterns without letters as caseless', () => {
    expect(translateIcuRegex('[.?!]\\s').caseMode).toBe('none');
    expect(translateIcuRegex('\\p{Lu}').caseMode).toBe('sensitive');
  });

  it('makes \\b and \\B Unicode-aware, Persian letters, marks, digits and ZWNJ included', () => {
    expect(re('\\bرا\\b').test('کتاب را خواند')).toBe(true);
    expect(re('\\bرا\\b').test('رای مردم')).toBe(false);
    expect(re('می\\b').test('می‌شود')).toBe(false); // ZWNJ keeps the word together
    expect(re('\\bشود').test('می‌شود')).toBe(false);
    expect(re('\\b۱۳۶۷\\b').test('سال ۱۳۶۷ بود')).toBe(true);
    expect(re('\\Bا').test('کتاب')).toBe(true);
    expect(re('\\bé').test('xé')).toBe(false);
  });

  it('makes \\w, \\W, \\d, \\s Unicode-aware', () => {
    for (const ch of ['ک', 'ی', '۵', '٣', '_', '\u064E', 'é', '\u200C']) expect(full('\\w', ch), ch).toBe(true);
    for (const ch of ['.', ' ', '؟', '«']) expect(full('\\w', ch), ch).toBe(false);
    expect(full('\\W', '؟')).toBe(true);
    expect(full('\\W', 'ک')).toBe(false);
    expect(full('\\d+', '۱۳۶۷')).toBe(true);
    expect(full('\\d+', '٣٢٠')).toBe(true);
    expect(full('\\s', '\u00A0')).toBe(true);
    expect(full('\\S', 'x')).toBe(true);
  });

  it('supports \\h, \\v, \\R, \\A, \\z and \\Z', () => {
    expect(full('\\h', '\t')).toBe(true);
    expect(full('\\h', '\u00A0')).toBe(true);
    expect(full('\\h', '\n')).toBe(false);
    expect(full('\\H', 'x')).toBe(true);
    expect(full('\\v', '\u2028')).toBe(true);
    expect(full('a\\Rb', 'a\r\nb')).toBe(true);
    expect(re('\\Aa').test('ba')).toBe(false);
    expect(re('a\\z').test('a\n')).toBe(false);
    expect(re('a\\Z').test('a\n')).toBe(true);
  });

  it('translates Java and ICU property names', () => {
    expect(full('\\p{Lu}', 'A')).toBe(true);
    expect(full('\\pL', 'ک')).toBe(true);
    expect(full('\\P{Lu}', 'A')).toBe(false);
    expect(full('\\p{^Lu}', 'a')).toBe(true);
    expect(full('\\p{IsAlphabetic}', 'ک')).toBe(true);
    expect(full('\\p{Alpha}', 'ж')).toBe(true);
    expect(full('\\p{javaUpperCase}', 'A')).toBe(true);
    expect(full('\\p{javaUpperCase}', 'a')).toBe(false);
    expect(full('\\p{javaLowerCase}', 'a')).toBe(true);
    expect(full('\\p{IsLu}', 'Q')).toBe(true);
    expect(full('\\p{Uppercase_Letter}', 'Q')).toBe(true);
    expect(full('\\p{gc=Nd}', '۴')).toBe(true);
    expect(full('\\p{Punct}', '؟')).toBe(true);
    expect(full('\\p{IsWhite_Space}', ' ')).toBe(true);
  });

  it('reads \\p{IsArabic} as the script and \\p{InArabic} as the block', () => {
    expect(full('\\p{IsArabic}', 'ک')).toBe(true);
    expect(full('\\p{IsArabic}', '؟')).toBe(false); // the question mark is in the Common script
    expect(full('\\p{InArabic}', '؟')).toBe(true);
    expect(full('\\p{InArabic}', 'a')).toBe(false);
    expect(full('\\p{Script=Arabic}', 'ی')).toBe(true);
    expect(full('\\p{sc=arabic}', 'ی')).toBe(true);
    expect(full('\\p{IsLatin}', 'a')).toBe(true);
    expect(full('\\p{InBasicLatin}', 'a')).toBe(true);
  });

  it('supports POSIX classes, nested sets, intersection and difference', () => {
    expect(full('[[:alpha:]]', 'x')).toBe(true);
    expect(full('[[:^alpha:]]', 'x')).toBe(false);
    expect(full('[a-c[x-z]]', 'y')).toBe(true);
    expect(full('[a-c[x-z]]', 'm')).toBe(false);
    expect(full('[a-z&&[^aeiou]]', 'b')).toBe(true);
    expect(full('[a-z&&[^aeiou]]', 'a')).toBe(false);
    expect(full('[\\p{L}--[a-z]]', 'A')).toBe(true);
    expect(full('[\\p{L}--[a-z]]', 'a')).toBe(false);
    expect(full('[^a[b]]', 'b')).toBe(false);
    expect(full('[^a[b]]', 'c')).toBe(true);
    expect(full('[\\W\\d]', '5')).toBe(true);
    expect(full('[\\W\\d]', 'x')).toBe(false);
    expect(full('[\\p{IsArabic}&&\\p{L}]', 'ک')).toBe(true);
    expect(full('[\\p{IsArabic}&&\\p{L}]', '٣')).toBe(false);
    expect(full('[]a]', ']')).toBe(true);
    expect(full('[a-]', '-')).toBe(true);
  });

  it('reads character escapes: \\x{…}, \\xhh, \\uhhhh, surrogate pairs, \\U, octal, \\c, \\t', () => {
    expect(full('\\x{6CC}', 'ی')).toBe(true);
    expect(full('\\x{1F600}', '😀')).toBe(true);
    expect(full('\\x41', 'A')).toBe(true);
    expect(full('\\u0041', 'A')).toBe(true);
    expect(full('\\uD83D\\uDE00', '😀')).toBe(true);
    expect(full('\\U0001F600', '😀')).toBe(true);
    expect(full('\\0101', 'A')).toBe(true);
    expect(full('\\cJ', '\n')).toBe(true);
    expect(full('\\t', '\t')).toBe(true);
    expect(full('[\\x{600}-\\x{6FF}]', 'ک')).toBe(true);
  });

  it('quotes \\Q…\\E and escaped punctuation literally', () => {
    expect(full('\\Q.*(\\E', '.*(')).toBe(true);
    expect(full('\\Q.*', '.*')).toBe(true);
    expect(full('\\Qab\\E+', 'abbb')).toBe(true);
    expect(full('\\Qab\\E+', 'abab')).toBe(false);
    expect(full('[\\Q-]\\E]', ']')).toBe(true);
    expect(full('\\"\\«\\-\\,', '"«-,')).toBe(true);
    expect(full('a]b}', 'a]b}')).toBe(true);
    expect(full('a{b', 'a{b')).toBe(true);
  });

  it('rewrites possessive quantifiers and atomic groups to their greedy equivalents', () => {
    expect(full('a++b', 'aab')).toBe(true);
    expect(full('a*+', 'aaa')).toBe(true);
    expect(full('a{1,2}+b', 'aab')).toBe(true);
    expect(full('(?>ab|a)c', 'abc')).toBe(true);
  });

  it('keeps quantifiers, lazy quantifiers, lookarounds and alternation', () => {
    expect(full('a{2,3}?', 'aaa')).toBe(true);
    expect(full('a{2}', 'a')).toBe(false);
    expect(re('(?<=Mr)\\.').test('Mr.')).toBe(true);
    expect(re('(?<!Mr)\\.').test('Mr.')).toBe(false);
    expect(re('x(?=y)').test('xy')).toBe(true);
    expect(re('x(?!y)').test('xy')).toBe(false);
    expect(full('ab|cd', 'cd')).toBe(true);
    expect(full('(?#a comment)ab', 'ab')).toBe(true);
  });

  it('follows DOTALL, MULTILINE, COMMENTS and UNIX_LINES', () => {
    expect(full('a.b', 'a\nb')).toBe(false);
    expect(full('(?s)a.b', 'a\nb')).toBe(true);
    expect(full('a.b', 'a\u2028b')).toBe(false);
    expect(re('^b').test('a\nb')).toBe(false);
    expect(re('(?m)^b').test('a\nb')).toBe(true);
    expect(re('a$').test('a\nb')).toBe(false);
    expect(re('(?m)a$').test('a\nb')).toBe(true);
    expect(re('a$').test('a\n')).toBe(true);
    expect(full('(?x) a b # comment\n c', 'abc')).toBe(true);
    expect(full('(?x)[a b]', ' ')).toBe(false);
    expect(full('(?d)a.b', 'a\rb')).toBe(true);
    expect(full('(?u)(?U)(?w)a', 'a')).toBe(true);
  });

  it('numbers named groups and shifts backreferences by the capture offset', () => {
    expect(full('(?<x>a)\\k<x>', 'aa')).toBe(true);
    expect(full('(a)(b)\\2', 'abb')).toBe(true);
    const shifted = translateIcuRegex('(\\w)\\1', { captureOffset: 1 });
    expect(shifted.source).toContain('\\2');
    expect(shifted.captureCount).toBe(1);
    expect(new RegExp(`(x)${shifted.source}`, 'u').test('xaa')).toBe(true);
  });

  it('refuses what it cannot translate, with a code and an offset', () => {
    const cases: Array<[string, string, number, TranslateOptions?]> = [
      ['(ab', 'unterminatedGroup', 0],
      ['ab)', 'unmatchedParen', 2],
      ['x[ab', 'unterminatedClass', 1],
      ['*a', 'nothingToRepeat', 0],
      ['a|?', 'nothingToRepeat', 2],
      ['a\\G', 'unsupportedEscape', 1],
      ['\\X', 'unsupportedEscape', 0],
      ['\\N{LATIN SMALL LETTER A}', 'unsupportedEscape', 0],
      ['\\p{NoSuchThing}', 'unknownProperty', 0],
      ['(?q)a', 'unknownFlag', 2],
      ['[z-a]', 'badRange', 1],
      ['a{3,2}', 'badQuantifier', 1],
      ['(a)\\2', 'badBackreference', 3],
      ['\\k<nope>', 'badBackreference', 0],
      ['(a)\\1', 'backreferenceInLookbehind', 3, { allowBackreferences: false }],
      ['\\x{110000}', 'badHex', 0],
      ['\\xZZ', 'badHex', 0],
      ['a\\', 'trailingBackslash', 1],
      ['(?P<n>a)', 'unsupportedConstruct', 0],
    ];
    for (const [pattern, code, offset, options] of cases) {
      const error = syntaxError(pattern, options);
      expect([pattern, error.code, error.offset]).toEqual([pattern, code, offset]);
    }
  });
});
