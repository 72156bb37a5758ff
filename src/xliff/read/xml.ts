import { SaxesParser, type SaxesAttributeNS } from 'saxes';
import { TarjomanError, lineColumn } from '../../model/located-error.js';
import { LineIndex } from '../../model/line-index.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface Pos {
  line: number;
  column: number;
}

/** An element as it starts: namespace, local name, attributes, where its `<` stands. */
export interface XmlStart extends Pos {
  ns: string;
  local: string;
  /** attributes without a namespace by local name; others as `{uri}local` */
  attrs: Record<string, string>;
}

export interface XmlHandler {
  start(element: XmlStart): void;
  /** `at` is where the end tag's `</` stands, or the start for an empty-element tag; read it during the call, never keep it */
  end(element: XmlStart, at: Pos): void;
  text(text: string): void;
}

export const xmlAttr = (local: string) => `{${XML_NS}}${local}`;


const CHUNK = 1 << 16;

/**
 * Streams XML text through saxes and hands out elements and text. No tree is built.
 * A DOCTYPE is refused outright: it is the only place entities can be declared, and a reader
 * that never sees one cannot be made to expand entities or fetch anything. Only the five
 * predefined entities and character references are understood.
 */
export function streamXml(text: string, file: string, handler: XmlHandler): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const lines = new LineIndex(text);
  const open: XmlStart[] = [];
  let tagAt = 0;

  const here = () => ({ file, line: parser.line, column: parser.columnIndex + 1 });
  parser.on('doctype', () => {
    const at = text.indexOf('<!DOCTYPE');
    throw new TarjomanError('xliff-check:read.doctype', {}, at >= 0 ? { file, ...lineColumn(text, at) } : here());
  });
  parser.on('error', (error) => {
    const reason = error.message.replace(/^(?:[^\n]*?:)?\d+:\d+:\s*/u, '');
    if (/undefined entity/u.test(reason)) {
      const before = text.slice(Math.max(0, parser.position - 200), parser.position);
      const name = /&([^;\s&<]*);?$/u.exec(before)?.[1] ?? '';
      throw new TarjomanError('xliff-check:read.entity', { name }, here(), { cause: error });
    }
    throw new TarjomanError('xliff-check:read.xml', { reason }, here(), { cause: error });
  });
  parser.on('opentagstart', (tag) => {
    // saxes reports a start tag once it has read the character after the name
    tagAt = text.lastIndexOf('<', Math.max(0, parser.position - tag.name.length - 1));
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.uri ? `{${a.uri}}${a.local}` : a.local] = a.value;
    }
    const element: XmlStart = { ns: tag.uri ?? '', local: tag.local ?? tag.name, attrs, ...lines.at(tagAt) };
    handler.start(element);
    if (tag.isSelfClosing) handler.end(element, element);
    else open.push(element);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const element = open.pop();
    if (element) handler.end(element, lines.at(text.lastIndexOf('</', parser.position - 1)));
  });
  parser.on('text', (t) => handler.text(t));
  parser.on('cdata', (t) => handler.text(t));
  let from = 0;
  while (from < text.length) {
    let end = Math.min(text.length, from + CHUNK);
    // never split a surrogate pair between two writes
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
    parser.write(text.slice(from, end));
    from = end;
  }
  parser.close();
}
