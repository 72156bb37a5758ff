import type { Format } from '../format.js';
import { extractHtml } from './extract.js';
import { mergeHtml, mergeHtmlChunks } from './merge.js';

export { REFUSED_PARSE_ERRORS } from './errors.js';
export { ENCODING as HTML_ENCODINGS } from './escape.js';

/**
 * HTML pages and fragments. Text units hold decoded text; inline markup is codes whose data
 * is the file's own bytes. Attribute values are units of their own: in the skeleton when their
 * tag is, or recorded in `skeleton.meta.nested` when their tag is a code of another unit, as a
 * skeleton piece cannot sit inside a unit. `skeleton.meta.root` is the `<html>` start tag,
 * where merge sets the target language.
 */
export const htmlFormat: Format = {
  name: 'html',
  extensions: ['.html', '.htm'],
  extract: extractHtml,
  merge: mergeHtml,
  mergeChunks: mergeHtmlChunks,
};
