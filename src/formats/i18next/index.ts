import { singleSegmentParts, sameContent, targetOrSource, unitSource, unitTarget, type TargetChoice } from '../../model/content.js';
import { TarjomanError, lineColumn } from '../../model/located-error.js';
import type { Content, Document, SkeletonPiece, Unit } from '../../model/schema.js';
import type { ExtractOptions, Format, MergeOptions } from '../format.js';
import { BOM, decodeUtf8, encodeUtf8, sha256 } from '../shared.js';
import { contentValue, valueContent } from './inline.js';
import { escapeJsonString, readJsonLeaves } from './json.js';

export const JSON_STRING = 'json-string';

/** Unit ids become XLIFF ids, which must be NMTOKENs; the raw key stays in the unit's context. */
function tokenSafe(path: readonly string[]): string {
  const joined = path.map((key) => key.replace(/[^A-Za-z0-9_-]/gu, '_')).join('.');
  return joined === '' ? '_' : joined;
}

function extract(bytes: Uint8Array, options: ExtractOptions): Document {
  const source = decodeUtf8(bytes, options.path);
  const hasBom = source.startsWith(BOM);
  const leaves = readJsonLeaves(source, options.path, hasBom ? 1 : 0);
  const units: Unit[] = [];
  const pieces: SkeletonPiece[] = [];
  const paths: Record<string, string[]> = {};
  const taken = new Set<string>();
  let cursor = 0;
  for (const leaf of leaves) {
    const base = tokenSafe(leaf.path);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    paths[id] = leaf.path;
    pieces.push(source.slice(cursor, leaf.start), { unit: id, encoding: JSON_STRING, raw: source.slice(leaf.start, leaf.end) });
    cursor = leaf.end;
    const { line, column } = lineColumn(source, leaf.start);
    units.push({
      id,
      kind: 'string',
      translate: true,
      context: { element: 'json', key: leaf.path.join('.'), line, column },
      notes: [],
      parts: singleSegmentParts(valueContent(leaf.value)),
    });
  }
  pieces.push(source.slice(cursor));
  return {
    path: options.path,
    format: 'i18next',
    sourceLang: options.sourceLang,
    ...(options.targetLang ? { targetLang: options.targetLang } : {}),
    sha256: sha256(bytes),
    units,
    skeleton: { pieces: pieces.filter((p) => p !== ''), meta: { bom: hasBom, paths } },
  };
}

/**
 * Like the shared skeleton renderer, except that codes go through the escaping too:
 * a tag's quotes are markup in the value but still need `\"` inside a JSON string.
 */
function render(document: Document, choose: TargetChoice): string {
  const units = new Map(document.units.map((u) => [u.id, u]));
  let out = '';
  for (const piece of document.skeleton.pieces) {
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
  // A resource file carries no language marker; the language is the folder it is saved in.
  return encodeUtf8(render(document, options.choose ?? targetOrSource));
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
