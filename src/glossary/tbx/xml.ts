import { SaxesParser } from 'saxes';
import { TarjomanError, lineColumn } from '../../model/located-error.js';

export interface XmlElement {
  /** local name: a prefix (`tbx:term`) is dropped, TBX elements are known by local name */
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
  line: number;
  column: number;
}

export function elements(parent: XmlElement, ...names: string[]): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => typeof c !== 'string' && (names.length === 0 || names.includes(c.name)));
}

export function firstElement(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  return parent ? elements(parent, name)[0] : undefined;
}

/** All text inside an element, markup such as TBX `hi` dropped. */
export function textOf(element: XmlElement): string {
  let out = '';
  for (const child of element.children) out += typeof child === 'string' ? child : textOf(child);
  return out;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function entityName(text: string, line: number, columnIndex: number): string {
  const lineText = text.split('\n')[line - 1] ?? '';
  let name = '';
  for (const m of lineText.slice(0, columnIndex).matchAll(/&([^;\s&<]+);/gu)) name = m[1]!;
  return name;
}

/**
 * Parses XML into a small element tree. A DOCTYPE is refused outright rather than ignored:
 * it is the only place entities can be declared, and an importer that never expands them
 * cannot be tricked into reading local files or into exponential expansion.
 */
export function parseXml(text: string, file: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let tagLine = 1;
  let tagColumn = 1;

  parser.on('doctype', () => {
    const at = text.indexOf('<!DOCTYPE');
    const where = at >= 0 ? lineColumn(text, at) : { line: parser.line, column: parser.column + 1 };
    throw new TarjomanError('glossary:tbx.doctype', {}, { file, ...where });
  });
  parser.on('error', (error) => {
    const reason = error.message.replace(/^(?:[^\n]*?:)?\d+:\d+:\s*/u, '');
    const where = { file, line: parser.line, column: parser.column + 1 };
    if (/undefined entity/u.test(reason))
      throw new TarjomanError('glossary:tbx.entity', { name: entityName(text, parser.line, parser.columnIndex) }, where);
    throw new TarjomanError('errors:parseFailed', { format: 'XML', reason }, where, { cause: error });
  });
  parser.on('opentagstart', (tag) => {
    tagLine = parser.line;
    tagColumn = Math.max(1, parser.column - tag.name.length - 1);
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: localName(tag.name),
      attrs: tag.attributes as Record<string, string>,
      children: [],
      line: tagLine,
      column: tagColumn,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const addText = (chunk: string) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(chunk);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(text.replace(/^\uFEFF/u, '')).close();
  if (!root) throw new TarjomanError('errors:parseFailed', { format: 'XML', reason: 'no root element' }, { file });
  return root;
}

// With the u flag a surrogate pair is one code point, so the range matches lone halves only.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** A character XML 1.0 cannot carry at all, even as a reference, or undefined. */
export function invalidXmlChar(text: string): string | undefined {
  return text.match(INVALID_XML)?.[0];
}

/** Escapes text content; a carriage return becomes a reference so that parsers do not fold it into a line feed. */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** Attribute values also keep their tabs and line breaks, which attribute normalization would turn into spaces. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/["\t\n]/gu, (c) => (c === '"' ? '&quot;' : c === '\t' ? '&#9;' : '&#10;'));
}
