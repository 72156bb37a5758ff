import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { TarjomanError } from '../model/located-error.js';
import { readGlossaryCsvFileLocated } from './delimited/csv.js';
import { readOmegatTsvFileLocated } from './delimited/tsv.js';
import type { ImportOptions, LocatedGlossaryFile } from './native/located.js';
import { problemsOf, throwIfProblems } from './native/problems.js';
import { readGlossaryFileLocated } from './native/yaml.js';
import type { Glossary, GlossaryFile } from './schema.js';
import { readTbxFileLocated } from './tbx/read.js';

export type GlossaryFormat = 'yaml' | 'tbx' | 'csv' | 'tsv';

const EXTENSIONS: Record<string, GlossaryFormat> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.tbx': 'tbx',
  '.csv': 'csv',
  '.tsv': 'tsv',
  // OmegaT's own names for its tab-separated glossaries
  '.txt': 'tsv',
  '.tab': 'tsv',
  '.utf8': 'tsv',
};

export function glossaryFormatOf(path: string): GlossaryFormat | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

export async function readGlossaryAny(path: string, options: ImportOptions & { format?: GlossaryFormat } = {}): Promise<LocatedGlossaryFile> {
  const format = options.format ?? glossaryFormatOf(path);
  switch (format) {
    case 'yaml':
      return readGlossaryFileLocated(path);
    case 'tbx':
      return readTbxFileLocated(path, options);
    case 'csv':
      return readGlossaryCsvFileLocated(path, options);
    case 'tsv':
      return readOmegatTsvFileLocated(path, options);
    default:
      throw new TarjomanError('glossary:unknownFormat', { extension: extname(path) || path, known: Object.keys(EXTENSIONS).join(', ') }, { file: path });
  }
}

async function nativeFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await nativeFilesIn(path)));
    else if (glossaryFormatOf(entry.name) === 'yaml') out.push(path);
  }
  return out;
}

/** The files a list of PATHs stands for: a folder means every native `.yaml`/`.yml` file in it, at any depth. */
export async function glossaryFilesOf(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (cause) {
      throw new TarjomanError('errors:readFailed', { reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }, { file: path }, { cause });
    }
    if (isDir) {
      const found = await nativeFilesIn(path);
      if (!found.length) throw new TarjomanError('glossary:emptyFolder', {}, { file: path });
      files.push(...found);
    } else files.push(path);
  }
  // A folder and a file inside it may both be named; each file is read once.
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)));
}

/**
 * Reads every file of the PATHs, collecting the problems of all of them before failing, and
 * checks that a concept id is used once across files (XLIFF annotations and QA findings
 * point to concepts by id, so two concepts with one id would be confused).
 */
export async function loadGlossaryFiles(paths: readonly string[], options: ImportOptions = {}): Promise<LocatedGlossaryFile[]> {
  const files = await glossaryFilesOf(paths);
  const problems: TarjomanError[] = [];
  const loaded: LocatedGlossaryFile[] = [];
  for (const file of files) {
    try {
      loaded.push(await readGlossaryAny(file, options));
    } catch (error) {
      if (!(error instanceof TarjomanError)) throw error;
      problems.push(...problemsOf(error));
    }
  }
  const origins = new Map<string, { file: string; line?: number }>();
  for (const { path, file, lines } of loaded) {
    file.entries.forEach((entry, i) => {
      const first = origins.get(entry.id);
      const line = lines[i];
      if (first && first.file !== path) {
        problems.push(
          new TarjomanError(
            'glossary:duplicateId',
            { id: entry.id, first: first.line !== undefined ? `${first.file}:${first.line}` : first.file, second: path },
            { file: path, ...(line !== undefined ? { line } : {}) },
          ),
        );
      } else if (!first) origins.set(entry.id, line !== undefined ? { file: path, line } : { file: path });
    });
  }
  throwIfProblems(problems);
  return loaded;
}

/** One glossary from several files: entries in file order, languages in order of first mention. */
export function mergeGlossaryFiles(files: readonly LocatedGlossaryFile[]): Glossary {
  const languages: string[] = [];
  const entries: Glossary['entries'] = [];
  const origins: Glossary['origins'] = new Map();
  for (const { path, file, lines } of files) {
    for (const lang of file.languages) if (!languages.includes(lang)) languages.push(lang);
    file.entries.forEach((entry, i) => {
      entries.push(entry);
      const line = lines[i];
      origins.set(entry.id, line !== undefined ? { file: path, line } : { file: path });
    });
  }
  return { languages, entries, origins };
}

/** Loads a glossary from native folders and files, TBX, CSV or TSV. */
export async function loadGlossary(paths: readonly string[], options: ImportOptions = {}): Promise<Glossary> {
  return mergeGlossaryFiles(await loadGlossaryFiles(paths, options));
}

/** Several files as one GlossaryFile (for export): the domain is kept when all files share it. */
export function combineGlossaryFiles(files: readonly LocatedGlossaryFile[]): GlossaryFile {
  const { languages, entries } = mergeGlossaryFiles(files);
  const domains = new Set(files.map((f) => f.file.domain));
  const domain = domains.size === 1 ? [...domains][0] : undefined;
  return domain === undefined ? { languages, entries } : { languages, domain, entries };
}
