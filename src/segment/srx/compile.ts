import { TarjomanError } from '../../model/located-error.js';
import { RegexSyntaxError } from './icu-regex/regex-syntax-error.js';
import { type CaseMode, type TranslatedPattern, translateIcuRegex } from './icu-regex/translate.js';
import type { SrxDocument, SrxLanguageRule, SrxPosition, SrxRule } from './model.js';

/**
 * A rule ready to run: one global regex `(?<=before)(?=after)` whose match positions are the
 * positions the rule applies to, or two (before, then after) when the two patterns need
 * different case handling and so cannot share one set of flags.
 */
export interface CompiledRule {
  readonly isBreak: boolean;
  readonly combined?: RegExp;
  readonly before?: RegExp;
  readonly after?: RegExp;
  /** `languagerulename` and 1-based rule number, for diagnostics. */
  readonly origin: string;
}

const flagsFor = (mode: CaseMode) => (mode === 'insensitive' ? 'giu' : 'gu');
const compatible = (a: CaseMode, b: CaseMode) => a === b || a === 'none' || b === 'none';

function translatePart(
  doc: SrxDocument,
  languageRule: SrxLanguageRule,
  index: number,
  rule: SrxRule,
  part: 'beforebreak' | 'afterbreak',
  captureOffset: number,
): TranslatedPattern {
  const pattern = part === 'beforebreak' ? rule.beforeBreak : rule.afterBreak;
  try {
    return translateIcuRegex(pattern, { captureOffset, allowBackreferences: part === 'afterbreak' });
  } catch (error) {
    if (!(error instanceof RegexSyntaxError)) throw error;
    const where: SrxPosition = (part === 'beforebreak' ? rule.beforePosition : rule.afterPosition) ?? rule.position;
    throw new TarjomanError(
      `segment:regex.${error.code}`,
      {
        file: doc.path,
        rules: languageRule.name,
        rule: index + 1,
        part,
        pattern,
        offset: error.offset + 1,
        ...error.params,
      },
      { file: doc.path, ...where },
      { cause: error },
    );
  }
}

export function compileRule(doc: SrxDocument, languageRule: SrxLanguageRule, index: number): CompiledRule {
  const rule = languageRule.rules[index]!;
  const origin = `${languageRule.name} #${index + 1}`;
  const before = translatePart(doc, languageRule, index, rule, 'beforebreak', 0);
  const lookbehind = rule.beforeBreak === '' ? '' : `(?<=${before.source})`;
  const afterShared = translatePart(doc, languageRule, index, rule, 'afterbreak', before.captureCount);
  const lookahead = rule.afterBreak === '' ? '' : `(?=${afterShared.source})`;
  if (compatible(before.caseMode, afterShared.caseMode)) {
    const mode = before.caseMode === 'none' ? afterShared.caseMode : before.caseMode;
    return { isBreak: rule.break, combined: new RegExp(lookbehind + lookahead, flagsFor(mode)), origin };
  }
  const after = translatePart(doc, languageRule, index, rule, 'afterbreak', 0);
  return {
    isBreak: rule.break,
    before: new RegExp(lookbehind, flagsFor(before.caseMode)),
    after: new RegExp(rule.afterBreak === '' ? '' : `(?=${after.source})`, flagsFor(after.caseMode)),
    origin,
  };
}

function languageMatcher(doc: SrxDocument, pattern: string, position: SrxPosition): RegExp {
  try {
    // Language codes are case-insensitive (BCP 47), and SRX files write patterns such as `EN.*`.
    const translated = translateIcuRegex(pattern, { caseInsensitive: true });
    return new RegExp(`^(?:${translated.source})$`, translated.caseMode === 'insensitive' ? 'iu' : 'u');
  } catch (error) {
    if (!(error instanceof RegexSyntaxError)) throw error;
    throw new TarjomanError(
      'segment:srx.languagePattern',
      { file: doc.path, pattern, offset: error.offset + 1, code: error.code },
      { file: doc.path, ...position },
      { cause: error },
    );
  }
}

/** The language rules that apply to a language, in order: every matching map with cascade, else the first. */
export function selectLanguageRules(doc: SrxDocument, lang: string): SrxLanguageRule[] {
  const selected: SrxLanguageRule[] = [];
  for (const map of doc.languageMaps) {
    if (!languageMatcher(doc, map.languagePattern, map.position).test(lang)) continue;
    const rules = doc.languageRules.get(map.languageRuleName)!;
    // A rule set listed twice cannot change any decision the second time: the first match wins.
    if (!selected.includes(rules)) selected.push(rules);
    if (!doc.cascade) break;
  }
  if (selected.length === 0) throw new TarjomanError('segment:srx.noLanguageMap', { file: doc.path, lang }, { file: doc.path });
  return selected;
}

/** Every rule that applies to a language, compiled, in the order SRX tries them. */
export function compileLanguage(doc: SrxDocument, lang: string): CompiledRule[] {
  return selectLanguageRules(doc, lang).flatMap((languageRule) =>
    languageRule.rules.map((_, index) => compileRule(doc, languageRule, index)),
  );
}
