import { normalizeContent, text } from '../../model/content.js';
import type { Content, Inline } from '../../model/schema.js';

/**
 * How a unit's text is written back, by where it sits. A placeholder's `encoding` names one.
 * Escaping depends on where a run falls on its line and on the codes beside it, so a
 * translated unit is rendered as a whole rather than run by run.
 */
export const ENCODINGS = {
  /** a paragraph or setext heading: may span lines, and each line could open a block */
  markdown: { startsLine: true, endsLine: true, multiline: true, blockStarts: true, closingHashes: false },
  /** an ATX heading: one line; a trailing `#` run would be read as the closing sequence */
  'markdown-atx': { startsLine: true, endsLine: true, multiline: false, blockStarts: false, closingHashes: true },
  /** a table cell: one line between pipes */
  'markdown-cell': { startsLine: true, endsLine: true, multiline: false, blockStarts: false, closingHashes: false },
  /** the first cell of a row written without a leading pipe: it begins the line, so it could open a block */
  'markdown-cell-lead': { startsLine: true, endsLine: true, multiline: false, blockStarts: true, closingHashes: false },
  /** an image's alt text alone in its paragraph, between `![` and `]` */
  'markdown-alt': { startsLine: false, endsLine: false, multiline: true, blockStarts: true, closingHashes: false },
} as const;
export type Encoding = keyof typeof ENCODINGS;
type Layout = (typeof ENCODINGS)[Encoding];

export function isEncoding(name: string): name is Encoding {
  return Object.hasOwn(ENCODINGS, name);
}

/** Backslash-escaped wherever they stand: each can open or close inline markup, or a table cell. */
const ALWAYS = new Set(['\\', '`', '*', '_', '[', ']', '<', '~', '|']);
/** Escaped first on a line: headings, quotes, bullets, setext underlines, table delimiter rows. */
const LINE_START = new Set(['#', '>', '-', '+', '=', ':']);
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/u;
const ORDERED_MARKER = /^[0-9]{1,9}[.)]/u;
const FLANKED = new Set(['emphasis', 'strong', 'delete']);

interface LinePlace {
  atStart: boolean;
  atEnd: boolean;
  /** what begins the line could open a block (not so inside an ATX heading or a later table cell) */
  blockStarts: boolean;
  closingHashes: boolean;
  /** a `[` code follows, which a final `!` would turn into an image */
  beforeBracket: boolean;
}

function escapeLine(line: string, place: LinePlace): string {
  let s = line;
  // Spaces and tabs at a line's edges are layout, not text: Markdown drops them, or reads
  // four at the start as code and two at the end as a line break.
  if (place.atStart) s = s.replace(/^[ \t]+/u, '');
  if (place.atEnd) s = s.replace(/[ \t]+$/u, '');
  const marker = place.atStart && place.blockStarts ? ORDERED_MARKER.exec(s) : null;
  const hashesFrom = place.closingHashes && place.atEnd ? s.replace(/#+$/u, '').length : s.length;
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const c = s[k]!;
    const escape =
      ALWAYS.has(c) ||
      (c === '&' && ENTITY.test(s.slice(k))) ||
      (k === 0 && place.atStart && place.blockStarts && LINE_START.has(c)) ||
      (marker !== null && k === marker[0].length - 1) ||
      k >= hashesFrom ||
      (c === '!' && k === s.length - 1 && place.beforeBracket);
    out += escape ? `\\${c}` : c;
  }
  return out;
}

const isPairedFlank = (item: Inline | undefined, kind: 'open' | 'close') =>
  item?.type === 'code' && item.kind === kind && FLANKED.has(item.tag);

/**
 * Emphasis markers only work against a word: `* fire*` is not emphasis (and at a line start
 * it is a bullet). Whitespace a translator left just inside a pair moves outside it, and a
 * pair left empty is dropped.
 */
function tidyFlanks(content: Content): Content {
  let items = normalizeContent(content);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < items.length && !changed; i++) {
      const item = items[i]!;
      const next = items[i + 1];
      const prev = items[i - 1];
      if (isPairedFlank(item, 'open') && item.type === 'code') {
        if (next?.type === 'code' && next.kind === 'close' && next.id === item.id) {
          items = normalizeContent([...items.slice(0, i), ...items.slice(i + 2)]);
          changed = true;
        } else if (next?.type === 'text' && /^\s/u.test(next.text)) {
          const body = next.text.trimStart();
          const space = next.text.slice(0, next.text.length - body.length);
          items = normalizeContent([...items.slice(0, i), text(space), item, text(body), ...items.slice(i + 2)]);
          changed = true;
        }
      } else if (isPairedFlank(item, 'close') && prev?.type === 'text' && /\s$/u.test(prev.text)) {
        const body = prev.text.trimEnd();
        const space = prev.text.slice(body.length);
        items = normalizeContent([...items.slice(0, i - 1), text(body), item, text(space), ...items.slice(i + 1)]);
        changed = true;
      }
    }
  }
  return items;
}

/** Line breaks a translation may hold where it sits: none on one-line layouts, never a blank line. */
function tidyLines(content: Content, layout: Layout): Content {
  const items = content.map((item) => {
    if (item.type !== 'text') return item;
    if (!layout.multiline) return text(item.text.replace(/[ \t]*\n[ \t]*/gu, ' '));
    return text(item.text.replace(/\n(?:[ \t]*\n)+/gu, '\n'));
  });
  return normalizeContent(
    items.map((item, i) => {
      if (item.type !== 'text' || !layout.multiline) return item;
      let value = item.text;
      const prev = items[i - 1];
      const next = items[i + 1];
      // A line break next to a hard break, or at the unit's edge, would leave an empty line
      // that ends the paragraph.
      const afterBreak = i === 0 ? layout.startsLine : prev?.type === 'code' && /[\r\n]$/u.test(prev.data);
      const beforeBreak = i === items.length - 1 ? layout.endsLine : next?.type === 'code' && /^[ \t]*\\?[\r\n]/u.test(next.data);
      if (afterBreak) value = value.replace(/^[ \t]*\n\s*/u, '');
      if (beforeBreak) value = value.replace(/\s*\n[ \t]*$/u, '');
      return text(value);
    }),
  );
}

type CharClass = 'space' | 'punctuation' | 'other';

/** As micromark classifies the characters around a delimiter run; no character is a line edge. */
function classOf(char: string | undefined): CharClass {
  if (char === undefined || /^\s$/u.test(char)) return 'space';
  return /^[\p{P}\p{S}]$/u.test(char) ? 'punctuation' : 'other';
}

const firstChar = (s: string) => (s === '' ? undefined : String.fromCodePoint(s.codePointAt(0)!));
const lastChar = (s: string) => (s === '' ? undefined : Array.from(s.slice(-2)).at(-1));

interface Written {
  item: Inline;
  out: string;
}

function delimiter(item: Inline): string | undefined {
  if (item.type !== 'code' || !FLANKED.has(item.tag) || item.kind === 'standalone') return undefined;
  const marker = item.data[0];
  return marker && /^(\*+|_+|~+)$/u.test(item.data) ? marker : undefined;
}

/**
 * A delimiter run opens only with a word after it and closes only with one before it, and
 * punctuation on its inner side needs space or punctuation on the outer side. A translation
 * changes those neighbours: `**«سپاه»**ی` does not close, nor does `word_` open. Writing the
 * outer neighbour as a character reference makes it punctuation, which the run accepts,
 * and reads back as the same text.
 */
function repairFlanks(written: Written[], before: string | undefined, after: string | undefined): void {
  const neighbour = (from: number, step: -1 | 1) => {
    for (let k = from; k >= 0 && k < written.length; k += step) {
      const w = written[k]!;
      if (w.out === '') continue;
      return { index: k, char: step < 0 ? lastChar(w.out) : firstChar(w.out) };
    }
    return { index: -1, char: step < 0 ? before : after };
  };
  for (let i = 0; i < written.length; ) {
    const marker = delimiter(written[i]!.item);
    if (!marker) {
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < written.length && delimiter(written[j + 1]!.item) === marker) j += 1;
    const kinds = new Set(written.slice(i, j + 1).map((w) => (w.item.type === 'code' ? w.item.kind : '')));
    const prev = neighbour(i - 1, -1);
    const next = neighbour(j + 1, 1);
    i = j + 1;
    if (kinds.size !== 1) continue;
    const b = classOf(prev.char);
    const a = classOf(next.char);
    const open = a === 'other' || (a === 'punctuation' && b !== 'other');
    const close = b === 'other' || (b === 'punctuation' && a !== 'other');
    const intraword = marker === '_';
    if (kinds.has('open')) {
      const ok = open && (!intraword || b !== 'other' || !close);
      const target = written[prev.index];
      if (!ok && b === 'other' && target?.item.type === 'text' && prev.char) {
        target.out = target.out.slice(0, -prev.char.length) + `&#${prev.char.codePointAt(0)};`;
      }
    } else {
      const ok = close && (!intraword || a !== 'other' || !open);
      const target = written[next.index];
      if (!ok && a === 'other' && target?.item.type === 'text' && next.char) {
        target.out = `&#${next.char.codePointAt(0)};` + target.out.slice(next.char.length);
      }
    }
  }
}

/**
 * Writes translated content as Markdown that reads back as the same text and codes.
 * `prefix` starts every continuation line (`> `, list indentation); `eol` is the file's line ending;
 * `before` and `after` are the characters around the unit in the written file.
 */
export function renderMarkdown(
  content: Content,
  encoding: Encoding,
  place: { prefix: string; eol: string; before?: string; after?: string },
): string {
  const layout = ENCODINGS[encoding];
  const items = tidyLines(tidyFlanks(content), layout);
  const written: Written[] = [];
  let lineStart: boolean = layout.startsLine;
  items.forEach((item, i) => {
    if (item.type === 'code') {
      // HTML that begins a later line of a paragraph would start an HTML block there; indented
      // by four it cannot, and a paragraph's continuation lines may be indented at will.
      const indent = lineStart && i > 0 && layout.multiline && item.data.startsWith('<') ? '    ' : '';
      lineStart = /[\r\n]$/u.test(item.data);
      written.push({ item, out: indent + item.data + (lineStart ? place.prefix : '') });
      return;
    }
    const next = items[i + 1];
    const last = i === items.length - 1;
    const lines = item.text.split('\n');
    let out = '';
    lines.forEach((line, j) => {
      const final = j === lines.length - 1;
      if (j > 0) out += place.eol + place.prefix;
      out += escapeLine(line, {
        atStart: j > 0 || lineStart,
        atEnd: !final || (last && layout.endsLine),
        blockStarts: layout.blockStarts,
        closingHashes: layout.closingHashes && last && final,
        beforeBracket: final && next?.type === 'code' && next.data.startsWith('['),
      });
    });
    written.push({ item, out });
    lineStart = item.text.endsWith('\n');
  });
  repairFlanks(written, place.before, place.after);
  return written.map((w) => w.out).join('');
}
