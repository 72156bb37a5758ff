import type { Command } from 'commander';
import { t } from '../i18n/index.js';
import { readInputFile } from '../io/read-input.js';
import { TarjomanError } from '../model/located-error.js';
import { checkXliff, type Finding } from '../xliff/check/index.js';
import type { CliIo } from './io.js';

/** `file:line:column: error [rule] message (unit u3, segment s2)`, in the current locale. */
export function formatFinding(finding: Finding): string {
  const where = [
    ...(finding.unitId !== undefined ? [t('xliff-check:cli.inUnit', { unit: finding.unitId })] : []),
    ...(finding.segmentId !== undefined ? [t('xliff-check:cli.inSegment', { segment: finding.segmentId })] : []),
  ];
  const severity = t(`xliff-check:cli.severity.${finding.severity}`);
  const tail = where.length ? ` (${where.join(t('xliff-check:cli.whereSeparator'))})` : '';
  return `${finding.file}:${finding.line}:${finding.column}: ${severity} [${finding.rule}] ${finding.message}${tail}`;
}

/** `tarjoman xliff check FILE…`: every finding on its own line, a summary, exit 1 when any file has an error. */
export function registerXliff(program: Command, io: CliIo): void {
  const xliff = program
    .command('xliff')
    .description(t('xliff-check:cli.description'))
    .helpCommand('help [command]', t('cli:command.help'));

  xliff
    .command('check')
    .description(t('xliff-check:cli.check.description'))
    .argument('<files...>', t('xliff-check:cli.check.files'))
    .action(async (files: string[]) => {
      let errors = 0;
      let warnings = 0;
      let failed = 0;
      for (const file of files) {
        const findings = checkXliff(await readInputFile(file), file);
        for (const finding of findings) io.stdout.write(`${formatFinding(finding)}\n`);
        const fileErrors = findings.filter((f) => f.severity === 'error').length;
        errors += fileErrors;
        warnings += findings.length - fileErrors;
        if (fileErrors) failed += 1;
      }
      io.stdout.write(
        `${t('xliff-check:cli.summary', {
          count: files.length,
          errors: t('xliff-check:cli.errors', { count: errors }),
          warnings: t('xliff-check:cli.warnings', { count: warnings }),
        })}\n`,
      );
      if (failed) throw new TarjomanError('xliff-check:cli.failed', { count: failed });
    });

  for (const command of [xliff, ...xliff.commands]) {
    command.helpOption('-h, --help', t('cli:option.help')).exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  }
}
