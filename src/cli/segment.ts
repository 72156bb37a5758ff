import type { Command } from 'commander';
import { t } from '../i18n/index.js';
import { readInputFile, readStdin } from '../io/read-input.js';
import { plainText, segments } from '../model/content.js';
import { textFormat } from '../formats/text/index.js';
import { extractDocument } from '../steps/extract-document.js';
import type { CliIo } from './io.js';
import { segmenterFor } from './segmenter-option.js';

interface SegmentOptions {
  lang: string;
  srx?: string;
}

/**
 * `tarjoman segment`: the sentences of a plain text, as the pipeline would cut them.
 * The text is read as the plain-text format reads it (paragraphs first), so what is printed
 * is exactly what a translator would get, each sentence an exact substring of the input.
 */
export function registerSegment(program: Command, io: CliIo): void {
  program
    .command('segment')
    .description(t('cli:segment.description'))
    .argument('[file]', t('cli:segment.file'))
    .requiredOption('-l, --lang <lang>', t('cli:option.lang'))
    .option('--srx <file>', t('cli:option.srx'))
    .action(async (file: string | undefined, options: SegmentOptions) => {
      const path = file ?? '<stdin>';
      const bytes = file ? await readInputFile(file) : await readStdin(io.stdin);
      const document = extractDocument({
        bytes,
        path,
        format: textFormat,
        sourceLang: options.lang,
        segmenter: segmenterFor(options.lang, options.srx),
      });
      const sentences = document.units.flatMap((unit) => segments(unit).map((s) => plainText(s.source)));
      io.stdout.write(`${JSON.stringify(sentences, null, 2)}\n`);
    });
}
