import type { Command } from 'commander';
import { decodeUtf8 } from '../formats/shared.js';
import { loadGlossary } from '../glossary/load.js';
import { listTerms, renderTermTable } from '../glossary/matcher/listing.js';
import { t } from '../i18n/index.js';
import { readInputFile, readStdin } from '../io/read-input.js';
import type { CliIo } from './io.js';
import { collect } from './options.js';

interface TermsOptions {
  glossary: string[];
  lang: string;
  json?: boolean;
}

/** `tarjoman terms --glossary PATH [--lang en] [--json] [FILE]`: the glossary terms a text contains. */
export function registerTerms(program: Command, io: CliIo): void {
  program
    .command('terms')
    .description(t('terms:cli.description'))
    .argument('[file]', t('terms:cli.file'))
    .requiredOption('-g, --glossary <path>', t('terms:cli.glossary'), collect)
    .option('-l, --lang <lang>', t('terms:cli.lang'), 'en')
    .option('--json', t('terms:cli.json'))
    .action(async (file: string | undefined, options: TermsOptions) => {
      const glossary = await loadGlossary(options.glossary);
      const path = file ?? '<stdin>';
      const bytes = file ? await readInputFile(file) : await readStdin(io.stdin);
      const text = decodeUtf8(bytes, path);
      const listing = listTerms(text, glossary, options.lang);
      io.stdout.write(options.json ? `${JSON.stringify(listing, null, 2)}\n` : renderTermTable(text, listing));
    });
}
