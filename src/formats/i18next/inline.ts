import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { normalizeContent, text } from '../../model/content.js';
import type { Content, InlineCode } from '../../model/schema.js';

/** `{name, plural|select|…` at the start of an argument is what sets an ICU message apart from i18next's `{{name}}`. */
const ICU_HINT = /(?<!\{)\{\s*[\p{L}\p{N}_$]+\s*,\s*(?:plural|select|selectordinal|number|date|time)\s*[,}]/u;

const I18NEXT_SYNTAX = /\{\{[^{}]*\}\}|\$t\((?:[^()]|\([^()]*\))*\)|<(\/?)([A-Za-z][\w.-]*|\d+)(?:\s[^<>]*?)?(\/?)>/gu;

interface Span {
  start: number;
  end: number;
  kind: InlineCode['kind'];
  tag: string;
  /** the name that pairs an open tag with its close */
  name?: string;
  protect: boolean;
}

export function looksLikeIcu(value: string): boolean {
  return ICU_HINT.test(value);
}

export type IcuParseResult = { ok: true; elements: MessageFormatElement[] } | { ok: false; error: string };

export function parseIcu(value: string): IcuParseResult {
  try {
    // Tags are left to the i18next scanner so both syntaxes pair them the same way.
    return { ok: true, elements: parse(value, { captureLocation: true, ignoreTag: true }) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function icuSpans(elements: readonly MessageFormatElement[], out: Span[]): void {
  for (const element of elements) {
    const location = element.location;
    if (!location || element.type === TYPE.literal) continue;
    const start = location.start.offset;
    const end = location.end.offset;
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const tag = element.type === TYPE.plural ? 'icu-plural' : 'icu-select';
      const options = Object.values(element.options)
        .filter((o) => o.location)
        .sort((a, b) => a.location!.start.offset - b.location!.start.offset);
      let from = start;
      for (const option of options) {
        // The option's own braces are syntax; only what lies between them is for the translator.
        out.push({ start: from, end: option.location!.start.offset + 1, kind: 'standalone', tag, protect: true });
        icuSpans(option.value, out);
        from = option.location!.end.offset - 1;
      }
      out.push({ start: from, end, kind: 'standalone', tag, protect: true });
    } else {
      const tag = element.type === TYPE.pound ? 'icu-pound' : element.type === TYPE.tag ? 'icu-tag' : 'icu-argument';
      out.push({ start, end, kind: 'standalone', tag, protect: true });
    }
  }
}

function scanGap(value: string, start: number, end: number, out: Span[]): void {
  const gap = value.slice(start, end);
  for (const m of gap.matchAll(I18NEXT_SYNTAX)) {
    const at = start + m.index;
    const span = { start: at, end: at + m[0].length };
    if (m[0].startsWith('{{')) out.push({ ...span, kind: 'standalone', tag: 'interpolation', protect: true });
    else if (m[0].startsWith('$t(')) out.push({ ...span, kind: 'standalone', tag: 'nesting', protect: true });
    else {
      const name = m[2]!;
      const kind = m[1] ? 'close' : m[3] ? 'standalone' : 'open';
      out.push({ ...span, kind, tag: name, name, protect: false });
    }
  }
}

/** Open and close tags pair by name and nesting; a tag left without its partner stands alone. */
function pairTags(spans: Span[]): Map<Span, Span> {
  const partner = new Map<Span, Span>();
  const stack: Span[] = [];
  for (const span of spans) {
    if (span.kind === 'open') stack.push(span);
    else if (span.kind === 'close') {
      const top = stack[stack.length - 1];
      if (top && top.name === span.name) {
        stack.pop();
        partner.set(top, span).set(span, top);
      }
    }
  }
  return partner;
}

/**
 * Splits a resource value into translatable text and codes: i18next interpolation and nesting,
 * HTML or react-i18next tags, and the syntax of ICU messages, whose option texts stay translatable.
 */
export function valueContent(value: string): Content {
  const spans: Span[] = [];
  const icu = looksLikeIcu(value) ? parseIcu(value) : undefined;
  if (icu?.ok) icuSpans(icu.elements, spans);
  spans.sort((a, b) => a.start - b.start);
  const all: Span[] = [];
  let cursor = 0;
  for (const span of [...spans, { start: value.length, end: value.length } as Span]) {
    scanGap(value, cursor, span.start, all);
    if (span.end > span.start) all.push(span);
    cursor = Math.max(cursor, span.end);
  }
  const partner = pairTags(all);
  const ids = new Map<Span, string>();
  let next = 0;
  const content: Content = [];
  cursor = 0;
  for (const span of all) {
    content.push(text(value.slice(cursor, span.start)));
    const paired = partner.get(span);
    let id = ids.get(span);
    if (!id) {
      id = String(++next);
      if (paired) ids.set(paired, id);
    }
    const data = value.slice(span.start, span.end);
    const code: InlineCode = {
      type: 'code',
      kind: paired ? span.kind : 'standalone',
      id,
      tag: span.tag,
      data,
      equiv: data,
    };
    if (span.protect) code.canDelete = false;
    content.push(code);
    cursor = span.end;
  }
  content.push(text(value.slice(cursor)));
  return normalizeContent(content);
}

/** The value a content stands for, codes as their markup. */
export function contentValue(content: Content): string {
  let out = '';
  for (const item of content) out += item.type === 'text' ? item.text : item.data;
  return out;
}
