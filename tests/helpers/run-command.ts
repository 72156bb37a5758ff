import { Readable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import type { CliIo } from '../../src/cli/io.js';
import { t } from '../../src/i18n/index.js';
import { TarjomanError } from '../../src/model/located-error.js';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** One command run in-process, with the error handling of the tool's main(). */
export async function runCommand(register: (program: Command, io: CliIo) => void, args: string[], stdin = ''): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(stdin ? [stdin] : []),
  };
  const program = new Command('tarjoman').exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  register(program, io);
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CommanderError) return { code: error.exitCode === 0 ? 0 : 2, stdout, stderr };
    if (error instanceof TarjomanError) return { code: 1, stdout, stderr: `${stderr}${t('cli:errorPrefix')}: ${error.render()}\n` };
    throw error;
  }
}
