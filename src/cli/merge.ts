import { join, resolve, sep } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Option, type Command } from 'commander';
import { t } from '../i18n/index.js';
import { StagedWrites } from '../io/staged-writes.js';
import { planXliffMerge, REQUIRED_STATES, type MergeCounts, type PlannedDocument, type RequiredState, type XliffMergePlan } from '../merge/index.js';
import { TarjomanError } from '../model/located-error.js';
import type { Finding } from '../xliff/check/index.js';
import { xliffFile, type XliffFileRef } from '../xliff/read/index.js';
import type { CliIo } from './io.js';
import { readingProgress, type TerminalStream } from './progress.js';
import { segmenterFor } from './segmenter-option.js';
import { formatFinding } from './xliff.js';
import { collect } from './options.js';
import { loadGlossary } from '../glossary/load.js';
import { mergeChecks } from '../merge/qa-check.js';
import { parsePublishList, publish, PUBLISH_SUFFIX, type PublishFormat } from '../publish/index.js';
import { VERSION } from '../version.js';

interface MergeCliOptions {
  out: string;
  to?: string;
  original?: string;
  srx?: string;
  glossary?: string[];
  untranslated: 'error' | 'source';
  require?: RequiredState;
  force?: boolean;
  publish?: PublishFormat[];
  progress?: boolean;
}

function summary(counts: MergeCounts, file: string): string {
  const states = (['initial', 'translated', 'reviewed', 'final'] as const)
    .filter((s) => counts.states[s] > 0)
    .map((s) => t('merge:state', { state: t(`merge:states.${s}`), count: counts.states[s] }))
    .join(t('merge:listSeparator'));
  return t('merge:wrote', {
    file,
    units: t('merge:units', { count: counts.units }),
    segments: t('merge:segments', { count: counts.segments }),
    merged: counts.merged,
    fromSource: counts.fromSource,
    states: states || t('merge:noStates'),
  });
}

/** A finding about the user's files, wherever the plan found it, when none was found in the files themselves. */
function planFinding(rule: string, file: string, message: string): Finding {
  return { rule, severity: 'error', message, file, line: 1, column: 1 };
}

/** A merged document once staged: what the checks before the commit and the summary after it need. */
interface StagedDocument {
  outPath: string;
  originalPath: string;
  counts: MergeCounts;
  /** the merged document's path, then its publications', as the user sees them */
  written: string[];
}

/**
 * Writes a merged document and its publications under temporary names as soon as it is made,
 * publications from the merged model so they show exactly what was written; the model and the
 * bytes can then go, and a large XLIFF with many files is merged in the memory of one.
 */
function stageDocument(document: PlannedDocument, out: string, formats: PublishFormat[], staging: StagedWrites): StagedDocument {
  const base = join(out, ...document.outPath.split('/'));
  staging.write(base, document.chunks());
  const written = [base];
  if (formats.length) {
    const outputs = publish(formats, {
      path: document.document.path,
      units: document.document.units,
      sourceLang: document.document.sourceLang,
      targetLang: document.targetLang,
      toolVersion: VERSION,
    });
    for (const output of outputs) {
      staging.write(base + output.suffix, output.content);
      written.push(base + output.suffix);
    }
  }
  return { outPath: document.outPath, originalPath: document.originalPath, counts: document.counts, written };
}

/**
 * How far V8 lets the heap grow past what the last full collection kept: 50 % instead of up to
 * 300 %. Reading a large XLIFF leaves its decoded text behind as garbage in the old generation,
 * and with the default factor a merge held several times its live data before collecting it (a
 * package of many documents grew with its length though each document is let go). Measured on
 * 100 MB files: peak memory a quarter (many documents) to two fifths (one large page) lower, for
 * 5–10 % more processor time in collections. Only the growth of the limit is set, never the
 * limit itself, so a larger input still gets the memory it needs.
 */
const HEAP_GROWING_FLAG = '--heap-growing-percent=50';

/** `tarjoman merge XLIFF… --out DIR`: targets into documents in their own formats, all or nothing. */
export function registerMerge(program: Command, io: CliIo): void {
  program
    .command('merge')
    .description(t('merge:description'))
    .argument('<xliff...>', t('merge:files'))
    .requiredOption('-o, --out <dir>', t('merge:out'))
    .option('-t, --to <lang>', t('merge:to'))
    .option('--original <path>', t('merge:original'))
    .option('--srx <file>', t('cli:option.srx'))
    .option('-g, --glossary <path>', t('cli:option.glossary'), collect)
    .addOption(new Option('--untranslated <policy>', t('merge:untranslated')).choices(['error', 'source']).default('error'))
    .addOption(new Option('--require <state>', t('merge:require')).choices(REQUIRED_STATES))
    .option('--force', t('merge:force'))
    .option('--publish <list>', t('publish:option'), parsePublishList)
    .option('--no-progress', t('cli:option.noProgress'))
    .action(async (files: string[], options: MergeCliOptions) => {
      if (options.original !== undefined && files.length !== 1) throw new TarjomanError('merge:originalNeedsOne', { count: files.length });
      setFlagsFromString(HEAP_GROWING_FLAG);
      const glossary = options.glossary?.length ? await loadGlossary(options.glossary) : undefined;
      const checks = mergeChecks(glossary);
      const plans: XliffMergePlan[] = [];
      const staged: StagedDocument[][] = [];
      // Nothing reaches its place until every file has been checked: all is written, or nothing.
      const staging = new StagedWrites();
      const progress = options.progress !== false && (io.stderr as TerminalStream).isTTY ? readingProgress(io.stderr) : undefined;
      try {
        for (const path of files) {
          // read in chunks by the plan, so that a large file is never held whole
          let input: XliffFileRef;
          try {
            input = xliffFile(path, progress && ((done, total) => progress.update(path, done, total)));
          } catch (error) {
            if (!(error instanceof TarjomanError)) throw error;
            plans.push({ xliffPath: path, refusals: [planFinding('read', path, error.message)], findings: [], documents: [] });
            staged.push([]);
            continue;
          }
          const documents: StagedDocument[] = [];
          plans.push(
            await planXliffMerge(input, path, {
              untranslated: options.untranslated,
              ...(options.require ? { require: options.require } : {}),
              ...(options.to !== undefined ? { to: options.to } : {}),
              ...(options.original !== undefined ? { original: options.original } : {}),
              segmenterFor: (lang) => segmenterFor(lang, options.srx),
              checks,
              onDocument: (document) => documents.push(stageDocument(document, options.out, options.publish ?? [], staging)),
            }),
          );
          staged.push(documents);
        }
        progress?.stop();

        // Nothing may be written over an input, and no two documents into one file.
        const inputs = new Set([...files.map((f) => resolve(f)), ...staged.flat().map((d) => d.originalPath)]);
        const taken = new Map<string, string>();
        plans.forEach((plan, i) => {
          for (const document of staged[i]!) {
            for (const suffix of ['', ...(options.publish ?? []).map((f) => PUBLISH_SUFFIX[f])]) {
              const target = resolve(options.out, ...document.outPath.split('/')) + suffix;
              if (inputs.has(target)) plan.refusals.push(planFinding('output-is-input', plan.xliffPath, t('merge:rule.output-is-input', { path: target })));
              const other = taken.get(target);
              if (other !== undefined) plan.refusals.push(planFinding('output-taken', plan.xliffPath, t('merge:rule.output-taken', { path: target, other })));
              taken.set(target, plan.xliffPath);
            }
          }
        });

        for (const plan of plans) for (const finding of [...plan.refusals, ...plan.findings]) io.stderr.write(`${formatFinding(finding)}\n`);
        const refused = plans.filter((p) => p.refusals.length > 0);
        if (refused.length) throw new TarjomanError('merge:refused', { count: refused.length });
        const errors = plans.reduce((n, p) => n + p.findings.filter((f) => f.severity === 'error').length, 0);
        if (errors && !options.force) throw new TarjomanError('merge:qualityFailed', { count: errors });
        if (errors) io.stderr.write(`${t('merge:forced', { count: errors })}\n`);
        staging.commit();
      } finally {
        progress?.stop();
        staging.abort();
      }

      for (const documents of staged) {
        for (const document of documents) io.stderr.write(`${summary(document.counts, document.written[0]!.split(sep).join('/'))}\n`);
        for (const document of documents) for (const path of document.written.slice(1)) io.stderr.write(`${t('publish:wrote', { file: path.split(sep).join('/') })}\n`);
      }
    });
}
