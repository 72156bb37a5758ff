import type { Content, InlineCode, SegmentState } from '../model/schema.js';
import { escapeAttr, escapeText, INVALID_XML_CHAR } from '../xliff/xml-escape.js';
import type { SegmentPair } from './pairs.js';

export interface TmxOptions {
  sourceLang: string;
  targetLang: string;
  toolVersion: string;
  /** TMX date (`YYYYMMDDThhmmssZ`); none by default, so the same input always gives the same bytes */
  creationDate?: string;
  /** also take segments only at state translated, not yet reviewed */
  includeTranslated?: boolean;
}

const PUBLISHED: ReadonlySet<SegmentState> = new Set(['reviewed', 'final']);

/** TMX 1.4 has no way to carry characters XML 1.0 cannot hold; they are dropped rather than made into a broken file. */
function clean(text: string): string {
  return text.replace(new RegExp(INVALID_XML_CHAR.source, 'gu'), '');
}

function xmlText(text: string): string {
  return escapeText(clean(text));
}

/**
 * A segment's content with its codes as TMX inline elements. A paired code whose partner is in
 * the same segment becomes `bpt`/`ept` sharing `i`; one whose partner lies in another segment is
 * an isolated `it`. `x` is the code's number, the same in source and target, so tools can match them.
 */
function seg(content: Content, numbers: Map<string, number>): string {
  const opens = new Set<string>();
  const closes = new Set<string>();
  for (const item of content) {
    if (item.type !== 'code') continue;
    if (item.kind === 'open') opens.add(item.id);
    if (item.kind === 'close') closes.add(item.id);
  }
  const number = (code: InlineCode) => {
    let n = numbers.get(code.id);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(code.id, n);
    }
    return n;
  };
  let out = '';
  for (const item of content) {
    if (item.type === 'text') {
      out += xmlText(item.text);
      continue;
    }
    const n = number(item);
    const data = xmlText(item.data);
    const type = item.tag ? ` type="${escapeAttr(clean(item.tag))}"` : '';
    if (item.kind === 'standalone') out += `<ph x="${n}"${type}>${data}</ph>`;
    else if (item.kind === 'open') out += closes.has(item.id) ? `<bpt i="${n}" x="${n}"${type}>${data}</bpt>` : `<it pos="begin" x="${n}"${type}>${data}</it>`;
    else out += opens.has(item.id) ? `<ept i="${n}">${data}</ept>` : `<it pos="end" x="${n}"${type}>${data}</it>`;
  }
  return out;
}

/** A translation memory of the reviewed (and final) segment pairs, one `tu` per pair. */
export function tmx(pairs: readonly SegmentPair[], options: TmxOptions): string {
  const date = options.creationDate ? ` creationdate="${escapeAttr(options.creationDate)}"` : '';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="tarjoman" creationtoolversion="${escapeAttr(options.toolVersion)}" segtype="sentence" o-tmf="tarjoman" adminlang="en" srclang="${escapeAttr(options.sourceLang)}" datatype="plaintext"${date}/>`,
    '  <body>',
  ];
  for (const pair of pairs) {
    if (pair.target === undefined) continue;
    if (!PUBLISHED.has(pair.state) && !(options.includeTranslated && pair.state === 'translated')) continue;
    const numbers = new Map<string, number>();
    lines.push(
      `    <tu tuid="${escapeAttr(clean(`${pair.unit}/${pair.segment}`))}"${date}>`,
      `      <prop type="x-state">${pair.state}</prop>`,
      `      <tuv xml:lang="${escapeAttr(options.sourceLang)}"><seg>${seg(pair.source, numbers)}</seg></tuv>`,
      `      <tuv xml:lang="${escapeAttr(options.targetLang)}"><seg>${seg(pair.target, numbers)}</seg></tuv>`,
      '    </tu>',
    );
  }
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}
