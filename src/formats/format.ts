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
}
