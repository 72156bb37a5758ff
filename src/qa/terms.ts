import { checkTerms } from '../glossary/checks/index.js';
import type { QaCheck } from './types.js';

/** The glossary's own findings, carried over as they are; without a glossary there is nothing to check. */
export const termChecks: QaCheck = {
  rules: ['term-missing', 'term-forbidden', 'term-deprecated', 'term-dnt-changed'],
  run({ source, target, glossary, sourceLang, targetLang }) {
    if (!glossary) return [];
    return checkTerms({ source, target, glossary, sourceLang, targetLang }).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      conceptId: f.conceptId,
      expected: f.expected,
      ...(f.sourceSpan ? { sourceSpan: f.sourceSpan } : {}),
      ...(f.targetSpan ? { targetSpan: f.targetSpan } : {}),
    }));
  },
};
