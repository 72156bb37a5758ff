import type { Content, Inline, InlineCode, Part, Segment, Unit } from './schema.js';

/** The text a reader sees: text runs joined, codes left out. */
export function plainText(content: readonly Inline[]): string {
  let out = '';
  for (const item of content) if (item.type === 'text') out += item.text;
  return out;
}

export function text(value: string): Inline {
  return { type: 'text', text: value };
}

/** Joins neighbouring text runs and drops empty ones, so equal content has one shape. */
export function normalizeContent(content: readonly Inline[]): Content {
  const out: Content = [];
  for (const item of content) {
    if (item.type === 'text') {
      if (item.text === '') continue;
      const last = out[out.length - 1];
      if (last && last.type === 'text') {
        out[out.length - 1] = { type: 'text', text: last.text + item.text };
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

function sameCode(a: InlineCode, b: InlineCode): boolean {
  return a.kind === b.kind && a.id === b.id && a.data === b.data && a.tag === b.tag;
}

export function sameContent(a: readonly Inline[], b: readonly Inline[]): boolean {
  const x = normalizeContent(a);
  const y = normalizeContent(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p.type === 'text' && q.type === 'text') {
      if (p.text !== q.text) return false;
    } else if (p.type === 'code' && q.type === 'code') {
      if (!sameCode(p, q)) return false;
    } else return false;
  }
  return true;
}

/** The unit's whole source, segments and what lies between them, in order. */
export function unitSource(unit: Unit): Content {
  return normalizeContent(unit.parts.flatMap((part) => part.source));
}

export type TargetChoice = (segment: Segment) => Content | undefined;

/** A segment's target, or its source where it has none. */
export const targetOrSource: TargetChoice = (segment) => segment.target ?? segment.source;

/** The unit's target: each segment's chosen content, ignorables as they are. */
export function unitTarget(unit: Unit, choose: TargetChoice = targetOrSource): Content {
  const out: Inline[] = [];
  for (const part of unit.parts) {
    if (part.kind === 'ignorable') out.push(...part.source);
    else out.push(...(choose(part) ?? part.source));
  }
  return normalizeContent(out);
}

export function segments(unit: Unit): Segment[] {
  return unit.parts.filter((p): p is Segment => p.kind === 'segment');
}

/** A unit holding its whole content as one segment, before segmentation. */
export function singleSegmentParts(content: readonly Inline[]): Part[] {
  return [{ kind: 'segment', id: 's1', source: normalizeContent(content), state: 'initial' }];
}
