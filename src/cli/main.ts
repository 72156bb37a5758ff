import { Command, CommanderError, Option } from 'commander';
import { resolveLocale, setLocale, t } from '../i18n/index.js';
import { TarjomanError } from '../model/located-error.js';
import { registerExtract } from './extract.js';
import { registerSegment } from './segment.js';
import { registerGlossary } from './glossary.js';
import { registerTerms } from './terms.js';
import { registerXliff } from './xliff.js';
import { registerMerge } from './merge.js';
import { registerQa } from './qa.js';
import { registerRun } from './run.js';
import { registerStatus } from './status.js';
import { registerSent } from './sent.js';
import { VERSION } from '../version.js';
import type { CliIo } from './io.js';
import { localizedHelp } from './help.js';
import { processIo } from './io.js';

/** Exit codes: 0 done, 1 the input or its content was refused, 2 the command line was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function localeFromArgv(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (i < 0) return undefined;
  const arg = argv[i]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('tarjoman');
  program
    .description(t('cli:description'))
    .version(VERSION, '-V, --version', t('cli:option.version'))
    .addOption(new Option('--locale <locale>', t('cli:option.locale')).choices(['en', 'fa']))
    .helpOption('-h, --help', t('cli:option.help'))
    .helpCommand('help [command]', t('cli:command.help'))
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride()
    .configureHelp(localizedHelp());
  registerSegment(program, io);
  registerExtract(program, io);
  registerGlossary(program, io);
  registerTerms(program, io);
  registerXliff(program, io);
  registerMerge(program, io);
  registerQa(program, io);
  registerRun(program, io);
  registerStatus(program, io);
  registerSent(program, io);
  for (const command of program.commands) {
    command.helpOption('-h, --help', t('cli:option.help')).exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  }
  return program;
}

/** Runs the command line and returns the exit code; nothing here calls process.exit. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  setLocale(resolveLocale(localeFromArgv(argv)));
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are printed by commander and end with code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof TarjomanError) {
      io.stderr.write(`${t('cli:errorPrefix')}: ${error.render()}\n`);
      return EXIT.failed;
    }
    io.stderr.write(`${t('cli:errorPrefix')}: ${t('cli:unexpected', { message: (error as Error).message ?? String(error) })}\n`);
    if (process.env.TARJOMAN_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.failed;
  }
}
