import type { Nodes, PhrasingContent } from 'mdast';
import { z } from 'zod';
import { sameContent, singleSegmentParts, targetOrSource, text, unitSource, unitTarget } from '../../model/content.js';
import { IdSequence } from '../../model/ids.js';
import { TarjomanError } from '../../model/located-error.js';
import type { Content, Document, Inline, SkeletonPiece, Unit, UnitKind } from '../../model/schema.js';
import type { ExtractOptions, Format, MergeOptions } from '../format.js';
import { BOM, choosesSources, decodeUtf8, encodeUtf8, sha256 } from '../shared.js';
import { frontMatterLang } from './front-matter.js';
import { lf, phrasingContent, span, type InlineContext, type Span } from './inline.js';
import { parseMarkdown, type LabelSpan } from './parse.js';
import { isEncoding, renderMarkdown, type Encoding } from './render.js';
import { LineIndex } from '../../model/line-index.js';

/** What merge needs besides the pieces, kept in `skeleton.meta`. */
const MarkdownMeta = z.object({
  /** informational: the BOM itself is in the first piece */
  bom: z.boolean(),
  /** the file's line ending, for line breaks a translation adds */
  eol: z.enum(['\n', '\r\n', '\r']),
  /**
   * Per unit, what starts each of its continuation lines (`> `, list indentation). The model's
   * text has only `\n` where a paragraph wraps: a translator sees clean sentences, not a tag at
   * every wrap that would have to be placed somewhere in a differently wrapped translation.
   */
  prefixes: z.record(z.string(), z.string()),
  /** the skeleton piece holding the front matter's `lang:` value, and its quoting */
  lang: z.object({ piece: z.number().int().nonnegative(), quote: z.enum(['', '"', "'"]) }).optional(),
});
type MarkdownMeta = z.infer<typeof MarkdownMeta>;

interface Found extends Span {
  kind: UnitKind;
  element: string;
  level?: number;
  encoding: Encoding;
  content: Inline[];
}

interface Where {
  container?: 'list-item' | 'blockquote';
  /** footnote labels (`[^1]: `) that may precede a unit on its first line */
  labels: Span[];
}

class Extraction {
  readonly found: Found[] = [];
  readonly prefixes = new Map<Found, string>();
  private readonly lines: LineIndex;

  constructor(
    private readonly body: string,
    private readonly labels: WeakMap<object, LabelSpan>,
  ) {
    this.lines = new LineIndex(body);
  }

  /** 1-based line and column of an offset; CR, LF and CRLF each end a line, as in Markdown. */
  locate(offset: number): { line: number; column: number } {
    return this.lines.at(offset);
  }

  /** What precedes an offset on its line. */
  private linePrefix(start: number): string {
    return this.body.slice(this.lines.lineStart(this.locate(start).line), start);
  }

  /**
   * The continuation-line prefix of a unit, from what precedes it on its first line: quote
   * markers stay, list markers, task boxes and footnote labels become spaces. A paragraph's
   * continuation lines may be indented freely, so this always reads back into the same block.
   */
  private prefix(start: number, where: Where): string {
    const lineStart = start - this.linePrefix(start).length;
    let out = '';
    for (let k = lineStart; k < start; k++) {
      const c = this.body[k]!;
      const inLabel = where.labels.some((l) => k >= l.start && k < l.end);
      out += !inLabel && (c === '>' || c === ' ' || c === '\t') ? c : ' ';
    }
    return out;
  }

  private add(found: Found, where: Where): void {
    if (!found.content.some((item) => item.type === 'text' && item.text.trim() !== '')) return;
    this.found.push(found);
    if (found.encoding === 'markdown' || found.encoding === 'markdown-alt') {
      const prefix = this.prefix(found.start, where);
      if (prefix) this.prefixes.set(found, prefix);
    }
  }

  private context(): InlineContext {
    const ids = new IdSequence('');
    return { body: this.body, labels: this.labels, nextId: () => ids.next() };
  }

  private phrasing(children: PhrasingContent[], where: Where, unit: Omit<Found, 'start' | 'end' | 'content'>): void {
    const first = children[0];
    const last = children[children.length - 1];
    if (!first || !last) return;
    const content = phrasingContent(children, this.context());
    this.add({ ...unit, start: span(first).start, end: span(last).end, content }, where);
  }

  /** An image alone in its paragraph: its alt text is the unit, the rest of the image stays markup. */
  private altText(children: PhrasingContent[], where: Where): boolean {
    const image = children[0];
    if (children.length !== 1 || !image || (image.type !== 'image' && image.type !== 'imageReference')) return false;
    // A shortcut or collapsed reference's label is also its link to the definition.
    if (image.type === 'imageReference' && image.referenceType !== 'full') return false;
    const label = this.labels.get(image);
    if (!label || !image.alt) return false;
    const content = [text(lf(image.alt))];
    this.add({ kind: 'alt-text', element: image.type, encoding: 'markdown-alt', start: label.start, end: label.end, content }, where);
    return true;
  }

  collect(node: Nodes, where: Where): void {
    switch (node.type) {
      case 'root':
      case 'list':
        for (const child of node.children) this.collect(child, where);
        return;
      case 'blockquote':
      case 'listItem': {
        const inner: Where = { ...where, container: node.type === 'blockquote' ? 'blockquote' : 'list-item' };
        for (const child of node.children) this.collect(child, inner);
        return;
      }
      case 'footnoteDefinition': {
        const first = node.children[0];
        const label = { start: span(node).start, end: first ? span(first).start : span(node).end };
        for (const child of node.children) this.collect(child, { ...where, labels: [...where.labels, label] });
        return;
      }
      case 'heading': {
        // A setext heading's span takes in its underline, so it always ends on a later line.
        const atx = node.position?.start.line === node.position?.end.line;
        const encoding = atx ? 'markdown-atx' : 'markdown';
        this.phrasing(node.children, where, { kind: 'heading', element: 'heading', level: node.depth, encoding });
        return;
      }
      case 'paragraph':
        if (this.altText(node.children, where)) return;
        this.phrasing(node.children, where, { kind: where.container ?? 'paragraph', element: 'paragraph', encoding: 'markdown' });
        return;
      case 'table':
        for (const row of node.children)
          for (const cell of row.children) {
            const first = cell.children[0];
            const lead = first !== undefined && !this.linePrefix(span(first).start).includes('|');
            const encoding = lead ? 'markdown-cell-lead' : 'markdown-cell';
            this.phrasing(cell.children, where, { kind: 'table-cell', element: 'tableCell', encoding });
          }
        return;
      default:
        // Code, HTML blocks, definitions, front matter and thematic breaks stay in the skeleton.
        return;
    }
  }
}

function extract(bytes: Uint8Array, options: ExtractOptions): Document {
  const source = decodeUtf8(bytes, options.path);
  const bom = source.startsWith(BOM);
  const body = bom ? source.slice(BOM.length) : source;
  const { tree, labels } = parseMarkdown(body);
  const extraction = new Extraction(body, labels);
  extraction.collect(tree, { labels: [] });
  const frontMatter = tree.children.find((node) => node.type === 'yaml' || (node.type as string) === 'toml');
  const lang = frontMatter ? frontMatterLang(frontMatter, body) : undefined;

  const ids = new IdSequence('u');
  const units: Unit[] = [];
  const pieces: SkeletonPiece[] = [];
  const prefixes: Record<string, string> = {};
  let langPiece: number | undefined;
  let cursor = 0;
  const cuts: (Found | (Span & { lang: true }))[] = [...extraction.found];
  if (lang) cuts.push({ start: lang.start, end: lang.end, lang: true });
  cuts.sort((a, b) => a.start - b.start);
  for (const cut of cuts) {
    if (cut.start > cursor) pieces.push(body.slice(cursor, cut.start));
    const raw = body.slice(cut.start, cut.end);
    cursor = cut.end;
    if ('lang' in cut) {
      langPiece = pieces.length;
      pieces.push(raw);
      continue;
    }
    const id = ids.next();
    pieces.push({ unit: id, encoding: cut.encoding, raw });
    const prefix = extraction.prefixes.get(cut);
    if (prefix) prefixes[id] = prefix;
    units.push({
      id,
      kind: cut.kind,
      translate: true,
      context: { element: cut.element, ...(cut.level ? { level: cut.level } : {}), ...extraction.locate(cut.start) },
      notes: [],
      parts: singleSegmentParts(cut.content),
    });
  }
  if (cursor < body.length) pieces.push(body.slice(cursor));
  if (bom) {
    if (typeof pieces[0] === 'string' && langPiece !== 0) pieces[0] = BOM + pieces[0];
    else {
      pieces.unshift(BOM);
      if (langPiece !== undefined) langPiece += 1;
    }
  }
  const eol = /\r\n|\r|\n/u.exec(body)?.[0] ?? '\n';
  const meta: MarkdownMeta = {
    bom,
    eol: eol as MarkdownMeta['eol'],
    prefixes,
    ...(lang && langPiece !== undefined ? { lang: { piece: langPiece, quote: lang.quote } } : {}),
  };
  return {
    path: options.path,
    format: 'markdown',
    sourceLang: options.sourceLang,
    ...(options.targetLang ? { targetLang: options.targetLang } : {}),
    sha256: sha256(bytes),
    units,
    skeleton: { pieces, meta },
  };
}

/** Codes a translation cannot write as Markdown: a pair missing a half, out of order or crossing another. */
function checkPairs(content: Content, unit: Unit, path: string): void {
  const open: Inline[] = [];
  const fail = (item: Inline) => {
    const tag = item.type === 'code' ? item.tag : '';
    const id = item.type === 'code' ? item.id : '';
    const { line, column } = unit.context;
    throw new TarjomanError('markdown:brokenPair', { unit: unit.id, tag, id }, { file: path, line, column, unitId: unit.id });
  };
  for (const item of content) {
    if (item.type !== 'code' || item.kind === 'standalone') continue;
    if (item.kind === 'open') open.push(item);
    else {
      const top = open.pop();
      if (!top || top.type !== 'code' || top.id !== item.id) fail(top ?? item);
    }
  }
  if (open[0]) fail(open[0]);
}

function readMeta(document: Document): MarkdownMeta {
  const parsed = MarkdownMeta.safeParse(document.skeleton.meta);
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'meta'}: ${issue.message}`).join('; ');
  throw new TarjomanError('markdown:badSkeleton', { reason }, { file: document.path });
}

/**
 * Writes the skeleton back with each unit's chosen content. An unchanged unit gets its raw
 * original slice, as `renderSkeleton` does; a changed one is rendered whole by `renderMarkdown`,
 * because its escaping depends on line starts and neighbouring codes that a per-run escaper cannot see.
 */
function merge(document: Document, options: MergeOptions = {}): Uint8Array {
  const meta = readMeta(document);
  const choose = options.choose ?? targetOrSource;
  const units = new Map(document.units.map((u) => [u.id, u]));
  let out = '';
  document.skeleton.pieces.forEach((piece, index) => {
    if (typeof piece === 'string') {
      const setLang = options.targetLang !== undefined && meta.lang?.piece === index;
      out += setLang ? meta.lang!.quote + options.targetLang + meta.lang!.quote : piece;
      return;
    }
    const unit = units.get(piece.unit);
    if (!unit) throw new TarjomanError('errors:unitMissing', { unit: piece.unit }, { file: document.path, unitId: piece.unit });
    const content = !unit.translate || choosesSources(unit, choose) ? undefined : unitTarget(unit, choose);
    if (content === undefined || sameContent(content, unitSource(unit))) {
      out += piece.raw;
      return;
    }
    if (!isEncoding(piece.encoding))
      throw new TarjomanError('errors:unknownEncoding', { encoding: piece.encoding }, { file: document.path, unitId: piece.unit });
    checkPairs(content, unit, document.path);
    const following = document.skeleton.pieces[index + 1];
    const after = typeof following === 'string' ? following : following?.raw;
    out += renderMarkdown(content, piece.encoding, {
      prefix: meta.prefixes[unit.id] ?? '',
      eol: meta.eol,
      before: out === '' ? undefined : Array.from(out.slice(-2)).at(-1),
      after: after ? String.fromCodePoint(after.codePointAt(0)!) : undefined,
    });
  });
  return encodeUtf8(out);
}

export const markdownFormat: Format = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  extract,
  merge,
};
