import { createHash } from 'node:crypto';
import { TarjomanError, lineColumn } from '../model/located-error.js';
import { sameContent, targetOrSource, unitSource, unitTarget, type TargetChoice } from '../model/content.js';
import type { Content, Document, Skeleton, SkeletonPiece, Unit } from '../model/schema.js';

export const BOM = '\uFEFF';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Strict UTF-8 decoding: a bad byte sequence is an error naming the file, line and column,
 * never a silent U+FFFD that would then be written back into the translation.
 * The BOM, if any, is kept in the returned string so the skeleton can restore it.
 */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    const bad = firstInvalidUtf8(bytes);
    const good = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, bad));
    const { line, column } = lineColumn(good, good.length);
    throw new TarjomanError('errors:invalidUtf8', { byte: bad }, { file: path, line, column }, { cause });
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= bytes.length && need > 0) return i;
    let cp = need === 0 ? b : b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (need > 0 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += need + 1;
  }
  return bytes.length;
}

export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Writes content back in a format: codes as their original markup, text through the format's escaping. */
export function renderContent(content: Content, escapeText: (text: string) => string): string {
  let out = '';
  for (const item of content) out += item.type === 'text' ? escapeText(item.text) : item.data;
  return out;
}

export type Escapers = Record<string, (text: string) => string>;

/**
 * Rebuilds a document from its skeleton. A unit whose chosen content equals its source
 * is restored from its raw original slice, so untouched text keeps its exact bytes
 * (entity spellings, escapes, odd spacing) and the round-trip law holds.
 */
export function renderSkeleton(
  document: Pick<Document, 'units' | 'path'>,
  skeleton: Skeleton,
  escapers: Escapers,
  choose: TargetChoice = targetOrSource,
): string {
  // Filled by a loop rather than from [id, unit] pairs: a large document has tens of thousands
  // of units, and the round-trip check after every extraction renders each of them once.
  const units = new Map<string, Unit>();
  for (const unit of document.units) units.set(unit.id, unit);
  let out = '';
  for (const piece of skeleton.pieces) out += renderPiece(piece, units, escapers, choose, document.path);
  return out;
}

/**
 * Whether every segment stands for its own source content, so the unit is its source without
 * building and comparing the two (the round-trip check after every extraction is this case).
 */
export function choosesSources(unit: Unit, choose: TargetChoice): boolean {
  for (const part of unit.parts) {
    if (part.kind !== 'segment') continue;
    const chosen = choose(part);
    if (chosen !== undefined && chosen !== part.source) return false;
  }
  return true;
}

function renderPiece(
  piece: SkeletonPiece,
  units: Map<string, Unit>,
  escapers: Escapers,
  choose: TargetChoice,
  path: string,
): string {
  if (typeof piece === 'string') return piece;
  const unit = units.get(piece.unit);
  if (!unit) throw new TarjomanError('errors:unitMissing', { unit: piece.unit }, { file: path, unitId: piece.unit });
  if (!unit.translate || choosesSources(unit, choose)) return piece.raw;
  const content = unitTarget(unit, choose);
  if (sameContent(content, unitSource(unit))) return piece.raw;
  const escape = escapers[piece.encoding];
  if (!escape) throw new TarjomanError('errors:unknownEncoding', { encoding: piece.encoding }, { file: path, unitId: piece.unit });
  return renderContent(content, escape);
}
