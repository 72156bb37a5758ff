import type { Format } from '../formats/format.js';
import { readsSegmented } from '../formats/shared.js';
import { TarjomanError } from '../model/located-error.js';
import type { Document } from '../model/schema.js';
import { segmentDocument } from '../segment/segment-content.js';
import type { Segmenter } from '../segment/segmenter.js';

export interface ExtractRequest {
  bytes: Uint8Array;
  path: string;
  format: Format;
  sourceLang: string;
  targetLang?: string;
  segmenter: Segmenter;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  // Node's native comparison: the check runs on every file, a byte loop in JS costs more.
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function roundTripFailed(format: Format, path: string): TarjomanError {
  return new TarjomanError('errors:roundTripFailed', { format: format.name }, { file: path });
}

/**
 * Bytes → segmented document. Before anything is handed to a translator, the document is
 * written back once with its sources as targets: if that does not give the original bytes,
 * the file is refused, because a merge of the translation could not be trusted either.
 * A format that segments as it reads makes the same document and the same check in one pass.
 */
export function extractDocument(request: ExtractRequest): Document {
  const { bytes, path, format, sourceLang, targetLang, segmenter } = request;
  const options = { path, sourceLang, ...(targetLang ? { targetLang } : {}) };
  if (readsSegmented(format)) {
    const { document, intact } = format.extractSegmented(bytes, options, segmenter);
    if (!intact) throw roundTripFailed(format, path);
    return document;
  }
  const document = format.extract(bytes, options);
  if (!sameBytes(format.merge(document), bytes)) throw roundTripFailed(format, path);
  return segmentDocument(document, segmenter);
}
