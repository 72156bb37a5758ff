import { resourceQualityCheck } from '../formats/i18next/quality-check.js';
import type { Glossary } from '../glossary/schema.js';
import { checkSegment } from '../qa/index.js';
import { qualityChecks, type QualityCheck } from './checks.js';

/** The checks a merge runs: the registered ones, the qa rules (with the glossary when one is given), and the i18next resource checks. */
export function mergeChecks(glossary?: Glossary): QualityCheck[] {
  return [...qualityChecks, (pair) => checkSegment({ ...pair, ...(glossary ? { glossary } : {}) }), resourceQualityCheck];
}
