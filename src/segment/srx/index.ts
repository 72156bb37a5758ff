import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Segmenter } from '../segmenter.js';
import { compileLanguage } from './compile.js';
import { DEFAULT_SRX_PATH } from './default-rules.js';
import type { SrxDocument } from './model.js';
import { loadSrx } from './parse.js';
import { SrxSegmenter } from './srx-segmenter.js';

export { compileLanguage, compileRule, selectLanguageRules, type CompiledRule } from './compile.js';
export { DEFAULT_SRX_PATH } from './default-rules.js';
export { translateIcuRegex, type CaseMode, type TranslateOptions, type TranslatedPattern } from './icu-regex/translate.js';
export { RegexSyntaxError } from './icu-regex/regex-syntax-error.js';
export type * from './model.js';
export { SRX_NAMESPACE, loadSrx, parseSrx } from './parse.js';
export { SrxSegmenter } from './srx-segmenter.js';

export interface CreateSegmenterOptions {
  /** An SRX 2.0 file to use instead of the shipped rules. */
  srxPath?: string;
}

const documents = new Map<string, SrxDocument>();
const segmenters = new Map<string, Segmenter>();

/** Identifies a file's current contents cheaply, so an edited file is read again. */
function fileKey(path: string): string {
  try {
    const stat = statSync(path);
    return `${path}\u0000${stat.mtimeMs}\u0000${stat.size}`;
  } catch {
    return path; // loadSrx reports the problem
  }
}

function documentFor(path: string, key: string): SrxDocument {
  let doc = documents.get(key);
  if (!doc) {
    doc = loadSrx(path);
    documents.set(key, doc);
  }
  return doc;
}

/** A segmenter for a parsed SRX document and a language (not cached). */
export function segmenterFromSrx(doc: SrxDocument, lang: string): Segmenter {
  return new SrxSegmenter(lang, compileLanguage(doc, lang));
}

/**
 * The segmenter for a language: the rules of `options.srxPath` when given, the shipped
 * English/Persian/generic rules otherwise. Compiled rules are cached per file and language.
 */
export function createSegmenter(lang: string, options: CreateSegmenterOptions = {}): Segmenter {
  const path = resolve(options.srxPath ?? DEFAULT_SRX_PATH);
  const file = fileKey(path);
  const key = `${file}\u0000${lang}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = segmenterFromSrx(documentFor(path, file), lang);
    segmenters.set(key, segmenter);
  }
  return segmenter;
}
