import { formatList, formatNumber, t } from '../../i18n/index.js';
import { codePointAt, codePointBefore, isArabicScriptLetter, isLatinLetter, isWordCodePoint } from '../../lang/chars.js';
import { possessiveLength } from '../../lang/en.js';
import { plainText } from '../../model/content.js';
import type { Content } from '../../model/schema.js';
import { createMatcher, primaryLanguage, termsIn, type Hit, type TermMatcher } from '../matcher/index.js';
import type { Concept, Glossary, Term } from '../schema.js';

export type TermRule = 'term-missing' | 'term-forbidden' | 'term-deprecated' | 'term-dnt-changed';
export type Severity = 'error' | 'warning';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface TermFinding {
  rule: TermRule;
  severity: Severity;
  conceptId: string;
  /** offsets into the source's plain text */
  sourceSpan?: Span;
  /** offsets into the target's plain text */
  targetSpan?: Span;
  /** the target forms that would be right */
  expected: string[];
  message: string;
}

export interface TermCheckInput {
  source: Content | string;
  target: Content | string;
  glossary: Glossary;
  sourceLang: string;
  targetLang: string;
}

function hitsOf(matcher: TermMatcher, value: Content | string): { text: string; hits: Hit[] } {
  if (typeof value === 'string') return { text: value, hits: matcher.find(value) };
  return { text: plainText(value), hits: matcher.findInContent(value) };
}

const span = (hit: Hit): Span => ({ start: hit.start, end: hit.end, text: hit.text });

const quote = (text: string) => t('terms:quote', { text });

function alternatives(forms: readonly string[]): string {
  const quoted = forms.map(quote);
  return formatList(quoted, 'disjunction');
}

const formatCount = (n: number) => formatNumber(n);

/** The forms a translation may use: preferred and admitted terms, preferred first. */
export function acceptedTerms(concept: Concept, lang: string): Term[] {
  return termsIn(concept, lang).filter((term) => term.status === 'preferred' || term.status === 'admitted');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

type ScriptClass = 'latin' | 'arabic' | 'other';

function scriptOf(cp: number): ScriptClass {
  if (isLatinLetter(cp)) return 'latin';
  if (isArabicScriptLetter(cp)) return 'arabic';
  return 'other';
}

/** A neighbour ends the name unless it continues the same script's word (so «MEKها» keeps MEK, "MEKA" does not). */
function separates(neighbour: number, edge: number): boolean {
  if (neighbour < 0 || !isWordCodePoint(neighbour)) return true;
  if (neighbour === 0x200c) return true;
  const a = scriptOf(neighbour);
  return a !== 'other' && a !== scriptOf(edge);
}

/**
 * How often `name` occurs unchanged in `text` as a name of its own; in an English text a plural
 * or possessive ending may follow ("the MEK's").
 */
export function countVerbatim(text: string, name: string, lang: string): number {
  if (name === '') return 0;
  const first = codePointAt(name, 0).cp;
  const last = codePointBefore(name, name.length);
  const english = primaryLanguage(lang) === 'en';
  let count = 0;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if (!separates(codePointBefore(text, i), first)) continue;
    let end = i + name.length;
    if (english) {
      const possessive = possessiveLength(text, end);
      if (possessive > 0) end += possessive;
      else if (text[end] === 's' && (end + 1 === text.length || !isWordCodePoint(codePointAt(text, end + 1).cp))) end += 1;
    }
    if (end < text.length && !separates(codePointAt(text, end).cp, last)) continue;
    count++;
  }
  return count;
}

const conceptIndex = new WeakMap<Glossary['entries'], { count: number; byId: Map<string, Concept> }>();

/** Built once per glossary: the check runs for every segment, and a per-call index made QA time grow with glossary size. */
function conceptsById(glossary: Glossary): Map<string, Concept> {
  const cached = conceptIndex.get(glossary.entries);
  if (cached && cached.count === glossary.entries.length) return cached.byId;
  const byId = new Map<string, Concept>();
  for (const concept of glossary.entries) if (!byId.has(concept.id)) byId.set(concept.id, concept);
  conceptIndex.set(glossary.entries, { count: glossary.entries.length, byId });
  return byId;
}

/**
 * Builds what checking against a glossary needs, once: the matchers of both languages and the
 * index of concepts. Otherwise the first segment checked pays for it, which for a large
 * glossary is most of the time a small file takes.
 */
export function prepareTermChecks(glossary: Glossary, sourceLang: string, targetLang: string): void {
  createMatcher(glossary, sourceLang);
  createMatcher(glossary, targetLang);
  conceptsById(glossary);
}

/**
 * Checks a translation against the glossary:
 * - every source term must be matched by one of its concept's terms in the target, as many times
 *   as it occurs in the source (a second mention translated by a pronoun is still flagged: the
 *   reviewer decides, the check does not guess);
 * - a forbidden target term is an error, a deprecated one a warning, wherever it occurs;
 * - a do-not-translate name must appear in the target exactly as in the source.
 * A target hit of the concept in any status counts towards its source hits, so a wrong form is
 * reported once (as forbidden or deprecated) rather than also as missing.
 * Concepts without terms in the target language cannot be checked and are skipped.
 */
export function checkTerms(input: TermCheckInput): TermFinding[] {
  const { glossary, sourceLang, targetLang } = input;
  const source = hitsOf(createMatcher(glossary, sourceLang), input.source);
  const target = hitsOf(createMatcher(glossary, targetLang), input.target);
  const concepts = conceptsById(glossary);
  const targetByConcept = groupBy(target.hits, (h) => h.conceptId);
  const findings: TermFinding[] = [];

  /**
   * How many mentions of a concept the target renders. Besides the concept's own target hits:
   * an acronym kept in Latin ("سازمان مجاهدین خلق ایران (PMOI/MEK)") renders its source mention,
   * and a target term nested inside a longer name of another concept («رئیس‌جمهور برگزیده شورای ملی
   * مقاومت») still names it, though the matcher, leftmost-longest, reports only the longer name.
   */
  const renderings = (id: string, hits: Hit[], expected: string[]): number => {
    let found = targetByConcept.get(id)?.length ?? 0;
    const acronyms = new Set(hits.filter((h) => h.term.abbreviation).map((h) => source.text.slice(h.start, h.stemEnd)));
    for (const name of acronyms) found += countVerbatim(target.text, name, targetLang);
    if (found < hits.length) {
      const nested = expected.reduce((n, term) => n + countVerbatim(target.text, term, targetLang), 0);
      found = Math.max(found, nested);
    }
    return found;
  };

  for (const [id, hits] of groupBy(source.hits, (h) => h.conceptId)) {
    const concept = concepts.get(id)!;
    if (concept.doNotTranslate) {
      for (const [name, same] of groupBy(hits, (h) => source.text.slice(h.start, h.stemEnd))) {
        const found = countVerbatim(target.text, name, targetLang);
        for (const hit of same.slice(found)) {
          const params = { entry: id, source: quote(name), sourceCount: formatCount(same.length), targetCount: formatCount(found) };
          findings.push({
            rule: 'term-dnt-changed',
            severity: 'error',
            conceptId: id,
            sourceSpan: span(hit),
            expected: [name],
            message: t(same.length > 1 ? 'terms:check.dntChangedCount' : 'terms:check.dntChanged', params),
          });
        }
      }
      continue;
    }
    const expected = acceptedTerms(concept, targetLang).map((term) => term.text);
    if (expected.length === 0) continue;
    const found = renderings(id, hits, expected);
    for (const hit of hits.slice(found)) {
      const params = {
        entry: id,
        source: quote(hit.text),
        expected: alternatives(expected),
        sourceCount: formatCount(hits.length),
        targetCount: formatCount(found),
      };
      findings.push({
        rule: 'term-missing',
        severity: 'error',
        conceptId: id,
        sourceSpan: span(hit),
        expected,
        message: t(hits.length > 1 ? 'terms:check.missingCount' : 'terms:check.missing', params),
      });
    }
  }

  for (const hit of target.hits) {
    const status = hit.term.status;
    if (status !== 'forbidden' && status !== 'deprecated') continue;
    const concept = concepts.get(hit.conceptId)!;
    const expected = acceptedTerms(concept, targetLang).map((term) => term.text);
    const key = status === 'forbidden' ? 'forbidden' : 'deprecated';
    findings.push({
      rule: status === 'forbidden' ? 'term-forbidden' : 'term-deprecated',
      severity: status === 'forbidden' ? 'error' : 'warning',
      conceptId: hit.conceptId,
      targetSpan: span(hit),
      expected,
      message: t(`terms:check.${key}${expected.length ? '' : 'Bare'}`, {
        entry: hit.conceptId,
        target: quote(hit.text),
        expected: alternatives(expected),
      }),
    });
  }

  // Source-anchored findings in source order, then target-anchored ones in target order.
  return findings.sort(
    (a, b) =>
      Number(!a.sourceSpan) - Number(!b.sourceSpan) ||
      (a.sourceSpan?.start ?? 0) - (b.sourceSpan?.start ?? 0) ||
      (a.targetSpan?.start ?? 0) - (b.targetSpan?.start ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}
