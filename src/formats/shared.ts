import { createHash } from 'node:crypto';
import { TarjomanError, lineColumn } from '../model/located-error.js';
import { sameContent, targetOrSource, unitSource, unitTarget, type TargetChoice } from '../model/content.js';
import type { Content, Document, Skeleton, SkeletonPiece, Unit } from '../model/schema.js';
import type { Segmenter } from '../segment/segmenter.js';
import type { ExtractOptions, Format } from './format.js';

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
  const units = unitsById(document.units);
  let out = '';
  for (const piece of skeleton.pieces) out += renderPiece(piece, units, escapers, choose, document.path);
  return out;
}

/**
 * Characters rendered before they are encoded. Rendered whole, a large document was one string
 * of every piece, flattened into a copy for encoding and alive beside its bytes; a stretch at a
 * time only the bytes stay, and this many characters besides.
 */
const STRETCH_CHARS = 1 << 16;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * What `renderSkeleton` renders, as UTF-8 in stretches, each rendered only when taken: the
 * chunks one after another are the bytes of the rendered string, the same pieces rendered the
 * same way, and a caller that writes each as it comes holds one stretch at a time. A surrogate
 * pair cut between two stretches would encode as two replacement characters, so a stretch's
 * last high surrogate waits for the next one.
 */
export function* renderSkeletonUtf8(
  document: Pick<Document, 'units' | 'path'>,
  skeleton: Skeleton,
  escapers: Escapers,
  choose: TargetChoice = targetOrSource,
  stretchChars = STRETCH_CHARS,
): Generator<Uint8Array, void, undefined> {
  const units = new UnitsInOrder(document.units);
  const encoder = new TextEncoder();
  let text = '';
  let given = false;
  for (const piece of skeleton.pieces) {
    text += renderPiece(piece, units, escapers, choose, document.path);
    if (text.length < stretchChars) continue;
    const cut = isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.length - 1 : text.length;
    if (cut === 0) continue;
    const chunk = encoder.encode(text.slice(0, cut));
    text = text.slice(cut);
    given = true;
    yield chunk;
  }
  if (text.length > 0 || !given) yield encoder.encode(text);
}

/** Chunks of bytes as one array, for callers that need them whole. */
export function joinBytes(taken: Iterable<Uint8Array>): Uint8Array {
  const chunks = Array.isArray(taken) ? (taken as readonly Uint8Array[]) : Array.from(taken);
  if (chunks.length === 1) return chunks[0]!;
  // A plain view of the joined bytes: callers and tests compare them as a Uint8Array.
  const joined = Buffer.concat(chunks);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.length);
}

function unitsById(list: readonly Unit[]): Map<string, Unit> {
  // Filled by a loop rather than from [id, unit] pairs: a large document has tens of thousands
  // of units, and the round-trip check after every extraction renders each of them once.
  const units = new Map<string, Unit>();
  for (const unit of list) units.set(unit.id, unit);
  return units;
}

/**
 * Units by id for a walk through the skeleton. Skeletons name their units in document order,
 * so the next unit is tried first and the map of all of them is built only if that fails:
 * on a large file the map alone cost more than the comparison it served.
 */
class UnitsInOrder {
  private next = 0;
  private byId: Map<string, Unit> | undefined;
  constructor(private readonly list: readonly Unit[]) {}
  get(id: string): Unit | undefined {
    const guess = this.list[this.next];
    if (guess !== undefined && guess.id === id && this.byId === undefined) {
      this.next++;
      return guess;
    }
    this.byId ??= unitsById(this.list);
    return this.byId.get(id);
  }
}

/**
 * Whether `renderSkeleton` gives `expected`, found piece by piece against it: the round-trip
 * check then neither joins the pieces of a large document into one string nor encodes it.
 * Unit ids are taken to be unique, as every format makes them.
 */
export function rendersAs(
  document: Pick<Document, 'units' | 'path'>,
  skeleton: Skeleton,
  escapers: Escapers,
  expected: string,
  choose: TargetChoice = targetOrSource,
): boolean {
  const units = new UnitsInOrder(document.units);
  let at = 0;
  for (const piece of skeleton.pieces) {
    const rendered = renderPiece(piece, units, escapers, choose, document.path);
    const end = at + rendered.length;
    // A slice and `===` rather than `startsWith(rendered, at)`: V8 compares two strings' contents
    // in bulk but runs `startsWith` unit by unit, ten times slower on a large file.
    if (end > expected.length || expected.slice(at, end) !== rendered) return false;
    at = end;
  }
  return at === expected.length;
}

/**
 * A format that can cut sentences while it reads, so each unit is built once, and that checks
 * the round-trip law on what it read. `intact` is whether `merge` of the document, every
 * segment's source standing as its target, gives back `bytes`.
 */
export interface ReadsSegmented {
  extractSegmented(bytes: Uint8Array, options: ExtractOptions, segmenter: Segmenter): { document: Document; intact: boolean };
}

export function readsSegmented(format: Format): format is Format & ReadsSegmented {
  return typeof (format as Partial<ReadsSegmented>).extractSegmented === 'function';
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
  units: Pick<Map<string, Unit>, 'get'>,
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
