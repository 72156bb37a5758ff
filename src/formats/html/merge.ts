import { sameContent, targetOrSource, unitSource, unitTarget, type TargetChoice } from '../../model/content.js';
import { TarjomanError } from '../../model/located-error.js';
import type { Content, Document, Inline, Part, Segment, Skeleton, Unit } from '../../model/schema.js';
import type { MergeOptions } from '../format.js';
import { joinBytes, renderContent, renderSkeletonUtf8, type Escapers } from '../shared.js';
import { ENCODING, attributeEncoding, htmlEscapers } from './escape.js';
import { HtmlMeta, type NestedAttribute, type RootTag, type TagAttribute } from './meta.js';
import { isRightToLeft } from './tags.js';

/** An unquoted value cannot be empty without taking the next attribute as its value. */
const emptyValue = (encoding: string) => (encoding === ENCODING.unquoted ? '""' : '');

/** Unquoted attribute values translated to nothing are written as `""`; the escaper never sees empty content. */
function withEmptyUnquoted(document: Document, skeleton: Skeleton, choose: TargetChoice): Skeleton {
  const units = new Map(document.units.map((u) => [u.id, u]));
  let changed = false;
  const pieces = skeleton.pieces.map((piece) => {
    if (typeof piece === 'string' || piece.encoding !== ENCODING.unquoted) return piece;
    const unit = units.get(piece.unit);
    if (!unit?.translate || unitTarget(unit, choose).length > 0 || unitSource(unit).length === 0) return piece;
    changed = true;
    return emptyValue(piece.encoding);
  });
  return changed ? { ...skeleton, pieces } : skeleton;
}

interface Edit {
  at: number;
  length: number;
  value: string;
}

/** Applies edits given by offsets into the original string, last first so earlier offsets hold. */
function applyEdits(value: string, edits: readonly Edit[]): string {
  let out = value;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.value + out.slice(e.at + e.length);
  return out;
}

/**
 * Attribute units that live inside a code of another unit: the translated value is
 * written into that code's data, in the source and the target alike, and into the host's
 * raw slice, so the host is rebuilt with the new value whether or not its own text changed.
 */
function withNestedAttributes(
  document: Document,
  skeleton: Skeleton,
  nested: readonly NestedAttribute[],
  escapers: Escapers,
  choose: TargetChoice,
): { document: Document; skeleton: Skeleton; choose: TargetChoice } {
  const units = new Map(document.units.map((u) => [u.id, u]));
  const byHost = new Map<string, { entry: NestedAttribute; value: string }[]>();
  for (const entry of nested) {
    const unit = units.get(entry.unit);
    if (!unit) throw new TarjomanError('errors:unitMissing', { unit: entry.unit }, { file: document.path, unitId: entry.unit });
    const content = unit.translate ? unitTarget(unit, choose) : unitSource(unit);
    if (sameContent(content, unitSource(unit))) continue;
    const escape = escapers[entry.encoding];
    if (!escape) throw new TarjomanError('errors:unknownEncoding', { encoding: entry.encoding }, { file: document.path, unitId: entry.unit });
    const list = byHost.get(entry.host) ?? [];
    list.push({ entry, value: renderContent(content, escape) || emptyValue(entry.encoding) });
    byHost.set(entry.host, list);
  }
  if (byHost.size === 0) return { document, skeleton, choose };

  const rewrite = (content: Content, edits: { entry: NestedAttribute; value: string }[]): Content =>
    content.map((item): Inline => {
      if (item.type !== 'code') return item;
      const mine = edits.filter(
        ({ entry }) =>
          entry.code === item.id &&
          entry.codeKind === item.kind &&
          item.data.slice(entry.offset, entry.offset + entry.raw.length) === entry.raw,
      );
      if (mine.length === 0) return item;
      return { ...item, data: applyEdits(item.data, mine.map(({ entry, value }) => ({ at: entry.offset, length: entry.raw.length, value }))) };
    });

  const original = new Map<Segment, { segment: Segment; edits: { entry: NestedAttribute; value: string }[] }>();
  const rewrittenUnits = document.units.map((unit): Unit => {
    const edits = byHost.get(unit.id);
    if (!edits) return unit;
    const parts = unit.parts.map((part): Part => {
      if (part.kind === 'ignorable') return { ...part, source: rewrite(part.source, edits) };
      const segment: Segment = { ...part, source: rewrite(part.source, edits), ...(part.target ? { target: rewrite(part.target, edits) } : {}) };
      original.set(segment, { segment: part, edits });
      return segment;
    });
    return { ...unit, parts };
  });
  const pieces = skeleton.pieces.map((piece) => {
    if (typeof piece === 'string') return piece;
    const edits = byHost.get(piece.unit);
    if (!edits) return piece;
    const valid = edits.filter(({ entry }) => piece.raw.slice(entry.rawOffset, entry.rawOffset + entry.raw.length) === entry.raw);
    return { ...piece, raw: applyEdits(piece.raw, valid.map(({ entry, value }) => ({ at: entry.rawOffset, length: entry.raw.length, value }))) };
  });
  const wrapped: TargetChoice = (segment) => {
    const known = original.get(segment);
    if (!known) return choose(segment);
    const chosen = choose(known.segment);
    return chosen && rewrite(chosen, known.edits);
  };
  return { document: { ...document, units: rewrittenUnits }, skeleton: { ...skeleton, pieces }, choose: wrapped };
}

/** Sets `lang` (and `xml:lang` where present) and `dir` on the `<html>` start tag. */
function withLanguage(skeleton: Skeleton, root: RootTag, lang: string, escapers: Escapers): Skeleton {
  const piece = skeleton.pieces[root.piece];
  if (piece !== root.raw) return skeleton;
  const edits: Edit[] = [];
  const added: string[] = [];
  const set = (attr: TagAttribute | undefined, name: string, value: string) => {
    if (!attr) return false;
    if (attr.value) {
      const escape = escapers[attributeEncoding(attr.quote)]!;
      edits.push({ at: attr.value.start, length: attr.value.end - attr.value.start, value: escape(value) });
    } else edits.push({ at: attr.start, length: attr.end - attr.start, value: `${name}="${escapers[attributeEncoding('"')]!(value)}"` });
    return true;
  };
  const quoted = (name: string, value: string) => ` ${name}="${escapers[attributeEncoding('"')]!(value)}"`;
  if (!set(root.lang, 'lang', lang)) added.push(quoted('lang', lang));
  set(root.xmlLang, 'xml:lang', lang);
  const rtl = isRightToLeft(lang);
  if (!set(root.dir, 'dir', rtl ? 'rtl' : 'ltr') && rtl) added.push(quoted('dir', 'rtl'));
  if (added.length) edits.push({ at: root.nameEnd, length: 0, value: added.join('') });
  const pieces = [...skeleton.pieces];
  pieces[root.piece] = applyEdits(root.raw, edits);
  return { ...skeleton, pieces };
}

/** The merged page as chunks of UTF-8, rendered a stretch at a time as they are taken, so a large page is never one string. */
export function* mergeHtmlChunks(document: Document, options: MergeOptions = {}): Generator<Uint8Array, void, undefined> {
  const parsed = HtmlMeta.safeParse(document.skeleton.meta);
  if (!parsed.success) throw new TarjomanError('html:badSkeleton', { reason: parsed.error.issues[0]?.message ?? '' }, { file: document.path });
  const meta = parsed.data;
  const escapers = htmlEscapers(meta.eol);
  let choose = options.choose ?? targetOrSource;
  let skeleton = document.skeleton;
  let doc = document;
  if (meta.nested.length) ({ document: doc, skeleton, choose } = withNestedAttributes(doc, skeleton, meta.nested, escapers, choose));
  skeleton = withEmptyUnquoted(doc, skeleton, choose);
  if (options.targetLang && meta.root) skeleton = withLanguage(skeleton, meta.root, options.targetLang, escapers);
  yield* renderSkeletonUtf8(doc, skeleton, escapers, choose);
}

export function mergeHtml(document: Document, options: MergeOptions = {}): Uint8Array {
  return joinBytes(mergeHtmlChunks(document, options));
}
