import type { Content, InlineCode, Unit } from '../model/schema.js';

/**
 * Which open/close codes of a run of content nest properly and can be written as one
 * element (XLIFF 2 `pc`, XLIFF 1.2 `g`); the others become start/end markers.
 */
export function pairedIndexes(content: Content): Set<number> {
  const paired = new Set<number>();
  const stack: { index: number; id: string }[] = [];
  content.forEach((item, index) => {
    if (item.type !== 'code') return;
    if (item.kind === 'open') stack.push({ index, id: item.id });
    else if (item.kind === 'close') {
      const top = stack[stack.length - 1];
      if (top && top.id === item.id) {
        stack.pop();
        paired.add(top.index);
        paired.add(index);
      }
    }
  });
  return paired;
}

/** Content without codes: plain text runs only. */
export function textOnly(content: Content): boolean {
  for (const item of content) if (item.type === 'code') return false;
  return true;
}

/** true when no part of the unit, source or target, holds a code. */
export function textOnlyUnit(unit: Unit): boolean {
  for (const part of unit.parts) {
    if (!textOnly(part.source)) return false;
    if (part.kind === 'segment' && part.target && !textOnly(part.target)) return false;
  }
  return true;
}

/** Ids of opening and closing codes anywhere in a unit, to tell a split pair from an orphan. */
export function unitCodeIds(unit: Unit): { opens: Set<string>; closes: Set<string> } {
  const opens = new Set<string>();
  const closes = new Set<string>();
  const add = (content: Content) => {
    for (const item of content)
      if (item.type === 'code') {
        if (item.kind === 'open') opens.add(item.id);
        if (item.kind === 'close') closes.add(item.id);
      }
  };
  for (const part of unit.parts) {
    add(part.source);
    if (part.kind === 'segment' && part.target) add(part.target);
  }
  return { opens, closes };
}

/** The XLIFF `type` (and `subType`) of a code, from the tag the format gave it. */
export function codeType(code: InlineCode): { type?: string; subType?: string } {
  const tag = code.tag.toLowerCase();
  if (tag === 'br' || tag === 'break') return { type: 'fmt', subType: 'xlf:lb' };
  if (['b', 'strong'].includes(tag)) return { type: 'fmt', subType: 'xlf:b' };
  if (['i', 'em', 'emphasis'].includes(tag)) return { type: 'fmt', subType: 'xlf:i' };
  if (tag === 'u') return { type: 'fmt', subType: 'xlf:u' };
  if (['s', 'del', 'delete', 'strike', 'sub', 'sup', 'small', 'mark', 'span', 'font', 'ins', 'strong', 'bdi', 'bdo', 'abbr', 'cite', 'time', 'kbd', 'var'].includes(tag))
    return { type: 'fmt' };
  if (['a', 'link', 'linkreference', 'autolink', 'url'].includes(tag)) return { type: 'link' };
  if (['img', 'image', 'imagereference'].includes(tag)) return { type: 'image' };
  if (['q', 'quote'].includes(tag)) return { type: 'quote' };
  return {};
}

/** Plain-text offset at which each item of the content starts. */
export function itemOffsets(content: Content): number[] {
  const offsets: number[] = [];
  let pos = 0;
  for (const item of content) {
    offsets.push(pos);
    if (item.type === 'text') pos += item.text.length;
  }
  return offsets;
}
