import type { ParserError } from 'parse5';
import { TarjomanError } from '../../model/located-error.js';
import type { LineIndex } from '../../model/line-index.js';

/**
 * parse5 recovers from any markup. These recoveries are refused because after them the
 * parser's reading may differ from what the author meant about which bytes are text and
 * which are markup, so a translation could carry markup as text, or text as markup:
 * - the file ends inside a tag, comment, CDATA section or doctype (the rest is swallowed);
 * - a script, style, title or textarea is never closed (the rest of the file is its text);
 * - `</>` (a tag whose name is lost);
 * - a NUL character (dropped from the tree);
 * - `"`, `'` or `<` inside an attribute name (a broken quote or a missing `>`, which merges tags);
 * - a comment inside a comment (the first `-->` ends both, the rest turns into text);
 * - `<![CDATA[` in HTML (read as a comment ending at the first `>`).
 * Every other parse error is a warning: the skeleton keeps the bytes as they are, and markup
 * the parser drops inside running text (a stray `</div>`, `</br>`) is kept as a code.
 */
export const REFUSED_PARSE_ERRORS: ReadonlySet<string> = new Set([
  'eof-in-tag',
  'eof-in-comment',
  'eof-in-cdata',
  'eof-in-doctype',
  'eof-in-script-html-comment-like-text',
  'eof-in-element-that-can-contain-only-text',
  'missing-end-tag-name',
  'unexpected-null-character',
  'unexpected-character-in-attribute-name',
  'nested-comment',
  'cdata-in-html-content',
]);

export function refusedParseError(error: ParserError, file: string, lines: LineIndex): TarjomanError {
  return new TarjomanError(`html:broken.${error.code}`, { code: error.code }, { file, ...lines.at(error.startOffset) });
}
