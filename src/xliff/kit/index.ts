import { join } from 'node:path';
import { writeOmegatTsv } from '../../glossary/delimited/tsv.js';
import type { Concept } from '../../glossary/schema.js';
import { writeTbx } from '../../glossary/tbx/write.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import type { Document } from '../../model/schema.js';
import type { GlossaryLookup } from '../glossary-lookup.js';
import { writeXliff, type XliffVersion } from '../write.js';
import { OMEGAT_FOLDERS, omegatProjectXml } from './omegat-project.js';
import { glossarySlice, usableTermsOnly } from './slice.js';
import { documentCounts } from './words.js';

export { glossarySlice, conceptsHit, glossaryLanguage, usableTermsOnly } from './slice.js';
export { omegatProjectXml, omegatTokenizer } from './omegat-project.js';
export { contentWords, countWords, documentCounts } from './words.js';

export type KitKind = 'plain' | 'omegat';

/** The folder of the OmegaT kit inside `--out`. */
export const OMEGAT_PROJECT_DIR = 'omegat-project';

export const GLOSSARY_FILES = { tbx: 'glossary.tbx', martif: 'glossary.martif.tbx', omegat: 'glossary.utf8' } as const;

export interface KitOptions {
  version: XliffVersion;
  kit: KitKind;
  toolVersion: string;
  sourceLang: string;
  targetLang: string;
  /** the glossary the documents were matched against; without it no slice is written */
  glossary?: { languages: string[]; entries: readonly Concept[]; domain?: string };
  lookup?: GlossaryLookup;
}

export type KitEntry =
  /** `units` and `words`: translatable units and their source words, counted as pocount counts them */
  | { role: 'xliff'; path: string; data: string; units: number; words: number }
  | { role: 'glossary'; path: string; data: string; concepts: number }
  | { role: 'project'; path: string; data: string };

/** Where a document's XLIFF goes, relative to the kit root; never above it, whatever the recorded path holds. */
export function xliffPathFor(recorded: string): string {
  return `${recorded.split('/').filter((p) => p !== '..' && p !== '.' && p !== '').join('/')}.xlf`;
}

/**
 * Every file of a translator kit, with paths relative to `--out` (`/`-separated). Pure: the
 * same documents and options give the same entries, byte for byte, so a kit can be compared
 * with one written before.
 *
 * `plain`: the XLIFF files, plus the glossary slice as TBX v3, martif TBX and OmegaT TSV.
 * `omegat`: an OmegaT 3.6 project (`omegat.project`, XLIFF 1.2 in `source/`, the slice in
 * `glossary/`), ready to open. Only TSV and martif go into `glossary/`: OmegaT 3.6 reads
 * every `.tbx` there as martif and would log a TBX v3 file as broken. Its martif keeps only
 * usable terms (see usableTermsOnly); the TSV never holds others.
 */
export function planKit(documents: readonly Document[], options: KitOptions): KitEntry[] {
  const omegat = options.kit === 'omegat';
  const root = omegat ? `${OMEGAT_PROJECT_DIR}/` : '';
  const entries: KitEntry[] = [];
  if (omegat) entries.push({ role: 'project', path: `${root}omegat.project`, data: omegatProjectXml(options.sourceLang, options.targetLang) });
  for (const document of documents) {
    const data = writeXliff(document, {
      version: options.version,
      toolVersion: options.toolVersion,
      kit: options.kit,
      ...(options.lookup ? { glossary: options.lookup } : {}),
    });
    entries.push({ role: 'xliff', path: `${root}${omegat ? 'source/' : ''}${xliffPathFor(document.path)}`, data, ...documentCounts(document) });
  }
  if (options.glossary) {
    const slice = glossarySlice(options.glossary, documents, {
      from: options.sourceLang,
      to: options.targetLang,
      ...(options.glossary.domain !== undefined ? { domain: options.glossary.domain } : {}),
    });
    const [from, to] = [slice.languages[0]!, slice.languages[1] ?? slice.languages[0]!];
    const dir = omegat ? `${root}glossary/` : '';
    const martif = omegat ? usableTermsOnly(slice) : slice;
    if (!omegat) entries.push({ role: 'glossary', path: GLOSSARY_FILES.tbx, data: writeTbx(slice, { shape: 'tbx' }), concepts: slice.entries.length });
    entries.push({ role: 'glossary', path: `${dir}${GLOSSARY_FILES.martif}`, data: writeTbx(martif, { shape: 'martif' }), concepts: martif.entries.length });
    entries.push({ role: 'glossary', path: `${dir}${GLOSSARY_FILES.omegat}`, data: writeOmegatTsv(slice, { from, to }), concepts: slice.entries.length });
  }
  if (omegat) {
    // OmegaT refuses a project whose folders are missing, and archives and version control drop empty folders.
    const filled = new Set(entries.map((e) => e.path.slice(root.length).split('/')[0]));
    for (const folder of OMEGAT_FOLDERS) if (!filled.has(folder)) entries.push({ role: 'project', path: `${root}${folder}/.keep`, data: '' });
  }
  return entries;
}

/** Writes the entries under `out`, each file atomically. */
export async function writeKit(out: string, entries: readonly KitEntry[]): Promise<void> {
  for (const entry of entries) await writeFileAtomic(join(out, ...entry.path.split('/')), entry.data);
}
