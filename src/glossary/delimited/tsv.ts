import { decodeUtf8 } from '../../formats/shared.js';
import { readInputFile } from '../../io/read-input.js';
import type { ImportOptions, LocatedGlossaryFile } from '../native/located.js';
import type { GlossaryFile } from '../schema.js';
import { conceptsFromPairs, pairRows, stringifyRows, type PairOptions } from './pairs.js';
import { readRows } from './records.js';

/**
 * OmegaT's tab-separated glossary: `source<TAB>target<TAB>comment`, `#` lines are comments.
 * There are no quotes in this format (OmegaT keeps `"` as text), so none are parsed.
 */
export function parseOmegatTsvLocated(text: string, path: string, options: ImportOptions = {}): LocatedGlossaryFile {
  return conceptsFromPairs(readRows(text, path, { delimiter: '\t', quote: false, comments: true }), path, options);
}

export function parseOmegatTsv(text: string, path: string, options: ImportOptions = {}): GlossaryFile {
  return parseOmegatTsvLocated(text, path, options).file;
}

export async function readOmegatTsvFileLocated(path: string, options: ImportOptions = {}): Promise<LocatedGlossaryFile> {
  return parseOmegatTsvLocated(decodeUtf8(await readInputFile(path), path), path, options);
}

/** See pairRows for what a row holds; the languages default to the file's first two. */
export function writeOmegatTsv(file: GlossaryFile, options: PairOptions = {}): string {
  return stringifyRows(pairRows(file, options), '\t');
}
