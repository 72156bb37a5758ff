import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { t } from '../i18n/index.js';
import { TarjomanError } from '../model/located-error.js';
import { loadPipeline } from '../jobs/pipeline.js';
import { runPipeline, type JobEvent } from '../jobs/run.js';
import type { CliIo } from './io.js';
import { formatFinding } from './xliff.js';

interface RunCliOptions {
  concurrency: number;
  merge?: boolean;
  json?: boolean;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(t('jobs:run.badConcurrency', { value }));
  return n;
}

export function formatEvent(event: JobEvent): string {
  return t(`jobs:event.${event.event}`, { document: event.document, file: event.file ?? '', detail: event.detail ?? '' });
}

/** `tarjoman run PIPELINE`: every input to the outbox, every returned file from the inbox, each once. */
export function registerRun(program: Command, io: CliIo): void {
  program
    .command('run')
    .description(t('jobs:run.description'))
    .argument('<pipeline>', t('jobs:run.pipeline'))
    .option('-c, --concurrency <n>', t('jobs:run.concurrency'), positiveInteger, 4)
    .option('--merge', t('jobs:run.merge'))
    .option('--json', t('jobs:run.json'))
    .action(async (file: string, options: RunCliOptions) => {
      const pipeline = await loadPipeline(file);
      const result = await runPipeline(pipeline, {
        root: resolve('.'),
        concurrency: options.concurrency,
        merge: options.merge ?? false,
        formatFinding,
        onEvent: (event) => io.stdout.write(options.json ? `${JSON.stringify(event)}\n` : `${formatEvent(event)}\n`),
      });
      if (result.failed || result.rejected) throw new TarjomanError('jobs:run.failed', { failed: result.failed, rejected: result.rejected });
    });
}
