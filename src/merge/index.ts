import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatByName, formatForPath, type Format } from '../formats/index.js';
import { t } from '../i18n/index.js';
import { targetOrSource } from '../model/content.js';
import { TarjomanError } from '../model/located-error.js';
import type { Document } from '../model/schema.js';
import type { Segmenter } from '../segment/segmenter.js';
import { extractDocument } from '../steps/extract-document.js';
import { checkXliff, type Finding } from '../xliff/check/index.js';
import { readXliff, type XliffFile, type XliffFileEntry } from '../xliff/read/index.js';
import { matchDocument, type MergeCounts, type MergePolicy } from './match.js';

export { matchDocument, REQUIRED_STATES, type MatchRequest, type MatchResult, type MergeCounts, type MergePolicy, type RequiredState } from './match.js';
export { qualityChecks, runQualityChecks, type QualityCheck, type QualityPair } from './checks.js';

export interface MergeXliffOptions extends MergePolicy {
  /** the target language the user expects; a file for another language is refused */
  to?: string;
  /** the original to use instead of the recorded path */
  original?: string;
  /** the folder recorded paths are relative to */
  cwd?: string;
  segmenterFor(lang: string): Segmenter;
}

export interface PlannedDocument {
  /** where the merged document goes, relative to the output folder, `/`-separated */
  outPath: string;
  /** the original as read, so the caller can make sure no input is overwritten */
  originalPath: string;
  bytes: Uint8Array;
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

interface Located {
  entry: XliffFileEntry;
  file: XliffFile;
}

async function planEntry({ entry, file }: Located, xliffPath: string, options: MergeXliffOptions, plan: XliffMergePlan): Promise<void> {
  const at = { line: entry.line, column: entry.column };
  const originalPath = options.original ?? entry.original;
  if (!originalPath) {
    plan.refusals.push(refusal('original-unknown', xliffPath, at, t('merge:rule.original-unknown')));
    return;
  }
  const targetLang = entry.trgLang ?? file.trgLang;
  if (options.to !== undefined && targetLang !== undefined && options.to.toLowerCase() !== targetLang.toLowerCase()) {
    plan.refusals.push(refusal('target-language', xliffPath, at, t('merge:rule.target-language', { found: targetLang, expected: options.to })));
    return;
  }
  const lang = targetLang ?? options.to;
  if (lang === undefined) {
    plan.refusals.push(refusal('target-language-unknown', xliffPath, at, t('merge:rule.target-language-unknown')));
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(resolve(options.cwd ?? process.cwd(), originalPath)));
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    plan.refusals.push(refusal('original-unreadable', xliffPath, at, t('merge:rule.original-unreadable', { path: originalPath, reason })));
    return;
  }
  let format: Format;
  let original: Document;
  const sourceLang = entry.srcLang || file.srcLang;
  try {
    format = entry.format ? formatByName(entry.format) : formatForPath(originalPath);
    original = extractDocument({ bytes, path: originalPath, format, sourceLang, targetLang: lang, segmenter: options.segmenterFor(sourceLang) });
  } catch (error) {
    plan.refusals.push(findingOf(error, 'original-unreadable', originalPath));
    return;
  }
  if (entry.sha256 === undefined) {
    plan.findings.push({ ...refusal('no-checksum', xliffPath, at, t('merge:rule.no-checksum', { path: originalPath })), severity: 'warning' });
  } else if (entry.sha256 !== original.sha256) {
    const rule = options.original !== undefined ? 'original-other' : 'original-changed';
    plan.refusals.push(refusal(rule, xliffPath, at, t(`merge:rule.${rule}`, { path: originalPath })));
    return;
  }
  const matched = matchDocument({ original: { ...original, path: entry.original || originalPath }, entry, xliffPath, targetLang: lang, policy: options });
  plan.refusals.push(...matched.refusals);
  plan.findings.push(...matched.findings);
  if (matched.refusals.length) return;
  plan.documents.push({
    outPath: outputPathFor(entry.original || originalPath),
    originalPath: resolve(options.cwd ?? process.cwd(), originalPath),
    bytes: format.merge(matched.document, { targetLang: lang, choose: targetOrSource }),
    document: matched.document,
    targetLang: lang,
    counts: matched.counts,
  });
}

/**
 * Everything merging one XLIFF file would write, and every finding against it; nothing is
 * written here. A file that is broken or unsafe is refused before its content is looked at.
 */
export async function planXliffMerge(bytes: Uint8Array, xliffPath: string, options: MergeXliffOptions): Promise<XliffMergePlan> {
  const plan: XliffMergePlan = { xliffPath, refusals: [], findings: [], documents: [] };
  const checked = checkXliff(bytes, xliffPath);
  plan.refusals.push(...checked.filter((f) => f.severity === 'error'));
  plan.findings.push(...checked.filter((f) => f.severity !== 'error'));
  if (plan.refusals.length) return plan;
  let file: XliffFile;
  try {
    file = readXliff(bytes, xliffPath);
  } catch (error) {
    plan.refusals.push(findingOf(error, 'read', xliffPath));
    return plan;
  }
  if (options.original !== undefined && file.files.length !== 1) {
    plan.refusals.push(refusal('original-ambiguous', xliffPath, {}, t('merge:rule.original-ambiguous', { count: file.files.length })));
    return plan;
  }
  for (const entry of file.files) await planEntry({ entry, file }, xliffPath, options, plan);
  return plan;
}
