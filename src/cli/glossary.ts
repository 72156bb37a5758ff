import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { t } from '../i18n/index.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { TarjomanError } from '../model/located-error.js';
import { writeGlossaryCsv } from '../glossary/delimited/csv.js';
import { writeOmegatTsv } from '../glossary/delimited/tsv.js';
import { combineGlossaryFiles, glossaryFilesOf, loadGlossaryFiles, mergeGlossaryFiles, readGlossaryAny, type GlossaryFormat } from '../glossary/load.js';
import { GlossaryProblems } from '../glossary/native/problems.js';
import { writeGlossaryYaml } from '../glossary/native/yaml.js';
import { ConceptType, TermStatus, type Glossary } from '../glossary/schema.js';
import { writeTbx } from '../glossary/tbx/write.js';
import type { CliIo } from './io.js';

export interface GlossaryStats {
  files: number;
  entries: number;
  byType: Record<string, number>;
  /** language → status → number of terms */
  terms: Record<string, Record<string, number>>;
  abbreviations: number;
  doNotTranslate: number;
}

export function glossaryStats(glossary: Glossary, files: number): GlossaryStats {
  const byType: Record<string, number> = Object.fromEntries(ConceptType.options.map((type) => [type, 0]));
  const terms: Record<string, Record<string, number>> = {};
  const emptyStatuses = () => Object.fromEntries(TermStatus.options.map((s) => [s, 0])) as Record<string, number>;
  for (const lang of glossary.languages) terms[lang] = emptyStatuses();
  let abbreviations = 0;
  let doNotTranslate = 0;
  for (const entry of glossary.entries) {
    byType[entry.type] = (byType[entry.type] ?? 0) + 1;
    if (entry.doNotTranslate) doNotTranslate += 1;
    for (const [lang, list] of Object.entries(entry.terms)) {
      const counts = (terms[lang] ??= emptyStatuses());
      for (const term of list) {
        counts[term.status] = (counts[term.status] ?? 0) + 1;
        if (term.abbreviation) abbreviations += 1;
      }
    }
  }
  return { files, entries: glossary.entries.length, byType, terms, abbreviations, doNotTranslate };
}

function renderStats(stats: GlossaryStats): string {
  const lines = [t('glossary:stats.entries', { count: stats.entries, files: stats.files })];
  for (const [type, count] of Object.entries(stats.byType)) if (count) lines.push(`  ${t(`glossary:type.${type}`)}: ${count}`);
  lines.push(t('glossary:stats.terms'));
  for (const [lang, counts] of Object.entries(stats.terms)) {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const parts = Object.entries(counts).map(([status, n]) => `${t(`glossary:status.${status}`)} ${n}`);
    lines.push(`  ${lang}: ${total} (${parts.join(t('glossary:stats.separator'))})`);
  }
  lines.push(t('glossary:stats.abbreviations', { count: stats.abbreviations }));
  lines.push(t('glossary:stats.doNotTranslate', { count: stats.doNotTranslate }));
  return `${lines.join('\n')}\n`;
}

/** Runs a command, printing each of several problems on its own line before failing with their count. */
async function reporting(io: CliIo, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof GlossaryProblems)) throw error;
    for (const p of error.problems) io.stderr.write(`${t('cli:errorPrefix')}: ${p.render()}\n`);
    throw new TarjomanError('glossary:problemsFound', { count: error.problems.length });
  }
}

/** Refuses to write over a file the command reads: an import or export never changes its input. */
function refuseOverwrite(out: string, inputs: readonly string[]): void {
  const target = resolve(out);
  for (const input of inputs) if (resolve(input) === target) throw new TarjomanError('glossary:sameFile', {}, { file: out });
}

/** The `$schema` reference for a new native file: the schema.json beside it or one folder up, if there is one. */
function schemaRefFor(out: string): string | null {
  const dir = dirname(resolve(out));
  for (const candidate of [join(dir, 'schema.json'), join(dirname(dir), 'schema.json')]) {
    if (existsSync(candidate)) {
      const ref = relative(dir, candidate).split(sep).join('/');
      return ref.startsWith('.') ? ref : `./${ref}`;
    }
  }
  return null;
}

interface ImportOptions {
  out: string;
  type?: ConceptType;
  from?: string;
  to?: string;
  format?: GlossaryFormat;
}

interface ExportOptions {
  to: 'tbx' | 'martif' | 'csv' | 'tsv';
  out: string;
  sourceLang?: string;
  targetLang?: string;
}

/** `tarjoman glossary validate|import|export|stats`: the termbase in and out of its native files. */
export function registerGlossary(program: Command, io: CliIo): void {
  const glossary = program
    .command('glossary')
    .description(t('glossary:cli.description'))
    .helpCommand('help [command]', t('cli:command.help'));

  glossary
    .command('validate')
    .description(t('glossary:cli.validate.description'))
    .argument('<paths...>', t('glossary:cli.paths'))
    .action((paths: string[]) =>
      reporting(io, async () => {
        const files = await loadGlossaryFiles(paths);
        const entries = files.reduce((n, f) => n + f.file.entries.length, 0);
        io.stdout.write(`${t('glossary:cli.validate.ok', { entries, files: files.length })}\n`);
      }),
    );

  glossary
    .command('import')
    .description(t('glossary:cli.import.description'))
    .argument('<file>', t('glossary:cli.import.file'))
    .requiredOption('-o, --out <file>', t('glossary:cli.import.out'))
    .addOption(new Option('--type <type>', t('glossary:cli.import.type')).choices(ConceptType.options))
    .addOption(new Option('--format <format>', t('glossary:cli.import.format')).choices(['tbx', 'csv', 'tsv', 'yaml']))
    .option('-f, --from <lang>', t('glossary:cli.import.from'))
    .option('-t, --to <lang>', t('glossary:cli.import.to'))
    .action((file: string, options: ImportOptions) =>
      reporting(io, async () => {
        refuseOverwrite(options.out, [file]);
        const read = await readGlossaryAny(file, {
          ...(options.format ? { format: options.format } : {}),
          ...(options.type ? { type: options.type } : {}),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
        });
        await writeFileAtomic(options.out, writeGlossaryYaml(read.file, { schemaRef: schemaRefFor(options.out) }));
        io.stdout.write(`${t('glossary:cli.import.done', { count: read.file.entries.length, out: options.out })}\n`);
      }),
    );

  glossary
    .command('export')
    .description(t('glossary:cli.export.description'))
    .argument('<paths...>', t('glossary:cli.paths'))
    .addOption(new Option('--to <format>', t('glossary:cli.export.to')).choices(['tbx', 'martif', 'csv', 'tsv']).makeOptionMandatory())
    .requiredOption('-o, --out <file>', t('glossary:cli.export.out'))
    .option('--source-lang <lang>', t('glossary:cli.export.sourceLang'))
    .option('--target-lang <lang>', t('glossary:cli.export.targetLang'))
    .action((paths: string[], options: ExportOptions) =>
      reporting(io, async () => {
        refuseOverwrite(options.out, [...paths, ...(await glossaryFilesOf(paths))]);
        const file = combineGlossaryFiles(await loadGlossaryFiles(paths));
        let text: string;
        if (options.to === 'tbx' || options.to === 'martif') text = writeTbx(file, { shape: options.to, path: options.out });
        else if (options.to === 'csv') text = writeGlossaryCsv(file);
        else
          text = writeOmegatTsv(file, {
            ...(options.sourceLang ? { from: options.sourceLang } : {}),
            ...(options.targetLang ? { to: options.targetLang } : {}),
          });
        await writeFileAtomic(options.out, text);
        io.stdout.write(`${t('glossary:cli.export.done', { count: file.entries.length, out: options.out })}\n`);
      }),
    );

  glossary
    .command('stats')
    .description(t('glossary:cli.stats.description'))
    .argument('<paths...>', t('glossary:cli.paths'))
    .option('--json', t('glossary:cli.stats.json'))
    .action((paths: string[], options: { json?: boolean }) =>
      reporting(io, async () => {
        const files = await loadGlossaryFiles(paths);
        const stats = glossaryStats(mergeGlossaryFiles(files), files.length);
        io.stdout.write(options.json ? `${JSON.stringify(stats, null, 2)}\n` : renderStats(stats));
      }),
    );

  for (const command of [glossary, ...glossary.commands]) {
    command.helpOption('-h, --help', t('cli:option.help')).exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  }
}
