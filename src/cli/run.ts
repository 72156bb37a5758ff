import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { t } from '../i18n/index.js';
import { TarjomanError } from '../model/located-error.js';
import { loadPipeline } from '../jobs/pipeline.js';
import { runPipeline, type JobEvent, type RunResult } from '../jobs/run.js';
import type { CliIo } from './io.js';
import { terminalProgress, type TerminalStream } from './progress.js';
import { formatFinding } from './xliff.js';

interface RunCliOptions {
  concurrency: number;
  merge?: boolean;
  json?: boolean;
  progress?: boolean;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(t('jobs:run.badConcurrency', { value }));
  return n;
}

export function formatEvent(event: JobEvent): string {
  // A rejection's detail is its error count, which the message pluralises.
  const count = event.event === 'rejected' ? Number(event.detail) : 0;
  return t(`jobs:event.${event.event}`, { document: event.document, file: event.file ?? '', detail: event.detail ?? '', count });
}

/** Where the run left its results, for a person reading the end of the output. */
export function formatSummary(result: RunResult): string {
  const lines = [t('jobs:summary.outbox', { count: result.documents, folder: `${result.outbox}/` })];
  if (result.merged) lines.push(t('jobs:summary.out', { count: result.merged, folder: `${result.out}/` }));
  if (result.published) lines.push(t('jobs:summary.published', { count: result.published, folder: `${result.out}/` }));
  if (result.report) lines.push(t('jobs:summary.report', { file: result.report }));
  return `${lines.join('\n')}\n`;
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
    .option('--no-progress', t('jobs:run.noProgress'))
    .action(async (file: string, options: RunCliOptions) => {
      const pipeline = await loadPipeline(file);
      const stdout = io.stdout as TerminalStream;
      // The bar only on a terminal; piped or --json output stays one line per event.
      const bar = !options.json && options.progress !== false && stdout.isTTY ? terminalProgress(stdout) : undefined;
      let result: RunResult;
      try {
        result = await runPipeline(pipeline, {
          root: resolve('.'),
          concurrency: options.concurrency,
          merge: options.merge ?? false,
          formatFinding,
          onEvent: (event) => {
            if (options.json) io.stdout.write(`${JSON.stringify(event)}\n`);
            else if (bar) bar.log(formatEvent(event));
            else io.stdout.write(`${formatEvent(event)}\n`);
          },
          ...(bar ? { onProgress: (progress) => bar.update(progress) } : {}),
        });
      } finally {
        bar?.stop();
      }
      if (!options.json) io.stdout.write(formatSummary(result));
      if (result.failed || result.rejected) throw new TarjomanError('jobs:run.failed', { failed: result.failed, rejected: result.rejected });
    });
}
