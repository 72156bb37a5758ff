import type { Html, Image, ImageReference, Link, LinkReference, Nodes, PhrasingContent } from 'mdast';
import { t } from '../../i18n/index.js';
import { text } from '../../model/content.js';
import type { Inline, InlineCode } from '../../model/schema.js';
import type { LabelSpan } from './parse.js';

export interface Span {
  start: number;
  end: number;
}

export function span(node: Nodes): Span {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  // fromMarkdown positions every node it builds; a node without one is a bug, not bad input.
  if (start === undefined || end === undefined) throw new Error(t('markdown:noPosition', { type: node.type }));
  return { start, end };
}

/** The model keeps one line ending, `\n`: XML tools rewrite CR and CRLF anyway. Merge writes the file's own. */
export function lf(value: string): string {
  return value.replace(/\r\n?/gu, '\n');
}

export interface InlineContext {
  body: string;
  labels: WeakMap<object, LabelSpan>;
  /** code ids, unique within the unit, in document order */
  nextId: () => string;
}

type Extra = Pick<InlineCode, 'equiv' | 'canDelete'>;

function code(kind: InlineCode['kind'], id: string, tag: string, data: string, extra: Extra = {}): InlineCode {
  const out: InlineCode = { type: 'code', kind, id, tag, data };
  if (extra.equiv !== undefined) out.equiv = extra.equiv;
  if (extra.canDelete !== undefined) out.canDelete = extra.canDelete;
  return out;
}

/** Elements that never take a closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

interface HtmlTag {
  name: string;
  closing: boolean;
  /** neither opens nor closes anything: void, self-closed, a comment, a declaration */
  alone: boolean;
}

function htmlTag(value: string): HtmlTag {
  if (value.startsWith('<!--')) return { name: 'comment', closing: false, alone: true };
  const match = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/u.exec(value);
  if (!match) return { name: 'html', closing: false, alone: true };
  const name = match[2]!.toLowerCase();
  const closing = match[1] === '/';
  return { name, closing, alone: !closing && (VOID.has(name) || value.trimEnd().endsWith('/>')) };
}

/**
 * Pairs inline HTML tags among siblings: a close tag takes the nearest open tag of its name,
 * and tags left open inside that pair stay unpaired, so the pairs nest as markup must.
 */
function pairHtml(nodes: readonly PhrasingContent[]): Map<number, number> {
  const partner = new Map<number, number>();
  const open: { name: string; index: number }[] = [];
  nodes.forEach((node, index) => {
    if (node.type !== 'html') return;
    const tag = htmlTag(node.value);
    if (tag.alone) return;
    if (!tag.closing) {
      open.push({ name: tag.name, index });
      return;
    }
    for (let k = open.length - 1; k >= 0; k--) {
      if (open[k]!.name !== tag.name) continue;
      partner.set(open[k]!.index, index);
      partner.set(index, open[k]!.index);
      open.length = k;
      return;
    }
  });
  return partner;
}

/**
 * A shortcut or collapsed reference's label doubles as its text, so translating the text
 * would cut the link from its definition. Its close code spells the label out (`][label]`):
 * merged, the link becomes a full reference that still finds its definition.
 */
function referenceClose(node: LinkReference | ImageReference, label: LabelSpan, cx: InlineContext): string {
  if (node.referenceType === 'full') return cx.body.slice(label.end, span(node).end);
  return `][${cx.body.slice(label.start, label.end)}]`;
}

/** Turns a run of mdast phrasing nodes into model content: text runs and inline codes. */
export function phrasingContent(nodes: readonly PhrasingContent[], cx: InlineContext): Inline[] {
  const out: Inline[] = [];
  const partner = pairHtml(nodes);
  const htmlIds = new Map<number, string>();
  const raw = (node: Nodes) => {
    const { start, end } = span(node);
    return cx.body.slice(start, end);
  };
  const standalone = (tag: string, data: string, extra?: Extra) => out.push(code('standalone', cx.nextId(), tag, data, extra));
  const paired = (tag: string, open: string, inner: () => Inline[], close: string, extra: Extra = {}, closeEquiv?: string) => {
    const id = cx.nextId();
    out.push(code('open', id, tag, open, { canDelete: extra.canDelete }));
    out.push(...inner());
    out.push(code('close', id, tag, close, { canDelete: extra.canDelete, equiv: closeEquiv }));
  };
  const wrapper = (node: Nodes & { children: PhrasingContent[] }, tag: string) => {
    const { start, end } = span(node);
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    if (!first || !last) return standalone(tag, raw(node));
    paired(tag, cx.body.slice(start, span(first).start), () => phrasingContent(node.children, cx), cx.body.slice(span(last).end, end));
  };
  const link = (node: Link | LinkReference) => {
    const label = cx.labels.get(node);
    if (!label) return standalone('autolink', raw(node), { canDelete: false, equiv: node.type === 'link' ? node.url : undefined });
    if (node.children.length === 0) return standalone(node.type, raw(node), { canDelete: false });
    const { start, end } = span(node);
    const close = node.type === 'link' ? cx.body.slice(label.end, end) : referenceClose(node, label, cx);
    const equiv = node.type === 'link' ? node.url : undefined;
    paired(node.type, cx.body.slice(start, label.start), () => phrasingContent(node.children, cx), close, {}, equiv);
  };
  const image = (node: Image | ImageReference) => {
    const label = cx.labels.get(node);
    const alt = lf(node.alt ?? '');
    const equiv = node.type === 'image' ? node.url : undefined;
    // An image is content, not decoration: a translator may move it but not drop it.
    if (!label || alt === '') return standalone(node.type, raw(node), { canDelete: false, equiv });
    const { start, end } = span(node);
    const close = node.type === 'image' ? cx.body.slice(label.end, end) : referenceClose(node, label, cx);
    paired(node.type, cx.body.slice(start, label.start), () => [text(alt)], close, { canDelete: false }, equiv);
  };

  nodes.forEach((node, index) => {
    switch (node.type) {
      case 'text':
        out.push(text(lf(node.value)));
        return;
      case 'emphasis':
      case 'strong':
      case 'delete':
        return wrapper(node, node.type);
      case 'link':
      case 'linkReference':
        return link(node);
      case 'image':
      case 'imageReference':
        return image(node);
      case 'inlineCode':
        return standalone('inlineCode', raw(node), { canDelete: false, equiv: node.value });
      case 'break':
        return standalone('break', raw(node));
      case 'footnoteReference':
        return standalone('footnoteReference', raw(node), { canDelete: false });
      case 'html':
        return html(node, index);
      default:
        // Phrasing the GFM extensions may add later: kept whole, never lost.
        return standalone((node as Nodes).type, raw(node as Nodes));
    }
  });
  return out;

  function html(node: Html, index: number): void {
    const tag = htmlTag(node.value);
    const other = partner.get(index);
    if (other === undefined) return void standalone(tag.name, raw(node));
    if (other > index) {
      const id = cx.nextId();
      htmlIds.set(index, id);
      out.push(code('open', id, tag.name, raw(node)));
    } else out.push(code('close', htmlIds.get(other)!, tag.name, raw(node)));
  }
}
