import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatByName, formatForPath, type Format } from '../formats/index.js';
import { mergedChunks } from '../formats/format.js';
import { joinBytes } from '../formats/shared.js';
import { t } from '../i18n/index.js';
import { targetOrSource } from '../model/content.js';
import { TarjomanError } from '../model/located-error.js';
import type { Document } from '../model/schema.js';
import type { Segmenter } from '../segment/segmenter.js';
import { extractDocument } from '../steps/extract-document.js';
import { checkXliff, type Finding } from '../xliff/check/index.js';
import type { XliffInput } from '../xliff/read/input.js';
import { fileEntry } from '../xliff/read/model.js';
import type { RawFile } from '../xliff/read/raw.js';
import type { XliffFile, XliffFileEntry } from '../xliff/read/index.js';
import { DocumentMatcher, type MergeCounts, type MergePolicy } from './match.js';

export { DocumentMatcher, matchDocument, REQUIRED_STATES, type MatchRequest, type MatchResult, type MergeCounts, type MergePolicy, type RequiredState } from './match.js';
export { qualityChecks, runQualityChecks, type QualityCheck, type QualityPair } from './checks.js';

export interface MergeXliffOptions extends MergePolicy {
  /** the target language the user expects; a file for another language is refused */
  to?: string;
  /** the original to use instead of the recorded path */
  original?: string;
  /** the folder recorded paths are relative to */
  cwd?: string;
  segmenterFor(lang: string): Segmenter;
  /** false to only check: no merged documents are made, which spares their memory on a large file */
  documents?: boolean;
  /**
   * Takes each merged document as soon as its `<file>` has been read, instead of the plan
   * keeping them all: with many files in one XLIFF, only one original and one merged document
   * are held at a time. A document handed on may still belong to a plan that ends refused;
   * whoever stages it must then drop it.
   */
  onDocument?(document: PlannedDocument): void;
}

export interface PlannedDocument {
  /** where the merged document goes, relative to the output folder, `/`-separated */
  outPath: string;
  /** the original as read, so the caller can make sure no input is overwritten */
  originalPath: string;
  /**
   * The merged document's bytes in chunks that one after another are the file. A document
   * handed on by `onDocument` is rendered as its chunks are taken, so a caller that writes each
   * as it comes never holds the whole file; one kept in the plan was rendered with it.
   */
  chunks(): Iterable<Uint8Array>;
  /** the same bytes whole, joined when first asked for */
  readonly bytes: Uint8Array;
  /** the merged model, targets in place, for publications made from exactly what was written */
  document: Document;
  targetLang: string;
  counts: MergeCounts;
}

export interface XliffMergePlan {
  xliffPath: string;
  /** problems no `--force` overrides: a broken or unsafe file, a changed or different original, drift */
  refusals: Finding[];
  /** warnings, and policy and quality errors that `--force` may override */
  findings: Finding[];
  documents: PlannedDocument[];
  /** the document path each `<file>` records, in file order; absent when the file could not be read whole */
  originals?: string[];
}

/** Where a merged document goes under the output folder; never above it, whatever the recorded path holds. */
export function outputPathFor(recorded: string): string {
  return recorded
    .split(/[\\/]/u)
    .filter((p) => p !== '..' && p !== '.' && p !== '' && !/^[A-Za-z]:$/u.test(p))
    .join('/');
}

function refusal(rule: string, file: string, at: { line?: number; column?: number }, message: string): Finding {
  return { rule, severity: 'error', message, file, line: at.line ?? 1, column: at.column ?? 1 };
}

/** A thrown TarjomanError as a finding at the place it names, under the given rule. */
function findingOf(error: unknown, rule: string, file: string): Finding {
  if (!(error instanceof TarjomanError)) throw error;
  return refusal(rule, error.location.file ?? file, error.location, error.message);
}

/** Where a file's entry stands and which languages it falls back to. */
interface Located {
  entry: XliffFileEntry;
  file: Pick<XliffFile, 'srcLang' | 'trgLang'>;
}

/** What one `<file>` of the XLIFF becomes: refused before matching, or a matcher fed unit by unit. */
interface EntryPlan {
  refusals: Finding[];
  findings: Finding[];
  match?: { matcher: DocumentMatcher; format: Format; originalPath: string; lang: string; entry: XliffFileEntry };
}

/** Everything `planEntry` decides before the units are read: the original found, read, and the same. */
function startEntry({ entry, file }: Located, xliffPath: string, options: MergeXliffOptions): EntryPlan {
  const plan: EntryPlan = { refusals: [], findings: [] };
  const at = { line: entry.line, column: entry.column };
  const originalPath = options.original ?? entry.original;
  if (!originalPath) {
    plan.refusals.push(refusal('original-unknown', xliffPath, at, t('merge:rule.original-unknown')));
    return plan;
  }
  const targetLang = entry.trgLang ?? file.trgLang;
  if (options.to !== undefined && targetLang !== undefined && options.to.toLowerCase() !== targetLang.toLowerCase()) {
    plan.refusals.push(refusal('target-language', xliffPath, at, t('merge:rule.target-language', { found: targetLang, expected: options.to })));
    return plan;
  }
  const lang = targetLang ?? options.to;
  if (lang === undefined) {
    plan.refusals.push(refusal('target-language-unknown', xliffPath, at, t('merge:rule.target-language-unknown')));
    return plan;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(resolve(options.cwd ?? process.cwd(), originalPath)));
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    plan.refusals.push(refusal('original-unreadable', xliffPath, at, t('merge:rule.original-unreadable', { path: originalPath, reason })));
    return plan;
  }
  let format: Format;
  let original: Document;
  const sourceLang = entry.srcLang || file.srcLang;
  try {
    format = entry.format ? formatByName(entry.format) : formatForPath(originalPath);
    original = extractDocument({ bytes, path: originalPath, format, sourceLang, targetLang: lang, segmenter: options.segmenterFor(sourceLang) });
  } catch (error) {
    plan.refusals.push(findingOf(error, 'original-unreadable', originalPath));
    return plan;
  }
  if (entry.sha256 === undefined) {
    plan.findings.push({ ...refusal('no-checksum', xliffPath, at, t('merge:rule.no-checksum', { path: originalPath })), severity: 'warning' });
  } else if (entry.sha256 !== original.sha256) {
    const rule = options.original !== undefined ? 'original-other' : 'original-changed';
    plan.refusals.push(refusal(rule, xliffPath, at, t(`merge:rule.${rule}`, { path: originalPath })));
    return plan;
  }
  // Checking alone needs the units, not the skeleton that holds the original's text again.
  const lean = options.documents === false ? { ...original, skeleton: { pieces: [], meta: {} } } : original;
  const matcher = new DocumentMatcher({ ...lean, path: entry.original || originalPath }, xliffPath, lang, options, options.documents !== false);
  plan.match = { matcher, format, originalPath, lang, entry };
  return plan;
}

/** What one `<file>` came to once matched: its findings, and its merged document unless refused. */
interface FinishedEntry {
  refusals: Finding[];
  findings: Finding[];
  document?: PlannedDocument;
}

/**
 * `lazy`: render the merged bytes only when the document's chunks are taken. Otherwise they are
 * rendered here, so a document that cannot be written fails the plan, not its writer.
 */
function finishEntry(entry: EntryPlan, options: MergeXliffOptions, lazy: boolean): FinishedEntry {
  const finished: FinishedEntry = { refusals: [...entry.refusals], findings: [...entry.findings] };
  if (!entry.match) return finished;
  const { format, originalPath, lang, entry: located } = entry.match;
  // The matcher holds the original's units beside the merged ones: no reference to it is kept
  // here, not even a local one, so they can go before the bytes are made.
  const matched = entry.match.matcher.finish(located);
  delete entry.match;
  finished.refusals.push(...matched.refusals);
  finished.findings.push(...matched.findings);
  if (matched.refusals.length || options.documents === false) return finished;
  const recorded = located.original;
  const merge = () => mergedChunks(format, matched.document, { targetLang: lang, choose: targetOrSource });
  let rendered = lazy ? undefined : Array.from(merge());
  let whole: Uint8Array | undefined;
  finished.document = {
    outPath: outputPathFor(recorded || originalPath),
    originalPath: resolve(options.cwd ?? process.cwd(), originalPath),
    chunks: () => (whole ? [whole] : (rendered ?? merge())),
    get bytes() {
      if (whole === undefined) {
        whole = joinBytes(rendered ?? merge());
        // Joined, the chunks would only hold the same bytes a second time.
        rendered = undefined;
      }
      return whole;
    },
    document: matched.document,
    targetLang: lang,
    counts: matched.counts,
  };
  return finished;
}

/** A finished entry's findings into the plan, in file order, after the file's own checks. */
function addFinished(finished: FinishedEntry, plan: XliffMergePlan): void {
  plan.refusals.push(...finished.refusals);
  plan.findings.push(...finished.findings);
  if (finished.document) plan.documents.push(finished.document);
}

/**
 * Everything merging one XLIFF file would write, and every finding against it; nothing is
 * written here. A file that is broken or unsafe is refused before its content is looked at.
 * The file is read once: it is checked and its units are matched as they come, so that only
 * the original's model, not the XLIFF's text or units, is held for a large file. Should the
 * checks find the file broken, whatever the matching found is dropped.
 */
export async function planXliffMerge(input: XliffInput, xliffPath: string, options: MergeXliffOptions): Promise<XliffMergePlan> {
  const originals: string[] = [];
  const plan: XliffMergePlan = { xliffPath, refusals: [], findings: [], documents: [], originals };
  // Entries wait for the end of the file unless their documents are handed on as they come, or not made.
  const streaming = options.onDocument !== undefined || options.documents === false;
  const entries: EntryPlan[] = [];
  const finished: FinishedEntry[] = [];
  let doc: { srcLang?: string; trgLang?: string } = {};
  let first: XliffFileEntry | undefined;
  let raw: RawFile | undefined;
  let current: EntryPlan | undefined;
  let files = 0;
  let version: '1.2' | '2.x' = '2.x';
  // Once the checks have an error, or more files come than `--original` allows, matching stops.
  let giveUp = false;
  const start = (file: RawFile) => {
    const entry = fileEntry(file, version);
    first ??= entry;
    current = startEntry({ entry, file: { srcLang: doc.srcLang ?? first.srcLang, trgLang: doc.trgLang ?? first.trgLang } }, xliffPath, options);
  };
  const findings = checkXliff(input, xliffPath, {
    document(v, srcLang, trgLang) {
      version = v === '1.2' ? '1.2' : '2.x';
      doc = { ...(srcLang !== undefined ? { srcLang } : {}), ...(trgLang !== undefined ? { trgLang } : {}) };
    },
    fileStart(file) {
      files += 1;
      raw = file;
      current = undefined;
      if (options.original !== undefined && files > 1) giveUp = true;
    },
    unit(unit) {
      if (giveUp) return;
      if (!current) start(raw!);
      current!.match?.matcher.unit(unit);
    },
    unreadable() {
      delete plan.originals;
    },
    fileEnd(entry) {
      originals.push(entry.original);
      if (giveUp) return;
      if (!current) start(raw!);
      if (current!.match) current!.match.entry = { ...current!.match.entry, line: entry.line, column: entry.column };
      if (streaming) {
        const done = finishEntry(current!, options, options.onDocument !== undefined);
        if (done.document) options.onDocument?.(done.document);
        // Handed on: the plan keeps the findings only.
        delete done.document;
        finished.push(done);
      } else entries.push(current!);
      current = undefined;
    },
  });
  plan.refusals.push(...findings.filter((f) => f.severity === 'error'));
  plan.findings.push(...findings.filter((f) => f.severity !== 'error'));
  if (plan.refusals.length) return plan;
  if (options.original !== undefined && files !== 1) {
    plan.refusals.push(refusal('original-ambiguous', xliffPath, {}, t('merge:rule.original-ambiguous', { count: files })));
    return plan;
  }
  for (const done of finished) addFinished(done, plan);
  for (const entry of entries) addFinished(finishEntry(entry, options, false), plan);
  return plan;
}
