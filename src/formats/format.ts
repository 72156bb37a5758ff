import type { Document, FormatName } from '../model/schema.js';
import type { TargetChoice } from '../model/content.js';

export interface ExtractOptions {
  /** the path recorded in the document and named in errors */
  path: string;
  sourceLang: string;
  targetLang?: string;
}

export interface MergeOptions {
  /** the language of the written document; when absent the document's language markup is left as it was */
  targetLang?: string;
  /** which content stands for each segment (default: its target, or its source where it has none) */
  choose?: TargetChoice;
}

/**
 * A format adapter: bytes to the model and back.
 * Law: `merge(extract(bytes), {})` returns `bytes` exactly when every segment's target is its source.
 * Extracted units hold their whole content as one segment; segmentation is a later step.
 */
export interface Format {
  readonly name: FormatName;
  /** lower-case file name endings, with the dot */
  readonly extensions: readonly string[];
  extract(bytes: Uint8Array, options: ExtractOptions): Document;
  merge(document: Document, options?: MergeOptions): Uint8Array;
  /**
   * What `merge` returns, as chunks that one after another are those bytes, each made only when
   * taken: a caller that writes them as they come never holds the whole output. The document
   * must stay as it is until the last chunk is taken. Formats without it are merged whole.
   */
  mergeChunks?(document: Document, options?: MergeOptions): Iterable<Uint8Array>;
}

/** A document merged in `format`, as chunks of bytes: its own chunks where it makes them, else its bytes whole. */
export function mergedChunks(format: Format, document: Document, options?: MergeOptions): Iterable<Uint8Array> {
  return format.mergeChunks ? format.mergeChunks(document, options) : [format.merge(document, options)];
}
