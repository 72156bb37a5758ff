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
  let out = '';
  let pos = 0;
  let next = 0;
  let open: PlacedMark | undefined;
  const closeAt = (p: number) => {
    if (open && open.end === p) {
      out += writer.markEnd(open);
      open = undefined;
    }
  };
  content.forEach((item, index) => {
    if (item.type === 'code') {
      closeAt(pos);
      out += writer.code(index);
      return;
    }
    const end = pos + item.text.length;
    while (pos < end) {
      closeAt(pos);
      while (!open && marks[next] && marks[next]!.start < pos) next += 1;
      const candidate = marks[next];
      if (!open && candidate && candidate.start === pos) {
        out += writer.markStart(candidate);
        open = candidate;
        next += 1;
      }
      const stop = Math.min(end, open ? open.end : (marks[next]?.start ?? end));
      out += writer.text(item.text.slice(pos - (end - item.text.length), stop - (end - item.text.length)));
      pos = stop;
    }
  });
  closeAt(pos);
  if (open) out += writer.markEnd(open);
  return out;
}
