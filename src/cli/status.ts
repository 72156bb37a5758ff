import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatNumber, t } from '../i18n/index.js';
import { TarjomanError } from '../model/located-error.js';
import { loadPipeline } from '../jobs/pipeline.js';
import { pipelineStatus, type StatusRow } from '../jobs/status.js';
import type { CliIo } from './io.js';

/** Without a name, the one pipeline in `pipelines/` is meant; with several, the user must choose. */
async function defaultPipeline(): Promise<string> {
  const files = (await readdir('pipelines').catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f));
  if (files.length !== 1) throw new TarjomanError('jobs:status.whichPipeline', { count: files.length });
  return `pipelines/${files[0]}`;
}

function table(rows: StatusRow[]): string {
  const header = [t('jobs:status.document'), t('jobs:status.state'), t('jobs:status.words'), t('jobs:status.qa')];
  const body = rows.map((row) => [
    row.document,
    t(`jobs:states.${row.state}`),
    row.words === undefined ? '-' : formatNumber(row.words),
    row.qa ? t('jobs:status.qaResult', { errors: row.qa.errors, warnings: row.qa.warnings }) : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  return [header, ...body].map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n');
}

/** `tarjoman status [PIPELINE]`: where each input document stands. */
export function registerStatus(program: Command, io: CliIo): void {
  program
    .command('status')
    .description(t('jobs:status.description'))
    .argument('[pipeline]', t('jobs:run.pipeline'))
    .option('--json', t('jobs:status.json'))
    .action(async (file: string | undefined, options: { json?: boolean }) => {
      const pipeline = await loadPipeline(file ?? (await defaultPipeline()));
      const rows = await pipelineStatus(pipeline, resolve('.'));
      io.stdout.write(options.json ? `${JSON.stringify(rows, null, 2)}\n` : `${table(rows)}\n`);
    });
}
