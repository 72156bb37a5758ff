/**
 * XML text escaping for the writers. Writers build XML as strings rather than through a DOM
 * builder: output must be byte-identical run to run and fast on archives, and the shapes are
 * fixed by the XLIFF specifications, so a string writer with exact escaping is the simpler tool.
 */

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
export const INVALID_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const INVALID_XML_CHARS = new RegExp(INVALID_XML_CHAR.source, 'gu');

/** A bare CR would come back as LF after XML line-end normalization, so it travels as `&#13;`. */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Attribute values keep tabs and line breaks as character references, which attribute normalization would otherwise turn into spaces. */
export function escapeAttr(text: string): string {
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
  if (!INVALID_XML_CHAR.test(text)) return escapeText(text);
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
  return INVALID_XML_CHAR.exec(text)?.[0];
}
