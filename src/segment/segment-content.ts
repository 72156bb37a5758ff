import { normalizeContent, plainText, unitSource } from '../model/content.js';
import type { Content, Document, Inline, InlineCode, Part, Unit } from '../model/schema.js';
import type { Segmenter } from './segmenter.js';
import { sentences } from './sentences.js';

interface Range {
  start: number;
  end: number;
}

/** Sentence ranges in the plain text, whitespace around each break left out. */
export function sentenceRanges(text: string, breaks: readonly number[]): Range[] {
  return sentences(text, breaks).map(({ start, end }) => ({ start, end }));
}

type Bucket = { kind: 'segment'; index: number } | { kind: 'ignorable'; index: number };

/**
 * Where a code standing at plain-text offset `at` belongs. Codes inside a sentence stay in it;
 * at a sentence end a closing or standalone code stays with the sentence it closes, an opening
 * code waits in the gap; at a sentence start a code joins the sentence it precedes.
 */
function bucketForCode(code: InlineCode, at: number, ranges: Range[]): Bucket {
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k]!;
    if (at > r.start && at < r.end) return { kind: 'segment', index: k };
    if (at === r.end && code.kind !== 'open') return { kind: 'segment', index: k };
    if (at === r.start) return { kind: 'segment', index: k };
    if (at < r.start) return { kind: 'ignorable', index: k };
  }
  return { kind: 'ignorable', index: ranges.length };
}

/** Bucket of the plain-text character at offset `i`: a sentence, or the gap before sentence `index`. */
function bucketForChar(i: number, ranges: Range[]): Bucket {
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k]!;
    if (i < r.start) return { kind: 'ignorable', index: k };
    if (i < r.end) return { kind: 'segment', index: k };
  }
  return { kind: 'ignorable', index: ranges.length };
}

/**
 * Splits a unit's content into sentences and the whitespace between them.
 * Sentences are found on the plain text, so inline codes never block or cause a break;
 * the concatenation of the parts' sources is always the input content.
 */
export function segmentContent(content: Content, segmenter: Segmenter): Part[] {
  const text = plainText(content);
  if (text.trim() === '') {
    return [{ kind: 'segment', id: 's1', source: normalizeContent(content), state: 'initial' }];
  }
  const ranges = sentenceRanges(text, segmenter.breaks(text));
  // buckets[2k] is the gap before sentence k, buckets[2k+1] is sentence k, the last one the trailing gap
  const buckets: Inline[][] = Array.from({ length: ranges.length * 2 + 1 }, () => []);
  const slot = (b: Bucket) => (b.kind === 'segment' ? 2 * b.index + 1 : 2 * b.index);
  let offset = 0;
  // Parts must keep the content's order: once something went to a later part, nothing goes back.
  let floor = 0;
  for (const item of content) {
    if (item.type === 'code') {
      floor = Math.max(floor, slot(bucketForCode(item, offset, ranges)));
      buckets[floor]!.push(item);
      continue;
    }
    let runStart = 0;
    let current = -1;
    for (let i = 0; i < item.text.length; i++) {
      const s = Math.max(floor, slot(bucketForChar(offset + i, ranges)));
      floor = s;
      if (s !== current) {
        if (current >= 0) buckets[current]!.push({ type: 'text', text: item.text.slice(runStart, i) });
        current = s;
        runStart = i;
      }
    }
    if (current >= 0) buckets[current]!.push({ type: 'text', text: item.text.slice(runStart) });
    offset += item.text.length;
  }
  const parts: Part[] = [];
  let segmentNo = 0;
  let ignorableNo = 0;
  buckets.forEach((bucket, i) => {
    const source = normalizeContent(bucket);
    if (i % 2 === 1) {
      segmentNo += 1;
      parts.push({ kind: 'segment', id: `s${segmentNo}`, source, state: 'initial' });
    } else if (source.length > 0) {
      ignorableNo += 1;
      parts.push({ kind: 'ignorable', id: `i${ignorableNo}`, source });
    }
  });
  return parts;
}

/** Re-segments every translatable unit of a document from its whole source. */
export function segmentDocument(document: Document, segmenter: Segmenter): Document {
  return {
    ...document,
    units: document.units.map((unit): Unit =>
      unit.translate ? { ...unit, parts: segmentContent(unitSource(unit), segmenter) } : unit,
    ),
  };
}
