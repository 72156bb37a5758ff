import type { UnitKind } from '../../model/schema.js';

/**
 * Elements that start a new block: a run of inline content never crosses them.
 * Elements outside this list (custom elements included) count as inline unless
 * they hold a block, as a link wrapping a heading does.
 */
export const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu',
  'nav', 'ol', 'optgroup', 'option', 'p', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'title', 'tr', 'ul', 'datalist',
]);

/** Preformatted blocks: kept whole in the skeleton, as layout may depend on every character. */
export const OPAQUE_BLOCK = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/**
 * Inline elements whose content is not prose: inside a sentence each becomes one
 * standalone code holding the whole element, so a translator can move but not edit it.
 */
export const OPAQUE_INLINE = new Set([
  'code', 'script', 'style', 'template', 'textarea', 'noscript', 'iframe', 'noembed', 'noframes', 'svg', 'math',
]);

/** Inline content a reader never sees: dropped from the edges of a unit into the skeleton. */
export const INVISIBLE = new Set(['script', 'style', 'template', 'noscript', 'link', 'meta', 'base']);

export const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Codes a translation must keep because they carry content of their own. */
export const KEEP = new Set(['img', 'input', 'svg', 'math', 'iframe', 'code', 'textarea']);

export interface BlockKind {
  kind: UnitKind;
  level?: number;
}

const KINDS: Record<string, BlockKind> = {
  title: { kind: 'title' },
  p: { kind: 'paragraph' },
  li: { kind: 'list-item' },
  dt: { kind: 'list-item' },
  dd: { kind: 'list-item' },
  td: { kind: 'table-cell' },
  th: { kind: 'table-cell' },
  blockquote: { kind: 'blockquote' },
  caption: { kind: 'other' },
  figcaption: { kind: 'other' },
  option: { kind: 'other' },
  optgroup: { kind: 'other' },
  summary: { kind: 'other' },
  legend: { kind: 'other' },
  label: { kind: 'other' },
  button: { kind: 'other' },
  a: { kind: 'link-text' },
};

export function blockKind(tag: string): BlockKind | undefined {
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return { kind: 'heading', level: Number(heading[1]) };
  return KINDS[tag];
}

/**
 * Attributes holding prose. `content` counts only on the `<meta>` elements below,
 * and `value` only on buttons, where it is the visible label.
 */
const EVERYWHERE = new Set(['title', 'alt', 'placeholder', 'aria-label', 'aria-description']);
const LABEL_ON = new Set(['option', 'optgroup', 'track']);
const BUTTON_TYPES = new Set(['button', 'submit', 'reset']);
export const META_CONTENT = new Set([
  'description', 'og:title', 'og:description', 'og:image:alt', 'twitter:title', 'twitter:description',
  'twitter:image:alt',
]);

export function isTranslatableAttribute(tag: string, name: string, attrs: ReadonlyMap<string, string>): boolean {
  if (EVERYWHERE.has(name)) return true;
  if (name === 'label') return LABEL_ON.has(tag);
  if (name === 'value') return tag === 'input' && BUTTON_TYPES.has((attrs.get('type') ?? '').toLowerCase());
  if (name === 'content' && tag === 'meta') {
    const key = (attrs.get('name') ?? attrs.get('property') ?? '').trim().toLowerCase();
    return META_CONTENT.has(key);
  }
  return false;
}

export { isRightToLeft } from '../../lang/direction.js';
