import type { Content } from '../model/schema.js';
import { itemOffsets, pairedIndexes } from './codes.js';

/** An annotation over a span of a segment's plain text (a glossary hit), end exclusive. */
export interface Mark {
  id: string;
  start: number;
  end: number;
}

export interface PlacedMark extends Mark {
  /** true when the span crosses a paired code, so it must be written as start/end markers */
  split: boolean;
}

/**
 * Keeps marks that can be placed (non-empty, in order, not overlapping) and decides for each
 * whether it can be one element or must be a pair of markers because a paired code starts or
 * ends inside it. Codes at the very ends of a span stay outside the mark.
 */
export function placeMarks(content: Content, marks: readonly Mark[]): PlacedMark[] {
  const paired = pairedIndexes(content);
  const offsets = paired.size > 0 ? itemOffsets(content) : [];
  const sorted = [...marks].filter((m) => m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const placed: PlacedMark[] = [];
  let last = -1;
  for (const mark of sorted) {
    if (mark.start < last) continue;
    const inside = new Set<string>();
    // Without paired codes nothing can split a mark: skip the walk over the content.
    if (paired.size > 0)
      content.forEach((item, i) => {
        if (item.type !== 'code' || !paired.has(i)) return;
        const at = offsets[i]!;
        if (at > mark.start && at < mark.end) {
          if (inside.has(item.id)) inside.delete(item.id);
          else inside.add(item.id);
        }
      });
    placed.push({ ...mark, split: inside.size > 0 });
    last = mark.end;
  }
  return placed;
}

export interface InlineWriter {
  text(text: string): string;
  code(index: number): string;
  markStart(mark: PlacedMark): string;
  markEnd(mark: PlacedMark): string;
}

/**
 * Walks content and marks together: a mark opens just before the first character of its span
 * (after any code standing at that offset) and closes as soon as its end offset is reached.
 */
export function writeInline(content: Content, marks: readonly PlacedMark[], writer: InlineWriter): string {
  const out: string[] = [];
  pushInline(out, content, marks, writer);
  return out.join('');
}

/** `writeInline` appending its pieces to `out`, for writers that join a whole batch of units at once. */
export function pushInline(out: string[], content: Content, marks: readonly PlacedMark[], writer: InlineWriter): void {
  let pos = 0;
  let next = 0;
  let open: PlacedMark | undefined;
  for (let index = 0; index < content.length; index++) {
    const item = content[index]!;
    if (item.type === 'code') {
      if (open && open.end === pos) {
        out.push(writer.markEnd(open));
        open = undefined;
      }
      out.push(writer.code(index));
      continue;
    }
    const start = pos;
    const end = pos + item.text.length;
    while (pos < end) {
      if (open && open.end === pos) {
        out.push(writer.markEnd(open));
        open = undefined;
      }
      while (!open && marks[next] && marks[next]!.start < pos) next += 1;
      const candidate = marks[next];
      if (!open && candidate && candidate.start === pos) {
        out.push(writer.markStart(candidate));
        open = candidate;
        next += 1;
      }
      const stop = Math.min(end, open ? open.end : (marks[next]?.start ?? end));
      out.push(writer.text(start === pos && stop === end ? item.text : item.text.slice(pos - start, stop - start)));
      pos = stop;
    }
  }
  if (open) out.push(writer.markEnd(open));
}

/**
 * `placeMarks` for content without codes, as indexes into `spans`: nothing can split a mark, so
 * only empty and overlapping spans are dropped. Same order and choice as `placeMarks`.
 */
export function placeTextMarks(spans: readonly { start: number; end: number }[]): number[] {
  const kept: number[] = [];
  let sorted = true;
  for (let i = 0; i < spans.length; i++) {
    if (spans[i]!.end <= spans[i]!.start) continue;
    const prev = kept.length ? spans[kept[kept.length - 1]!]! : undefined;
    if (prev && (spans[i]!.start < prev.start || (spans[i]!.start === prev.start && spans[i]!.end > prev.end))) sorted = false;
    kept.push(i);
  }
  // Matchers report hits in order; only an unordered list pays for the sort.
  if (!sorted) kept.sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end);
  const placed: number[] = [];
  let last = -1;
  for (const i of kept) {
    if (spans[i]!.start < last) continue;
    placed.push(i);
    last = spans[i]!.end;
  }
  return placed;
}

/**
 * `writeInline` for a single run of text whose marks came from `placeTextMarks`: same pieces,
 * escaped at the same boundaries, without the general walk over items and callbacks.
 */
export function writeTextInline(
  text: string,
  spans: readonly { start: number; end: number }[],
  placed: readonly number[],
  escape: (text: string) => string,
  markStart: (k: number) => string,
  markEnd: (k: number) => string,
): string {
  const out: string[] = [];
  pushTextInline(out, text, spans, placed, escape, markStart, markEnd);
  return out.join('');
}

/** `writeTextInline` appending its pieces to `out`. */
export function pushTextInline(
  out: string[],
  text: string,
  spans: readonly { start: number; end: number }[],
  placed: readonly number[],
  escape: (text: string) => string,
  markStart: (k: number) => string,
  markEnd: (k: number) => string,
): void {
  const length = text.length;
  let pos = 0;
  for (let k = 0; k < placed.length; k++) {
    const span = spans[placed[k]!]!;
    if (span.start >= length) break;
    const end = span.end < length ? span.end : length;
    if (span.start > pos) out.push(escape(text.slice(pos, span.start)));
    out.push(markStart(k), escape(text.slice(span.start, end)), markEnd(k));
    pos = end;
  }
  if (pos < length) out.push(escape(pos === 0 ? text : text.slice(pos)));
}
