import type { Escapers } from '../shared.js';

/** How a unit's text is written back, by where it sits in the markup. */
export const ENCODING = {
  text: 'html-text',
  double: 'html-attr-double',
  single: 'html-attr-single',
  unquoted: 'html-attr-unquoted',
} as const;
export type AttributeEncoding = (typeof ENCODING)['double' | 'single' | 'unquoted'];

/**
 * A line break in a translation is written with the file's own line ending; a lone CR
 * (which the HTML parser would read as a line break) only survives as a reference.
 * U+00A0 is written as `&nbsp;` so it stays visible to whoever edits the result.
 */
function escaper(pattern: RegExp, table: Record<string, string>, eol: string): (text: string) => string {
  return (text) => text.replace(pattern, (ch) => (ch === '\n' ? eol : table[ch]!));
}

/** Characters that end or break an unquoted attribute value. */
const NEEDS_QUOTES = /[\s"'=<>`]/u;

export function htmlEscapers(eol: string): Escapers {
  const text = escaper(/[&<>\u00A0\r\n]/gu, { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00A0': '&nbsp;', '\r': '&#13;' }, eol);
  const double = escaper(/[&"\u00A0\r\n]/gu, { '&': '&amp;', '"': '&quot;', '\u00A0': '&nbsp;', '\r': '&#13;' }, eol);
  const single = escaper(/[&'\u00A0\r\n]/gu, { '&': '&amp;', "'": '&#39;', '\u00A0': '&nbsp;', '\r': '&#13;' }, eol);
  return {
    [ENCODING.text]: text,
    [ENCODING.double]: double,
    [ENCODING.single]: single,
    // The placeholder covers the value only, so quotes added here land right after `=`.
    [ENCODING.unquoted]: (value) =>
      value === '' || NEEDS_QUOTES.test(value) ? `"${double(value)}"` : value.replace(/&/gu, '&amp;').replace(/\u00A0/gu, '&nbsp;'),
  };
}

export function attributeEncoding(quote: string): AttributeEncoding {
  if (quote === '"') return ENCODING.double;
  if (quote === "'") return ENCODING.single;
  return ENCODING.unquoted;
}
