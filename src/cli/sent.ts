import { resolve } from 'node:path';
import type { Command } from 'commander';
import { t } from '../i18n/index.js';
import { loadPipeline } from '../jobs/pipeline.js';
import { markSent } from '../jobs/sent.js';
import type { CliIo } from './io.js';

/** `tarjoman sent PIPELINE [DOCUMENT…]`: the editor records that kits went to translators. */
export function registerSent(program: Command, io: CliIo): void {
  program
    .command('sent')
    .description(t('jobs:sent.description'))
    .argument('<pipeline>', t('jobs:run.pipeline'))
    .argument('[documents...]', t('jobs:sent.documents'))
    .action(async (file: string, documents: string[]) => {
      const pipeline = await loadPipeline(file);
      for (const document of await markSent(pipeline, resolve('.'), documents)) io.stdout.write(`${t('jobs:sent.marked', { document })}\n`);
    });
}
