import { IdSequence } from '../../model/ids.js';
import { singleSegmentParts, text } from '../../model/content.js';
import type { Document, Part, SkeletonPiece, Unit, UnitKind } from '../../model/schema.js';
import { segmentText } from '../../segment/segment-content.js';
import type { Segmenter } from '../../segment/segmenter.js';
import type { ExtractOptions, Format, MergeOptions } from '../format.js';
import { BOM, decodeUtf8, joinBytes, rendersAs, renderSkeletonUtf8, sha256, type ReadsSegmented } from '../shared.js';

/**
 * Lines longer than this are not hard-wrapped prose: in such a file every line is a paragraph
 * (as news sites export articles), while in a wrapped file a blank line ends a paragraph.
 */
const WRAP_WIDTH = 100;

const BYLINE = /^(by|written by|reported by|from)\b/iu;
const BYLINE_INTRO = /^(written by|reported by|by)\s*:?\s*$/iu;
const SENTENCE_END = /[.!?؟…:;"”»)]$/u;

/**
 * Lines as offsets into the source: line i runs from `start[i]` to `end[i]`, its ending left
 * out. Offsets rather than one object and one string per line: a large file has a hundred
 * thousand lines, and objects that live through the parse are copied by the collector.
 */
interface Lines {
  count: number;
  start: Int32Array;
  end: Int32Array;
}

function splitLines(source: string, from: number): Lines {
  let cap = 1024;
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let count = 0;
  const push = (s: number, e: number) => {
    if (count === cap) {
      cap *= 2;
      const grownStart = new Int32Array(cap);
      const grownEnd = new Int32Array(cap);
      grownStart.set(start);
      grownEnd.set(end);
      start = grownStart;
      end = grownEnd;
    }
    start[count] = s;
    end[count] = e;
    count++;
  };
  let at = from;
  if (source.indexOf('\r', from) < 0) {
    // Only LF endings (nearly every file): the native search finds each one faster than a regex.
    for (let nl = source.indexOf('\n', from); nl >= 0; nl = source.indexOf('\n', at)) {
      push(at, nl);
      at = nl + 1;
    }
  } else {
    const re = /\r\n|\n|\r/gu;
    re.lastIndex = from;
    for (let m = re.exec(source); m; m = re.exec(source)) {
      push(at, m.index);
      at = m.index + m[0].length;
    }
  }
  if (at < source.length || count === 0) push(at, source.length);
  return { count, start, end };
}

/** What `String.prototype.trim` removes: JavaScript's white space and line terminators. */
function isTrimmed(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Units of white space at the start of `source[from, to)`, as `trimStart` counts them. */
function leadingSpace(source: string, from: number, to: number): number {
  let i = from;
  while (i < to && isTrimmed(source.charCodeAt(i))) i++;
  return i - from;
}

function trailingSpace(source: string, from: number, to: number): number {
  let i = to;
  while (i > from && isTrimmed(source.charCodeAt(i - 1))) i--;
  return to - i;
}

function isBlank(source: string, lines: Lines, i: number): boolean {
  const from = lines.start[i]!;
  const to = lines.end[i]!;
  return leadingSpace(source, from, to) === to - from;
}

/**
 * Paragraphs as runs of lines, `[first, last]` pairs flattened: blank-line blocks for wrapped
 * prose, single lines otherwise.
 */
function paragraphs(source: string, lines: Lines): number[] {
  let wrapped = true;
  for (let i = 0; i < lines.count && wrapped; i++) wrapped = lines.end[i]! - lines.start[i]! <= WRAP_WIDTH;
  const out: number[] = [];
  let first = -1;
  for (let i = 0; i < lines.count; i++) {
    if (isBlank(source, lines, i)) {
      if (first >= 0) out.push(first, i - 1);
      first = -1;
    } else if (!wrapped) out.push(i, i);
    else if (first < 0) first = i;
  }
  if (first >= 0) out.push(first, lines.count - 1);
  return out;
}

function kindOf(paragraphIndex: number, body: string, previous: string | undefined, isAlone: boolean): UnitKind {
  const trimmed = body.trim();
  if (paragraphIndex === 0 && isAlone && !SENTENCE_END.test(trimmed)) return 'title';
  // Length first: most paragraphs are longer, and then neither pattern needs to run.
  if (trimmed.length >= 80) return 'paragraph';
  if (BYLINE.test(trimmed)) return 'byline';
  if (previous !== undefined && BYLINE_INTRO.test(previous.trim())) return 'byline';
  return 'paragraph';
}

const ESCAPERS = { text: (s: string) => s };

/**
 * The text between two units: nearly always one blank line, which is then one shared string
 * rather than a fresh two-character copy per unit that lives as long as the document.
 */
function gap(source: string, from: number, to: number): string {
  if (to - from === 2 && source.charCodeAt(from) === 0x0a && source.charCodeAt(from + 1) === 0x0a) return '\n\n';
  return source.slice(from, to);
}

/** The document and its decoded text; `partsOf` gives each unit's parts from its text, found at `start` in `source`. */
function read(
  bytes: Uint8Array,
  options: ExtractOptions,
  partsOf: (raw: string, source: string, start: number) => Part[],
): { document: Document; source: string } {
  const source = decodeUtf8(bytes, options.path);
  const hasBom = source.startsWith(BOM);
  const bodyStart = hasBom ? 1 : 0;
  const lines = splitLines(source, bodyStart);
  const ids = new IdSequence('u');
  const units: Unit[] = [];
  const pieces: SkeletonPiece[] = [];
  let cursor = 0;
  const blocks = paragraphs(source, lines);
  let previousBody: string | undefined;
  for (let index = 0; index < blocks.length / 2; index++) {
    const first = blocks[2 * index]!;
    const last = blocks[2 * index + 1]!;
    const lead = leadingSpace(source, lines.start[first]!, lines.end[first]!);
    const trail = trailingSpace(source, lines.start[last]!, lines.end[last]!);
    const start = lines.start[first]! + lead;
    const end = lines.end[last]! - trail;
    const raw = source.slice(start, end);
    const id = ids.next();
    // Empty stretches are left out as they come rather than filtered out of a copy afterwards.
    if (start > cursor) pieces.push(gap(source, cursor, start));
    pieces.push({ unit: id, encoding: 'text', raw });
    cursor = end;
    const isAlone = first === last && (first + 1 >= lines.count || isBlank(source, lines, first + 1));
    const kind = kindOf(index, raw, previousBody, isAlone);
    previousBody = raw;
    units.push({
      id,
      kind,
      translate: true,
      context: { element: 'line', line: first + 1, column: lead + 1 },
      notes: [],
      parts: partsOf(raw, source, start),
    });
  }
  if (source.length > cursor) pieces.push(source.slice(cursor));
  const document: Document = {
    path: options.path,
    format: 'text',
    sourceLang: options.sourceLang,
    ...(options.targetLang ? { targetLang: options.targetLang } : {}),
    sha256: sha256(bytes),
    units,
    skeleton: { pieces, meta: { bom: hasBom } },
  };
  return { document, source };
}

function extract(bytes: Uint8Array, options: ExtractOptions): Document {
  return read(bytes, options, (raw) => singleSegmentParts([text(raw)])).document;
}

/**
 * `extract` and then segmentation, in one pass: each unit is made once, with its sentences,
 * instead of once whole and again cut. On a large file the whole-unit copies live until
 * segmentation and are copied by the collector on the way, which made the per-megabyte cost
 * grow with the file.
 */
function extractSegmented(bytes: Uint8Array, options: ExtractOptions, segmenter: Segmenter): { document: Document; intact: boolean } {
  const { document, source } = read(bytes, options, (raw, whole, start) => segmentText(raw, segmenter, whole, start));
  // Decoding is strict, so the bytes are exactly the UTF-8 of `source`: comparing the rendered
  // text with it is comparing `merge` with the bytes, without building and encoding the copy.
  return { document, intact: rendersAs(document, document.skeleton, ESCAPERS, source) };
}

function mergeChunks(document: Document, options: MergeOptions = {}): Iterable<Uint8Array> {
  // Plain text has no markup to protect and no language marker to set.
  return renderSkeletonUtf8(document, document.skeleton, ESCAPERS, options.choose);
}

function merge(document: Document, options: MergeOptions = {}): Uint8Array {
  return joinBytes(mergeChunks(document, options));
}

export const textFormat: Format & ReadsSegmented = {
  name: 'text',
  extensions: ['.txt', '.text'],
  extract,
  merge,
  mergeChunks,
  extractSegmented,
};
