import { singleSegmentParts, sameContent, targetOrSource, unitSource, unitTarget, type TargetChoice } from '../../model/content.js';
import { TarjomanError, lineColumn } from '../../model/located-error.js';
import type { Content, Document, SkeletonPiece, Unit } from '../../model/schema.js';
import type { ExtractOptions, Format, MergeOptions } from '../format.js';
import { BOM, decodeUtf8, encodeUtf8, sha256 } from '../shared.js';
import { contentValue, valueContent } from './inline.js';
import { escapeJsonString, readJsonLeaves, type JsonLeaf } from './json.js';
import { planPluralForms, type AddedForm } from './plural-family.js';
import { t } from '../../i18n/index.js';

export const JSON_STRING = 'json-string';

/** Which plural keys a written file has: the source language's or the target language's. */
type Layout = 'source' | 'target';

/** Unit ids become XLIFF ids, which must be NMTOKENs; the raw key stays in the unit's context. */
function tokenSafe(path: readonly string[]): string {
  const joined = path.map((key) => key.replace(/[^A-Za-z0-9_-]/gu, '_')).join('.');
  return joined === '' ? '_' : joined;
}

function extract(bytes: Uint8Array, options: ExtractOptions): Document {
  const source = decodeUtf8(bytes, options.path);
  const hasBom = source.startsWith(BOM);
  const leaves = readJsonLeaves(source, options.path, hasBom ? 1 : 0);
  const plan = options.targetLang ? planPluralForms(leaves, options.targetLang) : { dropped: new Set<JsonLeaf>(), added: [] };
  const addedAfter = new Map<JsonLeaf, AddedForm[]>();
  for (const form of plan.added) addedAfter.set(form.after, [...(addedAfter.get(form.after) ?? []), form]);
  const units: Unit[] = [];
  const pieces: SkeletonPiece[] = [];
  /** pieces written only in the source's layout (forms the target lacks) or only in the target's (forms it adds) */
  const only: Array<Layout | undefined> = [];
  const push = (layout: Layout | undefined, ...added: SkeletonPiece[]) => {
    for (const piece of added) {
      if (piece === '') continue;
      pieces.push(piece);
      only.push(layout);
    }
  };
  const paths: Record<string, string[]> = {};
  const taken = new Set<string>();
  let cursor = 0;
  const addUnit = (path: string[], value: string, raw: string, at: JsonLeaf, notes: string[], layout?: Layout): string => {
    const base = tokenSafe(path);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    paths[id] = path;
    const { line, column } = lineColumn(source, at.start);
    units.push({
      id,
      kind: 'string',
      translate: true,
      context: { element: 'json', key: path.join('.'), line, column },
      notes,
      parts: singleSegmentParts(valueContent(value)),
    });
    push(layout, { unit: id, encoding: JSON_STRING, raw });
    return id;
  };
  for (const leaf of leaves) {
    if (plan.dropped.has(leaf)) {
      // The member goes with one comma and the white space that separated it from a neighbour.
      const member = leaf.member!;
      const [from, to] = member.nextKeyStart !== undefined ? [member.keyStart, member.nextKeyStart] : [member.previousEnd ?? member.keyStart, leaf.end + 1];
      push(undefined, source.slice(cursor, Math.max(cursor, from)));
      push('source', source.slice(Math.max(cursor, from), Math.max(cursor, to)));
      cursor = Math.max(cursor, to);
      continue;
    }
    push(undefined, source.slice(cursor, leaf.start));
    addUnit(leaf.path, leaf.value, source.slice(leaf.start, leaf.end), leaf, []);
    cursor = leaf.end;
    for (const form of addedAfter.get(leaf) ?? []) {
      push(undefined, source.slice(cursor, leaf.end + 1));
      push('target', `,${leaf.member!.lead}"${escapeJsonString(form.path[form.path.length - 1]!)}": "`);
      cursor = leaf.end + 1;
      const note = t('i18next:plural.added', { form: form.form, lang: options.targetLang ?? '' });
      addUnit(form.path, form.from.value, source.slice(form.from.start, form.from.end), leaf, [note], 'target');
      push('target', '"');
    }
  }
  push(undefined, source.slice(cursor));
  const layoutOnly = Object.fromEntries(only.flatMap((layout, i) => (layout ? [[i, layout]] : [])));
  return {
    path: options.path,
    format: 'i18next',
    sourceLang: options.sourceLang,
    ...(options.targetLang ? { targetLang: options.targetLang } : {}),
    sha256: sha256(bytes),
    units,
    skeleton: { pieces, meta: { bom: hasBom, paths, layoutOnly } },
  };
}

/**
 * Like the shared skeleton renderer, except that codes go through the escaping too:
 * a tag's quotes are markup in the value but still need `\"` inside a JSON string.
 */
function render(document: Document, choose: TargetChoice, layout: Layout): string {
  const units = new Map(document.units.map((u) => [u.id, u]));
  const layoutOnly = (document.skeleton.meta.layoutOnly ?? {}) as Record<string, Layout>;
  let out = '';
  for (const [index, piece] of document.skeleton.pieces.entries()) {
    const only = layoutOnly[index];
    if (only !== undefined && only !== layout) continue;
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    const unit = units.get(piece.unit);
    if (!unit) throw new TarjomanError('errors:unitMissing', { unit: piece.unit }, { file: document.path, unitId: piece.unit });
    if (piece.encoding !== JSON_STRING) throw new TarjomanError('errors:unknownEncoding', { encoding: piece.encoding }, { file: document.path, unitId: piece.unit });
    const content: Content = unit.translate ? unitTarget(unit, choose) : unitSource(unit);
    out += sameContent(content, unitSource(unit)) ? piece.raw : escapeJsonString(contentValue(content));
  }
  return out;
}

function merge(document: Document, options: MergeOptions = {}): Uint8Array {
  // A resource file carries no language marker; the language is the folder it is saved in. The
  // target language decides the plural keys, so without one the file keeps the source's layout
  // (and an extraction writes back to its own bytes).
  return encodeUtf8(render(document, options.choose ?? targetOrSource, options.targetLang ? 'target' : 'source'));
}

export const i18nextFormat: Format = {
  name: 'i18next',
  extensions: ['.json'],
  extract,
  merge,
};

export { valueContent, contentValue, looksLikeIcu } from './inline.js';
export { pluralFormsReport, type PluralFormsEntry } from './plurals.js';
export { checkResourceSegment, type ResourceFinding } from './check.js';
