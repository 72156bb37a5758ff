import { IdSequence } from '../../model/ids.js';
import { singleSegmentParts, text } from '../../model/content.js';
import type { Document, SkeletonPiece, Unit, UnitKind } from '../../model/schema.js';
import type { ExtractOptions, Format, MergeOptions } from '../format.js';
import { BOM, decodeUtf8, encodeUtf8, renderSkeleton, sha256 } from '../shared.js';

/**
 * Lines longer than this are not hard-wrapped prose: in such a file every line is a paragraph
 * (as news sites export articles), while in a wrapped file a blank line ends a paragraph.
 */
const WRAP_WIDTH = 100;

const BYLINE = /^(by|written by|reported by|from)\b/iu;
const BYLINE_INTRO = /^(written by|reported by|by)\s*:?\s*$/iu;
const SENTENCE_END = /[.!?؟…:;"”»)]$/u;

interface Line {
  /** offset of the first character of the line */
  start: number;
  /** the line without its ending */
  body: string;
  /** the line ending: \n, \r\n, \r or '' at the end of the file */
  eol: string;
}

function splitLines(source: string, from: number): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/gu;
  let start = from;
  re.lastIndex = from;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    lines.push({ start, body: source.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  if (start < source.length || lines.length === 0) lines.push({ start, body: source.slice(start), eol: '' });
  return lines;
}

const isBlank = (line: Line) => line.body.trim() === '';

/** Paragraphs as runs of line indexes: blank-line blocks for wrapped prose, single lines otherwise. */
function paragraphs(lines: Line[]): number[][] {
  const wrapped = lines.every((l) => l.body.length <= WRAP_WIDTH);
  const out: number[][] = [];
  let current: number[] = [];
  lines.forEach((line, i) => {
    if (isBlank(line)) {
      if (current.length) out.push(current);
      current = [];
    } else if (wrapped) current.push(i);
    else out.push([i]);
  });
  if (current.length) out.push(current);
  return out;
}

function kindOf(paragraphIndex: number, body: string, previous: string | undefined, isAlone: boolean): UnitKind {
  const trimmed = body.trim();
  if (paragraphIndex === 0 && isAlone && !SENTENCE_END.test(trimmed)) return 'title';
  if (BYLINE.test(trimmed) && trimmed.length < 80) return 'byline';
  if (previous !== undefined && BYLINE_INTRO.test(previous.trim()) && trimmed.length < 80) return 'byline';
  return 'paragraph';
}

function extract(bytes: Uint8Array, options: ExtractOptions): Document {
  const source = decodeUtf8(bytes, options.path);
  const hasBom = source.startsWith(BOM);
  const bodyStart = hasBom ? 1 : 0;
  const lines = splitLines(source, bodyStart);
  const ids = new IdSequence('u');
  const units: Unit[] = [];
  const pieces: SkeletonPiece[] = [];
  let cursor = 0;
  const blocks = paragraphs(lines);
  let previousBody: string | undefined;
  blocks.forEach((block, index) => {
    const first = lines[block[0]!]!;
    const last = lines[block[block.length - 1]!]!;
    const lead = first.body.length - first.body.trimStart().length;
    const trail = last.body.length - last.body.trimEnd().length;
    const start = first.start + lead;
    const end = last.start + last.body.length - trail;
    const raw = source.slice(start, end);
    const id = ids.next();
    pieces.push(source.slice(cursor, start), { unit: id, encoding: 'text', raw });
    cursor = end;
    const next = lines[block[0]! + 1];
    const kind = kindOf(index, raw, previousBody, block.length === 1 && (next === undefined || isBlank(next)));
    previousBody = raw;
    const line = block[0]! + 1;
    units.push({
      id,
      kind,
      translate: true,
      context: { element: 'line', line, column: lead + 1 },
      notes: [],
      parts: singleSegmentParts([text(raw)]),
    });
  });
  pieces.push(source.slice(cursor));
  return {
    path: options.path,
    format: 'text',
    sourceLang: options.sourceLang,
    ...(options.targetLang ? { targetLang: options.targetLang } : {}),
    sha256: sha256(bytes),
    units,
    skeleton: { pieces: pieces.filter((p) => p !== ''), meta: { bom: hasBom } },
  };
}

function merge(document: Document, options: MergeOptions = {}): Uint8Array {
  // Plain text has no markup to protect and no language marker to set.
  return encodeUtf8(renderSkeleton(document, document.skeleton, { text: (s) => s }, options.choose));
}

export const textFormat: Format = {
  name: 'text',
  extensions: ['.txt', '.text'],
  extract,
  merge,
};
