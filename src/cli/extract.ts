import { isAbsolute, join, relative, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { t } from '../i18n/index.js';
import { readInputFile } from '../io/read-input.js';
import { formatForPath } from '../formats/index.js';
import { combineGlossaryFiles, loadGlossaryFiles, mergeGlossaryFiles } from '../glossary/load.js';
import { createMatcher } from '../glossary/matcher/index.js';
import type { Glossary } from '../glossary/schema.js';
import { TarjomanError } from '../model/located-error.js';
import type { Document } from '../model/schema.js';
import { annotateTerms } from '../steps/annotate-terms.js';
import { extractDocument } from '../steps/extract-document.js';
import { glossaryLookup } from '../xliff/glossary-from-termbase.js';
import { OMEGAT_PROJECT_DIR, planKit, writeKit } from '../xliff/kit/index.js';
import { XLIFF_VERSIONS, type XliffVersion } from '../xliff/write.js';
import { VERSION } from '../version.js';
import type { CliIo } from './io.js';
import { collect } from './options.js';
import { segmenterFor } from './segmenter-option.js';

interface ExtractOptions {
  from: string;
  to: string;
  dump?: boolean;
  srx?: string;
  glossary?: string[];
  xliff?: XliffVersion;
  kit: 'plain' | 'omegat';
  out?: string;
}

/** The path recorded in the XLIFF and used to name its output: relative to the working folder, with `/`. */
function recordedPath(path: string): string {
  const rel = isAbsolute(path) ? relative(process.cwd(), path) : path;
  // Outside the working folder, the path as the user gave it says more than a chain of `..`.
  const chosen = rel.startsWith('..') ? path : rel;
  return chosen.split(sep).join('/');
}

/** `tarjoman extract FILE… --from en --to fa (--dump | --xliff V --out DIR)`. */
export function registerExtract(program: Command, io: CliIo): void {
  program
    .command('extract')
    .description(t('cli:extract.description'))
    .argument('<files...>', t('cli:extract.files'))
    .requiredOption('-f, --from <lang>', t('cli:option.from'))
    .requiredOption('-t, --to <lang>', t('cli:option.to'))
    .option('--dump', t('cli:extract.dump'))
    .addOption(new Option('--xliff <version>', t('cli:extract.xliff')).choices(XLIFF_VERSIONS))
    .addOption(new Option('--kit <kind>', t('cli:extract.kit')).choices(['plain', 'omegat']).default('plain'))
    .option('-o, --out <dir>', t('cli:extract.out'))
    .option('-g, --glossary <path>', t('cli:option.glossary'), collect)
    .option('--srx <file>', t('cli:option.srx'))
    .action(async (files: string[], options: ExtractOptions) => {
      if (!options.dump && !options.xliff) throw new TarjomanError('cli:extract.nothingToDo');
      if (options.xliff && !options.out) throw new TarjomanError('cli:extract.outRequired');
      if (options.kit === 'omegat' && options.xliff && options.xliff !== '1.2') throw new TarjomanError('cli:extract.kitNeeds12', { version: options.xliff });
      const segmenter = segmenterFor(options.from, options.srx);
      const glossaryFiles = options.glossary?.length ? await loadGlossaryFiles(options.glossary) : undefined;
      const glossary: Glossary | undefined = glossaryFiles ? mergeGlossaryFiles(glossaryFiles) : undefined;
      const matcher = glossary ? createMatcher(glossary, options.from) : undefined;
      const documents: Document[] = [];
      // Every document is read and checked before anything is written, so a bad file leaves no partial output.
      for (const path of files) {
        const bytes = await readInputFile(path);
        const format = formatForPath(path);
        // Errors name the file as the user gave it; the document records it relative to the working folder.
        const extracted = extractDocument({ bytes, path, format, sourceLang: options.from, targetLang: options.to, segmenter });
        const document = { ...extracted, path: recordedPath(path) };
        documents.push(matcher ? annotateTerms(document, matcher) : document);
      }
      if (options.dump) io.stdout.write(`${JSON.stringify(documents, null, 2)}\n`);
      if (options.xliff && options.out) {
        const out = options.out;
        const domain = glossaryFiles ? combineGlossaryFiles(glossaryFiles).domain : undefined;
        const entries = planKit(documents, {
          version: options.xliff,
          kit: options.kit,
          toolVersion: VERSION,
          sourceLang: options.from,
          targetLang: options.to,
          ...(glossary ? { glossary: { ...glossary, ...(domain !== undefined ? { domain } : {}) }, lookup: glossaryLookup(glossary, options.to) } : {}),
        });
        await writeKit(out, entries);
        for (const entry of entries) {
          const file = join(out, ...entry.path.split('/'));
          if (entry.role === 'xliff') io.stderr.write(`${t('cli:extract.wrote', { file, units: entry.units, words: entry.words })}\n`);
          else if (entry.role === 'glossary') io.stderr.write(`${t('cli:extract.wroteGlossary', { file, concepts: entry.concepts })}\n`);
        }
        if (options.kit === 'omegat') io.stderr.write(`${t('cli:extract.wroteProject', { dir: join(out, OMEGAT_PROJECT_DIR) })}\n`);
      }
    });
}
