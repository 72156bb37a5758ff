import type { Command } from 'commander';
import { loadGlossary } from '../glossary/load.js';
import { currentLocale, t } from '../i18n/index.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { planXliffMerge } from '../merge/index.js';
import { mergeChecks } from '../merge/qa-check.js';
import { TarjomanError } from '../model/located-error.js';
import { buildReport, jsonReport, renderHtmlReport, textKey, type ReportFile, type SegmentText } from '../report/index.js';
import { plainText } from '../model/content.js';
import { VERSION } from '../version.js';
import type { Finding } from '../xliff/check/index.js';
import { streamXliff, xliffFile, type XliffFileRef } from '../xliff/read/index.js';
import type { CliIo } from './io.js';
import { collect } from './options.js';
import { readingProgress, type ReadingProgress, type TerminalStream } from './progress.js';
import { segmenterFor } from './segmenter-option.js';
import { formatFinding } from './xliff.js';

interface QaCliOptions {
  glossary?: string[];
  json?: boolean;
  report?: string;
  date?: string;
  srx?: string;
  progress?: boolean;
}

/** The report's date: given, or from SOURCE_DATE_EPOCH so that rebuilt reports are identical, or now. */
export function reportDate(given: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  if (given !== undefined) {
    const date = new Date(given);
    if (Number.isNaN(date.getTime())) throw new TarjomanError('report:cli.badDate', { value: given });
    return date;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/u.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date();
}

function readFinding(path: string, message: string): Finding {
  return { rule: 'read', severity: 'error', message, file: path, line: 1, column: 1 };
}

/**
 * The texts of the segments findings are about, for the HTML report; the file is read again,
 * unit by unit, keeping only those.
 */
function findingTexts(input: XliffFileRef, path: string, findings: readonly Finding[]): Map<string, SegmentText> {
  const wanted = new Set(findings.flatMap((f) => (f.unitId !== undefined && f.segmentId !== undefined ? [textKey(f.unitId, f.segmentId)] : [])));
  const texts = new Map<string, SegmentText>();
  if (wanted.size === 0) return texts;
  const pending: { file: number; key: string; source: string; target: string }[] = [];
  const read = streamXliff(input, path, (unit, file) => {
    for (const part of unit.parts) {
      if (part.kind !== 'segment') continue;
      const key = textKey(unit.id, part.id);
      if (wanted.has(key)) pending.push({ file, key, source: plainText(part.source), target: plainText(part.target ?? []) });
    }
  });
  for (const { file, key, source, target } of pending) {
    if (texts.has(key)) continue;
    const entry = read.files[file]!;
    texts.set(key, { source, target, sourceLang: entry.srcLang || read.srcLang, targetLang: entry.trgLang ?? read.trgLang ?? '' });
  }
  return texts;
}

/** One XLIFF file checked the way merge checks it; the plan's documents are dropped unwritten. */
async function checkFile(path: string, checks: ReturnType<typeof mergeChecks>, srx: string | undefined, withTexts: boolean, progress?: ReadingProgress): Promise<ReportFile> {
  let input: XliffFileRef;
  try {
    input = xliffFile(path, progress && ((done, total) => progress.update(path, done, total)));
  } catch (error) {
    if (!(error instanceof TarjomanError)) throw error;
    return { xliff: path, original: null, findings: [readFinding(path, error.message)], texts: new Map() };
  }
  const plan = await planXliffMerge(input, path, { untranslated: 'error', checks, segmenterFor: (lang) => segmenterFor(lang, srx), documents: false });
  const findings = [...plan.refusals, ...plan.findings];
  progress?.stop();
  return {
    xliff: path,
    original: plan.originals?.[0] || null,
    findings,
    // The plan has already refused a file that cannot be read, and says why.
    texts: withTexts && plan.originals ? findingTexts(input, path, findings) : new Map(),
  };
}

/** `tarjoman qa XLIFF…`: merge's checks and refusals, reported without writing any document. */
export function registerQa(program: Command, io: CliIo): void {
  program
    .command('qa')
    .description(t('report:cli.description'))
    .argument('<xliff...>', t('report:cli.files'))
    .option('-g, --glossary <path>', t('cli:option.glossary'), collect)
    .option('--srx <file>', t('cli:option.srx'))
    .option('--json', t('report:cli.json'))
    .option('--report <file>', t('report:cli.report'))
    .option('--date <date>', t('report:cli.date'))
    .option('--no-progress', t('cli:option.noProgress'))
    .action(async (files: string[], options: QaCliOptions) => {
      const date = options.report !== undefined ? reportDate(options.date) : undefined;
      const glossary = options.glossary?.length ? await loadGlossary(options.glossary) : undefined;
      const checks = mergeChecks(glossary);
      const checked: ReportFile[] = [];
      const progress = options.progress !== false && (io.stderr as TerminalStream).isTTY ? readingProgress(io.stderr) : undefined;
      try {
        for (const path of files) checked.push(await checkFile(path, checks, options.srx, options.report !== undefined, progress));
      } finally {
        progress?.stop();
      }
      const report = buildReport(VERSION, checked);

      if (options.json) {
        io.stdout.write(`${JSON.stringify(jsonReport(report), null, 2)}\n`);
      } else {
        for (const file of report.files) for (const finding of file.findings) io.stdout.write(`${formatFinding(finding)}\n`);
        io.stdout.write(
          `${t('report:cli.summary', {
            count: files.length,
            errors: t('report:cli.errors', { count: report.counts.errors }),
            warnings: t('report:cli.warnings', { count: report.counts.warnings }),
          })}\n`,
        );
      }
      if (options.report !== undefined && date !== undefined) {
        await writeFileAtomic(options.report, renderHtmlReport(report, { locale: currentLocale(), date }));
        io.stderr.write(`${t('report:cli.wroteReport', { file: options.report })}\n`);
      }
      if (report.counts.errors) throw new TarjomanError('report:cli.failed', { count: report.counts.errors });
    });
}
