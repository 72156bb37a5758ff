import type { Severity } from '../xliff/check/index.js';
import type { QaPair } from '../qa/types.js';

/** A source segment and the target merge is about to write for it. */
export type QualityPair = Omit<QaPair, 'glossary'>;

/**
 * What a check reports. Merge places it at the segment in the XLIFF file, so a check needs
 * to know nothing about files; the shape is loose enough for the qa module's findings to fit.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
}

export type QualityCheck = (pair: QualityPair) => Finding[];

/**
 * The checks merge runs on every translated segment. Checks are added here rather than wired
 * into merge, so the set can grow without merge changing; error-level findings stop the merge
 * unless `--force` is given.
 */
export const qualityChecks: QualityCheck[] = [];

export function runQualityChecks(pair: QualityPair, checks: readonly QualityCheck[] = qualityChecks): Finding[] {
  return checks.flatMap((check) => check(pair));
}
