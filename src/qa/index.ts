import { prepareTermChecks } from '../glossary/checks/index.js';
import { t } from '../i18n/index.js';
import { segments, plainText } from '../model/content.js';
import type { Location } from '../model/located-error.js';
import type { Document } from '../model/schema.js';
import type { Glossary } from '../glossary/schema.js';
import { codeChecks } from './codes.js';
import { numberChecks } from './numbers.js';
import { arabicLetters, latinPunctuation, missingZwnj, mixedDigits, prepareMisspellings } from './persian.js';
import { emptyTarget, isEmptyTarget, untranslated, whitespace } from './presence.js';
import { punctuationEnd } from './punctuation.js';
import { primaryOf } from './shared.js';
import { termChecks } from './terms.js';
import type { QaCheck, QaContext, QaFinding, QaPair, QaRule, QaSeverity } from './types.js';

export type { Issue, QaCheck, QaContext, QaFinding, QaPair, QaRule, QaSeverity, QaSpan } from './types.js';
export { findNumbers } from './numbers.js';

/** Every check, in the order their findings are listed. */
export const QA_CHECKS: readonly QaCheck[] = [
  emptyTarget,
  untranslated,
  codeChecks,
  termChecks,
  numberChecks,
  whitespace,
  arabicLetters,
  latinPunctuation,
  missingZwnj,
  mixedDigits,
  punctuationEnd,
];

export const QA_RULES: readonly QaRule[] = QA_CHECKS.flatMap((check) => check.rules);

export interface QaOptions {
  /** the checks to run; all of them by default */
  checks?: readonly QaCheck[];
}

function contextOf(pair: QaPair): QaContext {
  const context: QaContext = {
    unitId: pair.unitId,
    segmentId: pair.segmentId,
    source: pair.source,
    target: pair.target,
    sourceLang: pair.sourceLang,
    targetLang: pair.targetLang,
    sourceText: plainText(pair.source),
    targetText: plainText(pair.target),
    sourcePrimary: primaryOf(pair.sourceLang),
    targetPrimary: primaryOf(pair.targetLang),
  };
  if (pair.glossary) context.glossary = pair.glossary;
  return context;
}

/**
 * Builds, once, everything the checks look up in a glossary (term matchers, the concept index,
 * the misspellings to look for), so that the time spent on the first segment, or on a file,
 * does not include it. Checking works the same without this call.
 */
export function prepareQa(glossary: Glossary, sourceLang: string, targetLang: string): void {
  prepareTermChecks(glossary, sourceLang, targetLang);
  if (primaryOf(targetLang) === 'fa') prepareMisspellings(glossary);
}

/**
 * The quality findings of one translated segment. An empty target is reported alone: every
 * other check would only repeat that something is missing.
 */
export function checkSegment(pair: QaPair, options: QaOptions = {}): QaFinding[] {
  const context = contextOf(pair);
  const checks = options.checks ?? QA_CHECKS;
  const empty = isEmptyTarget(context);
  const out: QaFinding[] = [];
  // A loop rather than flatMap: this runs for every segment of a file, and most checks find nothing.
  for (const check of checks) {
    if (empty && check !== emptyTarget) continue;
    const found = check.run(context);
    for (const issue of found) out.push({ ...issue, unitId: pair.unitId, segmentId: pair.segmentId });
  }
  return out;
}

export function checkDocument(pairs: Iterable<QaPair>, options: QaOptions = {}): QaFinding[] {
  const out: QaFinding[] = [];
  for (const pair of pairs) out.push(...checkSegment(pair, options));
  return out;
}

/**
 * The pairs of a document to check: every segment of a unit meant for translation. A segment
 * without a target counts as empty, since merge would publish its source untranslated.
 */
export function pairsOf(document: Document, glossary?: Glossary): QaPair[] {
  const targetLang = document.targetLang ?? 'fa';
  return document.units
    .filter((unit) => unit.translate)
    .flatMap((unit) =>
      segments(unit).map((segment) => ({
        unitId: unit.id,
        segmentId: segment.id,
        source: segment.source,
        target: segment.target ?? [],
        sourceLang: document.sourceLang,
        targetLang,
        ...(glossary ? { glossary } : {}),
      })),
    );
}

export const errorCount = (findings: readonly QaFinding[]) => findings.filter((f) => f.severity === 'error').length;

/** `file:line:column [unit/segment] error rule: message`, in the current locale. */
export function formatFinding(finding: QaFinding, location: Location = {}): string {
  const { file, line, column } = location;
  let where = file ?? '';
  if (file && line !== undefined) where += `:${line}` + (column !== undefined ? `:${column}` : '');
  where += `${where ? ' ' : ''}[${finding.unitId}/${finding.segmentId}]`;
  const severity: QaSeverity = finding.severity;
  return `${where} ${t(`qa:severity.${severity}`)} ${finding.rule}: ${finding.message}`;
}
