import { normalizeContent, plainText, unitSource } from '../model/content.js';
import type { Content, Document, Inline, InlineCode, Part, Unit } from '../model/schema.js';
import { BreakList, type Segmenter } from './segmenter.js';

/*
 * Part ids repeat in every unit (`s1`, `i1`…): one shared string per id rather than one per
 * part, which on a large document is hundreds of thousands of strings less.
 */
const segmentIds: string[] = [];
const ignorableIds: string[] = [];
const segmentId = (n: number): string => (segmentIds[n] ??= `s${n}`);
const ignorableId = (n: number): string => (ignorableIds[n] ??= `i${n}`);

interface Range {
  start: number;
  end: number;
}

/** `/\s/u` on one UTF-16 unit (it has no astral members), without making a one-character string. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Sentence ranges in the plain text, whitespace around each break left out. */
export function sentenceRanges(text: string, breaks: readonly number[]): Range[] {
  // The same cut as `sentences`, without slicing out each sentence's text, which is not needed here.
  const out: Range[] = [];
  let start = 0;
  for (let b = 0; b <= breaks.length; b++) {
    const end = b < breaks.length ? breaks[b]! : text.length;
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  }
  return out;
}

/*
 * Parts are numbered as slots: slot 2k is the gap before sentence k, slot 2k+1 is sentence k,
 * slot 2n (n sentences) the trailing gap.
 */

/**
 * Where a code standing at plain-text offset `at` belongs. Codes inside a sentence stay in it;
 * at a sentence end a closing or standalone code stays with the sentence it closes, an opening
 * code waits in the gap; at a sentence start a code joins the sentence it precedes.
 */
function slotForCode(code: InlineCode, at: number, ranges: Range[]): number {
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k]!;
    if (at > r.start && at < r.end) return 2 * k + 1;
    if (at === r.end && code.kind !== 'open') return 2 * k + 1;
    if (at === r.start) return 2 * k + 1;
    if (at < r.start) return 2 * k;
  }
  return 2 * ranges.length;
}

/**
 * Splits a unit's content into sentences and the whitespace between them.
 * Sentences are found on the plain text, so inline codes never block or cause a break;
 * the concatenation of the parts' sources is always the input content.
 */
export function segmentContent(content: Content, segmenter: Segmenter): Part[] {
  if (content.length === 1 && content[0]!.type === 'text' && !isBlank(content[0]!.text)) return segmentText(content[0]!.text, segmenter);
  const text = plainText(content);
  if (isBlank(text)) {
    return [{ kind: 'segment', id: 's1', source: normalizeContent(content), state: 'initial' }];
  }
  const ranges = sentenceRanges(text, segmenter.breaks(text));
  const buckets: Inline[][] = Array.from({ length: ranges.length * 2 + 1 }, () => []);
  let offset = 0;
  // Parts must keep the content's order: once something went to a later part, nothing goes back.
  let floor = 0;
  // Offsets only grow, so the first range not yet ended is found by walking forward once.
  let k = 0;
  for (const item of content) {
    if (item.type === 'code') {
      floor = Math.max(floor, slotForCode(item, offset, ranges));
      buckets[floor]!.push(item);
      continue;
    }
    const length = item.text.length;
    let runStart = 0;
    let current = -1;
    // The slot of a character changes only at a range's start or end: walk from one to the next.
    for (let i = 0; i < length; ) {
      const at = offset + i;
      while (k < ranges.length && at >= ranges[k]!.end) k++;
      let slot: number;
      let boundary: number;
      if (k === ranges.length) {
        slot = 2 * k;
        boundary = Infinity;
      } else if (at < ranges[k]!.start) {
        slot = 2 * k;
        boundary = ranges[k]!.start;
      } else {
        slot = 2 * k + 1;
        boundary = ranges[k]!.end;
      }
      const s = Math.max(floor, slot);
      floor = s;
      if (s !== current) {
        if (current >= 0) buckets[current]!.push({ type: 'text', text: item.text.slice(runStart, i) });
        current = s;
        runStart = i;
      }
      i = Math.min(length, boundary - offset);
    }
    if (current >= 0) buckets[current]!.push({ type: 'text', text: item.text.slice(runStart) });
    offset += length;
  }
  const parts: Part[] = [];
  let segmentNo = 0;
  let ignorableNo = 0;
  buckets.forEach((bucket, i) => {
    const source = normalizeContent(bucket);
    if (i % 2 === 1) {
      segmentNo += 1;
      parts.push({ kind: 'segment', id: segmentId(segmentNo), source, state: 'initial' });
    } else if (source.length > 0) {
      ignorableNo += 1;
      parts.push({ kind: 'ignorable', id: ignorableId(ignorableNo), source });
    }
  });
  return parts;
}

/** Whether the text is empty or white space only, as `text.trim() === ''` says, without making the trimmed copy. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/*
 * The gap between two sentences is nearly always one space, and a large document has tens of
 * thousands of them: one frozen part per id serves them all. Frozen, so that sharing one cannot
 * let a change to one unit show in another.
 */
const spaceIgnorables: Part[] = [];

function ignorablePart(n: number, text: string): Part {
  if (text !== ' ') return { kind: 'ignorable', id: ignorableId(n), source: [{ type: 'text', text }] };
  return (spaceIgnorables[n] ??= Object.freeze({
    kind: 'ignorable',
    id: ignorableId(n),
    source: Object.freeze([Object.freeze({ type: 'text', text })]) as Part['source'],
  }));
}

const scratchBreaks = new BreakList();
/** Sentence starts and ends, flattened pairs, reused from unit to unit. */
let scratchCuts = new Int32Array(128);

/** The breaks of `text`, in the shared buffer. */
function breaksOf(text: string, segmenter: Segmenter, whole: string, offset: number): BreakList {
  if (segmenter.breaksInto) segmenter.breaksInto(text, scratchBreaks, whole, offset);
  else {
    scratchBreaks.count = 0;
    for (const b of segmenter.breaks(text)) scratchBreaks.push(b);
  }
  return scratchBreaks;
}

/**
 * The parts of content that is one run of text, not blank: the same cut as `segmentContent`,
 * with nothing to place between (`whole` and `offset` as for `Segmenter.breaksInto`). This runs
 * once per unit of every document extracted, so the sentences are found first and the parts
 * array made at its final size: the parts live as long as the document, and an array grown by
 * pushing keeps its spare room all that time.
 */
export function segmentText(text: string, segmenter: Segmenter, whole: string = text, offset = 0): Part[] {
  const breaks = breaksOf(text, segmenter, whole, offset);
  if (scratchCuts.length < 2 * breaks.count + 2) scratchCuts = new Int32Array(4 * breaks.count + 4);
  const cuts = scratchCuts;
  let sentences = 0;
  let start = 0;
  for (let b = 0; b <= breaks.count; b++) {
    const end = b < breaks.count ? breaks.offsets[b]! : text.length;
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    start = end;
    if (e === s) continue;
    cuts[2 * sentences] = s;
    cuts[2 * sentences + 1] = e;
    sentences++;
  }
  let count = sentences;
  let last = 0;
  for (let k = 0; k < sentences; k++) {
    if (cuts[2 * k]! > last) count++;
    last = cuts[2 * k + 1]!;
  }
  if (text.length > last) count++;
  const parts = new Array<Part>(count);
  let at = 0;
  let ignorableNo = 0;
  last = 0;
  for (let k = 0; k < sentences; k++) {
    const s = cuts[2 * k]!;
    const e = cuts[2 * k + 1]!;
    if (s > last) parts[at++] = ignorablePart(++ignorableNo, text.slice(last, s));
    parts[at++] = { kind: 'segment', id: segmentId(k + 1), source: [{ type: 'text', text: text.slice(s, e) }], state: 'initial' };
    last = e;
  }
  if (text.length > last) parts[at++] = ignorablePart(++ignorableNo, text.slice(last));
  return parts;
}

/**
 * `unitSource`, without joining and copying when the unit is still one run of text, as every
 * unit is straight after extraction from plain text.
 */
function wholeSource(unit: Unit): Content {
  if (unit.parts.length === 1) {
    const source = unit.parts[0]!.source;
    if (source.length === 1 && source[0]!.type === 'text' && source[0]!.text !== '') return source;
  }
  return unitSource(unit);
}

/** Re-segments every translatable unit of a document from its whole source. */
export function segmentDocument(document: Document, segmenter: Segmenter): Document {
  return {
    ...document,
    units: document.units.map((unit): Unit =>
      unit.translate ? { ...unit, parts: segmentContent(wholeSource(unit), segmenter) } : unit,
    ),
  };
}
