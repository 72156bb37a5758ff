import type { ConceptType, GlossaryFile } from '../schema.js';

/** A glossary file as read, with the 1-based line each entry starts on (for error messages and origins). */
export interface LocatedGlossaryFile {
  path: string;
  file: GlossaryFile;
  lines: (number | undefined)[];
}

/** How to fill what a foreign format does not say. */
export interface ImportOptions {
  /** concept type for entries that do not carry one (default `term`) */
  type?: ConceptType;
  /** source language: first in `languages`, and the language of the first column of a TSV (default `en`) */
  from?: string;
  /** target language (default `fa`) */
  to?: string;
}
