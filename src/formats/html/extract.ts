import {
  defaultTreeAdapter,
  parse,
  parseFragment,
  type DefaultTreeAdapterMap,
  type DefaultTreeAdapterTypes,
  type ParserError,
  type TreeAdapter,
} from 'parse5';
import { singleSegmentParts, text } from '../../model/content.js';
import { IdSequence } from '../../model/ids.js';
import { TarjomanError } from '../../model/located-error.js';
import type { Document, Inline, SkeletonPiece, Unit, UnitContext, UnitKind } from '../../model/schema.js';
import type { ExtractOptions } from '../format.js';
import { BOM, decodeUtf8, sha256 } from '../shared.js';
import { LineIndex } from '../../model/line-index.js';
import { REFUSED_PARSE_ERRORS, refusedParseError } from './errors.js';
import { ENCODING, attributeEncoding } from './escape.js';
import type { HtmlMeta, NestedAttribute, RootTag, TagAttribute } from './meta.js';
import {
  BLOCK,
  INVISIBLE,
  KEEP,
  OPAQUE_BLOCK,
  OPAQUE_INLINE,
  VOID,
  blockKind,
  isTranslatableAttribute,
} from './tags.js';

type Node = DefaultTreeAdapterTypes.Node;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

const HTML_NS = 'http://www.w3.org/1999/xhtml';

type Location = DefaultTreeAdapterTypes.Element['sourceCodeLocation'] & object;
type Span = Pick<Location, 'startOffset' | 'endOffset'>;

/**
 * A text value in one piece. The tokenizer builds a token's text from runs, and joining
 * contiguous tokens adds more: V8 keeps such a string as a tree of its pieces, several times
 * the memory of its characters, for as long as the parse tree lives. Small values are copied
 * flat on every join; a long one only when its length passes a power of two, so a large text
 * node costs linear time, not quadratic.
 */
function flat(value: string, before = 0): string {
  if (value.length < 13) return value;
  if (before >= 4096 && 31 - Math.clz32(before) === 31 - Math.clz32(value.length)) return value;
  return ` ${value}`.slice(1);
}

/**
 * Only offsets are read from the parser's locations (lines come from the line index): a
 * location of two numbers in place of six, for every node, tag and attribute of the page.
 */
function offsets(location: Span): Location {
  return { startOffset: location.startOffset, endOffset: location.endOffset } as Location;
}

function elementLocation(location: Location): Location {
  const compact = offsets(location);
  if (location.startTag) compact.startTag = offsets(location.startTag);
  if (location.attrs) {
    const attrs: Record<string, Location> = Object.create(null) as Record<string, Location>;
    for (const name of Object.keys(location.attrs)) attrs[name] = offsets(location.attrs[name]!);
    compact.attrs = attrs;
  }
  return compact;
}

/**
 * parse5 merges neighbouring character tokens into one text node and only widens its end,
 * so text the parser moved (after `</body>`, out of a table) would seem to own the markup
 * in between. Each character token gets a node of its own, and is folded into the text node
 * before it only once its location shows that the two are contiguous in the source: spans stay
 * honest, and a document is not one node per word and space (several times the memory of the
 * text itself for a large article).
 */
const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
  ...defaultTreeAdapter,
  insertText(parent, value) {
    defaultTreeAdapter.appendChild(parent, defaultTreeAdapter.createTextNode(flat(value)));
  },
  insertTextBefore(parent, value, reference) {
    defaultTreeAdapter.insertBefore(parent, defaultTreeAdapter.createTextNode(flat(value)), reference);
  },
  setNodeSourceCodeLocation(node, location) {
    const parent = isText(node) ? node.parentNode : null;
    if (location && parent && isText(node)) {
      const siblings = parent.childNodes;
      const at = siblings.lastIndexOf(node);
      const before = siblings[at - 1];
      const previous = before && isText(before) ? before : undefined;
      const span = previous?.sourceCodeLocation;
      if (previous && span && span.endOffset === location.startOffset) {
        previous.value = flat(previous.value + node.value, previous.value.length);
        span.endOffset = location.endOffset;
        siblings.splice(at, 1);
        node.parentNode = null;
        return;
      }
    }
    if (!location) defaultTreeAdapter.setNodeSourceCodeLocation(node, location);
    else defaultTreeAdapter.setNodeSourceCodeLocation(node, isElement(node) ? elementLocation(location) : offsets(location));
  },
  updateNodeSourceCodeLocation(node, end: Partial<Location>) {
    const location = node.sourceCodeLocation;
    if (!location) return;
    if (end.endOffset !== undefined) location.endOffset = end.endOffset;
    if (end.endTag) (location as Location).endTag = offsets(end.endTag);
  },
};

/** A piece of running text in source order: decoded text, or markup that becomes a code. */
type Token =
  | { type: 'text'; start: number; end: number; text: string }
  | { type: 'open' | 'close'; start: number; end: number; el: Element }
  | { type: 'opaque'; start: number; end: number; el: Element }
  | { type: 'comment'; start: number; end: number }
  /** bytes the parser skipped inside running text (a stray end tag, `</br>`) */
  | { type: 'gap'; start: number; end: number; tag: string };

interface CodeSpan {
  start: number;
  end: number;
  id: string;
  kind: 'open' | 'close' | 'standalone';
}

interface Candidate {
  start: number;
  end: number;
  kind: UnitKind;
  context: UnitContext;
  content: Inline[];
  encoding: string;
  /** codes of a text unit, to find attribute values inside them */
  codes?: CodeSpan[];
  id?: string;
}

/** Markup only: tags, comments, doctypes and processing instructions, with whitespace between. */
const MARKUP_ONLY = /^(?:\s*(?:<\/?[A-Za-z][^<>]*>|<![^<>]*>|<\?[^<>]*>))+\s*$/u;
const HTML_SPACE = /^[ \t\n\f\r]*$/u;
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\f' || ch === '\r';
/** Character references that decode to HTML whitespace, so edges written as `&#32;` trim like spaces. */
const SPACE_REF_AHEAD = /^&(?:#0*(9|10|12|13|32)(?:;|(?![0-9]))|#[xX]0*(9|[aAcCdD]|20)(?:;|(?![0-9a-fA-F]))|(Tab|NewLine);)/u;
const SPACE_REF_BEHIND = /&(?:#0*(9|10|12|13|32)|#[xX]0*(9|[aAcCdD]|20)|(Tab|NewLine));$/u;
/** Where a document (not a fragment) shows itself; comments are removed before looking. */
const DOCUMENT_MARKER = /<(?:!doctype|html|head|body)(?=[\s>/])/iu;

function decodeSpaceRef(match: RegExpExecArray): string {
  if (match[1]) return String.fromCharCode(Number(match[1]));
  if (match[2]) return String.fromCharCode(parseInt(match[2], 16));
  return match[3] === 'Tab' ? '\t' : '\n';
}

/** The tail of a character reference that ends at a given point, and one that is cut short there. */
const REF_ENDING = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?$/u;
const REF_CUT = /&(?:#[0-9]*|#[xX][0-9a-fA-F]*|[A-Za-z][A-Za-z0-9]*)$/u;
const decodedText = new Map<string, string>();

/** Text as parse5 decodes it (references resolved), for short snippets only. */
function decodeText(raw: string): string {
  let value = decodedText.get(raw);
  if (value === undefined) {
    if (decodedText.size > 10_000) decodedText.clear();
    value = parseFragment(raw).childNodes.map((n) => (isText(n) ? n.value : '')).join('');
    decodedText.set(raw, value);
  }
  return value;
}

/** What `ref` decodes to when all of it is one character reference; undefined otherwise. */
function decodeRef(ref: string): string | undefined {
  const value = decodeText(ref);
  if (value === ref || [...value].length > 2) return undefined;
  // `&ampx` is `&amp` and a letter, not one reference
  if (value === decodeText(ref.slice(0, -1)) + ref.slice(-1)) return undefined;
  return value;
}

const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** `[;A-Za-z0-9]`: what may follow the cut inside a reference */
const isRefTail = (c: number) => c === 0x3b || isAsciiAlnum(c);
/** `[A-Za-z0-9#&]`: what may precede the cut inside a reference */
const isRefBody = (c: number) => c === 0x23 || c === 0x26 || isAsciiAlnum(c);

/**
 * parse5 starts a new character token when a reference decodes to a character of another kind
 * (a space after a word, a word after a space), but places the cut at the reference's last
 * character: `" &amp;x"` becomes `" &amp"` and `";x"`. Adjacent tokens still cover the text
 * between them, but where one of them is dropped or put elsewhere the other's edge is wrong;
 * the cut is moved back to the `&`.
 */
function fixReferenceCuts(body: string, start: number, end: number, value: string): { start: number; end: number } {
  let s = start;
  let e = end;
  const first = body[s];
  // Tested by code unit first: this runs for every word and space of the document, and a cut
  // can only sit next to a reference's letters, digits, `#`, `&` or `;`.
  if (first !== undefined && (first !== value[0] || first === ';') && isRefTail(body.charCodeAt(s))) {
    const m = REF_ENDING.exec(body.slice(Math.max(0, s - 40), s + 1));
    if (m && m[0].length > 1) {
      const decoded = decodeRef(m[0]);
      if (decoded !== undefined && value.startsWith(decoded)) s = s + 1 - m[0].length;
    }
  }
  if (e > s && e < body.length && isRefTail(body.charCodeAt(e)) && isRefBody(body.charCodeAt(e - 1))) {
    const m = REF_CUT.exec(body.slice(Math.max(s, e - 40), e));
    if (m && decodeRef(m[0] + body[e]) !== undefined) e -= m[0].length;
  }
  return { start: s, end: e };
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const isText = (node: Node): node is DefaultTreeAdapterTypes.TextNode => node.nodeName === '#text';
const isComment = (node: Node): node is DefaultTreeAdapterTypes.CommentNode => node.nodeName === '#comment';
const isHtml = (el: Element) => el.namespaceURI === HTML_NS;
const translateNo = (el: Element) => el.attrs.some((a) => a.name === 'translate' && a.value.trim().toLowerCase() === 'no');

/**
 * Cuts HTML whitespace off both ends of a span of source whose decoded text is `value`,
 * moving the span's edges over the same characters as written (CR LF, `&#32;`…).
 */
function trimSpan(
  body: string,
  start: number,
  end: number,
  value: string,
  ends: { leading: boolean; trailing: boolean } = { leading: true, trailing: true },
): { start: number; end: number; text: string } {
  let s = start;
  let from = 0;
  while (ends.leading && from < value.length && isSpace(value[from]) && s < end) {
    const c = body[s];
    if (value[from] === '\n' && c === '\r') s += body[s + 1] === '\n' ? 2 : 1;
    else if (c === value[from]) s += 1;
    else {
      const ref = SPACE_REF_AHEAD.exec(body.slice(s, Math.min(end, s + 16)));
      if (!ref || decodeSpaceRef(ref) !== value[from]) break;
      s += ref[0].length;
    }
    from += 1;
  }
  let e = end;
  let to = value.length;
  while (ends.trailing && to > from && isSpace(value[to - 1]) && e > s) {
    const c = body[e - 1];
    if (value[to - 1] === '\n' && c === '\n' && body[e - 2] === '\r' && e - 2 >= s) e -= 2;
    else if (value[to - 1] === '\n' && c === '\r') e -= 1;
    else if (c === value[to - 1]) e -= 1;
    else {
      const ref = SPACE_REF_BEHIND.exec(body.slice(Math.max(s, e - 16), e));
      if (!ref || decodeSpaceRef(ref) !== value[to - 1]) break;
      e -= ref[0].length;
    }
    to -= 1;
  }
  return { start: s, end: e, text: value.slice(from, to) };
}

/** The value of an attribute, from its `name=value` span: where it starts and ends, and its quote. */
function valueSpan(body: string, start: number, end: number): { start: number; end: number; quote: '"' | "'" | '' } | undefined {
  let i = start + 1;
  while (i < end && !/[\s/>=]/u.test(body[i]!)) i += 1;
  while (i < end && isSpace(body[i])) i += 1;
  if (body[i] !== '=') return undefined;
  i += 1;
  while (i < end && isSpace(body[i])) i += 1;
  const q = body[i];
  if (q === '"' || q === "'") return body[end - 1] === q && end - 1 > i ? { start: i + 1, end: end - 1, quote: q } : undefined;
  return { start: i, end, quote: '' };
}

function tagAttribute(body: string, tagStart: number, start: number, end: number): TagAttribute {
  const value = valueSpan(body, start, end);
  return {
    start: start - tagStart,
    end: end - tagStart,
    ...(value ? { value: { start: value.start - tagStart, end: value.end - tagStart } } : {}),
    quote: value?.quote ?? '',
  };
}

/** A short stand-in for a code a CAT tool can show: the words of `<code>` or a `translate="no"` name. */
function equivOf(el: Element): string {
  if (INVISIBLE.has(el.tagName) || !isHtml(el)) return `<${el.tagName}/>`;
  let words = '';
  const visit = (node: Node) => {
    if (isText(node)) words += node.value;
    else if ('childNodes' in node) for (const c of node.childNodes) visit(c);
  };
  visit(el);
  words = words.replace(/\s+/gu, ' ').trim();
  if (!words) return `<${el.tagName}/>`;
  return words.length > 60 ? `${words.slice(0, 59)}…` : words;
}

class Extraction {
  readonly texts: Candidate[] = [];
  readonly attributes: Candidate[] = [];
  /** start offsets of tags already turned into tokens: adoption and reconstruction copy locations */
  private readonly claimed = new Set<number>();
  private readonly claimedAttributes = new Set<number>();
  /**
   * Source spans of elements kept whole as one code, sorted. The parser may move a node out of
   * such an element (`<code><p>x</code>`), but its bytes still sit inside the span and so
   * belong to that code, not to a unit of their own.
   */
  private readonly owned: [number, number][] = [];
  private readonly holdsBlockMemo = new WeakMap<Element, boolean>();

  constructor(
    private readonly body: string,
    private readonly lines: LineIndex,
  ) {}

  private classify(el: Element): 'block' | 'skip' | 'inline' {
    if (!isHtml(el)) return 'inline';
    const tag = el.tagName;
    if (OPAQUE_BLOCK.has(tag)) return 'skip';
    if (translateNo(el)) return BLOCK.has(tag) || this.holdsBlock(el) ? 'skip' : 'inline';
    if (OPAQUE_INLINE.has(tag)) return 'inline';
    if (BLOCK.has(tag)) return 'block';
    return this.holdsBlock(el) ? 'block' : 'inline';
  }

  private holdsBlock(el: Element): boolean {
    const known = this.holdsBlockMemo.get(el);
    if (known !== undefined) return known;
    let found = false;
    for (const child of el.childNodes) {
      if (isElement(child) && isHtml(child) && this.classify(child) !== 'inline') {
        found = true;
        break;
      }
    }
    this.holdsBlockMemo.set(el, found);
    return found;
  }

  walk(node: ParentNode, container: Element | undefined): void {
    let run: ChildNode[] = [];
    for (const child of node.childNodes) {
      const role = isElement(child) ? this.classify(child) : 'inline';
      if (role === 'inline') {
        run.push(child);
        continue;
      }
      this.flush(run, container);
      run = [];
      this.visitBlock(child as Element, role);
    }
    this.flush(run, container);
  }

  private visitBlock(el: Element, role: 'block' | 'skip'): void {
    if (role === 'block') {
      this.attributesOf(el);
      this.walk(el, el);
      return;
    }
    if (!translateNo(el)) this.attributesOf(el);
    const loc = el.sourceCodeLocation;
    if (loc?.startTag) this.own(loc.startTag.startOffset, loc.endTag?.endOffset ?? loc.endOffset);
  }

  private owns(offset: number): boolean {
    let lo = 0;
    let hi = this.owned.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.owned[mid]![0] <= offset) lo = mid + 1;
      else hi = mid;
    }
    const span = this.owned[lo - 1];
    return span !== undefined && offset < span[1];
  }

  private own(start: number, end: number): void {
    let i = this.owned.length;
    while (i > 0 && this.owned[i - 1]![0] > start) i -= 1;
    this.owned.splice(i, 0, [start, end]);
  }

  private claim(offset: number): boolean {
    if (this.claimed.has(offset)) return false;
    this.claimed.add(offset);
    return true;
  }

  /** Blocks met inside inline content (a parser-made copy of `<b>` holding a `<p>`) are visited after the run. */
  private flatten(node: ChildNode, out: Token[], blocks: Element[]): void {
    const loc = node.sourceCodeLocation;
    if (isText(node)) {
      if (loc && !this.owns(loc.startOffset)) {
        const { start, end } = fixReferenceCuts(this.body, loc.startOffset, loc.endOffset, node.value);
        out.push({ type: 'text', start, end, text: node.value });
      }
      return;
    }
    if (isComment(node)) {
      if (loc && !this.owns(loc.startOffset)) out.push({ type: 'comment', start: loc.startOffset, end: loc.endOffset });
      return;
    }
    if (!isElement(node)) return;
    const el = node;
    const role = this.classify(el);
    if (role !== 'inline') {
      blocks.push(el);
      return;
    }
    const elLoc = el.sourceCodeLocation;
    const startTag = elLoc?.startTag;
    const fresh = startTag !== undefined && !this.owns(startTag.startOffset) && this.claim(startTag.startOffset);
    if (!isHtml(el) || OPAQUE_INLINE.has(el.tagName) || translateNo(el)) {
      if (fresh) {
        const end = elLoc!.endTag?.endOffset ?? elLoc!.endOffset;
        out.push({ type: 'opaque', start: startTag.startOffset, end, el });
        if (isHtml(el) && !translateNo(el) && !INVISIBLE.has(el.tagName)) this.attributesOf(el);
        this.own(startTag.startOffset, end);
      } else for (const child of el.childNodes) this.flatten(child, out, blocks);
      return;
    }
    if (fresh) {
      out.push({ type: 'open', start: startTag.startOffset, end: startTag.endOffset, el });
      this.attributesOf(el);
    }
    for (const child of el.childNodes) this.flatten(child, out, blocks);
    const endTag = elLoc?.endTag;
    if (endTag && !this.owns(endTag.startOffset) && this.claim(endTag.startOffset)) out.push({ type: 'close', start: endTag.startOffset, end: endTag.endOffset, el });
  }

  private hasText(node: Node): boolean {
    if (isText(node)) return /\S/u.test(node.value);
    if (!isElement(node) || !isHtml(node) || OPAQUE_INLINE.has(node.tagName) || translateNo(node)) return false;
    return node.childNodes.some((c) => this.hasText(c));
  }

  /**
   * A run of inline nodes between blocks: one unit per stretch the source holds in one piece.
   * Form labels and buttons side by side with no words between them are separate units.
   */
  private flush(run: ChildNode[], container: Element | undefined): void {
    if (run.length === 0) return;
    const worded = run.filter((n) => this.hasText(n));
    if (worded.length > 1 && worded.every((n) => isElement(n) && (n.tagName === 'label' || n.tagName === 'button'))) {
      for (const node of run) this.flushTokens([node], container);
      return;
    }
    this.flushTokens(run, container);
  }

  private flushTokens(run: ChildNode[], container: Element | undefined): void {
    const tokens: Token[] = [];
    const blocks: Element[] = [];
    for (const node of run) this.flatten(node, tokens, blocks);
    let current: Token[] = [];
    for (const token of tokens) {
      const prev = current[current.length - 1];
      if (!prev || token.start === prev.end) {
        if (prev?.type === 'text' && token.type === 'text') {
          // Tokens of this run only, so the merged one may grow in place.
          prev.end = token.end;
          prev.text += token.text;
        } else current.push(token);
        continue;
      }
      const skipped = token.start > prev.end ? this.body.slice(prev.end, token.start) : '';
      if (skipped && MARKUP_ONLY.test(skipped)) {
        const tag = /^\s*<\/?([A-Za-z][^\s/>]*)/u.exec(skipped)?.[1]?.toLowerCase() ?? 'markup';
        current.push({ type: 'gap', start: prev.end, end: token.start, tag }, token);
        continue;
      }
      this.unit(current, container);
      current = [token];
    }
    this.unit(current, container);
    for (const el of blocks) this.visitBlock(el, this.classify(el) === 'skip' ? 'skip' : 'block');
  }

  private unit(tokens: Token[], container: Element | undefined): void {
    const partner = new Map<number, number>();
    const opened = new Map<Element, number>();
    tokens.forEach((t, i) => {
      if (t.type === 'open') opened.set(t.el, i);
      else if (t.type === 'close') {
        const o = opened.get(t.el);
        if (o !== undefined) {
          partner.set(o, i);
          partner.set(i, o);
        }
      }
    });
    const removable = (i: number) => {
      const t = tokens[i]!;
      if (t.type === 'text') return HTML_SPACE.test(t.text);
      if (t.type === 'comment' || t.type === 'gap') return true;
      return (t.type === 'opaque' || (t.type === 'open' && !partner.has(i))) && INVISIBLE.has(t.el.tagName);
    };
    let lo = 0;
    let hi = tokens.length;
    const lifted: Element[] = [];
    for (;;) {
      while (lo < hi && removable(lo)) lo += 1;
      while (hi > lo && removable(hi - 1)) hi -= 1;
      const first = tokens[lo];
      if (first?.type === 'open' && partner.get(lo) === hi - 1 && hi - 1 > lo) {
        lifted.push(first.el);
        lo += 1;
        hi -= 1;
        continue;
      }
      break;
    }
    const kept = tokens.slice(lo, hi);
    if (!kept.some((t) => t.type === 'text' && /\S/u.test(t.text))) return;
    const head = kept[0]!;
    if (head.type === 'text') {
      kept[0] = { type: 'text', ...trimSpan(this.body, head.start, head.end, head.text, { leading: true, trailing: kept.length === 1 }) };
    }
    const tail = kept[kept.length - 1]!;
    if (tail.type === 'text' && kept.length > 1) {
      kept[kept.length - 1] = { type: 'text', ...trimSpan(this.body, tail.start, tail.end, tail.text, { leading: false, trailing: true }) };
    }

    const content: Inline[] = [];
    const codes: CodeSpan[] = [];
    const ids = new Map<number, string>();
    let n = 0;
    kept.forEach((t, k) => {
      if (t.type === 'text') {
        content.push(text(t.text));
        return;
      }
      const data = this.body.slice(t.start, t.end);
      const i = k + lo;
      let code: Extract<Inline, { type: 'code' }>;
      if (t.type === 'open' && partner.has(i)) {
        const id = String(++n);
        ids.set(partner.get(i)!, id);
        code = { type: 'code', kind: 'open', id, tag: t.el.tagName, data, equiv: `<${t.el.tagName}>` };
      } else if (t.type === 'close' && ids.has(i)) {
        code = { type: 'code', kind: 'close', id: ids.get(i)!, tag: t.el.tagName, data, equiv: `</${t.el.tagName}>` };
      } else if (t.type === 'open' || t.type === 'close') {
        const tag = t.el.tagName;
        const equiv = t.type === 'close' ? `</${tag}>` : VOID.has(tag) ? `<${tag}/>` : `<${tag}>`;
        code = { type: 'code', kind: 'standalone', id: String(++n), tag, data, equiv };
        if (t.type === 'open' && KEEP.has(tag)) code.canDelete = false;
      } else if (t.type === 'opaque') {
        code = { type: 'code', kind: 'standalone', id: String(++n), tag: t.el.tagName, data, equiv: equivOf(t.el), canDelete: false };
      } else {
        const tag = t.type === 'comment' ? 'comment' : t.type === 'gap' ? t.tag : t.el.tagName;
        code = { type: 'code', kind: 'standalone', id: String(++n), tag, data, equiv: t.type === 'comment' ? '<!---->' : data.trim() };
      }
      content.push(code);
      codes.push({ start: t.start, end: t.end, id: code.id, kind: code.kind });
    });

    const start = kept[0]!.start;
    const end = kept[kept.length - 1]!.end;
    const { kind, context } = this.kindOf(container, lifted);
    this.texts.push({ start, end, kind, context: { ...context, ...this.lines.at(start) }, content, codes, encoding: ENCODING.text });
  }

  private kindOf(container: Element | undefined, lifted: Element[]): { kind: UnitKind; context: UnitContext } {
    const own = container && blockKind(container.tagName);
    if (own && container) {
      return { kind: own.kind, context: { element: container.tagName, ...(own.level ? { level: own.level } : {}) } };
    }
    const outer = lifted[0];
    const outerKind = outer && blockKind(outer.tagName);
    if (outer && outerKind && (outerKind.kind === 'link-text' || outerKind.kind === 'other')) {
      return { kind: outerKind.kind, context: { element: outer.tagName } };
    }
    return { kind: 'paragraph', context: container ? { element: container.tagName } : {} };
  }

  attributesOf(el: Element): void {
    const loc = el.sourceCodeLocation;
    if (!loc?.attrs || el.tagName === 'html') return;
    const values = new Map(el.attrs.map((a) => [a.name, a.value]));
    for (const attr of el.attrs) {
      if (attr.namespace || !isTranslatableAttribute(el.tagName, attr.name, values)) continue;
      const at = loc.attrs[attr.name];
      if (!at || this.claimedAttributes.has(at.startOffset) || this.owns(at.startOffset)) continue;
      this.claimedAttributes.add(at.startOffset);
      const span = valueSpan(this.body, at.startOffset, at.endOffset);
      if (!span) continue;
      const value = trimSpan(this.body, span.start, span.end, attr.value);
      if (!/\S/u.test(value.text)) continue;
      this.attributes.push({
        start: value.start,
        end: value.end,
        kind: attr.name === 'alt' ? 'alt-text' : 'attribute',
        context: { element: `${el.tagName}@${attr.name}`, ...this.lines.at(value.start) },
        content: [text(value.text)],
        encoding: attributeEncoding(span.quote),
      });
    }
  }
}

function lineEnding(source: string): HtmlMeta['eol'] {
  const crlf = source.split('\r\n').length - 1;
  const lf = source.split('\n').length - 1 - crlf;
  const cr = source.split('\r').length - 1 - crlf;
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

interface FoundRoot extends Omit<RootTag, 'piece'> {
  start: number;
  end: number;
}

function rootTag(document: DefaultTreeAdapterTypes.Document, body: string): FoundRoot | undefined {
  const root = document.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html');
  const loc = root?.sourceCodeLocation;
  const tag = loc?.startTag;
  if (!loc || !tag) return undefined;
  const attr = (name: string) => {
    const at = loc.attrs?.[name];
    return at ? tagAttribute(body, tag.startOffset, at.startOffset, at.endOffset) : undefined;
  };
  const found: FoundRoot = { start: tag.startOffset, end: tag.endOffset, raw: body.slice(tag.startOffset, tag.endOffset), nameEnd: '<html'.length };
  const lang = attr('lang');
  const xmlLang = attr('xml:lang');
  const dir = attr('dir');
  if (lang) found.lang = lang;
  if (xmlLang) found.xmlLang = xmlLang;
  if (dir) found.dir = dir;
  return found;
}

/**
 * The page parsed and walked into unit candidates. The parse tree is several times the size of
 * the page and is needed only here: once this returns it can go, before the units and the
 * skeleton are built.
 */
function readCandidates(body: string, lines: LineIndex, fragment: boolean, path: string): { texts: Candidate[]; attributes: Candidate[]; root?: FoundRoot } {
  let refused: ParserError | undefined;
  const parserOptions = {
    sourceCodeLocationInfo: true,
    treeAdapter,
    onParseError: (error: ParserError) => {
      if (!refused && REFUSED_PARSE_ERRORS.has(error.code)) refused = error;
    },
  };
  const tree = fragment ? parseFragment(body, parserOptions) : parse(body, parserOptions);
  if (refused) throw refusedParseError(refused, path, lines);
  const extraction = new Extraction(body, lines);
  extraction.walk(tree, undefined);
  const texts = extraction.texts.sort((a, b) => a.start - b.start);
  const root = fragment ? undefined : rootTag(tree as DefaultTreeAdapterTypes.Document, body);
  return { texts, attributes: extraction.attributes, ...(root ? { root } : {}) };
}

export function extractHtml(bytes: Uint8Array, options: ExtractOptions): Document {
  const source = decodeUtf8(bytes, options.path);
  const bom = source.startsWith(BOM);
  // parse5 would read a BOM as text and open <body> early, so it is set aside and put back as a piece.
  const body = bom ? source.slice(1) : source;
  const lines = new LineIndex(body);
  const fragment = !DOCUMENT_MARKER.test(body.replace(/<!--[\s\S]*?(?:-->|$)/gu, ''));
  const { texts, attributes, root } = readCandidates(body, lines, fragment, options.path);

  // An attribute inside a unit's range sits in one of its codes; it is written back by
  // rewriting that code's data on merge, as a skeleton piece cannot sit inside a unit.
  const starts = texts.map((t) => t.start);
  const hostOf = (offset: number): Candidate | undefined => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    const host = texts[lo - 1];
    return host && offset < host.end ? host : undefined;
  };
  const top: Candidate[] = [...texts];
  const nested: { attribute: Candidate; host: Candidate; code: CodeSpan }[] = [];
  const kept: Candidate[] = [...texts];
  for (const attribute of attributes) {
    const host = hostOf(attribute.start);
    if (!host) {
      top.push(attribute);
      kept.push(attribute);
      continue;
    }
    const code = host.codes?.find((c) => c.start <= attribute.start && attribute.end <= c.end && c.kind !== 'close');
    if (!code) continue;
    nested.push({ attribute, host, code });
    kept.push(attribute);
  }
  const ids = new IdSequence('u');
  kept.sort((a, b) => a.start - b.start || (a.codes ? -1 : 1));
  for (const candidate of kept) candidate.id = ids.next();

  const pieces: SkeletonPiece[] = bom ? [BOM] : [];
  let rootPiece: number | undefined;
  const gap = (from: number, to: number) => {
    const add = (s: string) => {
      if (s) pieces.push(s);
    };
    if (root && rootPiece === undefined && root.start >= from && root.end <= to) {
      add(body.slice(from, root.start));
      rootPiece = pieces.length;
      pieces.push(root.raw);
      add(body.slice(root.end, to));
    } else add(body.slice(from, to));
  };
  let cursor = 0;
  top.sort((a, b) => a.start - b.start);
  for (const item of top) {
    if (item.start < cursor) throw new TarjomanError('html:misplaced', {}, { file: options.path, ...lines.at(item.start) });
    gap(cursor, item.start);
    pieces.push({ unit: item.id!, encoding: item.encoding, raw: body.slice(item.start, item.end) });
    cursor = item.end;
  }
  gap(cursor, body.length);

  const units: Unit[] = kept.map((c) => ({
    id: c.id!,
    kind: c.kind,
    translate: true,
    context: c.context,
    notes: [],
    parts: singleSegmentParts(c.content),
  }));
  const meta: HtmlMeta = {
    bom,
    eol: lineEnding(body),
    fragment,
    ...(root && rootPiece !== undefined
      ? { root: { piece: rootPiece, raw: root.raw, nameEnd: root.nameEnd, ...pick(root, 'lang', 'xmlLang', 'dir') } }
      : {}),
    nested: nested.map(
      ({ attribute, host, code }): NestedAttribute => ({
        unit: attribute.id!,
        host: host.id!,
        code: code.id,
        codeKind: code.kind === 'open' ? 'open' : 'standalone',
        offset: attribute.start - code.start,
        rawOffset: attribute.start - host.start,
        raw: body.slice(attribute.start, attribute.end),
        encoding: attribute.encoding,
      }),
    ),
  };
  return {
    path: options.path,
    format: 'html',
    sourceLang: options.sourceLang,
    ...(options.targetLang ? { targetLang: options.targetLang } : {}),
    sha256: sha256(bytes),
    units,
    skeleton: { pieces, meta },
  };
}

function pick<T extends object, K extends keyof T>(value: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  return out;
}
