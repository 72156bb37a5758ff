import type { Glossary } from '../glossary/schema.js';
import type { Content } from '../model/schema.js';

export type QaSeverity = 'error' | 'warning';

export type QaRule =
  | 'empty-target'
  | 'untranslated'
  | 'code-missing'
  | 'code-added'
  | 'code-duplicated'
  | 'code-pair-broken'
  | 'term-missing'
  | 'term-forbidden'
  | 'term-deprecated'
  | 'term-dnt-changed'
  | 'number-missing'
  | 'number-added'
  | 'whitespace-leading'
  | 'whitespace-trailing'
  | 'fa-arabic-letter'
  | 'fa-latin-punctuation'
  | 'fa-missing-zwnj'
  | 'fa-mixed-digits'
  | 'punctuation-end';

/** Offsets count UTF-16 units in the plain text (codes left out) of the source or the target. */
export interface QaSpan {
  start: number;
  end: number;
  text: string;
}

export interface QaFinding {
  rule: QaRule;
  severity: QaSeverity;
  unitId: string;
  segmentId: string;
  message: string;
  sourceSpan?: QaSpan;
  targetSpan?: QaSpan;
  /** what would be right, where the check knows it */
  expected?: string[];
  /** the glossary entry a terminology finding is about */
  conceptId?: string;
}

export interface QaPair {
  unitId: string;
  segmentId: string;
  source: Content;
  target: Content;
  sourceLang: string;
  targetLang: string;
  glossary?: Glossary;
}

/** A pair with what every check needs worked out once. */
export interface QaContext extends QaPair {
  sourceText: string;
  targetText: string;
  sourcePrimary: string;
  targetPrimary: string;
}

/** What a check reports before the segment's ids are attached. */
export type Issue = Omit<QaFinding, 'unitId' | 'segmentId'>;

export interface QaCheck {
  /** the rules this check can report */
  readonly rules: readonly QaRule[];
  run(context: QaContext): Issue[];
}
