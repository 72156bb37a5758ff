/**
 * XML text escaping for the writers. Writers build XML as strings rather than through a DOM
 * builder: output must be byte-identical run to run and fast on archives, and the shapes are
 * fixed by the XLIFF specifications, so a string writer with exact escaping is the simpler tool.
 */

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
export const INVALID_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const INVALID_XML_CHARS = new RegExp(INVALID_XML_CHAR.source, 'gu');

/*
 * The writers escape every run of text, and almost none needs it: a plain test with a small
 * class (no `u` flag, no alternation) skips the replacement, and the code-unit scan below
 * stands in for INVALID_XML_CHAR, whose lookbehind alternative V8 tries at every position.
 */
const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\t\n\r]/;

/*
 * Everything that could need work, in one simple class the regex engine tests natively: text
 * without any of these (nearly all) is returned as it is without the code-unit scan. Surrogates
 * are included because only the scan can tell a pair from a lone half.
 */
const MAYBE_SPECIAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F&<>\r\uD800-\uDFFF\uFFFE\uFFFF]/;
const MAYBE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** true when text can stand in XML as it is: nothing to escape and nothing XML cannot hold. */
export function plainXmlText(text: string): boolean {
  return !MAYBE_SPECIAL.test(text);
}

/** Index of the first character XML cannot hold (as INVALID_XML_CHAR finds it), or -1. */
function invalidXmlCharIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
    } else if (c >= 0xd800) {
      if (c >= 0xfffe) return i;
      if (c <= 0xdbff) {
        const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (d < 0xdc00 || d > 0xdfff) return i;
        i++;
      } else if (c <= 0xdfff) return i;
    }
  }
  return -1;
}

/** A bare CR would come back as LF after XML line-end normalization, so it travels as `&#13;`. */
export function escapeText(text: string): string {
  if (!TEXT_SPECIAL.test(text)) return text;
  return text.replace(/[&<>\r]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Attribute values keep tabs and line breaks as character references, which attribute normalization would otherwise turn into spaces. */
export function escapeAttr(text: string): string {
  if (!ATTR_SPECIAL.test(text)) return text;
  return text.replace(/[&<>"\t\n\r]/gu, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '\t':
        return '&#9;';
      case '\n':
        return '&#10;';
      default:
        return '&#13;';
    }
  });
}

/** XLIFF 2 represents characters XML cannot hold as `<cp hex="…"/>`; everything else is escaped text. */
export function escapeTextWithCp(text: string): string {
  if (!MAYBE_SPECIAL.test(text)) return text;
  if (invalidXmlCharIndex(text) < 0) return escapeText(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INVALID_XML_CHARS)) {
    out += escapeText(text.slice(last, m.index));
    out += `<cp hex="${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`;
    last = m.index! + m[0].length;
  }
  return out + escapeText(text.slice(last));
}

/** The first character XML cannot hold, for writers (XLIFF 1.2) that have no way to carry it. */
export function firstInvalidXmlChar(text: string): string | undefined {
  if (!MAYBE_INVALID.test(text)) return undefined;
  const at = invalidXmlCharIndex(text);
  return at < 0 ? undefined : text[at];
}
